/**
 * A report as Markdown, ready to paste into an issue: what was run, the findings with their
 * fixes and sources, and each HTTP exchange with its headers and bodies in fenced blocks.
 */
import { trimTrailing } from '../trim.js';
import { readableBody, type ReportDocument, type ReportExchange } from './report-document.js';

/** A fence longer than any run of backticks in the text, so no body can close it early. */
function fenced(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** Table cells: no line breaks, no unescaped pipes. */
// Split, not a regex around the line break: `\s*\n\s*` is quadratic on a long run of spaces.
const cell = (s: string) => s.replace(/\|/g, '\\|').split('\n').map((line) => line.trim()).join(' ');
const headerLines = (h: Record<string, string>) => Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\n');

export function reportMarkdown(d: ReportDocument): string {
  const out: string[] = [`# ${d.title}`, ''];
  out.push(`- **Command:** \`${d.command_line.replace(/`/g, "'")}\``);
  out.push(`- **Result:** ${d.ok ? 'nothing wrong found' : 'problems found'} (${d.errors} error${d.errors === 1 ? '' : 's'}, ${d.warnings} warning${d.warnings === 1 ? '' : 's'})`);
  out.push(`- **Generated:** ${d.generated_at} by oauth-doctor ${d.version}; secrets, codes and tokens are redacted (tokens keep their decoded claims, not their signature).`, '');
  if (d.context.length > 0) {
    out.push('## Context', '', '| | |', '| --- | --- |', ...d.context.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`), '');
  }
  if (d.checks.length > 0) {
    out.push('## Checks', '', '| target | check | status | summary |', '| --- | --- | --- | --- |', ...d.checks.map((c) => `| ${cell(c.target)} | ${cell(c.check)} | ${cell(c.status)} | ${cell(c.summary)} |`), '');
  }
  out.push('## Findings', '');
  if (d.findings.length === 0) out.push('Nothing wrong found.', '');
  d.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${f.severity}: ${f.title} (\`${f.id}\`)`, '', f.detail, '');
    if (f.causes?.length) out.push('**Likely causes**', '', ...f.causes.map((c, j) => `${j + 1}. ${c}`), '');
    if (f.fixes.length) out.push('**What to do**', '', ...f.fixes.map((x, j) => `${j + 1}. ${x}`), '');
    if (f.sources.length) out.push(`**Sources:** ${f.sources.map((s) => (s.url ? `[${s.title}](${s.url})` : s.title)).join(', ')}`, '');
  });
  out.push('## HTTP exchanges', '');
  if (d.exchanges.length === 0) out.push('No HTTP request was made.', '');
  d.exchanges.forEach((x, i) => out.push(...exchangeMarkdown(x, i + 1)));
  if (d.input !== undefined) out.push('## Input', '', fenced(d.input, 'text'), '');
  return `${trimTrailing(out.join('\n'), '\n')}\n`;
}

function exchangeMarkdown(x: ReportExchange, n: number): string[] {
  const answer = x.status === null ? `no answer (${x.error ?? 'network error'})` : `HTTP ${x.status}`;
  const out = [`### ${n}. ${x.method} ${x.url} → ${answer}, ${x.elapsed_ms} ms`, ''];
  if (Object.keys(x.request_headers).length > 0) out.push('Request headers:', '', fenced(headerLines(x.request_headers), 'http'), '');
  if (x.request_body) out.push('Request body:', '', fenced(x.request_body), '');
  if (x.status !== null) {
    out.push('Response headers:', '', fenced(headerLines(x.response_headers), 'http'), '');
    out.push('Response body:', '', x.response_body ? fenced(readableBody(x.response_body)) : '(empty)', '');
  }
  for (const t of x.tokens) out.push(`A JWT in the ${t.where}, decoded (signature removed):`, '', fenced(JSON.stringify({ header: t.header, claims: t.claims }, null, 2), 'json'), '');
  return out;
}
