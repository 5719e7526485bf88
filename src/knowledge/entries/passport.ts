import type { KnowledgeEntry } from '../types.js';

const PRINT_ORIGINAL =
  'Log the wrapped answer: `console.error(err.oauthError)` prints `{ statusCode, data }` (the provider\'s HTTP status and raw body) or the underlying network Error; ' +
  'paste that into `oauth-doctor explain`.';

/**
 * passport / passport-oauth2 wrapper errors (seed 000). Priority -5 (-6 for the profile variant) so that the provider's
 * own error code, when the pasted text also carries it, is listed first.
 */
export const passportEntries: readonly KnowledgeEntry[] = [
  {
    key: 'passport.internal_oauth_error',
    provider: 'passport',
    finding: 'wrapped_token_error',
    severity: 'warning',
    title: 'passport: "Failed to obtain access token" hides the token endpoint\'s real answer',
    meaning:
      'passport-oauth2 raised InternalOAuthError while exchanging the authorization code on the callback. It wraps what node-oauth got back in err.oauthError: ' +
      'either the token endpoint\'s status and raw body, or the network error that kept the request from completing. Recent passport-oauth2 versions turn a standard ' +
      'JSON error body ({"error": ...}) into a TokenError instead, so an InternalOAuthError usually means a network failure or a body that is not OAuth JSON (HTML, empty, plain text).',
    causes: [
      'The tokenURL option is wrong (a typo, the authorize URL, a web page), so the answer is HTML or a 404.',
      'The token endpoint cannot be reached from the server: wrong host or port, DNS, firewall, or the provider runs on localhost inside another container.',
      'TLS trust fails: the provider uses a self-signed certificate or a corporate proxy re-signs traffic, and Node does not trust that CA.',
      'The server wants HTTP Basic client authentication, while passport-oauth2 (through node-oauth) sends client_id and client_secret in the POST body.',
      'The provider answered an error in a non-standard format that passport could not parse.',
    ],
    fixes: [
      PRINT_ORIGINAL,
      'Check tokenURL against the provider\'s token_endpoint (/.well-known/openid-configuration), and call it with curl from the same host to see the raw answer.',
      'For a private or self-signed CA, start Node with `NODE_EXTRA_CA_CERTS=/path/to/ca.pem`; do not switch certificate checks off.',
      'For a server that wants HTTP Basic, pass `customHeaders: { Authorization: \'Basic \' + Buffer.from(encodeURIComponent(id) + \':\' + encodeURIComponent(secret)).toString(\'base64\') }` in the strategy options; node-oauth still adds the secret to the body, so if the server refuses both at once, override `strategy._oauth2.getOAuthAccessToken` to leave it out.',
    ],
    sources: ['passport-oauth2 source (lib/strategy.js _createOAuthError, lib/errors/internaloautherror.js)', 'RFC 6749 §2.3.1'],
    provenance: ['000_771f3fde50da5341.txt (passport-oauth2 InternalOAuthError: Failed to obtain access token)', '000_771f3fde50da5341.txt (Thinktecture AuthorizationServer: client credentials with HTTP Basic)'],
    match: [{ code: ['passport:InternalOAuthError'] }, { text: /\bFailed to obtain access token\b/i }],
    priority: -6,
  },
  {
    key: 'passport.user_profile',
    provider: 'passport',
    finding: 'wrapped_token_error',
    severity: 'warning',
    title: 'passport: the token was obtained but "Failed to fetch user profile"',
    meaning:
      'The code exchange succeeded; the strategy then called the provider\'s profile / userinfo URL with the new access token, and that call failed. ' +
      'err.oauthError holds that API\'s status and body. The problem is the token\'s scope or the API behind the profile URL, not the login itself.',
    causes: [
      'The scope requested at login does not cover the profile API (e.g. no `profile` / `email` / `openid` scope, or `user:email` missing on GitHub).',
      'The API behind the profile URL is not enabled for the project in the provider console (Google: the People API), or the app lacks the permission.',
      'The strategy\'s profileURL / userProfileURL points at the wrong endpoint or API version.',
      'The profile endpoint could not be reached (network, TLS) although the token endpoint could.',
    ],
    fixes: [
      PRINT_ORIGINAL,
      'Add the scopes the strategy documents for the profile (`scope: [\'openid\', \'profile\', \'email\']` or the provider\'s equivalent) and sign in again.',
      'Enable the profile API for the project in the provider console.',
      'If you do not need the profile, set `skipUserProfile: true` in the strategy options.',
    ],
    sources: ['passport-oauth2 source (lib/strategy.js _loadUserProfile)'],
    provenance: ['000_771f3fde50da5341.txt (passport-oauth2 InternalOAuthError)'],
    match: [
      { code: ['passport:InternalOAuthError'], text: /\bfailed to fetch user profile\b/i },
      { text: /\bfailed to fetch user profile\b/i },
    ],
    priority: -6,
  },
  {
    key: 'passport.token_error',
    provider: 'passport',
    finding: 'wrapped_token_error',
    severity: 'warning',
    title: 'passport: TokenError from the token endpoint',
    meaning:
      'passport-oauth2 parsed a standard OAuth error body from the token endpoint and raised TokenError. Its message is the provider\'s error_description, ' +
      'err.code is the provider\'s error code (invalid_grant, invalid_client...) and err.uri its error_uri. err.status is passport\'s own default (500), not the provider\'s HTTP status.',
    causes: [
      'Whatever err.code names: most often invalid_grant (a reused or expired code, a redirect_uri mismatch) or invalid_client (wrong secret).',
      'The callback URL configured in the strategy differs from the one registered, so the provider refuses the code.',
    ],
    fixes: [
      'Log `err.code` and `err.message` and explain the code: `oauth-doctor explain invalid_grant`.',
      'Set callbackURL to the exact registered redirect URI (absolute, with https when behind a proxy: `proxy: true`).',
      'Make sure the callback route runs passport.authenticate once per code (no double handling on reload).',
    ],
    sources: ['passport-oauth2 source (lib/strategy.js parseErrorResponse)', 'RFC 6749 §5.2'],
    provenance: ['000_771f3fde50da5341.txt (passport-oauth2 consumer callback error)'],
    match: [{ code: ['passport:TokenError'] }],
    priority: -5,
  },
  {
    key: 'passport.authorization_error',
    provider: 'passport',
    finding: 'wrapped_token_error',
    severity: 'warning',
    title: 'passport: AuthorizationError from the authorization redirect',
    meaning:
      'The provider redirected back to the callback with ?error=... instead of a code, and passport-oauth2 turned it into AuthorizationError: err.code holds the error ' +
      'value and the message its error_description. Recent versions report error=access_denied as a plain authentication failure instead, so this error ' +
      'carries the other codes (invalid_scope, unauthorized_client, redirect_uri_mismatch, server_error...).',
    causes: [
      'The user refused consent (access_denied, on older passport-oauth2 versions).',
      'The authorization request is wrong: an unknown scope, an unregistered redirect_uri, a client not allowed the response type.',
      'The provider failed (server_error, temporarily_unavailable).',
    ],
    fixes: [
      'Log `err.code` and `err.message` (or the callback URL\'s error and error_description parameters) and explain the code.',
      'Handle the failure on the callback route (failureRedirect) so the user sees a message and can retry.',
    ],
    sources: ['passport-oauth2 source (lib/strategy.js authenticate)', 'RFC 6749 §4.1.2.1'],
    provenance: ['000_771f3fde50da5341.txt (passport-oauth2 consumer callback error)'],
    match: [{ code: ['passport:AuthorizationError'] }],
    priority: -5,
  },
  {
    key: 'passport.state_verification_failed',
    provider: 'passport',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'passport: the state of the callback could not be verified',
    meaning:
      'With `state: true`, passport-oauth2 stores a random state in the session before redirecting and compares it on the callback. "Unable to verify authorization ' +
      'request state" means nothing was found in the session; "Invalid authorization request state" means the value differs. Either way the callback is refused (403) as a possible CSRF.',
    causes: [
      'The session cookie did not come back on the callback: SameSite=Strict, a Secure cookie over http, or a different host name (localhost vs 127.0.0.1) for the login and the callback.',
      'The session is in memory and the callback reached another instance or a restarted process.',
      'The callback URL was opened twice (reload, back button): the state is deleted after the first use.',
      'express-session (or another session middleware) is missing or registered after passport.',
    ],
    fixes: [
      'Use the same host and scheme for starting the login and for callbackURL.',
      'Set the session cookie to SameSite=Lax (not Strict) and Secure only on https.',
      'Use a shared session store (Redis, a database) when running more than one instance.',
      'Register express-session before passport.initialize() / passport.session().',
    ],
    sources: ['passport-oauth2 source (lib/strategy.js authenticate, state check)', 'RFC 6749 §10.12'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, state against CSRF)'],
    match: [{ text: /unable to verify authorization request state|invalid authorization request state|requires session support when using state/i }],
  },
];
