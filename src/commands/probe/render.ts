/**
 * The human view of `probe`: a table of target, check, result, time and the main finding, then
 * the details of what failed or warned.
 */
import type { ProbeResult } from './run.js';
import type { CheckStatus } from './types.js';
import { heading, printable, renderFinding } from '../../report/findings-text.js';
import type { Style } from '../../report/style.js';

export function renderProbe(r: ProbeResult, style: Style): string {
  const mark: Record<CheckStatus, string> = { pass: style.green('pass'), warn: style.yellow('warn'), fail: style.red('FAIL'), skip: style.dim('skip') };
  const rows = r.targets.flatMap((t) =>
    t.checks.map((c) => {
      const main = c.findings.find((f) => f.severity === 'error') ?? c.findings.find((f) => f.severity === 'warning');
      return [t.name, c.name, c.status, `${c.elapsed_ms} ms`, main ? `${main.id}: ${main.title}` : c.summary] as const;
    }),
  );
  const w = [6, 5, 4, 4].map((min, i) => Math.max(min, ...rows.map((row) => printable(row[i] as string).length)));
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length));
  const out = [style.bold(`${pad('TARGET', w[0] as number)}  ${pad('CHECK', w[1] as number)}  ${pad('RESULT', 6)}  ${pad('TIME', w[3] as number)}  FINDING`)];
  for (const [target, check, status, time, note] of rows) {
    out.push(`${pad(printable(target), w[0] as number)}  ${pad(check, w[1] as number)}  ${mark[status]}${' '.repeat(6 - status.length)}  ${pad(time, w[3] as number)}  ${printable(note).slice(0, 110)}`);
  }
  const details = r.targets.flatMap((t) =>
    t.checks
      .filter((c) => c.status === 'fail' || c.status === 'warn')
      .flatMap((c) => c.findings.filter((f) => f.severity !== 'info').map((f) => `${style.dim(`${t.name} / ${c.name}`)}\n${renderFinding(f, style)}`)),
  );
  if (details.length > 0) out.push('', heading('Details', style), details.join('\n\n'));
  const counts = (s: CheckStatus) => r.targets.reduce((n, t) => n + t.checks.filter((c) => c.status === s).length, 0);
  const line = `${counts('pass')} passed, ${counts('fail')} failed, ${counts('warn')} warned, ${counts('skip')} skipped in ${(r.elapsed_ms / 1000).toFixed(1)} s${r.strict ? ' (strict: warnings fail)' : ''}`;
  out.push('', r.ok ? style.green.bold(`OK: ${line}`) : style.red.bold(`Problems found: ${line}`));
  if (r.junit_file) out.push(style.dim(`JUnit report written to ${r.junit_file}`));
  return `${out.join('\n')}\n`;
}
