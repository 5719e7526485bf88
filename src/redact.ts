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
const SECRET_PARAMS =
  /\b(access_token|refresh_token|id_token|client_secret|code_verifier|code|password|assertion|client_assertion|device_code|token)(["']?\s*[=:]\s*["']?)([^"'&\s,;}]{6,})/gi;
const AUTH_HEADER = /\b(Bearer|Basic|DPoP)\s+([A-Za-z0-9\-._~+/]{8,}=*)/g;

/** Scrubs secret-looking values out of free text (a pasted response, an error description). */
export function redactText(text: string): string {
  return text
    .replace(JWT_LIKE, (jwt) => redactValue(jwt))
    .replace(AUTH_HEADER, (_m, scheme: string, value: string) => `${scheme} ${redactValue(value, 4)}`)
    .replace(SECRET_PARAMS, (m, name: string, sep: string, value: string) =>
      value.startsWith('[redacted') || value.includes('…[redacted') ? m : `${name}${sep}${redactValue(value, 4)}`,
    );
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
 * The exact secret values a run has handled (client secret, code, code_verifier, tokens). Every
 * byte written to stdout, stderr, a report or the browser page passes through scrub(), so a value a
 * server echoes back in an error message is caught too. Tokens are let through only when the user
 * asked (--show-tokens); credentials never.
 */
export class KnownSecrets {
  readonly #values = new Map<string, SecretKind>();
  revealTokens = false;

  add(value: unknown, kind: SecretKind): void {
    // Short values would also match ordinary words; none of the secrets handled here is that short.
    if (typeof value === 'string' && value.length >= 8) this.#values.set(value, kind);
  }

  scrub(text: string): string {
    let out = text;
    for (const [value, kind] of this.#values) {
      if (kind === 'token' && this.revealTokens) continue;
      if (out.includes(value)) out = out.split(value).join(redactValue(value));
      // The same value form-encoded or JSON-escaped.
      const encoded = encodeURIComponent(value);
      if (encoded !== value && out.includes(encoded)) out = out.split(encoded).join(redactValue(value));
    }
    return out;
  }
}
