import type { KnowledgeEntry } from '../types.js';

export const keycloakEntries: readonly KnowledgeEntry[] = [];
