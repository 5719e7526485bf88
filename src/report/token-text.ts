/**
 * The human view of a token request, shared by the token commands: each attempt, the method that
 * worked and what to configure, the tokens (redacted unless asked) and the claims of those that
 * are JWTs.
 */
import { indent, printable, heading } from './findings-text.js';
import type { Style } from './style.js';
import type { TokenOutcome } from '../oauth/obtain-tokens.js';
import { isoDate } from '../token/time.js';

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time']);

/** `claims: false` for a caller that shows the claims its own way (login, with the ID token's verdict). */
export function renderTokenOutcome(r: Omit<TokenOutcome, 'findings' | 'raw'>, style: Style, title = 'Token request', o: { claims?: boolean } = {}): string[] {
  const out: string[] = [];
  if (r.attempts.length > 0) {
    out.push('', heading(title, style));
    for (const a of r.attempts) {
      const outcome = a.error ? style.red(printable(`${a.error}${a.error_description ? `: ${a.error_description.slice(0, 120)}` : ''}`)) : style.green('tokens');
      out.push(`  ${(a.retry ? `${a.auth_method} (${a.retry})` : a.auth_method).padEnd(20)} ${a.status === null ? 'no answer' : `HTTP ${a.status}`}  ${outcome}  ${style.dim(`${a.elapsed_ms} ms`)}${a.url ? `  ${style.dim(`at ${printable(a.url)} (mTLS alias)`)}` : ''}`);
    }
    if (r.auth_method) {
      out.push(`  ${style.bold('Client authentication')} ${style.green(r.auth_method)} works for this client. In your own client:`);
      for (const line of r.advice) out.push(indent(`- ${line}`, 4, 100, 2));
    }
  }
  if (r.dpop) {
    const bound = r.dpop.token_type?.toLowerCase() === 'dpop';
    const nonce = r.dpop.nonce_retries > 0 ? `; the provider asked for its nonce ${r.dpop.nonce_retries === 1 ? 'once' : `${r.dpop.nonce_retries} times`} (use_dpop_nonce) and got it` : '';
    out.push('', `  ${style.bold('DPoP')} ${r.dpop.alg} key, thumbprint (jkt) ${r.dpop.jkt}${r.dpop.token_type === undefined ? '' : bound ? `: ${style.green('token_type DPoP, bound to this key')}` : `: ${style.red(`token_type ${printable(r.dpop.token_type)}, not bound`)}`}${nonce}`);
    if (r.dpop.key_saved_to) out.push(`  ${style.dim(`private key saved to ${printable(r.dpop.key_saved_to)} (0600): --dpop-key ${printable(r.dpop.key_saved_to)} uses the token again`)}`);
  }
  if (r.tokens) {
    out.push('', heading('Tokens', style));
    for (const [k, v] of Object.entries(r.tokens)) out.push(`  ${style.cyan(printable(k).padEnd(14))} ${printable(typeof v === 'string' ? v : JSON.stringify(v))}`);
  }
  if (o.claims === false) return out;
  for (const [name, claims] of [['Access token claims', r.claims.access_token], ['ID token claims', r.claims.id_token]] as const) {
    if (!claims) continue;
    out.push('', heading(name, style));
    for (const [k, v] of Object.entries(claims)) {
      const shown = TIME_CLAIMS.has(k) && typeof v === 'number' ? isoDate(v) : typeof v === 'string' ? v : JSON.stringify(v);
      out.push(`  ${style.cyan(printable(k).padEnd(14))} ${printable(shown)}`);
    }
  }
  return out;
}
