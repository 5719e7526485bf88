/**
 * `oauth-doctor explain`: what does this error mean, and what do I change?
 */
import type { Deps } from '../deps.js';
import { explainText } from '../explain/index.js';
import type { InputForm } from '../explain/observation.js';
import { isOk } from '../findings.js';
import { readInput } from '../input.js';
import { redactDeep } from '../redact.js';
import type { CommandResult } from './result.js';

export interface ExplainOptions {
  text?: string;
  file?: string;
}

export interface ExplainResult extends CommandResult {
  command: 'explain';
  /** How the input was read. */
  input: {
    form: InputForm;
    status: number | null;
    codes: string[];
    www_authenticate: { scheme: string; params: Record<string, string> } | null;
  };
}

export async function run(options: ExplainOptions, deps: Deps): Promise<ExplainResult> {
  const input = await readInput('error (a message, JSON body, HTTP response or stack trace)', { argument: options.text, file: options.file }, deps);
  const { observation, findings } = explainText(input.text);
  return {
    command: 'explain',
    // explain always diagnoses a problem the user brought; ok means nothing at error severity applied.
    ok: isOk(findings),
    findings,
    input: redactDeep({
      form: observation.form,
      status: observation.status ?? null,
      codes: observation.codes,
      www_authenticate: observation.challenge ?? null,
    }),
  };
}
