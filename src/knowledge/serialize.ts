/**
 * The knowledge base as JSON, and back. The build ships it as dist/knowledge.json, read only when
 * an error is explained: parsing JSON costs far less than compiling some 240 entries of JavaScript,
 * and `decode` and `--help` do not pay for it at all (npm run bench).
 * A matcher's `text` RegExp travels as {regexp, flags, required}, `required` being the text any
 * match contains (explain/required-text.ts), worked out here once instead of on every run.
 */
import { rememberRequiredText, requiredText, type Needles } from '../explain/required-text.js';
import type { KnowledgeEntry } from './types.js';

interface JsonRegExp {
  regexp: string;
  flags: string;
  required: Needles | null;
}

export function knowledgeToJson(entries: readonly KnowledgeEntry[]): string {
  return JSON.stringify(entries, (_key, value: unknown): unknown =>
    value instanceof RegExp ? ({ regexp: value.source, flags: value.flags, required: requiredText(value.source, value.flags) ?? null } satisfies JsonRegExp) : value,
  );
}

export function knowledgeFromJson(json: string): KnowledgeEntry[] {
  const entries = JSON.parse(json) as Array<{ match: Array<{ text?: unknown }> }>;
  for (const entry of entries) {
    for (const matcher of entry.match) {
      const text = matcher.text as JsonRegExp | undefined;
      if (!text) continue;
      const re = new RegExp(text.regexp, text.flags);
      rememberRequiredText(re, text.required ?? undefined);
      matcher.text = re;
    }
  }
  return entries as unknown as KnowledgeEntry[];
}
