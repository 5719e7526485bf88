import type { KnowledgeEntry } from '../types.js';

export const auth0Entries: readonly KnowledgeEntry[] = [];
