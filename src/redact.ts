/**
 * Redaction, one place for every command: tokens, codes, verifiers and secrets never reach output
 * unless the user asked with --show-tokens.
 */

/** How a secret value is shown: its first characters and its length, never the rest. */
export function redactValue(value: string, keep = 6): string {
  if (value.length <= keep * 2) return `[redacted, ${value.length} chars]`;
  return `${value.slice(0, keep)}…[redacted, ${value.length} chars]`;
}

const JWT_LIKE = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,3}/g;
/**
 * A secret's name, as snake_case, camelCase, kebab-case or in a PHP or Ruby dump, then its value:
 * quoted (up to the quote, spaces and all) or bare.
 */
const SECRET_PARAMS =
  /\b(access[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|code[_-]?verifier|code|password|passwd|assertion|client[_-]?assertion|device[_-]?code|token|api[_-]?key|x-api-key|secret)(["']?\]?[ \t]{0,3}(?:=>|[=:])[ \t]{0,3})(?:"([^"\n]{6,300})"|'([^'\n]{6,300})'|([^"'&\s,;}\]]{6,}))/gi;
const AUTH_HEADER = /\b(Bearer|Basic|DPoP)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g;
/** An Authorization header with another scheme (GitHub's `token ghp_...`) or none. */
const AUTHORIZATION_LINE = /\b(Authorization:[ \t]{0,3}(?:token[ \t]{1,3})?)([^\s"',;]{8,})/gi;
/** Tokens and keys that say what they are by their prefix (GitHub, Slack, Stripe, Google, GitLab, AWS). */
const PREFIXED_SECRET =
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|sk_(?:live|test)_[A-Za-z0-9]{10,}|ya29\.[A-Za-z0-9_-]{10,}|1\/\/0[A-Za-z0-9_-]{10,}|GOCSPX-[A-Za-z0-9_-]{8,}|glpat-[A-Za-z0-9_-]{10,}|AKIA[A-Z0-9]{16,})/g;
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
  const b64 = Buffer.from(value).toString('base64');
  const all = [value, json, JSON.stringify(json).slice(1, -1), xml, html, uri, form, encodeURIComponent(uri), b64, b64.replace(/=+$/, ''), Buffer.from(value).toString('base64url')];
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
  readonly #values = new Map<string, { kind: SecretKind; forms: string[] }>();
  revealTokens = false;

  add(value: unknown, kind: SecretKind): void {
    // Short values would also match ordinary words; none of the secrets handled here is that short.
    if (typeof value === 'string' && value.length >= 8 && !this.#values.has(value)) this.#values.set(value, { kind, forms: forms(value) });
  }

  scrub(text: string): string {
    let out = text;
    for (const [value, { kind, forms: variants }] of this.#values) {
      if (kind === 'token' && this.revealTokens) continue;
      const shown = kind === 'credential' ? `[redacted, ${value.length} chars]` : redactValue(value);
      for (const variant of variants) if (out.includes(variant)) out = out.split(variant).join(shown);
    }
    return out;
  }
}
