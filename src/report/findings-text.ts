/**
 * The human rendering of findings, shared by every command.
 */
import type { Finding, Severity } from '../findings.js';
import { printable } from './printable.js';
import type { Style } from './style.js';

const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

function paint(style: Style, severity: Severity, text: string): string {
  return severity === 'error' ? style.red(text) : severity === 'warning' ? style.yellow(text) : style.cyan(text);
}

export { printable };

export function renderFinding(f: Finding, style: Style): string {
  const lines: string[] = [];
  lines.push(`${paint(style, f.severity, `${MARK[f.severity]} ${f.severity}`)}  ${style.bold(printable(f.title))}  ${style.dim(`[${f.id}]`)}`);
  lines.push(indent(printable(f.detail), 4));
  if (f.causes && f.causes.length > 0) {
    lines.push(`    ${style.bold('Likely causes:')}`);
    f.causes.forEach((c, i) => lines.push(indent(`${i + 1}. ${printable(c)}`, 6, 100, 3)));
  }
  if (f.fixes.length > 0) {
    lines.push(`    ${style.bold('What to do:')}`);
    f.fixes.forEach((c, i) => lines.push(indent(`${i + 1}. ${printable(c)}`, 6, 100, 3)));
  }
  if (f.sources.length > 0) {
    lines.push(`    ${style.bold('Sources:')}`);
    for (const s of f.sources) lines.push(style.dim(`      ${printable(s.title)}  ${printable(s.url)}`));
  }
  return lines.join('\n');
}

export function renderFindings(findings: readonly Finding[], style: Style): string {
  if (findings.length === 0) return style.green('✔ Nothing wrong found.');
  return findings.map((f) => renderFinding(f, style)).join('\n\n');
}

export function renderSummary(findings: readonly Finding[], style: Style): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
  return errors > 0 ? style.red.bold(`Problems found: ${parts.join(', ')}`) : style.green.bold(`OK: ${parts.join(', ')}`);
}

export function heading(text: string, style: Style): string {
  return style.bold.underline(text);
}

/** Wraps long text at 100 columns with a hanging indent; keeps the user's own line breaks. */
export function indent(text: string, n: number, width = 100, hang = 0): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let pad = ' '.repeat(n);
    let line = '';
    for (const word of para.split(' ')) {
      if (line && pad.length + line.length + 1 + word.length > width) {
        out.push(pad + line);
        pad = ' '.repeat(n + hang);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out.join('\n');
}
