import type { KnowledgeEntry } from '../types.js';

export const googleEntries: readonly KnowledgeEntry[] = [];
