/**
 * `explain` over a whole log: finds each OAuth or HTTP-auth error in it, groups the repeats and
 * explains each group once. Fed chunk by chunk, it keeps only the partial last line, the groups
 * and a bounded cache, so a log of any size is read in constant memory. Pure: bytes in, groups out;
 * the classifier is passed in.
 *
 * Speed: making a JavaScript string of every byte costs more than reading the file (about 3 ms a
 * MB on Node 20), so lines are found in the bytes themselves with Buffer.indexOf (native, memchr-
 * fast) on a few needles, and only lines holding one become strings. The needles were chosen for
 * rare first bytes, which is what Buffer.indexOf's speed depends on (npm run bench, log scan).
 */
import type { Finding } from '../findings.js';
import { redactText } from '../redact.js';
import type { Observation } from './observation.js';

/**
 * A line is looked at only when it holds one of these, in the case written: "error", "invalid",
 * "expire(d)/expiry", "denied", "unauthorized", "forbidden" (in the cases logs write them), a 401,
 * 403 or 429, a JWT word, "OAuth", the codes *_required, *_denied and insufficient_*,
 * an AADSTS code, x509, EOF, CSRF, TIMEOUT. Each is searched for in the bytes in one pass; six
 * letters at most and, where a case allows, a rare first letter, because that is what
 * Buffer.indexOf's speed depends on (measured: 3 ms a needle for "xpir" over 100 MB, 50 ms for
 * "Unauthori").
 */
export const LOG_NEEDLES: readonly string[] = [
  'rror', 'RROR', 'nvali', 'NVALI', 'xpir', 'XPIR', 'Denie', 'DENIE', 'Unaut', 'UNAUT', 'Forbi', 'FORBI',
  '401', '403', '429', 'jwt', 'Jwt', 'JWT', 'OAuth', 'oauth', 'AADST', 'x509', 'EOF', 'CSRF', 'IMEOU',
  '_requi', 'denied', 'forbid', 'unaut', 'nsuff',
];
const NEEDLE_BYTES = LOG_NEEDLES.map((n) => Buffer.from(n, 'latin1'));

/**
 * Second look, on the record as text: it must speak of authentication or tokens (a TLS error or a
 * timeout counts when it is on the way to an authorization server, not to a database), or carry
 * a 401, 403 or 429 that is an HTTP status and not part of an id. The words are looked for in the
 * lower-cased text with a plain alternation, which V8 runs several times faster than the same
 * words under the i flag with word boundaries (measured on 100k decoy lines).
 */
const AUTH_WORDS =
  /oauth|oidc|openid|auth|token|jw[tsk]|bearer|credential|client[_ ]?(?:id|secret)|grant|scope|consent|redirect_uri|csrf|nonce|pkce|code[_ ]verifier|saml|aadsts|e0000\d|idx\d{5}|forbidden|access[_ ]denied|\.well-known|issuer|\bidp\b|\bsso\b|log ?in\b|sign[- ]?in|invalid_|unauthorized_|unsupported_|insufficient_|interaction_required|login_required|consent_required|temporarily_unavailable|slow_down|authorization_pending|expired_token/;
/** A 401, 403 or 429 written as an HTTP status. */
const AUTH_STATUS = /(?:^|[\s"'=:(\[])4(?:0[13]|29)(?=$|[\s"',;)\].])|status(?:code)?["']?\s{0,3}[:=]\s{0,3}["']?4(?:0[13]|29)\b/;
/** "author", "authority" (x509's "unknown authority") alone are no sign of authentication. */
const NOT_AUTH = /\bauthor(?:ity|ities|s)?\b/g;

function speaksOfAuth(text: string): boolean {
  const lower = text.toLowerCase();
  if (AUTH_STATUS.test(lower)) return true;
  if (!AUTH_WORDS.test(lower)) return false;
  // Rare: the only sign was "authority" or "author"; look again without them.
  return !/auth/.test(lower) || AUTH_WORDS.test(lower.replace(NOT_AUTH, ' '));
}

/** Lines that belong to the record above them: stack frames, indented continuations, wrapped bodies. */
const CONTINUATION = /^(?:[ \t]+\S|at |Caused by:|Response: |Traceback |\}|\]|During handling|The above exception)/;
/** The first bytes CONTINUATION can start with: a line starting otherwise is not decoded at all. */
const CONTINUATION_FIRST = new Set([' ', '\t', 'a', 'C', 'R', 'T', '}', ']', 'D'].map((c) => c.charCodeAt(0)));

const EMPTY = Buffer.alloc(0);
const MAX_LINE = 64 * 1024;
const MAX_RECORD_LINES = 30;
const MAX_RECORD = 16 * 1024;
const MAX_GROUPS = 200;
const MAX_MEMO = 5000;

export interface LogGroup {
  /** How many records fell into it. */
  count: number;
  /** 1-based line numbers of its first and last record. */
  first_line: number;
  last_line: number;
  /** The first record, secrets redacted, clipped. */
  sample: string;
  findings: Finding[];
}

export interface LogScan {
  lines: number;
  bytes: number;
  /** Most frequent first. */
  groups: LogGroup[];
  /** Records past the group limit, counted but not grouped. */
  ungrouped: number;
}

export type Explain = (text: string) => { observation: Observation; findings: Finding[] };

interface GroupState extends LogGroup {
  order: number;
}

export class LogScanner {
  #explain: Explain;
  #carry: Buffer = EMPTY;
  /** The current line was longer than MAX_LINE: its rest is skipped up to the next newline. */
  #skipping = false;
  #lines = 0;
  #bytes = 0;
  #groups = new Map<string, GroupState>();
  #ungrouped = 0;
  /** Normalised record to its group key, or null when it is no error. */
  #memo = new Map<string, string | null>();

  constructor(explain: Explain) {
    this.#explain = explain;
  }

  /** Reads the next bytes. The scanner keeps no reference to `chunk`, so the caller may reuse it. */
  push(chunk: Buffer): void {
    this.#bytes += chunk.length;
    let start = 0;
    if (this.#skipping) {
      const nl = chunk.indexOf(10);
      if (nl === -1) return;
      this.#skipping = false;
      this.#lines += 1;
      start = nl + 1;
    }
    if (this.#carry.length > 0) {
      // The record carried over may go on in this chunk: its continuation lines join it.
      const boundary = this.#continuationEnd(chunk, start);
      if (boundary === -1) {
        this.#growCarry(chunk.subarray(start));
        return;
      }
      this.#region(Buffer.concat([this.#carry, chunk.subarray(start, boundary)]));
      this.#carry = EMPTY;
      start = boundary;
    }
    // The chunk's last record may go on in the next chunk (a stack trace, Go's "Response:" line): it waits.
    const tail = tailStart(chunk, start);
    if (tail > start) this.#region(chunk.subarray(start, tail));
    if (tail < chunk.length) this.#growCarry(chunk.subarray(tail));
  }

  /** The groups, once the input has ended. */
  end(): LogScan {
    if (this.#carry.length > 0) {
      this.#region(this.#carry);
      if (this.#carry[this.#carry.length - 1] !== 10) this.#lines += 1;
      this.#carry = EMPTY;
    } else if (this.#skipping) this.#lines += 1;
    const groups = [...this.#groups.values()]
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .map(({ order: _order, ...g }) => g);
    return { lines: this.#lines, bytes: this.#bytes, groups, ungrouped: this.#ungrouped };
  }

  /**
   * Where the record carried over ends in `chunk`: the start of its first line that does not
   * continue it, or -1 when the chunk ends before one is seen.
   */
  #continuationEnd(chunk: Buffer, from: number): number {
    let pos = from;
    if (this.#carry[this.#carry.length - 1] !== 10) {
      // The carried line itself is not finished yet.
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) return -1;
      pos = nl + 1;
    }
    for (let n = 0; pos < chunk.length; n += 1) {
      if (n >= MAX_RECORD_LINES || !CONTINUATION_FIRST.has(chunk[pos] as number)) return pos;
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) return -1;
      pos = nl + 1;
    }
    return -1;
  }

  /** Keeps bytes for the next chunk, bounded: a line too long to be a record is read in part and the rest skipped. */
  #growCarry(more: Buffer): void {
    if (this.#skipping) return;
    const joined = Buffer.concat([this.#carry, more]);
    if (joined.length <= MAX_LINE) {
      this.#carry = joined;
      return;
    }
    // Too much waiting: read the whole lines now.
    const last = joined.lastIndexOf(10);
    const rest = last === -1 ? joined : joined.subarray(last + 1);
    if (last !== -1) this.#region(joined.subarray(0, last + 1));
    this.#carry = EMPTY;
    if (rest.length <= MAX_LINE) {
      this.#carry = Buffer.from(rest);
      return;
    }
    // A line this long is no log record we can read: look at its start, skip the rest.
    this.#region(rest.subarray(0, MAX_LINE));
    this.#skipping = true;
  }

  /**
   * Whole lines (the last one may lack its newline only at the end of the input). Finds the lines
   * holding a needle, in order, and counts every newline for line numbers.
   */
  #region(buf: Buffer): void {
    const starts: number[] = [];
    for (const needle of NEEDLE_BYTES) {
      let p = buf.indexOf(needle);
      while (p !== -1) {
        const lineStart = buf.lastIndexOf(10, p) + 1;
        starts.push(lineStart);
        const nl = buf.indexOf(10, p);
        if (nl === -1) break;
        p = buf.indexOf(needle, nl + 1);
      }
    }
    const baseLine = this.#lines;
    if (starts.length > 0) {
      starts.sort((a, b) => a - b);
      let counted = 0;
      let lineNo = baseLine;
      let consumedUntil = 0;
      let previous = -1;
      for (const s of starts) {
        if (s === previous || s < consumedUntil) continue;
        previous = s;
        lineNo += countNewlines(buf, counted, s);
        counted = s;
        consumedUntil = this.#record(buf, s, lineNo + 1);
      }
    }
    this.#lines = baseLine + countNewlines(buf, 0, buf.length);
  }

  /** Looks at the record starting at `start` (line `lineNo`); returns where it ends. */
  #record(buf: Buffer, start: number, lineNo: number): number {
    let end = buf.indexOf(10, start);
    if (end === -1) end = buf.length;
    // The lines that continue it: a stack trace, an indented body, Go's "Response: {...}".
    let text = buf.toString('utf8', start, Math.min(end, start + MAX_RECORD));
    let next = end + 1;
    let recordEnd = end + 1;
    for (let n = 0; n < MAX_RECORD_LINES && next < buf.length && text.length < MAX_RECORD; n += 1) {
      if (!CONTINUATION_FIRST.has(buf[next] as number)) break;
      let e = buf.indexOf(10, next);
      if (e === -1) e = buf.length;
      const line = buf.toString('utf8', next, Math.min(e, next + MAX_RECORD));
      if (!CONTINUATION.test(line)) break;
      text += `\n${line}`;
      recordEnd = e + 1;
      next = e + 1;
    }
    if (speaksOfAuth(text)) this.#add(text.replace(/\r$/gm, ''), lineNo);
    return recordEnd;
  }

  #add(record: string, lineNo: number): void {
    const signature = normalise(record);
    let key = this.#memo.get(signature);
    let explained: ReturnType<Explain> | undefined;
    if (key === undefined) {
      explained = this.#explain(record);
      key = groupKey(explained);
      if (this.#memo.size >= MAX_MEMO) this.#memo.clear();
      this.#memo.set(signature, key);
    }
    if (key === null) return;
    const group = this.#groups.get(key);
    if (group) {
      group.count += 1;
      group.last_line = lineNo;
      return;
    }
    if (this.#groups.size >= MAX_GROUPS) {
      this.#ungrouped += 1;
      return;
    }
    explained ??= this.#explain(record);
    this.#groups.set(key, {
      order: this.#groups.size,
      count: 1,
      first_line: lineNo,
      last_line: lineNo,
      sample: clip(redactText(record), 600),
      findings: explained.findings,
    });
  }
}

/**
 * What makes two records the same error: the diagnosis, and what the server said, with the parts
 * that differ from one occurrence to the next (times, ids, counters) taken out. Null when the
 * record is not an error we can say anything about.
 */
function groupKey({ observation, findings }: ReturnType<Explain>): string | null {
  const primary = findings[0];
  if (!primary) return null;
  const entry = typeof primary.evidence.knowledge_entry === 'string' ? primary.evidence.knowledge_entry : '';
  const status = observation.status;
  if (primary.id === 'unknown' && observation.codes.length === 0 && status !== 401 && status !== 403) return null;
  const said = observation.descriptions[0] ? normalise(observation.descriptions[0]).slice(0, 200) : '';
  return [primary.id, entry, status ?? '', observation.codes.slice(0, 5).join(','), said].join('|');
}

/**
 * Times, counters, ids and tokens out; what is left says which error it is. Codes keep their digits
 * (AADSTS50011 is not AADSTS70008), and so do the error statuses (4xx, 5xx) unless they are a field's value.
 */
export function normalise(text: string): string {
  return text
    .slice(0, 2048)
    .replace(/[A-Za-z0-9_-]{24,}(?:\.[A-Za-z0-9_-]+)*/g, (t) => (/\d/.test(t) ? '*' : t))
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '*')
    .replace(/\b(?:AADSTS|AADB2C|IDX|IDW|MSIS|KOE)\d+\b|\bE0\d{6}\b|(?<![\d.:=])\b[45]\d\d\b(?![\d.:])|\d+/g, (m) => (/^\d+$/.test(m) && !/^[45]\d\d$/.test(m) ? '#' : m));
}

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

/**
 * Where the last record of `chunk` (from `from` on) starts: its last line, or the line before a run
 * of lines that may continue a record (bounded). Everything from there waits for the next chunk.
 */
function tailStart(chunk: Buffer, from: number): number {
  const last = chunk.lastIndexOf(10);
  if (last < from) return from;
  let lineStart = last === chunk.length - 1 ? (last - 1 >= from ? chunk.lastIndexOf(10, last - 1) + 1 : from) : last + 1;
  if (lineStart < from) lineStart = from;
  for (let n = 0; n < MAX_RECORD_LINES && lineStart > from && chunk.length - lineStart < MAX_RECORD && CONTINUATION_FIRST.has(chunk[lineStart] as number); n += 1) {
    lineStart = lineStart - 2 >= from ? Math.max(from, chunk.lastIndexOf(10, lineStart - 2) + 1) : from;
  }
  return lineStart;
}

/** Newlines in buf[from, to). */
function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  let p = buf.indexOf(10, from);
  while (p !== -1 && p < to) {
    n += 1;
    p = buf.indexOf(10, p + 1);
  }
  return n;
}

/** A timestamp, a log level or a structured-log field at the start of a line. */
const LOG_RECORD_START =
  /^(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d|[IWEF]\d{4} \d\d:\d\d|(?:time|ts|level|lvl)=|\{"(?:time|ts|@timestamp|level|timestamp|severity)"|\[?(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b)/;

/**
 * Whether pasted text is a log (several records, each on its own line) rather than one error that
 * spans lines (a stack trace, an HTTP response): at least three lines start as log records do, and
 * they are most of the lines.
 */
export function looksLikeLog(text: string): boolean {
  let records = 0;
  let lines = 0;
  for (const line of text.split('\n', 10_000)) {
    if (line.trim() === '') continue;
    lines += 1;
    if (LOG_RECORD_START.test(line)) records += 1;
  }
  return records >= 3 && records * 2 >= lines;
}
