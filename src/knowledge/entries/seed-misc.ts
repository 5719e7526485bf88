import type { KnowledgeEntry } from '../types.js';

export const seedMiscEntries: readonly KnowledgeEntry[] = [];
