/**
 * The human view of `login`: where the flow got to, every token-endpoint attempt, what came
 * back (redacted), then the findings.
 */
import type { LoginResult } from './run.js';
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import { renderTokenOutcome } from '../../report/token-text.js';
import type { Style } from '../../report/style.js';
import { isoDate } from '../../token/time.js';

const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf', 'auth_time']);

export function renderLogin(r: LoginResult, style: Style): string {
  const out: string[] = [];
  out.push(`${style.bold('Issuer')}        ${r.issuer ? printable(r.issuer) : style.dim('(endpoints given directly)')}`);
  if (r.flow === 'device_code') out.push(...renderDevice(r, style));
  else out.push(`${style.bold('Redirect URI')}  ${r.redirect_uri ? printable(r.redirect_uri) : style.dim('(none)')}`);
  if (r.par) {
    const p = r.par;
    out.push(`${style.bold('PAR')}           ${p.expires_in !== null ? `pushed to ${printable(p.pushed_authorization_request_endpoint ?? '')} with ${p.auth_method}; request_uri valid ${p.expires_in} s` : style.red(`not pushed${p.pushed_authorization_request_endpoint ? ` (${printable(p.pushed_authorization_request_endpoint)})` : ''}`)}${p.required ? style.dim(' (the provider requires PAR)') : ''}`);
  }
  out.push(`${style.bold('Reached')}       ${r.stage === 'done' ? style.green('tokens received') : style.red(`stopped at ${r.stage}`)}`);
  out.push(...renderTokenOutcome(r, style, r.flow === 'device_code' ? (r.stage === 'device_authorization' ? 'Device authorization' : 'Last poll') : 'Code exchange', { claims: false }));
  if (r.claims.id_token) {
    const v = r.id_token_verification;
    const verdict = !v ? style.yellow('signature not checked (no JWKS, or no client secret for an HS* token)') : v.signature_valid ? style.green(`signature verified with ${printable(v.key_source ?? '')}`) : style.red('signature NOT verified');
    out.push('', `${heading('ID token claims', style)}  ${verdict}`);
    for (const [k, v] of Object.entries(r.claims.id_token)) {
      const shown = TIME_CLAIMS.has(k) && typeof v === 'number' ? isoDate(v) : typeof v === 'string' ? v : JSON.stringify(v);
      out.push(`  ${style.cyan(printable(k).padEnd(14))} ${printable(shown)}`);
    }
  }
  if (r.claims.access_token) {
    out.push('', `${heading('Access token claims', style)}  ${style.dim('(decoded, not verified: the API verifies it)')}`);
    for (const [k, v] of Object.entries(r.claims.access_token)) {
      const shown = TIME_CLAIMS.has(k) && typeof v === 'number' ? isoDate(v) : typeof v === 'string' ? v : JSON.stringify(v);
      out.push(`  ${style.cyan(printable(k).padEnd(14))} ${printable(shown)}`);
    }
  }
  if (r.saved_to) out.push('', `Token response saved to ${r.saved_to} (mode 0600).`);
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}

function renderDevice(r: LoginResult, style: Style): string[] {
  const d = r.device;
  if (!d) return [`${style.bold('Flow')}          device authorization grant (RFC 8628)`];
  const answers = Object.entries(d.answers).map(([code, n]) => `${printable(code)} ×${n}`).join(', ');
  return [
    `${style.bold('Flow')}          device authorization grant (RFC 8628) at ${printable(d.device_authorization_endpoint)}`,
    `${style.bold('Verification')}  ${printable(d.verification_uri)}${d.verification_uri_complete ? style.dim(' (a complete URI was given too)') : ''}`,
    `${style.bold('Device code')}   lived ${d.expires_in} s; polled every ${d.interval} s${d.interval_given ? '' : style.dim(' (the default: no interval given)')}`,
    `${style.bold('Polls')}         ${d.polls} over ${d.waited_seconds} s${answers ? `: ${answers}` : ''}${d.slow_downs ? style.yellow(`, ${d.slow_downs} slow_down`) : ''}`,
  ];
}
