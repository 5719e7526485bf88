import type { KnowledgeEntry } from '../types.js';

export const appwriteEntries: readonly KnowledgeEntry[] = [];
