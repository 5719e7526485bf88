/**
 * Where an OAuth error happens in an application: an Express error handler (and the function
 * behind it, for a passport custom callback) that explains the error once per distinct cause,
 * logs one redacted paragraph, and passes the error on unchanged.
 *
 * passport-oauth2 hides the provider's answer: InternalOAuthError keeps the status and raw body in
 * `err.oauthError` ({ statusCode, data }) or the network error there; TokenError keeps the
 * provider's `error` in `code` and `error_uri` in `uri`. All of it is read (as `console.error(err)`
 * would print it), none of it is logged as is.
 */
import { KnownSecrets, redactText } from '../redact.js';
import { printable } from '../report/printable.js';
import type { ExplainResult } from './types.js';

export interface OAuthErrorHandlerOptions {
  /** Where the paragraph goes; default console.error. */
  log?: (paragraph: string) => void;
  /**
   * Values that must never be logged, in any encoding they may take (URL-, form-, JSON-encoded,
   * base64 in a Basic header): give the client secret here. Tokens, codes and passwords that look
   * like what they are are redacted without being named.
   */
  secrets?: ReadonlyArray<string | undefined>;
}

export interface ExplainedOAuthError {
  /** The one paragraph logged: finding id, title, the first fix, what was read; redacted. */
  paragraph: string;
  /** The whole explanation, as `explain` returns it. */
  explanation: ExplainResult;
  /** What makes two errors the same cause: the finding id, the status and the codes. */
  cause: string;
}

/** A cause already logged is not logged again; past this many, the memory starts over. */
const MAX_REMEMBERED = 500;

/**
 * Explains an error if it is an OAuth / OIDC one (its diagnosis is neither `unknown` nor
 * `success`); undefined otherwise. Never throws.
 */
export async function explainOAuthError(err: unknown, options: Pick<OAuthErrorHandlerOptions, 'secrets'> = {}): Promise<ExplainedOAuthError | undefined> {
  let explanation: ExplainResult;
  try {
    const { explain } = await import('./index.js');
    explanation = await explain(err as Error, options);
  } catch {
    return undefined;
  }
  const primary = explanation.findings[0];
  if (!primary || primary.id === 'unknown' || primary.id === 'success') return undefined;
  const { status, codes } = explanation.input;
  const read = [status !== null ? `HTTP ${status}` : undefined, codes.length > 0 ? codes.slice(0, 4).join(', ') : undefined].filter(Boolean).join('; ');
  const fix = primary.fixes[0];
  const text = `oauth-doctor [${primary.id}] ${primary.title}.${fix ? ` Fix: ${fix}` : ''}${read ? ` (read: ${read})` : ''}`;
  return { paragraph: scrubbed(text, options.secrets), explanation, cause: [primary.id, status ?? '', ...codes].join('|') };
}

/**
 * An Express error-handling middleware: `app.use(oauthErrorHandler({ secrets: [clientSecret] }))`
 * after the routes (passport's strategies hand InternalOAuthError and TokenError to `next`). Each
 * distinct OAuth cause is logged once; every error goes on to `next(err)` unchanged.
 */
export function oauthErrorHandler(options: OAuthErrorHandlerOptions = {}): (err: unknown, req: unknown, res: unknown, next: (err?: unknown) => void) => void {
  const log = options.log ?? ((paragraph: string) => console.error(paragraph));
  const logged = new Set<string>();
  // Four parameters: Express tells an error handler by its arity.
  return (err, _req, _res, next) => {
    explainOAuthError(err, options)
      .then((explained) => {
        if (!explained || logged.has(explained.cause)) return;
        if (logged.size >= MAX_REMEMBERED) logged.clear();
        logged.add(explained.cause);
        log(explained.paragraph);
      })
      .catch(() => {
        // A log function that throws must not keep the error from the application's own handlers.
      })
      .finally(() => next(err));
  };
}

function scrubbed(text: string, secrets: OAuthErrorHandlerOptions['secrets'] = []): string {
  const known = new KnownSecrets();
  for (const s of secrets) known.add(s, 'credential');
  // The exact values first: the patterns below could cut one and leave the rest of it readable.
  return printable(redactText(known.scrub(text)));
}
