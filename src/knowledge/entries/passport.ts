import type { KnowledgeEntry } from '../types.js';

export const passportEntries: readonly KnowledgeEntry[] = [];
