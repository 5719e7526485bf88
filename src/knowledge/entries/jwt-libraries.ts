import type { KnowledgeEntry } from '../types.js';

export const jwtLibraryEntries: readonly KnowledgeEntry[] = [];
