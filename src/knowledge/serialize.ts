/**
 * The knowledge base as JSON lines, and back. The build ships it as dist/knowledge.jsonl, read only
 * when an error is explained: parsing JSON costs far less than compiling some 240 entries of
 * JavaScript, and `decode` and `--help` do not pay for it at all (npm run bench).
 *
 * Line 1 holds what matching needs (key, finding, severity, match, priority); line n+2 holds the
 * words of entry n (title, meaning, causes, fixes, sources), parsed only when that entry is shown:
 * most of the file is words, and an explained error shows two or three entries.
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

type Head = Pick<KnowledgeEntry, 'key' | 'finding' | 'severity' | 'match' | 'priority'>;
type Words = Pick<KnowledgeEntry, 'title' | 'meaning' | 'causes' | 'fixes' | 'sources'>;

/** ASCII only (other characters as \u escapes), so the CLI can read it as latin1, a one-byte string. */
export function knowledgeToJsonLines(entries: readonly KnowledgeEntry[]): string {
  const heads: Head[] = entries.map(({ key, finding, severity, match, priority }) => ({ key, finding, severity, match, priority }));
  const words: Words[] = entries.map(({ title, meaning, causes, fixes, sources }) => ({ title, meaning, causes, fixes, sources }));
  const json = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown): unknown =>
      v instanceof RegExp ? ({ regexp: v.source, flags: v.flags, required: requiredText(v.source, v.flags) ?? null } satisfies JsonRegExp) : v,
    );
  // JSON.stringify escapes line breaks inside strings, so each value stays on its line.
  return [json(heads), ...words.map(json)].join('\n').replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function knowledgeFromJsonLines(text: string): KnowledgeEntry[] {
  const lines = text.split('\n');
  const heads = JSON.parse(lines[0] ?? '[]') as Head[];
  return heads.map((head, i) => {
    for (const matcher of head.match) {
      const text = matcher.text as unknown as JsonRegExp | undefined;
      if (!text) continue;
      const re = new RegExp(text.regexp, text.flags);
      rememberRequiredText(re, text.required ?? undefined);
      (matcher as { text?: RegExp }).text = re;
    }
    return new ShippedEntry(head, lines[i + 1] ?? '{}');
  });
}

/** An entry whose words are parsed on first use. */
class ShippedEntry implements KnowledgeEntry {
  readonly key: string;
  readonly finding: KnowledgeEntry['finding'];
  readonly severity: KnowledgeEntry['severity'];
  readonly match: KnowledgeEntry['match'];
  readonly priority?: number;
  #words: Words | string;

  constructor(head: Head, wordsJson: string) {
    this.key = head.key;
    this.finding = head.finding;
    this.severity = head.severity;
    this.match = head.match;
    if (head.priority !== undefined) this.priority = head.priority;
    this.#words = wordsJson;
  }

  #read(): Words {
    if (typeof this.#words === 'string') this.#words = JSON.parse(this.#words) as Words;
    return this.#words;
  }

  get title() {
    return this.#read().title;
  }

  get meaning() {
    return this.#read().meaning;
  }

  get causes() {
    return this.#read().causes;
  }

  get fixes() {
    return this.#read().fixes;
  }

  get sources() {
    return this.#read().sources;
  }
}
