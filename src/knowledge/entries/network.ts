import type { KnowledgeEntry } from '../types.js';

export const networkEntries: readonly KnowledgeEntry[] = [];
