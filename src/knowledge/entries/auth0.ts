import type { KnowledgeEntry } from '../types.js';

/** Auth0 Authentication API (/authorize, /oauth/token) and Management API errors. */

const P = 2;

const APP_SETTINGS = 'Auth0 Docs: Application Settings';
const AUTH_API = 'Auth0 Docs: Authentication API (POST /oauth/token errors)';
const GRANT_TYPES = 'Auth0 Docs: Update Grant Types';
const RATE = 'Auth0 Docs: Rate Limit Policy';

/** Words that place an error at Auth0. */
const AUTH0 = /auth0|\/oauth\/token|\/authorize\b/i;

export const auth0Entries: readonly KnowledgeEntry[] = [
  {
    key: 'auth0.callback_url_mismatch',
    provider: 'auth0',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Auth0: Callback URL mismatch (the redirect_uri is not in Allowed Callback URLs)',
    meaning:
      "Auth0 compares the redirect_uri of the /authorize request, exactly, with the application's Allowed Callback URLs and stops with this error page when none matches.",
    causes: [
      'The URL is not listed, or differs in scheme, port, path or trailing slash (http://localhost:3000/api/auth/callback vs http://localhost:3000/callback).',
      'The client_id belongs to another Auth0 application or tenant (development vs production).',
      'The SDK builds the callback from a base URL setting (AUTH0_BASE_URL, APP_BASE_URL) that is wrong in this environment.',
    ],
    fixes: [
      'Add the exact URL quoted in the error to Auth0 Dashboard > Applications > Applications > your app > Settings > Application URIs > Allowed Callback URLs, then Save.',
      "Check the SDK's base URL / redirect_uri setting for this environment.",
      'Verify the client_id in the /authorize URL is the application you edited.',
    ],
    sources: [APP_SETTINGS + ' (Allowed Callback URLs)', 'Auth0 Support: Callback URL Mismatch Error', 'RFC 6749 §3.1.2'],
    match: [
      { code: ['access_denied', 'invalid_request', 'unauthorized_client'], text: /Callback URL mismatch|is not in the list of allowed callback URLs/i },
      { text: /Callback URL mismatch|is not in the list of allowed callback URLs/i },
    ],
    priority: P,
  },
  {
    key: 'auth0.service_not_enabled',
    provider: 'auth0',
    finding: 'access_denied',
    severity: 'error',
    title: 'Auth0: Service not enabled within domain (unknown audience)',
    meaning:
      'The audience parameter names an API that does not exist in this tenant, so Auth0 cannot issue an access token for it.',
    causes: [
      "The audience is not exactly an API's Identifier in Dashboard > Applications > APIs (a typo, a trailing slash, http vs https).",
      'The API was created in another tenant (development vs production).',
      'The Management API audience was built from a custom domain; it must use the tenant\'s canonical domain (https://<tenant>.<region>.auth0.com/api/v2/).',
    ],
    fixes: [
      'Copy the Identifier from Applications > APIs > your API > Settings and pass it unchanged as audience.',
      'Create the API in this tenant if it does not exist.',
    ],
    sources: [AUTH_API, 'Auth0 Docs: Register APIs (API identifier / audience)', 'RFC 6749 §5.2'],
    match: [{ code: ['access_denied'], text: /Service not enabled within domain/i }, { text: /Service not enabled within domain/i }],
    priority: P,
  },
  {
    key: 'auth0.client_not_authorized_for_api',
    provider: 'auth0',
    finding: 'access_denied',
    severity: 'error',
    title: 'Auth0: the application is not authorized for this API (client-grant missing)',
    meaning:
      'A client credentials request asked for an API that this machine-to-machine application has not been authorized to call, so there is no client grant linking them.',
    causes: [
      'The M2M application was never authorized for the API, or was authorized in another tenant.',
      'A Regular Web or SPA application is used for client_credentials against the API.',
    ],
    fixes: [
      'In Dashboard > Applications > APIs > your API > Machine To Machine Applications, toggle the application on and select the permissions (scopes) it may get.',
      'Use a Machine to Machine application for client credentials.',
    ],
    sources: [AUTH_API, 'Auth0 Docs: Register Machine-to-Machine Applications', 'RFC 6749 §4.4'],
    match: [
      { code: ['access_denied', 'unauthorized_client'], text: /Client is not authorized to access|create a "client-grant"/i },
      { text: /Client is not authorized to access|create a "client-grant"/i },
    ],
    priority: P,
  },
  {
    key: 'auth0.invalid_authorization_code',
    provider: 'auth0',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Auth0: Invalid authorization code (invalid_grant)',
    meaning: 'The code sent to /oauth/token is not one Auth0 will redeem for this client: used, expired, or issued elsewhere.',
    causes: [
      'The code was redeemed twice (double callback, page reload, two handlers).',
      'It expired before being redeemed.',
      'It was issued under another domain (custom domain vs canonical tenant domain) or to another client_id, or with a different redirect_uri.',
    ],
    fixes: [
      'Redeem each code once, right away, at the same domain and with the same client_id and redirect_uri used for /authorize.',
      'Start a new login to get a fresh code; check Dashboard > Monitoring > Logs for the "Failed Exchange" event and its description.',
    ],
    sources: [AUTH_API, 'RFC 6749 §4.1.2', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant'], text: /Invalid authorization code/i }, { text: /Invalid authorization code/i }],
    priority: P,
  },
  {
    key: 'auth0.invalid_refresh_token',
    provider: 'auth0',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Auth0: Unknown or invalid refresh token (invalid_grant)',
    meaning: 'Auth0 does not accept this refresh token any more, or never issued it to this client.',
    causes: [
      'Refresh token rotation is on and an already-used token was reused: Auth0 treats it as a replay and revokes the whole token family.',
      'The token passed its absolute or inactivity lifetime (Applications > your app > Refresh Token Rotation / Expiration settings).',
      'The user or an admin revoked it (or the user was blocked or deleted).',
      'It is sent with another client_id than the one it was issued to.',
    ],
    fixes: [
      'Store the new refresh token returned by every refresh, and serialise refreshes so two requests never use the same token.',
      'Review the refresh token expiration settings of the application.',
      'On invalid_grant, log the user in again.',
    ],
    sources: [AUTH_API, 'Auth0 Docs: Refresh Token Rotation (reuse detection)', 'RFC 6749 §6'],
    match: [
      { code: ['invalid_grant'], text: /Unknown or invalid refresh token/i },
      { code: ['invalid_grant'], text: /^(?=[\s\S]*Invalid refresh token)(?=[\s\S]*auth0)/i },
    ],
    priority: P,
  },
  {
    key: 'auth0.grant_type_not_allowed',
    provider: 'auth0',
    finding: 'unauthorized_client',
    severity: 'error',
    title: "Auth0: Grant type '...' not allowed for the client (unauthorized_client)",
    meaning: 'The application is not allowed to use the grant_type it sent; each Auth0 application has a list of enabled grant types.',
    causes: [
      'Client Credentials is not enabled for the application (common with Regular Web or SPA applications).',
      'Password or password-realm grant (http://auth0.com/oauth/grant-type/password-realm) is not enabled.',
      'The grant is not available for this application type (SPAs cannot use client credentials).',
    ],
    fixes: [
      'Enable it in Dashboard > Applications > your app > Settings > Advanced Settings > Grant Types, then Save.',
      'For machine-to-machine calls, create a Machine to Machine application instead.',
    ],
    sources: [GRANT_TYPES, AUTH_API, 'RFC 6749 §5.2'],
    match: [{ code: ['unauthorized_client'], text: /Grant type '[^']*' not allowed for the client/i }, { text: /Grant type '[^']*' not allowed for the client/i }],
    priority: P,
  },
  {
    key: 'auth0.code_verifier_required',
    provider: 'auth0',
    finding: 'invalid_request',
    severity: 'error',
    title: "Auth0: Parameter 'code_verifier' is required",
    meaning:
      'The authorization request carried a code_challenge (PKCE), so Auth0 requires the matching code_verifier when the code is redeemed, and it was not sent.',
    causes: [
      'The verifier was lost between /authorize and the callback (another tab, cleared storage, a server instance without the session).',
      'A hand-written token exchange omits code_verifier while the SDK started the flow with PKCE.',
    ],
    fixes: [
      'Send code_verifier with grant_type=authorization_code; keep it in the session/state store keyed by state.',
      'Let the same SDK handle both steps of the flow.',
    ],
    sources: [AUTH_API + ' (Authorization Code Flow with PKCE)', 'RFC 7636 §4.5'],
    match: [{ code: ['invalid_request'], text: /Parameter 'code_verifier' is required/i }, { text: /Parameter 'code_verifier' is required/i }],
    priority: P,
  },
  {
    key: 'auth0.client_authentication_required',
    provider: 'auth0',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Auth0: Client authentication is required',
    meaning:
      "The application's Token Endpoint Authentication Method requires a client secret (Post or Basic), and the token request carried none.",
    causes: [
      'A browser or mobile SDK is used with a Regular Web Application whose authentication method is Post or Basic.',
      'The server forgot the client_secret (empty environment variable), or an SDK method (passwordless start, password grant) does not pass the secret it was configured with.',
    ],
    fixes: [
      'For SPAs and native apps, use an application of type Single Page Application / Native (authentication method None) with PKCE.',
      'For server-side apps, send client_secret as configured (Settings > Credentials > Authentication Method).',
    ],
    sources: [APP_SETTINGS + ' (Token Endpoint Authentication Method)', AUTH_API, 'RFC 6749 §2.3.1'],
    match: [
      { code: ['unauthorized_client'], text: /Client authentication is required/i },
      { text: /^(?=[\s\S]*Client authentication is required)(?=[\s\S]*auth0)/i },
    ],
    priority: P,
  },
  {
    key: 'auth0.unauthorized',
    provider: 'auth0',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Auth0: access_denied "Unauthorized" at /oauth/token (client credentials refused)',
    meaning:
      'Auth0 answers a failed client authentication at /oauth/token with 401, error access_denied and the bare description "Unauthorized". The tenant log shows it as a "Failed Exchange".',
    causes: [
      'The client_secret is wrong or belongs to another application (or is the session secret of an SDK, not the client secret).',
      "The way the secret is sent does not match the application's Token Endpoint Authentication Method (None, Post or Basic).",
      'A SPA exchanges the code from an origin not listed in Allowed Web Origins.',
    ],
    fixes: [
      'Copy Client ID and Client Secret from Applications > your app > Settings and deploy them together.',
      'Match the client to Settings > Credentials > Authentication Method (client_secret_post vs client_secret_basic, or none with PKCE for SPAs).',
      'For SPAs, add the app origin to Allowed Web Origins; check Monitoring > Logs for the exact reason.',
    ],
    sources: [AUTH_API, APP_SETTINGS + ' (Allowed Web Origins, Authentication Method)', 'RFC 6749 §5.2'],
    match: [
      { code: ['access_denied'], text: /^Unauthorized\.?$/i },
      // node-auth0 and others keep the body as an escaped JSON string in `message`.
      { text: /\\?"error\\?"\s*:\s*\\?"access_denied\\?"\s*,\s*\\?"error_description\\?"\s*:\s*\\?"Unauthorized\\?"/ },
    ],
    priority: P,
  },
  {
    key: 'auth0.wrong_email_or_password',
    provider: 'auth0',
    finding: 'access_denied',
    severity: 'error',
    title: 'Auth0: Wrong email or password (invalid_grant)',
    meaning: "The user's credentials were refused in a password or password-realm grant.",
    causes: [
      'Wrong email or password, or the user exists in another connection (realm) than the one used.',
      "The tenant's Default Directory is not set, so the password grant does not know which connection to use.",
    ],
    fixes: [
      'Pass realm=<connection name> with the password-realm grant, or set Tenant Settings > API Authorization Settings > Default Directory.',
      'Prefer Universal Login (authorization code flow) over the password grant.',
    ],
    sources: [AUTH_API + ' (Resource Owner Password)', 'RFC 6749 §4.3'],
    match: [{ code: ['invalid_grant', 'access_denied'], text: /Wrong email or password/i }, { text: /Wrong email or password/i }],
    priority: P,
  },
  {
    key: 'auth0.login_required',
    provider: 'auth0',
    finding: 'access_denied',
    severity: 'warning',
    title: 'Auth0: Login required (silent authentication failed)',
    meaning:
      'A silent request (prompt=none, as made by getTokenSilently / checkSession) found no usable Auth0 session, and may not show a login page.',
    causes: [
      'The Auth0 session expired or the user logged out.',
      'The browser blocks third-party cookies, so the hidden iframe on <tenant>.auth0.com cannot read the session cookie (Safari ITP, Brave, Chrome tracking protection).',
      'The social connection uses Auth0 developer keys, with which sessions are not kept.',
    ],
    fixes: [
      'Catch login_required and call loginWithRedirect().',
      'Use refresh tokens in the SPA (useRefreshTokens: true with rotation) instead of the iframe, or use a custom domain on the same site as the app.',
      'Configure your own keys for social connections.',
    ],
    sources: ['Auth0 Docs: Configure Silent Authentication', 'OpenID Connect Core 1.0 §3.1.2.6'],
    match: [{ code: ['login_required'], text: /Login required|auth0/i }],
    priority: P,
  },
  {
    key: 'auth0.mfa_required',
    provider: 'auth0',
    finding: 'access_denied',
    severity: 'warning',
    title: 'Auth0: Multifactor authentication required (mfa_required)',
    meaning:
      'The token request (password grant or refresh) needs a second factor. The answer carries an mfa_token with which the client can run the MFA challenge through the MFA API.',
    causes: ['MFA is required by tenant policy or an Action for this user and the request is non-interactive.'],
    fixes: [
      'Use the returned mfa_token with /mfa/challenge and then /oauth/token (grant_type=http://auth0.com/oauth/grant-type/mfa-otp or mfa-oob).',
      'Or switch to Universal Login, where Auth0 handles MFA itself.',
    ],
    sources: ['Auth0 Docs: Authenticate Using the Resource Owner Password Flow with MFA', AUTH_API],
    match: [{ code: ['mfa_required'] }, { text: /Multifactor authentication required/i }],
    priority: P,
  },
  {
    key: 'auth0.too_many_attempts',
    provider: 'auth0',
    finding: 'rate_limited',
    severity: 'error',
    title: 'Auth0: the account is blocked after too many failed logins (too_many_attempts)',
    meaning:
      "Auth0's brute-force protection blocked logins for this user from this IP address after repeated failures. The block stays until the user follows the unblock email or an admin lifts it.",
    causes: [
      'Repeated wrong passwords for the account from one IP address.',
      'Automated tests or a misconfigured integration retrying a wrong password from a shared IP (CI, office NAT).',
    ],
    fixes: [
      'Unblock from Dashboard > User Management > Users > the user > Unblock, or via the link in the notification email.',
      'For test and server IPs, add them to the allow list under Security > Attack Protection > Brute-force Protection.',
      'Fix the integration that sends the wrong password before retrying.',
    ],
    sources: ['Auth0 Docs: Brute-Force Protection', AUTH_API],
    match: [{ code: ['too_many_attempts'] }, { text: /blocked after multiple consecutive login attempts/i }],
    priority: P,
  },
  {
    key: 'auth0.rate_limited',
    provider: 'auth0',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Auth0: rate limit reached (HTTP 429 Too Many Requests)',
    meaning:
      'The tenant went over a rate limit of the Authentication or Management API. Auth0 reports the limit in x-ratelimit-limit, what is left in x-ratelimit-remaining and the reset time (epoch seconds) in x-ratelimit-reset.',
    causes: [
      'A new machine-to-machine token is requested for every call instead of being cached (M2M token issuance also counts against a monthly quota).',
      'Management API calls in tight loops (user exports, bulk updates).',
    ],
    fixes: [
      'Cache access tokens until shortly before expires_in runs out.',
      'Back off until x-ratelimit-reset and lower concurrency; use bulk endpoints (jobs) for large operations.',
    ],
    sources: [RATE],
    match: [{ code: ['too_many_requests'], text: AUTH0 }, { status: [429], text: /Global limit has been reached|x-ratelimit-reset/i }],
    priority: P,
  },
];
