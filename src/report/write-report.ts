/**
 * Writes a --report: the run's result and exchanges, scrubbed of every secret the run handled
 * (tokens too, even with --show-tokens: a report is made to be shared) and of anything that looks
 * like one, in the format asked for.
 */
import type { Deps } from '../deps.js';
import { redactText } from '../redact.js';
import type { Exchange } from './exchanges.js';
import { buildReport, type ReportInput, type ReportRequest } from './report-document.js';

export async function writeReport(request: ReportRequest, input: Omit<ReportInput, 'exchanges'> & { exchanges: readonly Exchange[] }, deps: Pick<Deps, 'secrets' | 'writePrivateFile'>): Promise<void> {
  const scrub = (text: string) => {
    const reveal = deps.secrets.revealTokens;
    deps.secrets.revealTokens = false;
    try {
      return redactText(deps.secrets.scrub(text));
    } finally {
      deps.secrets.revealTokens = reveal;
    }
  };
  const doc = buildReport(input, scrub, { redactClaims: request.redactClaims });
  const render =
    request.format === 'markdown'
      ? (await import('./report-markdown.js')).reportMarkdown
      : request.format === 'html'
        ? (await import('./report-html.js')).reportHtml
        : (await import('./report-har.js')).reportHar;
  await deps.writePrivateFile(request.file, render(doc));
}
