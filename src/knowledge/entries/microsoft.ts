import type { KnowledgeEntry } from '../types.js';

export const microsoftEntries: readonly KnowledgeEntry[] = [];
