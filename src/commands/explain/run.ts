/**
 * `oauth-doctor explain`: what does this error mean, and what do I change? Given a whole log, what
 * OAuth and HTTP-auth errors are in it, how often, and what each means.
 */
import type { Deps } from '../../deps.js';
import { explainText } from '../../explain/index.js';
import { LogScanner, looksLikeLog, type LogGroup } from '../../explain/log-scan.js';
import type { InputForm } from '../../explain/observation.js';
import { readInputHead } from '../../input.js';
import { redactDeep } from '../../redact.js';
import type { CommandResult } from '../result.js';

import type { ReportRequest } from '../../report/report-document.js';

export interface ExplainOptions {
  text?: string;
  file?: string;
  /** Read the input as a log even when it is small. */
  log?: boolean;
  report?: ReportRequest;
}

export interface ExplainResult extends CommandResult {
  command: 'explain';
  /** How the input was read. */
  input: {
    form: InputForm | 'log';
    status: number | null;
    codes: string[];
    www_authenticate: { scheme: string; params: Record<string, string> } | null;
  };
  /** For a log: its size and the errors found in it, most frequent first; `findings` holds the first finding of each group. */
  log?: { lines: number; bytes: number; groups: LogGroup[]; ungrouped: number };
}

/** Input up to this size is read whole and, unless it looks like a log, explained as one error. */
const ONE_ERROR_MAX = 256 * 1024;
const WHAT = 'error (a message, JSON body, HTTP response, stack trace or log)';

/** The text each result explained, for --report (kept out of the JSON, which has only its reading). */
export const explainedText = new WeakMap<ExplainResult, string>();

export async function run(options: ExplainOptions, deps: Deps): Promise<ExplainResult> {
  const input = await readInputHead(WHAT, { argument: options.text, file: options.file }, ONE_ERROR_MAX, deps);
  if (input.complete) {
    const result = explainWhole(input.text, options);
    // The text a report shows as the input: an error read whole (a log's report shows its groups).
    if (result.input.form !== 'log') explainedText.set(result, input.text);
    return result;
  }
  const scanner = new LogScanner(explainText);
  scanner.push(input.head);
  for (let next = await input.rest.next(); !next.done; next = await input.rest.next()) scanner.push(next.value);
  return logResult(scanner.end());
}

/**
 * Text held whole (the CLI's argument or a small input, the library API's explain()): one error,
 * or a log when it looks like one or `log` says so.
 */
export function explainWhole(text: string, o: { log?: boolean } = {}): ExplainResult {
  if (!o.log && !looksLikeLog(text)) return explainOne(text);
  const scanner = new LogScanner(explainText);
  scanner.push(Buffer.from(text, 'utf8'));
  return logResult(scanner.end());
}

function logResult(scan: ReturnType<LogScanner['end']>): ExplainResult {
  const findings = scan.groups.map((g) => g.findings[0]).filter((f) => f !== undefined);
  return {
    command: 'explain',
    ok: findings.length === 0,
    findings,
    input: { form: 'log', status: null, codes: [], www_authenticate: null },
    log: scan,
  };
}

/** One error, already read into text (the library API hands an Error or a Response in this way). */
export function explainOne(text: string): ExplainResult {
  const { observation, findings } = explainText(text, undefined, { guess: true });
  return {
    command: 'explain',
    // The input describes a failure unless it shows success: a rate limit, a 5xx, a wrapped library
    // error and an unrecognised error are failures too (exit 1).
    ok: findings[0]?.id === 'success',
    findings,
    input: redactDeep({
      form: observation.form,
      status: observation.status ?? null,
      codes: observation.codes,
      www_authenticate: observation.challenge ?? null,
    }),
  };
}
