import type { ContextFlag, InputForm } from '../explain/observation.js';
import type { FindingId, Severity } from '../findings.js';
import type { ProviderId } from './providers.js';

/**
 * One condition of a matcher. All the fields given in one Matcher must hold (AND);
 * an entry matches when any of its matchers holds (OR).
 *
 * What each field is compared with comes from the Observation (src/explain/observation.ts):
 * - `code`: the error codes found in the input, compared case-insensitively and exactly. They include
 *   the RFC 6749 / RFC 6750 `error` values (JSON body, form body, redirect query, WWW-Authenticate
 *   parameter or a bare code typed by the user), and provider codes under a prefix:
 *   `AADSTS50011` (Microsoft Entra, from anywhere in the text), `facebook:190` and `facebook:190/463`
 *   (code/error_subcode of an OAuthException), `marketo:601` (errors[].code), `okta:E0000011`
 *   (errorCode), `google:UNAUTHENTICATED` (error.status of a Google API error), `slack:invalid_auth`
 *   (`{"ok":false,"error":...}`), `appwrite:user_jwt_invalid` (type of an Appwrite error),
 *   `passport:InternalOAuthError` / `passport:TokenError` / `passport:AuthorizationError`
 *   (error class names in the text), `jsonwebtoken:TokenExpiredError`, `pyjwt:ExpiredSignatureError`,
 *   `jose:ERR_JWT_EXPIRED` (class names or codes seen in the text).
 * - `status`: the HTTP status (from a status line, or a status code the body or a library error names).
 * - `text`: a regular expression tested against the whole input text and against each description
 *   (error_description, message). Use it for messages; anchor on distinctive words, not whole sentences.
 * - `codeLike`: a regular expression any one code must match: the codes a provider makes up for a
 *   known cause (`invalid_client_id`, `expired_access_token`), read by their words.
 * - `challenge`: the WWW-Authenticate scheme (case-insensitive), e.g. 'Bearer'.
 * - `hasChallenge`: false to require that no WWW-Authenticate header was seen.
 * - `context`: every flag must be in the observation's context (the grant or endpoint the input
 *   shows, explain/observation.ts); `notContext`: none of them may be.
 * - `notCode`, `notText`: the match fails when one of these codes, or this text, is present: a
 *   general phrasing that must give way to a code that says something else.
 */
export interface Matcher {
  code?: readonly string[];
  codeLike?: RegExp;
  status?: readonly number[];
  /** The match fails for these statuses. */
  notStatus?: readonly number[];
  text?: RegExp;
  challenge?: string;
  hasChallenge?: boolean;
  context?: readonly ContextFlag[];
  notContext?: readonly ContextFlag[];
  notCode?: readonly string[];
  notText?: RegExp;
  /** false: the input carries no error code at all (a bare status or challenge). */
  hasCode?: boolean;
  /** The input was of one of these forms (`code`: a bare code typed alone). */
  form?: readonly InputForm[];
}

/**
 * One diagnosis. Knowledge is data: the classifier (src/explain/classify.ts) reads these,
 * it does not know any provider by name.
 */
export interface KnowledgeEntry {
  /** Unique, stable key, `<area>.<name>`, e.g. `rfc6749.invalid_client`, `github.bad_verification_code`. */
  key: string;
  /** The finding id it produces (see FINDING_IDS). */
  finding: FindingId;
  severity: Severity;
  /** One line: what happened, in the user's terms. */
  title: string;
  /** What it means. Own words; facts from the sources. */
  meaning: string;
  /** Likely causes, most likely first. */
  causes: readonly string[];
  /** Concrete steps, most likely first. */
  fixes: readonly string[];
  /**
   * Where a reader can check it: an RFC or OpenID section, a provider's documentation page, a
   * library's source; each title resolves to a URL (knowledge/citations.ts).
   */
  sources: readonly string[];
  /** The project's own source documents a fact came from (shared/seeds), kept with it, not shown to users. */
  provenance?: readonly string[];
  match: readonly Matcher[];
  /**
   * The provider or library this entry speaks of (knowledge/providers.ts). Such an entry matches
   * only when the input shows that provider: its host, its code prefix, its product name or text only
   * it writes. Otherwise a general entry answers, and no title names a provider the input does not.
   */
  provider?: ProviderId;
  /**
   * A second reading of the same evidence, shown after the first ("this could be A or B"): kept
   * even when a more specific entry matched the same code.
   */
  alternative?: boolean;
  /**
   * Shown only when no other entry (general triage aside) matched: what the shape of the answer
   * says ("HTML came back") gives way to what the answer itself says ("Invalid client_id").
   */
  fallback?: boolean;
  /**
   * Raises or lowers the entry against others that match the same input. Defaults to 0.
   * Wrappers (library errors that hide the provider's answer) use -5 so the real cause, when the
   * input also carries it, is listed first; generic status triage uses -10.
   */
  priority?: number;
}
