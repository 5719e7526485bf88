import type { KnowledgeEntry } from '../types.js';

export const facebookEntries: readonly KnowledgeEntry[] = [];
