/**
 * A report as one self-contained HTML page: the Markdown report's content, plus a timeline of the
 * exchanges. No script, no external stylesheet, font or image: it opens offline and from a mail.
 */
import { readableBody, type ReportDocument, type ReportExchange } from './report-document.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const headerLines = (h: Record<string, string>) => Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\n');
/** Only http(s) links: a source URL is data from the knowledge base, never a javascript: URL. */
const link = (url: string, text: string) => (/^https?:\/\//.test(url) ? `<a href="${esc(url)}" rel="noreferrer">${esc(text)}</a>` : esc(text));

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1b1f24}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #d0d7de}h3{font-size:1.05em}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.25em .6em;text-align:left;vertical-align:top}
pre{background:#f6f8fa;padding:.6em;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.error{color:#b42318}.warning{color:#9a6700}.info{color:#0969da}.ok{color:#1a7f37}
.timeline td.bar{width:50%}.timeline span{display:block;height:.9em;background:#0969da;min-width:2px}
.timeline span.failed{background:#b42318}`;

export function reportHtml(d: ReportDocument): string {
  const parts: string[] = [];
  const add = (s: string) => parts.push(s);
  add(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  add(`<title>${esc(d.title)}</title><style>${STYLE}</style></head><body>`);
  add(`<h1>${esc(d.title)}</h1><ul><li><strong>Command:</strong> <code>${esc(d.command_line)}</code></li>`);
  add(`<li><strong>Result:</strong> <span class="${d.ok ? 'ok' : 'error'}">${d.ok ? 'nothing wrong found' : 'problems found'}</span> (${d.errors} errors, ${d.warnings} warnings)</li>`);
  add(`<li><strong>Generated:</strong> ${esc(d.generated_at)} by oauth-doctor ${esc(d.version)}; secrets, codes and tokens are redacted (tokens keep their decoded claims, not their signature).</li></ul>`);
  if (d.context.length > 0) add(`<h2>Context</h2><table>${d.context.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`);
  if (d.checks.length > 0) {
    add(`<h2>Checks</h2><table><tr><th>target</th><th>check</th><th>status</th><th>summary</th></tr>`);
    add(d.checks.map((c) => `<tr><td>${esc(c.target)}</td><td>${esc(c.check)}</td><td class="${c.status === 'fail' ? 'error' : c.status === 'warn' ? 'warning' : ''}">${esc(c.status)}</td><td>${esc(c.summary)}</td></tr>`).join(''));
    add('</table>');
  }
  add('<h2>Findings</h2>');
  if (d.findings.length === 0) add('<p class="ok">Nothing wrong found.</p>');
  for (const f of d.findings) {
    add(`<h3 class="${f.severity}">${esc(f.severity)}: ${esc(f.title)} <code>${esc(f.id)}</code></h3><p>${esc(f.detail)}</p>`);
    if (f.causes?.length) add(`<p><strong>Likely causes</strong></p><ol>${f.causes.map((c) => `<li>${esc(c)}</li>`).join('')}</ol>`);
    if (f.fixes.length) add(`<p><strong>What to do</strong></p><ol>${f.fixes.map((x) => `<li>${esc(x)}</li>`).join('')}</ol>`);
    if (f.sources.length) add(`<p><strong>Sources:</strong> ${f.sources.map((s) => (s.url ? link(s.url, s.title) : esc(s.title))).join(', ')}</p>`);
  }
  add('<h2>HTTP exchanges</h2>');
  if (d.exchanges.length === 0) add('<p>No HTTP request was made.</p>');
  else add(timeline(d.exchanges));
  d.exchanges.forEach((x, i) => add(exchangeHtml(x, i + 1)));
  if (d.input !== undefined) add(`<h2>Input</h2><pre>${esc(d.input)}</pre>`);
  add('</body></html>\n');
  return parts.join('');
}

/** Each exchange as a bar: where it started in the run and how long it took. */
function timeline(exchanges: readonly ReportExchange[]): string {
  const start = Math.min(...exchanges.map((x) => x.started));
  const span = Math.max(1, ...exchanges.map((x) => x.started - start + x.elapsed_ms));
  const rows = exchanges.map((x, i) => {
    const left = ((x.started - start) / span) * 100;
    const width = Math.max(0.5, (x.elapsed_ms / span) * 100);
    return `<tr><td>${i + 1}</td><td>+${x.started - start} ms</td><td>${esc(x.method)} ${esc(new URL(x.url).pathname)}</td><td>${x.status ?? 'no answer'}</td><td>${x.elapsed_ms} ms</td><td class="bar"><span class="${x.status === null || x.status >= 400 ? 'failed' : ''}" style="margin-left:${left.toFixed(1)}%;width:${width.toFixed(1)}%"></span></td></tr>`;
  });
  return `<table class="timeline"><tr><th>#</th><th>start</th><th>request</th><th>status</th><th>time</th><th>timeline</th></tr>${rows.join('')}</table>`;
}

function exchangeHtml(x: ReportExchange, n: number): string {
  const answer = x.status === null ? `no answer (${x.error ?? 'network error'})` : `HTTP ${x.status}`;
  const out = [`<h3 id="exchange-${n}">${n}. ${esc(x.method)} ${esc(x.url)} → ${esc(answer)}, ${x.elapsed_ms} ms</h3>`];
  if (Object.keys(x.request_headers).length > 0) out.push(`<p>Request headers</p><pre>${esc(headerLines(x.request_headers))}</pre>`);
  if (x.request_body) out.push(`<p>Request body</p><pre>${esc(x.request_body)}</pre>`);
  if (x.status !== null) out.push(`<p>Response headers</p><pre>${esc(headerLines(x.response_headers))}</pre><p>Response body</p><pre>${esc(readableBody(x.response_body) || '(empty)')}</pre>`);
  for (const t of x.tokens) out.push(`<p>A JWT in the ${esc(t.where)}, decoded (signature removed)</p><pre>${esc(JSON.stringify({ header: t.header, claims: t.claims }, null, 2))}</pre>`);
  return out.join('');
}
