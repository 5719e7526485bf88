/**
 * The human view of `userinfo`: where, the answer, the claims, the sub check, then the findings.
 */
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import { isoDate } from '../../token/time.js';
import type { UserinfoResult } from './run.js';

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time', 'updated_at']);

export function renderUserinfo(r: UserinfoResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}             ${r.issuer ? printable(r.issuer) : style.dim('(userinfo endpoint given directly)')}`);
  out.push(`${style.bold('Userinfo endpoint')}  ${r.userinfo_endpoint ? printable(r.userinfo_endpoint) : style.dim('(none)')}`);
  out.push(`${style.bold('Access token')}       from ${printable(r.access_token_source)}`);
  if (r.status !== null) {
    const status = `HTTP ${r.status}`;
    out.push(`${style.bold('Answer')}             ${r.status < 300 ? style.green(status) : style.red(status)}  ${printable(r.content_type ?? 'no content-type')}  ${style.dim(`${r.elapsed_ms} ms`)}`);
  }
  if (r.claims) {
    out.push('', heading(r.format === 'jwt' ? 'Claims (a JWT, signature not verified)' : 'Claims', style));
    for (const [k, v] of Object.entries(r.claims)) {
      const shown = TIME_CLAIMS.has(k) && typeof v === 'number' ? isoDate(v) : typeof v === 'string' ? v : JSON.stringify(v);
      out.push(`  ${style.cyan(printable(k).padEnd(20))} ${printable(shown)}`);
    }
  }
  if (r.sub_check) {
    const line = r.sub_check.match ? style.green('the same as the ID token\'s (OpenID Connect Core §5.3.2)') : style.red(`differs from the ID token's "${printable(r.sub_check.id_token_sub)}"`);
    out.push('', `${style.bold('sub')}                ${line}`);
  }
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
