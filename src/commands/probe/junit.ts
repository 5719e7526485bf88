/**
 * JUnit XML for CI dashboards: one testsuite per target, one testcase per check; a failure carries
 * the finding's title, detail and fixes. Pure.
 */
import type { Finding } from '../../findings.js';
import { printable } from '../../report/printable.js';
import type { TargetResult } from './types.js';

const escapeXml = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function describe(findings: Finding[]): string {
  return findings
    .map((f) => [`[${f.severity}] ${f.title} (${f.id})`, f.detail, ...f.fixes.map((x) => `- ${x}`), f.sources.length ? `Sources: ${f.sources.map((s) => `${s.title} <${s.url}>`).join('; ')}` : ''].filter(Boolean).join('\n'))
    .join('\n\n');
}

export function toJUnit(targets: TargetResult[], strict: boolean): string {
  const failed = (status: string) => status === 'fail' || (strict && status === 'warn');
  const all = targets.flatMap((t) => t.checks);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="oauth-doctor probe" tests="${all.length}" failures="${all.filter((c) => failed(c.status)).length}" skipped="${all.filter((c) => c.status === 'skip').length}" time="${seconds(Math.max(0, ...targets.map((t) => t.elapsed_ms)))}">`,
  ];
  for (const t of targets) {
    lines.push(
      `  <testsuite name="${escapeXml(t.name)}" tests="${t.checks.length}" failures="${t.checks.filter((c) => failed(c.status)).length}" skipped="${t.checks.filter((c) => c.status === 'skip').length}" time="${seconds(t.elapsed_ms)}">`,
      `    <properties><property name="issuer" value="${escapeXml(t.issuer)}"/></properties>`,
    );
    for (const c of t.checks) {
      lines.push(`    <testcase classname="oauth-doctor.probe.${escapeXml(t.name)}" name="${c.name}" time="${seconds(c.elapsed_ms)}">`);
      if (failed(c.status)) {
        const primary = c.findings.find((f) => f.severity === 'error') ?? c.findings[0];
        lines.push(`      <failure message="${escapeXml(primary ? `${primary.title} [${primary.id}]` : c.summary)}" type="${escapeXml(primary?.id ?? 'failure')}">${escapeXml(describe(c.findings))}</failure>`);
      } else if (c.status === 'skip') {
        lines.push(`      <skipped message="${escapeXml(c.summary)}"/>`);
      } else if (c.findings.length > 0) {
        lines.push(`      <system-out>${escapeXml(describe(c.findings))}</system-out>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/** GitHub Actions workflow commands: one annotation per failing or warning check. */
export function toGitHubAnnotations(targets: TargetResult[], strict: boolean): string {
  const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escProp = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const out: string[] = [];
  for (const t of targets) {
    for (const c of t.checks) {
      if (c.status !== 'fail' && c.status !== 'warn') continue;
      const level = c.status === 'fail' || strict ? 'error' : 'warning';
      const f = c.findings.find((x) => x.severity === 'error') ?? c.findings[0];
      const message = f ? `${f.title} [${f.id}]: ${f.detail}${f.fixes[0] ? ` Fix: ${f.fixes[0]}` : ''}` : c.summary;
      // The runner's log is a terminal too: nothing from a server may drive it.
      out.push(printable(`::${level} title=${escProp(`oauth-doctor probe: ${t.name} / ${c.name}`)}::${esc(message)}`));
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
