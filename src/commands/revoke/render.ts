/**
 * The human view of `revoke`: where, the request, what a 200 proves, the introspection of --check,
 * then the findings.
 */
import { renderCallAttempts } from '../../report/call-text.js';
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import type { RevokeResult } from './run.js';

export function renderRevoke(r: RevokeResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}               ${r.issuer ? printable(r.issuer) : style.dim('(endpoint given directly)')}`);
  out.push(`${style.bold('Revocation endpoint')}  ${r.revocation_endpoint ? printable(r.revocation_endpoint) : style.dim('(none)')}`);
  out.push(`${style.bold('Token')}                ${printable(r.token)} ${style.dim(`from ${printable(r.token_source)}${r.token_type_hint ? `, token_type_hint=${r.token_type_hint}` : ''}`)}`);
  out.push(...renderCallAttempts(r, style, 'Revocation request', 'accepted'));
  if (r.revoked) out.push('', `${style.bold('Revoked')}  the provider accepted it; a 200 is also its answer for an unknown token, so this alone does not prove the token existed.`);
  if (r.check) {
    out.push(...renderCallAttempts({ ...r.check, auth_method: null, advice: [] }, style, 'Check: introspection afterwards', 'answer'));
    const verdict = r.check.active === false ? style.green('active: false, the token is no longer honoured') : r.check.active ? style.red('active: true, the token is still honoured') : style.dim('no answer');
    out.push(`  ${style.bold('Now')} ${verdict}`);
  }
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
