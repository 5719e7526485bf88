/**
 * The knowledge base as data files, and back. The build ships it as dist/knowledge.json and
 * dist/knowledge-words.json, read only when an error is explained: parsing JSON costs far less
 * than compiling some 240 entries of JavaScript, and `decode` and `--help` do not pay for it at
 * all (npm run bench).
 *
 * knowledge.json holds what matching needs (key, finding, severity, match, priority) and where
 * each entry's words (title, meaning, causes, fixes, sources) are in knowledge-words.json; those
 * are read and parsed only for the entries shown, two or three of some 240, and they are most of
 * the bytes.
 * A matcher's `text` RegExp travels as {regexp, flags, required}, `required` being the text any
 * match contains (explain/required-text.ts), worked out here once instead of on every run.
 */
import { rememberRequiredText, requiredText, type Needles } from '../explain/required-text.js';
import type { KnowledgeEntry, Matcher } from './types.js';

interface JsonRegExp {
  regexp: string;
  flags: string;
  required: Needles | null;
}


type Head = Pick<KnowledgeEntry, 'key' | 'finding' | 'severity' | 'match' | 'priority' | 'provider' | 'alternative' | 'fallback'>;
type Words = Pick<KnowledgeEntry, 'title' | 'meaning' | 'causes' | 'fixes' | 'sources'>;
// provenance is not shipped: it is for the people who keep the knowledge, not for users.

/** What the build writes: ASCII only (other characters as \\u escapes), so both read as latin1. */
export interface ShippedKnowledge {
  /** JSON: what matching needs, and where each entry's words are in `words`. */
  heads: string;
  /** Each entry's words as one JSON object, one after the other. */
  words: string;
}

export function knowledgeToFiles(entries: readonly KnowledgeEntry[]): ShippedKnowledge {
  const ascii = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  let words = '';
  const heads = entries.map(({ key, finding, severity, match, priority, provider, alternative, fallback, title, meaning, causes, fixes, sources }) => {
    const json = ascii(JSON.stringify({ title, meaning, causes, fixes, sources } satisfies Words));
    const head = { key, finding, severity, match, priority, provider, alternative, fallback, words: [words.length, json.length] as const };
    words += json;
    return head;
  });
  const withRequiredText = (_key: string, v: unknown): unknown =>
    v instanceof RegExp ? ({ regexp: v.source, flags: v.flags, required: requiredText(v.source, v.flags) ?? null } satisfies JsonRegExp) : v;
  return { heads: ascii(JSON.stringify(heads, withRequiredText)), words };
}

/** The entries from the heads; `readWords(offset, length)` reads the words file, when an entry is shown. */
export function knowledgeFromFiles(heads: string, readWords: (offset: number, length: number) => string): KnowledgeEntry[] {
  return (JSON.parse(heads) as Array<Head & { words: [number, number] }>).map((head) => {
    // Each field by its name: a loop over the field names reads them by key, and over 700 entries of
    // many shapes that cost twice as much as compiling their patterns (npm run bench, explain).
    for (const matcher of head.match) {
      if (matcher.text) matcher.text = regExpOf(matcher.text as unknown as JsonRegExp);
      if (matcher.notText) matcher.notText = regExpOf(matcher.notText as unknown as JsonRegExp);
      if (matcher.codeLike) matcher.codeLike = regExpOf(matcher.codeLike as unknown as JsonRegExp);
    }
    const [offset, length] = head.words;
    return new ShippedEntry(head, () => JSON.parse(readWords(offset, length)) as Words);
  });
}

function regExpOf(json: JsonRegExp): RegExp {
  const re = new RegExp(json.regexp, json.flags);
  rememberRequiredText(re, json.required ?? undefined);
  return re;
}

/** An entry whose words are parsed on first use. */
class ShippedEntry implements KnowledgeEntry {
  readonly key: string;
  readonly finding: KnowledgeEntry['finding'];
  readonly severity: KnowledgeEntry['severity'];
  readonly match: KnowledgeEntry['match'];
  readonly priority?: number;
  readonly provider?: KnowledgeEntry['provider'];
  readonly alternative?: boolean;
  readonly fallback?: boolean;
  #words: Words | (() => Words);

  constructor(head: Head, readWords: () => Words) {
    this.key = head.key;
    this.finding = head.finding;
    this.severity = head.severity;
    this.match = head.match;
    if (head.priority !== undefined) this.priority = head.priority;
    if (head.provider !== undefined) this.provider = head.provider;
    if (head.alternative !== undefined) this.alternative = head.alternative;
    if (head.fallback !== undefined) this.fallback = head.fallback;
    this.#words = readWords;
  }

  #read(): Words {
    if (typeof this.#words === 'function') this.#words = this.#words();
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
