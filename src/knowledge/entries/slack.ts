import type { KnowledgeEntry } from '../types.js';

export const slackEntries: readonly KnowledgeEntry[] = [];
