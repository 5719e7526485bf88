/**
 * The human view of `client-credentials`: where the token came from, the request, the token and
 * its claims, then the findings.
 */
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import { renderTokenOutcome } from '../../report/token-text.js';
import type { ClientCredentialsResult } from './run.js';

export function renderClientCredentials(r: ClientCredentialsResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}          ${r.issuer ? printable(r.issuer) : style.dim('(token endpoint given directly)')}`);
  out.push(`${style.bold('Token endpoint')}  ${r.token_endpoint ? printable(r.token_endpoint) : style.dim('(none)')}`);
  out.push(...renderTokenOutcome(r, style, 'client_credentials'));
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
