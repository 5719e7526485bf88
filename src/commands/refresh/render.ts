/**
 * The human view of `refresh`: where, the request, the new tokens and their claims, rotation, then
 * the findings.
 */
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import { renderTokenOutcome } from '../../report/token-text.js';
import type { RefreshResult } from './run.js';

export function renderRefresh(r: RefreshResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}          ${r.issuer ? printable(r.issuer) : style.dim('(token endpoint given directly)')}`);
  out.push(`${style.bold('Token endpoint')}  ${r.token_endpoint ? printable(r.token_endpoint) : style.dim('(none)')}`);
  if (r.tokens) out.push(`${style.bold('Rotation')}        ${r.rotated ? style.yellow('a new refresh token came back; the old one is used up') : 'the same refresh token stays valid'}`);
  out.push(...renderTokenOutcome(r, style, 'refresh_token'));
  if (r.saved_to) out.push('', `New token response saved to ${printable(r.saved_to)} (mode 0600).`);
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
