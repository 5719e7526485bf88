/**
 * The human view of `token-exchange`: where, what was asked, the request, the new token and its
 * claims, then the findings.
 */
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import { renderTokenOutcome } from '../../report/token-text.js';
import type { TokenExchangeResult } from './run.js';

export function renderTokenExchange(r: TokenExchangeResult, style: Style): string {
  const out: string[] = [];
  const q = r.request;
  out.push(`${style.bold('Issuer')}           ${r.issuer ? printable(r.issuer) : style.dim('(token endpoint given directly)')}`);
  out.push(`${style.bold('Token endpoint')}   ${r.token_endpoint ? printable(r.token_endpoint) : style.dim('(none)')}`);
  out.push(`${style.bold('Subject token')}    ${printable(q.subject_token_type)} from ${printable(q.subject_token_source)}`);
  if (q.actor_token_type) out.push(`${style.bold('Actor token')}      ${printable(q.actor_token_type)} from ${printable(q.actor_token_source ?? '')}`);
  const target = [q.audience ? `audience ${q.audience}` : '', q.resource ? `resource ${q.resource}` : '', q.scope ? `scope "${q.scope}"` : ''].filter(Boolean).join(', ');
  out.push(`${style.bold('Asked for')}        ${printable(q.requested_token_type ?? 'the provider\'s default token type')}${target ? `, ${printable(target)}` : ''}`);
  out.push(...renderTokenOutcome(r, style, 'Token exchange'));
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
