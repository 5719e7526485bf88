/**
 * Reads the object literals that error messages print instead of JSON: Python reprs
 * (`{'error': u'invalid_grant', 'ok': False}`), Node's util.inspect (`{ code: 'invalid_client',
 * status: 500 }`), Ruby hashes (`{"error"=>"invalid_grant"}`), PHP's print_r of arrays and objects
 * (`[error] => invalid_grant`) and JSON escaped inside a log line (`{\"error\": \"x\"}`).
 *
 * Tolerant and bounded: it returns what it could read, never throws, and reads each character at
 * most a fixed number of times. Pure.
 */

export type Loose = string | number | boolean | null | Loose[] | { [key: string]: Loose };

const MAX_DEPTH = 8;
const MAX_ITEMS = 200;

/** The value of the literal that starts at text[start] (a `{` or `[`), and where it ends. */
export function parseLoose(text: string, start: number): { value: Loose; end: number } | undefined {
  const p = new Parser(text, start);
  try {
    const value = p.value(0);
    return value === undefined ? undefined : { value, end: p.i };
  } catch {
    return undefined;
  }
}

/**
 * Every `{...}` literal in the text that reads as an object with at least one key, outermost
 * first; bounded in count and in the text looked at.
 */
export function findLooseObjects(text: string, limit = 20): Array<Record<string, Loose>> {
  const found: Array<Record<string, Loose>> = [];
  const sample = text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text;
  let i = sample.indexOf('{');
  let attempts = 0;
  while (i !== -1 && found.length < limit && attempts < 200) {
    attempts += 1;
    const parsed = parseLoose(sample, i);
    if (parsed && parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value) && Object.keys(parsed.value).length > 0) {
      found.push(parsed.value);
      i = sample.indexOf('{', parsed.end);
    } else i = sample.indexOf('{', i + 1);
  }
  return found;
}

/** PHP print_r and var_dump print `[key] => value` lines; these are read as one flat object. */
export function phpArrayFields(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of text.slice(0, 64 * 1024).matchAll(/\[["']?([A-Za-z_][\w-]{0,40})["']?(?::[a-z]+)?\] => ([^\n\[\]]{1,300})/g)) {
    const key = m[1] as string;
    if (!Object.hasOwn(out, key)) out[key] = (m[2] as string).trim();
  }
  return out;
}

class Parser {
  i: number;
  constructor(
    private readonly s: string,
    start: number,
  ) {
    this.i = start;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i += 1;
  }

  value(depth: number): Loose | undefined {
    if (depth > MAX_DEPTH) throw new Error('deep');
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"' || c === "'") return this.string();
    if (c === '\\' && this.s[this.i + 1] === '"') return this.string();
    // Python's u'' and b'' prefixes.
    if ((c === 'u' || c === 'b') && (this.s[this.i + 1] === "'" || this.s[this.i + 1] === '"')) {
      this.i += 1;
      return this.string();
    }
    const word = /^[-+]?[\w.$:@/-]+/.exec(this.s.slice(this.i, this.i + 200))?.[0];
    if (!word) return undefined;
    this.i += word.length;
    if (/^(?:true|True)$/.test(word)) return true;
    if (/^(?:false|False)$/.test(word)) return false;
    if (/^(?:null|None|nil|undefined)$/.test(word)) return null;
    if (/^[-+]?\d+(?:\.\d+)?$/.test(word)) return Number(word);
    return word;
  }

  private string(): string {
    const escapedQuote = this.s[this.i] === '\\';
    if (escapedQuote) this.i += 1;
    const q = this.s[this.i] as string;
    this.i += 1;
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (escapedQuote && c === '\\' && this.s[this.i + 1] === q) {
        this.i += 2;
        return out;
      }
      if (c === '\\') {
        const n = this.s[this.i + 1];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : (n ?? '');
        this.i += 2;
        continue;
      }
      if (c === q && !escapedQuote) {
        this.i += 1;
        return out;
      }
      if (c === '\n' && out.length > 2000) throw new Error('unterminated');
      out += c;
      this.i += 1;
    }
    throw new Error('unterminated');
  }

  private key(): string | undefined {
    this.ws();
    const c = this.s[this.i];
    if (c === '"' || c === "'" || (c === '\\' && this.s[this.i + 1] === '"')) return this.string();
    if ((c === 'u' || c === 'b') && (this.s[this.i + 1] === "'" || this.s[this.i + 1] === '"')) {
      this.i += 1;
      return this.string();
    }
    // Ruby symbols (:error =>) and bare keys (util.inspect).
    const word = /^:?([A-Za-z_$][\w$-]*)/.exec(this.s.slice(this.i, this.i + 100));
    if (!word) return undefined;
    this.i += word[0].length;
    return word[1];
  }

  private separator(): boolean {
    this.ws();
    if (this.s[this.i] === ':') {
      this.i += 1;
      return true;
    }
    if (this.s.startsWith('=>', this.i)) {
      this.i += 2;
      return true;
    }
    if (this.s[this.i] === '=') {
      this.i += 1;
      return true;
    }
    return false;
  }

  private object(depth: number): { [key: string]: Loose } {
    this.i += 1;
    const out: { [key: string]: Loose } = Object.create(null) as { [key: string]: Loose };
    for (let n = 0; n < MAX_ITEMS; n += 1) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i += 1;
        return out;
      }
      const k = this.key();
      if (k === undefined || !this.separator()) throw new Error('not an object');
      const v = this.value(depth + 1);
      if (v === undefined) throw new Error('no value');
      out[k] = v;
      this.ws();
      if (this.s[this.i] === ',') this.i += 1;
      else if (this.s[this.i] !== '}') throw new Error('expected , or }');
    }
    throw new Error('too many');
  }

  private array(depth: number): Loose[] {
    this.i += 1;
    const out: Loose[] = [];
    for (let n = 0; n < MAX_ITEMS; n += 1) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i += 1;
        return out;
      }
      const v = this.value(depth + 1);
      if (v === undefined) throw new Error('no value');
      out.push(v);
      this.ws();
      if (this.s[this.i] === ',') this.i += 1;
      else if (this.s[this.i] !== ']') throw new Error('expected , or ]');
    }
    throw new Error('too many');
  }
}
