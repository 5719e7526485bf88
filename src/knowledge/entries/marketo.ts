import type { KnowledgeEntry } from '../types.js';

export const marketoEntries: readonly KnowledgeEntry[] = [];
