/**
 * The human view of a request to an endpoint that authenticates the client (introspection,
 * revocation): each attempt, the method that worked and what to configure for it.
 */
import type { Attempt } from '../oauth/method-trial.js';
import { heading, indent, printable } from './findings-text.js';
import type { Style } from './style.js';

export function renderCallAttempts(r: { attempts: Attempt[]; auth_method: string | null; advice: string[] }, style: Style, title: string, worked: string): string[] {
  if (r.attempts.length === 0) return [];
  const out = ['', heading(title, style)];
  for (const a of r.attempts) {
    const outcome = a.error ? style.red(printable(`${a.error}${a.error_description ? `: ${a.error_description.slice(0, 120)}` : ''}`)) : style.green(worked);
    out.push(`  ${(a.retry ? `${a.auth_method} (${a.retry})` : a.auth_method).padEnd(20)} ${a.status === null ? 'no answer' : `HTTP ${a.status}`}  ${outcome}  ${style.dim(`${a.elapsed_ms} ms`)}${a.url ? `  ${style.dim(`at ${printable(a.url)} (mTLS alias)`)}` : ''}`);
  }
  if (r.auth_method) {
    out.push(`  ${style.bold('Client authentication')} ${style.green(r.auth_method)} works for this client here. In your own client:`);
    for (const line of r.advice) out.push(indent(`- ${line}`, 4, 100, 2));
  }
  return out;
}
