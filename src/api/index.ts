/**
 * oauth-doctor as a library: `import { explain, decode } from 'oauth-doctor'` (or `require`).
 *
 * Stability: the function names and options, FINDING_IDS and the finding `id`s, and the shape of
 * the results (the same documents `--json` prints) follow semver; a finding's `title`, `detail`,
 * `causes` and `fixes` are prose that may change in any release. Switch on `id`, never on text.
 *
 * Importing has no side effects and loads neither the CLI nor its dependencies: the classifier,
 * its knowledge files and jose are loaded on the first call that needs them.
 */
import type { DecodeOptions, DecodeResult, ExplainResult, HttpClientErrorLike, ResponseLike } from './types.js';

export { FINDING_IDS } from '../findings.js';
export type * from './types.js';
export { oauthErrorHandler, explainOAuthError, type OAuthErrorHandlerOptions, type ExplainedOAuthError } from './express.js';

/**
 * What explain() reads: the text of an error (a code, a message, a JSON body, a raw HTTP response,
 * a WWW-Authenticate header, a redirect URL, a stack trace, a log); an Error with its properties and
 * `cause` chain (passport's InternalOAuthError and TokenError, openid-client's, fetch's); a fetch or
 * undici Response (its body is read from a clone); an axios-style error (`err.response.status`,
 * `.data`, `.headers`); or a plain object such as a parsed error body.
 */
export type ExplainInput = string | Error | ResponseLike | HttpClientErrorLike | Record<string, unknown>;

export interface ExplainOptions {
  /**
   * Values that must not come back in any form (URL-, form-, JSON-encoded, base64): the client
   * secret, say, which a provider may echo in its error_description. Secret-looking values
   * (tokens, codes, passwords) are redacted without being named.
   */
  secrets?: ReadonlyArray<string | undefined>;
}

/**
 * Explains an OAuth / OIDC error: the diagnosis, its likely causes, the fix and the sources, as
 * `oauth-doctor explain --json` prints them. Secret-looking values (tokens, codes, passwords) and
 * the `secrets` given are redacted in what comes back.
 *
 * @example
 * const { findings } = await explain(err);
 * if (findings[0]?.id === 'invalid_client') ...
 */
export async function explain(input: ExplainInput, options: ExplainOptions = {}): Promise<ExplainResult> {
  const [{ inputText, scrubDeep }, { explainOne, explainWhole }] = await Promise.all([import('./explain-input.js'), import('../commands/explain/run.js')]);
  // A string is what a user would paste to the CLI (a whole log too); anything else is one error.
  const result = typeof input === 'string' ? explainWhole(input) : explainOne(await inputText(input));
  return scrubDeep(result, options.secrets ?? []) as ExplainResult;
}

/**
 * Decodes a token (a JWT, JWE or opaque token; a pasted `Bearer …` is cleaned) and judges it: its
 * claims, its times in human time, expiry and clock skew, and with `issuer`, `jwksUri`, `keyFile` or
 * `secret` its signature, issuer and audience. Rejects with an Error whose `code` is `ERR_INPUT`
 * when the input is not a token, `ERR_NETWORK` when a key cannot be fetched.
 *
 * @see RFC 7519 (JWT), RFC 7515 (JWS)
 */
export async function decode(token: string, options: DecodeOptions = {}): Promise<DecodeResult> {
  const { decodeToken } = await import('./decode.js');
  return decodeToken(token, options);
}
