/**
 * The human view of `introspect`: where, the request, the verdict, the provider's answer with its
 * times in human time, then the findings.
 */
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';
import { renderCallAttempts } from '../../report/call-text.js';
import type { IntrospectResult } from './run.js';

/** The members RFC 7662 §2.2 names, in its order; the provider's others follow. */
const ORDER = ['active', 'scope', 'client_id', 'username', 'token_type', 'exp', 'iat', 'nbf', 'sub', 'aud', 'iss', 'jti'];

export function renderIntrospect(r: IntrospectResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}                  ${r.issuer ? printable(r.issuer) : style.dim('(endpoint given directly)')}`);
  out.push(`${style.bold('Introspection endpoint')}  ${r.introspection_endpoint ? printable(r.introspection_endpoint) : style.dim('(none)')}`);
  out.push(`${style.bold('Token')}                   ${printable(r.token)} ${style.dim(`from ${printable(r.token_source)}${r.token_type_hint ? `, token_type_hint=${r.token_type_hint}` : ''}`)}`);
  out.push(...renderCallAttempts(r, style, 'Introspection request', 'answer'));
  if (r.response) {
    out.push('', heading('Introspection response', style));
    out.push(`  ${style.cyan('active'.padEnd(14))} ${r.active ? style.green('true') : style.red('false')}`);
    const times = new Map(r.times.map((t) => [t.name as string, t]));
    const keys = [...ORDER.filter((k) => k in r.response!), ...Object.keys(r.response).filter((k) => !ORDER.includes(k))].filter((k) => k !== 'active');
    for (const k of keys) {
      const v = r.response[k];
      const t = times.get(k);
      const shown = t ? `${t.date}  ${style.dim(`(${t.relative})`)}` : printable(typeof v === 'string' ? v : JSON.stringify(v));
      out.push(`  ${style.cyan(printable(k).padEnd(14))} ${shown}`);
    }
  }
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}
