import type { KnowledgeEntry } from '../types.js';

export const oktaEntries: readonly KnowledgeEntry[] = [];
