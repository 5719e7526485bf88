/**
 * The human view of `decode`: header, claims with times in human terms, a lifetime bar, the
 * signature verdict, then the findings.
 */
import type { DecodeResult } from './run.js';
import { humanDuration } from '../../token/time.js';
import { heading, printable, renderFindings, renderSummary } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';

const KIND: Record<DecodeResult['token']['kind'], string> = {
  jws: 'JWT (signed, JWS)',
  jwe: 'JWT (encrypted, JWE)',
  opaque: 'opaque token',
};

export function renderDecode(r: DecodeResult, style: Style): string {
  const out: string[] = [];
  const t = r.token;
  const unsigned = t.kind === 'jws' && String(t.header?.alg).toLowerCase() === 'none';
  const facts = [unsigned ? 'JWT (unsigned: alg "none")' : KIND[t.kind], t.header?.alg && !unsigned ? String(t.header.alg) : undefined, t.header?.kid ? `kid ${String(t.header.kid)}` : undefined, `${t.length} chars`];
  out.push(`${style.bold('Token')}  ${printable(facts.filter(Boolean).join(' · '))}`);
  out.push(`       ${t.value !== undefined ? printable(t.value) : style.dim(printable(t.redacted))}`);
  if (t.header) out.push('', heading('Header', style), table(t.header, style));
  if (t.claims) {
    const times = new Map(t.times.map((x) => [x.name, x]));
    const rows: Array<[string, string]> = Object.entries(t.claims).map(([k, v]) => {
      const time = times.get(k as never);
      return [k, time ? `${time.date}  ${style.dim(`(${describe(k, time.relative)})`)}` : show(v)];
    });
    out.push('', heading('Claims', style), rows.map(([k, v]) => `  ${style.cyan(printable(k).padEnd(width(rows)))}  ${v}`).join('\n'));
  }
  if (t.dpop_binding) out.push('', `${style.bold('Bound to')}  a DPoP key, cnf.jkt ${printable(t.dpop_binding.jkt)}`, `  ${style.dim(t.dpop_binding.meaning)}`);
  if (t.lifetime_seconds !== undefined && t.lifetime_position !== undefined) {
    out.push('', `${style.bold('Lifetime')}  ${humanDuration(t.lifetime_seconds)}`, `  ${bar(r, style)}`);
  }
  const v = r.verification;
  if (t.kind === 'jws') {
    const verdict = !v.attempted
      ? style.dim('not checked')
      : v.signature_valid
        ? style.green(`verified with ${printable(v.key_source ?? '')}`)
        : style.red(`NOT verified${v.key_source ? ` with ${printable(v.key_source)}` : ''}`);
    out.push('', `${style.bold('Signature')}  ${verdict}`);
  }
  out.push('', heading('Findings', style), renderFindings(r.findings, style), '', renderSummary(r.findings, style));
  return `${out.join('\n')}\n`;
}

function describe(claim: string, rel: string): string {
  if (claim === 'exp') return rel.endsWith('ago') ? `expired ${rel}` : `expires ${rel}`;
  if (claim === 'nbf') return rel.endsWith('ago') ? `valid since ${rel}` : `not valid until ${rel}`;
  if (claim === 'auth_time') return `signed in ${rel}`;
  return `issued ${rel}`;
}

/** issued ├────────●─────┤ expires, with now outside the bar when it lies outside the lifetime. */
function bar(r: DecodeResult, style: Style): string {
  const size = 40;
  const p = r.token.lifetime_position ?? 0;
  const exp = r.token.times.find((x) => x.name === 'exp');
  const start = r.token.times.find((x) => x.name === 'nbf') ?? r.token.times.find((x) => x.name === 'iat');
  const expired = exp?.relative.endsWith('ago');
  const early = start && !start.relative.endsWith('ago') && start.relative !== 'now';
  const at = Math.round(p * size);
  if (early) return `${style.yellow('● now')} ··· issued ├${'─'.repeat(size)}┤ expires  ${style.yellow('(not yet valid)')}`;
  if (expired) return `issued ├${'─'.repeat(size)}┤ expires ··· ${style.red('● now')}  ${style.red('(expired)')}`;
  return `issued ├${'─'.repeat(at)}${style.green('●')}${'─'.repeat(Math.max(0, size - at))}┤ expires   ${style.green('● now')}`;
}

function table(obj: Record<string, unknown>, style: Style): string {
  const rows = Object.entries(obj).map(([k, v]) => [k, show(v)] as [string, string]);
  return rows.map(([k, v]) => `  ${style.cyan(printable(k).padEnd(width(rows)))}  ${v}`).join('\n');
}

function width(rows: Array<[string, string]>): number {
  return Math.min(24, Math.max(...rows.map(([k]) => k.length), 3));
}

function show(v: unknown): string {
  const s = printable(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
