/**
 * A cheap test that can only say "this regular expression cannot match": the literal text any match
 * must contain, worked out from the pattern. The classifier runs about 200 knowledge-base patterns
 * against each input, and V8 compiles each pattern on its first use, which was a fifth of what
 * `explain` cost (npm run bench); most patterns are ruled out by a substring search instead.
 *
 * The build works the strings out once: for the knowledge base it ships them with the entries
 * (knowledge/serialize.ts), for the patterns in the code (explain/observation.ts) as a table in
 * the bundle (scripts/build.mjs); a pattern met for the first time is worked out on first use.
 *
 * Sound by construction: when in doubt (an unknown construct, a non-ASCII letter, the u or v flag)
 * the answer is "might match", and the pattern itself is run. Pure.
 */

/** At least one of these strings is in every match; `undefined` when nothing is known. */
export type Needles = readonly string[] | undefined;

const cache = new WeakMap<RegExp, { needles: Needles }>();

/** What the build worked out for the patterns in the code (scripts/build.mjs); undefined when run from the sources. */
declare const BUILT_REQUIRED_TEXT: Readonly<Record<string, readonly string[] | null>> | undefined;
const built = typeof BUILT_REQUIRED_TEXT === 'undefined' ? undefined : BUILT_REQUIRED_TEXT;

/** How a pattern is named in that table. */
export const patternKey = (re: RegExp): string => `/${re.source}/${re.flags}`;

/** The table the build ships: each pattern's required text, null where nothing is known. */
export function requiredTextTable(patterns: readonly RegExp[]): Record<string, readonly string[] | null> {
  return Object.fromEntries(patterns.map((re) => [patternKey(re), requiredText(re.source, re.flags) ?? null]));
}

/** Records what the build worked out for `re` (dist/knowledge.jsonl), so it is not parsed again. */
export function rememberRequiredText(re: RegExp, needles: Needles): void {
  cache.set(re, { needles });
}

/** False only when `re` cannot match `text`. */
export function mightMatch(re: RegExp, text: string): boolean {
  let known = cache.get(re);
  if (!known) {
    const shipped = built?.[patternKey(re)];
    known = { needles: shipped === undefined ? requiredText(re.source, re.flags) : (shipped ?? undefined) };
    cache.set(re, known);
  }
  const { needles } = known;
  if (!needles) return true;
  const haystack = re.flags.includes('i') ? lowerCase(text) : text;
  return needles.some((n) => haystack.includes(n));
}

/**
 * Strings of which at least one occurs in every string the pattern matches (lower-cased with the
 * i flag), or undefined. Exported for the tests.
 */
export function requiredText(source: string, flags: string): Needles {
  if (/[uv]/.test(flags)) return undefined;
  try {
    const parser = new Parser(source, flags.includes('i'));
    const needles = parser.alternation();
    return parser.done() && needles && needles.every((n) => n.length > 0) ? needles : undefined;
  } catch {
    return undefined;
  }
}

const lowered = new Map<string, string>();
/**
 * The required strings are ASCII and lower-cased; lower-casing the text keeps every ASCII letter's
 * occurrence (the few other letters that lower-case to ASCII only add false "might"s).
 */
function lowerCase(text: string): string {
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size > 16) lowered.clear();
    lower = text.toLowerCase();
    lowered.set(text, lower);
  }
  return lower;
}

/**
 * Words nearly every error text holds: a needle that is one of them rules little out, so a
 * candidate made of them costs more than a rarer word of the same pattern ("scope" beats the list
 * "invalid|unknown|...").
 */
const COMMON = new Set(['invalid', 'error', 'token', 'code', 'client', 'access', 'request', 'expired', 'unknown', 'failed', 'the', 'not', 'is', 'auth', 'denied', 'missing', 'grant', 'user', 'server', 'bad', 'wrong', 'incorrect', 'valid', 'must', 'unauthorized', 'forbidden', 'http', 'status', 'oauth']);

/** How little a set of needles rules out: more needles, shorter ones and common words cost more. */
function cost(needles: readonly string[]): number {
  return needles.reduce((sum, n) => sum + (COMMON.has(n.trim()) ? 1 : 0.1) / Math.max(n.length, 1) ** 2, 0);
}

class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  done(): boolean {
    return this.i === this.src.length;
  }

  /** a|b|c: every branch must say what it needs, or nothing is known. */
  alternation(): Needles {
    const branches: Needles[] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i += 1;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === undefined)) return undefined;
    return [...new Set(branches.flatMap((b) => b ?? []))];
  }

  /** A run of atoms: literal runs and required groups are candidates; the most selective wins. */
  private sequence(): Needles {
    const candidates: string[][] = [];
    let run = '';
    const endRun = () => {
      if (run) candidates.push([run]);
      run = '';
    };
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.atom();
      const quantifier = this.quantifier();
      if (atom.kind === 'char' && quantifier === undefined) {
        run += atom.char;
        continue;
      }
      endRun();
      if (atom.kind === 'char' && quantifier !== undefined && quantifier >= 1) candidates.push([atom.char]);
      if (atom.kind === 'group' && atom.needles && (quantifier === undefined || quantifier >= 1)) candidates.push([...atom.needles]);
    }
    endRun();
    if (candidates.length === 0) return undefined;
    return candidates.reduce((best, c) => (cost(c) < cost(best) ? c : best));
  }

  private atom(): { kind: 'char'; char: string } | { kind: 'group'; needles: Needles } | { kind: 'other' } {
    const c = this.src[this.i++]!;
    if (c === '\\') return this.escape();
    if (c === '[') {
      this.skipClass();
      return { kind: 'other' };
    }
    if (c === '(') {
      // (?: … ) and ( … ) must match; (?= … ) must match somewhere too; (?! … ) and lookbehinds say nothing.
      let required = true;
      if (this.src[this.i] === '?') {
        const head = this.src.slice(this.i, this.i + 3);
        if (head.startsWith('?:') || head.startsWith('?=')) this.i += 2;
        else if (head.startsWith('?!')) ((required = false), (this.i += 2));
        else if (head === '?<=' || head === '?<!') ((required = false), (this.i += 3));
        else if (head.startsWith('?<')) {
          const close = this.src.indexOf('>', this.i);
          if (close < 0) throw new Error('unterminated group name');
          this.i = close + 1;
        } else throw new Error('unknown group');
      }
      const needles = this.alternation();
      if (this.src[this.i] !== ')') throw new Error('unterminated group');
      this.i += 1;
      return { kind: 'group', needles: required ? needles : undefined };
    }
    if (c === '.' || c === '^' || c === '$') return { kind: 'other' };
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === '|') throw new Error('unexpected');
    return this.literal(c);
  }

  private literal(c: string): { kind: 'char'; char: string } | { kind: 'other' } {
    // ASCII only: case folding of other letters is left to the pattern itself.
    if (c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) return { kind: 'other' };
    return { kind: 'char', char: this.ignoreCase ? c.toLowerCase() : c };
  }

  private escape(): { kind: 'char'; char: string } | { kind: 'other' } {
    const c = this.src[this.i++];
    if (c === undefined) throw new Error('trailing backslash');
    if (/[bBdDwWsSfnrtv0]/.test(c)) return { kind: 'other' };
    if (c === 'x') return this.skip(/^[0-9a-fA-F]{2}/);
    if (c === 'u') return this.skip(/^[0-9a-fA-F]{4}/);
    if (c === 'c') return this.skip(/^[a-zA-Z]/);
    if (c === 'k') return this.skip(/^<[^>]*>/);
    if (/[1-9]/.test(c)) return this.skip(/^[0-9]*/);
    if (/[a-zA-Z]/.test(c)) throw new Error('unusual escape');
    return this.literal(c);
  }

  private skip(what: RegExp): { kind: 'other' } {
    const m = what.exec(this.src.slice(this.i));
    if (m) this.i += m[0].length;
    return { kind: 'other' };
  }

  private skipClass(): void {
    if (this.src[this.i] === '^') this.i += 1;
    while (this.i < this.src.length) {
      const c = this.src[this.i++];
      if (c === '\\') this.i += 1;
      else if (c === ']') return;
    }
    throw new Error('unterminated class');
  }

  /** The minimum count of the quantifier after an atom, or undefined when there is none. */
  private quantifier(): number | undefined {
    const c = this.src[this.i];
    let min: number | undefined;
    if (c === '*' || c === '?') min = 0;
    else if (c === '+') min = 1;
    else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.src.slice(this.i));
      if (!m) return undefined; // a literal "{" (no u flag)
      this.i += m[0].length - 1;
      min = Number(m[1]);
    }
    if (min === undefined) return undefined;
    this.i += 1;
    if (this.src[this.i] === '?') this.i += 1; // lazy
    return min;
  }
}
