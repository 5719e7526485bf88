import type { KnowledgeEntry } from '../types.js';

export const githubEntries: readonly KnowledgeEntry[] = [];
