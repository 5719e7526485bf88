/**
 * --report FILE and --redact-claims, for the commands whose runs are worth sharing (login, probe,
 * explain): the format is the file's extension.
 */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import type { ReportFormat, ReportRequest } from '../report/report-document.js';
import { checkWritable } from './flags.js';

export interface ReportFlags {
  report?: string;
  redactClaims?: boolean;
}

const FORMATS: Record<string, ReportFormat> = { '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.har': 'har' };

export function addReportFlags(cmd: Command): Command {
  return cmd
    .option('--report <file>', 'also write a shareable, redacted report of the run: Markdown (.md), a self-contained HTML page (.html) or HAR (.har)')
    .option('--redact-claims', 'in the report, also hide the token claims that name a person (email, name, preferred_username...)');
}

export function reportRequest(f: ReportFlags): ReportRequest | undefined {
  if (f.report === undefined) {
    if (f.redactClaims) throw new UsageError('--redact-claims only means something with --report FILE');
    return undefined;
  }
  const extension = /\.[A-Za-z]+$/.exec(f.report)?.[0].toLowerCase() ?? '';
  const format = FORMATS[extension];
  if (!format) throw new UsageError(`--report ${f.report}: name a .md, .html or .har file (the extension says the format)`);
  checkWritable('--report', f.report);
  return { file: f.report, format, redactClaims: Boolean(f.redactClaims) };
}
