import type { KnowledgeEntry } from '../types.js';

export const statusEntries: readonly KnowledgeEntry[] = [];
