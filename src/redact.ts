/**
 * Redaction, one place for every command: tokens, codes, verifiers and secrets never reach output
 * unless the user asked with --show-tokens.
 */
import { trimTrailing } from './trim.js';

/** How a secret value is shown: its first characters and its length, never the rest. */
export function redactValue(value: string, keep = 6): string {
  if (value.length <= keep * 2) return `[redacted, ${value.length} chars]`;
  return `${value.slice(0, keep)}…[redacted, ${value.length} chars]`;
}

// Not after a token character (rather than \b): a match may then start only where a run of token
// characters starts, so "eyJ-eyJ-…" is scanned once, not once per "eyJ" (quadratic).
const JWT_LIKE = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,3}/g;
/**
 * A secret's name, as snake_case, camelCase, kebab-case or in a PHP or Ruby dump, then its value:
 * quoted (up to the quote, spaces and all) or bare.
 */
const SECRET_PARAMS =
  /\b(access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|code[_-]?verifier|code|password|passwd|assertion|client[_-]?assertion|device[_-]?code|token|api[_-]?key|x-api-key|secret)(["']?\]?[ \t]{0,3}(?:=>|[=:])[ \t]{0,3})(?:"([^"\n]{6,300})"|'([^'\n]{6,300})'|([^"'&\s,;}\]]{6,512}))/gi;
const AUTH_HEADER = /\b(Bearer|Basic|DPoP)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g;
/** An Authorization header with another scheme (GitHub's `token ghp_...`) or none. */
const AUTHORIZATION_LINE = /\b(Authorization:[ \t]{0,3}(?:token[ \t]{1,3})?)([^\s"',;]{8,})/gi;
/** Tokens and keys that say what they are by their prefix (GitHub, Slack, Stripe, Google, GitLab, AWS). */
const PREFIXED_SECRET =
  /(?<![A-Za-z0-9_-])(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_(?:live|test)_[A-Za-z0-9]{10,}|ya29\.[A-Za-z0-9_-]{10,}|1\/\/0[A-Za-z0-9_-]{10,}|GOCSPX-[A-Za-z0-9_-]{8,}|glpat-[A-Za-z0-9_-]{10,}|AKIA[A-Z0-9]{16,})/g;
/** A password in a URL: https://user:secret@host. */
const URL_PASSWORD = /(\/\/[^/\s:@]{1,100}:)([^@\s/]{3,100})@/g;

const isRedacted = (value: string) => value.startsWith('[redacted') || value.includes('…[redacted');

/** Scrubs secret-looking values out of free text (a pasted response, an error description, a log line). */
export function redactText(text: string): string {
  return text
    .replace(JWT_LIKE, (jwt) => redactValue(jwt))
    .replace(PREFIXED_SECRET, (secret) => redactValue(secret, 4))
    .replace(AUTH_HEADER, (_m, scheme: string, value: string) => `${scheme} ${redactValue(value, 4)}`)
    .replace(AUTHORIZATION_LINE, (m, head: string, value: string) => (isRedacted(value) ? m : `${head}${redactValue(value, 4)}`))
    .replace(URL_PASSWORD, (_m, head: string, value: string) => `${head}${redactValue(value, 0)}@`)
    .replace(SECRET_PARAMS, (m, name: string, sep: string, dq?: string, sq?: string, bare?: string) => {
      const value = dq ?? sq ?? bare ?? '';
      // `code: 'invalid_grant'` (Node's inspect of an error) names an error code, not an authorization code.
      if (isRedacted(value) || (/^code$/i.test(name) && /^[a-z]+(?:_[a-z]+)+$/.test(value))) return m;
      const quote = dq !== undefined ? '"' : sq !== undefined ? "'" : '';
      return `${name}${sep}${quote}${redactValue(value, 4)}${quote}`;
    });
}

/** redactText over every string in a JSON-like value (evidence, echoed input). */
export function redactDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)])) as T;
}

export type SecretKind = 'credential' | 'token';

/**
 * The forms a secret takes on its way out: as is, JSON-escaped, XML/HTML-escaped, URL- and
 * form-encoded (once and twice), and base64 (a server that echoes a Basic header). Scrubbing
 * every form means the order of escaping and scrubbing no longer matters.
 */
function forms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const xml = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const uri = encodeURIComponent(value);
  const form = uri.replace(/%20/g, '+');
  // What URLSearchParams writes (client_secret_post, every form body the tool sends): ! ' ( ) ~ encoded too.
  const searchParams = new URLSearchParams([['', value]]).toString().slice(1);
  const b64 = Buffer.from(value).toString('base64');
  const all = [value, json, JSON.stringify(json).slice(1, -1), xml, html, uri, form, searchParams, encodeURIComponent(uri), encodeURIComponent(searchParams), b64, trimTrailing(b64, '='), Buffer.from(value).toString('base64url')];
  return [...new Set(all)].filter((f) => f.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * The exact secret values a run has handled (client secret, code, code_verifier, tokens, the Basic
 * credentials built from them). Every byte written to stdout, stderr, a report or the browser page
 * passes through scrub(), so a value a server echoes back in an error message is caught too.
 * Tokens are let through only when the user asked (--show-tokens); credentials never, and a
 * credential is shown without even its first characters.
 */
export class KnownSecrets {
  readonly #values = new Map<string, { kind: SecretKind; forms: string[]; short?: RegExp }>();
  revealTokens = false;

  add(value: unknown, kind: SecretKind): void {
    if (typeof value !== 'string' || value === '' || this.#values.has(value)) return;
    // A short secret would also match inside ordinary words and other values: it is matched only
    // where it stands as a value (after = : a quote, a space or a bracket, up to the next such).
    const short = value.length < 8 ? new RegExp(`(?<=^|[=:"'\\s(\\[{,])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[&"'\\s,;)}\\]])`, 'g') : undefined;
    this.#values.set(value, { kind, forms: forms(value), ...(short ? { short } : {}) });
  }

  /** `keepTokens`: only credentials go (a file the user asked to hold the tokens, such as --save). */
  scrub(text: string, o: { keepTokens?: boolean } = {}): string {
    let out = text;
    for (const [value, { kind, forms: variants, short }] of this.#values) {
      if (kind === 'token' && (this.revealTokens || o.keepTokens)) continue;
      const shown = kind === 'credential' ? `[redacted, ${value.length} chars]` : redactValue(value);
      for (const variant of variants) {
        if (out.includes(variant)) out = out.split(variant).join(shown);
        out = scrubCutPrefix(out, variant, shown);
      }
      // Not in a file that keeps tokens (--save): a short value there could only damage a token.
      if (short && !o.keepTokens) out = out.replace(short, shown);
    }
    return out;
  }
}

/** Below this, a prefix of a secret is too short to tell from other text. */
const PREFIX_CHARS = 12;

/**
 * A secret cut short before it reached the output (an error description sliced to 120
 * characters): its first characters followed by as many more of it as are there. A long prefix of
 * a secret is the secret.
 */
function scrubCutPrefix(text: string, variant: string, shown: string): string {
  if (variant.length < PREFIX_CHARS + 4) return text;
  const head = variant.slice(0, PREFIX_CHARS);
  const tokenChar = /[A-Za-z0-9\-_~+/=%]/;
  // At least half of it: JWTs share their first tens of characters (the header), and one token's
  // header must not take another token for itself.
  const needed = Math.max(PREFIX_CHARS, Math.ceil(variant.length / 2));
  let out = text;
  for (let at = out.indexOf(head); at !== -1; ) {
    // Only where a value starts (as JWT_LIKE): inside a longer run it is another value, and
    // checking every position of a repetitive token would be quadratic.
    if (at > 0 && tokenChar.test(out[at - 1] ?? '')) {
      at = out.indexOf(head, at + 1);
      continue;
    }
    let n = PREFIX_CHARS;
    while (n < variant.length && out[at + n] === variant[n]) n += 1;
    // A cut secret stops there; text that goes on with token characters is another value that
    // only starts the same way.
    // ("." is not among them: a cut is often marked with "...".)
    const goesOn = n < variant.length && tokenChar.test(out[at + n] ?? '');
    if (n < needed || goesOn) {
      at = out.indexOf(head, at + 1);
      continue;
    }
    out = `${out.slice(0, at)}${shown}${out.slice(at + n)}`;
    at = out.indexOf(head, at + shown.length);
  }
  return out;
}
