/**
 * `explain`: its flags, how they become ExplainOptions, and its examples.
 */
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addReportFlags, reportRequest, type ReportFlags } from '../../cli/report-flags.js';
import type { ExplainOptions, ExplainResult } from './run.js';

interface ExplainFlags extends ReportFlags {
  file?: string;
  log?: boolean;
}

export const explainCommand: CommandModule<ExplainOptions, ExplainResult> = {
  define(cmd) {
    cmd
      .description(
        'Reads an OAuth/OIDC error in any form people meet it (a bare code, an error message, a JSON error body, a raw HTTP response as `curl -i` prints it, ' +
          'a WWW-Authenticate header, a redirect URL with error=, a library stack trace or a log line) and says what it means, its likely causes and what to change, with sources. ' +
          'Given a whole log (a file or a pipe, of any size), it finds each OAuth or HTTP-auth error in it and explains each once, most frequent first.',
      )
      .option('-f, --file <file>', 'read the error, or a whole log of any size, from a file ("-" for standard input)')
      .option('--log', 'read the input as a log (each OAuth or HTTP-auth error found, grouped, most frequent first) even when it is short');
    addReportFlags(cmd).addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor explain invalid_client
  $ oauth-doctor explain 'InternalOAuthError: Failed to obtain access token'
  $ curl -si -X POST https://idp.example.com/token -d grant_type=client_credentials | oauth-doctor explain
  $ oauth-doctor explain 'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"' --json
  $ kubectl logs deploy/oauth2-proxy | oauth-doctor explain        a whole log: each error, grouped
  $ oauth-doctor explain --file /var/log/app.log --json
  $ pbpaste | oauth-doctor explain --report error.md             a redacted Markdown report to paste into an issue

Exit codes: 0 the input shows success (or a log holds no OAuth error), 1 it describes a failure, 2 no input.`,
      );
  },

  async options(cmd) {
    const f = flagsOf<ExplainFlags>(cmd);
    const report = reportRequest(f);
    return { text: cmd.processedArgs[0] as string | undefined, file: f.file, log: Boolean(f.log), ...(report ? { report } : {}) };
  },
  report: (o) => o.report,
  reportInput: async (_o, r) => (await import('./run.js')).explainedText.get(r),

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderExplain(r, style),
};
