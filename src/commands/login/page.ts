/**
 * The page the browser shows when it lands on the loopback listener: what happened, and that the
 * tab can be closed. Never carries a code, a token or a secret.
 */
import type { Finding } from '../../findings.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function callbackPage(outcome: { ok: boolean; headline: string; finding?: Finding }): string {
  const colour = outcome.ok ? '#1a7f37' : '#cf222e';
  const detail = outcome.finding
    ? `<p><strong>${escape(outcome.finding.title)}</strong> <code>[${escape(outcome.finding.id)}]</code></p><p>${escape(outcome.finding.detail)}</p>` +
      (outcome.finding.fixes[0] ? `<p>What to do: ${escape(outcome.finding.fixes[0])}</p>` : '')
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>oauth-doctor: ${escape(outcome.headline)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}h1{color:${colour}}</style></head>
<body><h1>${escape(outcome.headline)}</h1>${detail}
<p>The full report is in the terminal where oauth-doctor runs. You can close this tab.</p></body></html>
`;
}
