import type { ExplainResult } from './run.js';
import type { LogGroup } from '../../explain/log-scan.js';
import { heading, indent, printable, renderFinding } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';

const FORM: Record<ExplainResult['input']['form'], string> = {
  code: 'an error code',
  json: 'a JSON error body',
  http: 'an HTTP response',
  challenge: 'a WWW-Authenticate challenge',
  form: 'a form-encoded error body',
  url: 'a redirect URL',
  text: 'an error message or stack trace',
  log: 'a log',
};

export function renderExplain(r: ExplainResult, style: Style): string {
  if (r.log) return renderLog(r.log, style);
  const i = r.input;
  const read = [FORM[i.form], i.status !== null ? `HTTP ${i.status}` : undefined, i.codes.length ? `codes: ${i.codes.slice(0, 6).join(', ')}` : undefined];
  const out: string[] = [style.dim(printable(`Read as ${read.filter(Boolean).join('; ')}`)), ''];
  const [primary, ...others] = r.findings;
  if (primary) out.push(heading('Diagnosis', style), renderFinding(primary, style));
  if (others.length > 0) out.push('', heading('Also', style), others.map((f) => renderFinding(f, style)).join('\n\n'));
  return `${out.join('\n')}\n`;
}

function renderLog(log: NonNullable<ExplainResult['log']>, style: Style): string {
  const records = log.groups.reduce((n, g) => n + g.count, 0) + log.ungrouped;
  const size = log.bytes >= 1024 * 1024 ? `${(log.bytes / (1024 * 1024)).toFixed(1)} MiB` : `${(log.bytes / 1024).toFixed(1)} KiB`;
  const out: string[] = [style.dim(`Read as a log: ${thousands(log.lines)} lines, ${size}`), ''];
  if (log.groups.length === 0) {
    out.push(style.green('✔ No OAuth or HTTP-auth error found in it.'));
    return `${out.join('\n')}\n`;
  }
  const groups = `${log.groups.length} distinct error${log.groups.length === 1 ? '' : 's'}`;
  out.push(heading(`${thousands(records)} error record${records === 1 ? '' : 's'} in ${groups}, most frequent first`, style), '');
  log.groups.forEach((g, n) => out.push(renderGroup(g, n + 1, style), ''));
  if (log.ungrouped > 0) out.push(style.yellow(`▲ ${log.ungrouped} more error records past the first ${log.groups.length} kinds were counted but not grouped.`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function renderGroup(g: LogGroup, n: number, style: Style): string {
  const where = g.first_line === g.last_line ? `line ${g.first_line}` : `lines ${g.first_line}–${g.last_line}`;
  const lines = [style.bold(`${n}. ${g.count}× (${where})`), style.dim(indent(printable(g.sample), 4))];
  const [primary, ...others] = g.findings;
  if (primary) lines.push(renderFinding(primary, style).replace(/^/gm, '  '));
  if (others.length > 0) lines.push(style.dim(`    Also: ${others.map((f) => `${printable(f.title)} [${f.id}]`).join('; ')}`));
  return lines.join('\n');
}

/** 1130844 as 1,130,844 (toLocaleString loads Intl, tens of milliseconds at its first use). */
function thousands(n: number): string {
  const digits = String(n);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return groups.join(',');
}
