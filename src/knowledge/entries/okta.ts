import type { KnowledgeEntry } from '../types.js';

/**
 * Okta: management API errors (`{"errorCode": "E0000011", "errorSummary": ...}`, seen as
 * `okta:E0000011`) and the OAuth 2.0 / OIDC errors of its authorization servers.
 */

const P = 2;

const ERROR_CODES = 'Okta Developer: Error codes';
const OIDC_API = 'Okta Developer: OpenID Connect & OAuth 2.0 API';
const CLIENT_AUTH = 'Okta Developer: OpenID Connect & OAuth 2.0 API (client authentication methods)';
const POLICIES = 'Okta Developer: Configure an access policy (authorization server policies and rules)';
const RATE = 'Okta Developer: Rate limits';

export const oktaEntries: readonly KnowledgeEntry[] = [
  {
    key: 'okta.client_assertion_audience',
    provider: 'okta',
    finding: 'client_assertion_audience',
    severity: 'error',
    title: 'Okta: the client assertion\'s aud must be the endpoint called (invalid_client)',
    meaning: 'The client authenticated with a signed JWT (private_key_jwt or client_secret_jwt), and Okta takes as aud only the exact URL of the endpoint the request goes to: /v1/token for tokens, /v1/introspect for introspection.',
    causes: [
      'aud is the issuer (the authorization server\'s URL), as RFC 7523bis and some libraries make it.',
      'aud is the token endpoint while the request goes to /introspect or /revoke, or the URL of another authorization server (default vs org).',
    ],
    fixes: ['Set aud to the absolute URL of the endpoint called, e.g. https://{yourOktaDomain}/oauth2/default/v1/token; `oauth-doctor client-credentials --auth-method private_key_jwt` tries the endpoint and the issuer and says which works.'],
    sources: ['Okta Help Center: The audience claim for client_assertion must be the endpoint invoked', 'RFC 7523 §3 (aud)'],
    match: [{ code: ['invalid_client'], text: /audience claim for client_assertion must be the endpoint/i }, { text: /audience claim for client_assertion must be the endpoint/i }],
    priority: P,
  },
  {
    key: 'okta.client_assertion_kid',
    provider: 'okta',
    finding: 'client_assertion_kid',
    severity: 'error',
    title: 'Okta: the client assertion\'s kid is not a key registered for the client (invalid_client)',
    meaning: 'Okta looks up the public key by the kid in the assertion\'s header; the kid is missing (required when the client has several keys) or is not one of the client\'s registered public keys.',
    causes: ['The header has no kid and the client has more than one public key.', 'The kid is the one of a new key not yet added to the client, or of a key removed in a rotation.', 'The client has no public key registered (its JWKS URL or keys are not set).'],
    fixes: ['Put in the header the kid of the public key registered under Applications > your app > Public Keys (--client-key-id, or "kid" in the JWK).', 'Register the public key of the private key you sign with before signing with it.'],
    sources: ['Okta Help Center: Client assertion "Invalid Key ID"', 'RFC 7515 §4.1.4 (kid)'],
    match: [{ code: ['invalid_client'], text: /client_assertion JWT kid is invalid/i }, { text: /client_assertion JWT kid is invalid/i }],
    priority: P,
  },
  {
    key: 'okta.E0000011',
    provider: 'okta',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Okta API: invalid token provided (E0000011)',
    meaning:
      'The Okta management API did not accept the credential in the Authorization header: the API token or OAuth access token is unknown, expired, revoked, or presented with the wrong scheme.',
    causes: [
      'An Okta API token was sent as "Bearer <token>": API tokens use `Authorization: SSWS <token>`.',
      'An access token from a custom authorization server (/oauth2/default or /oauth2/aus...) was used against the management API, which only accepts tokens from the org authorization server (https://<org>.okta.com/oauth2/v1/token).',
      'The access token expired, or the API token was revoked, or expired after 30 days without use, or its creating admin was deactivated.',
      'The token belongs to another Okta org (preview vs production).',
    ],
    fixes: [
      'For API tokens: send `Authorization: SSWS <token>`; create a new one in Admin Console > Security > API > Tokens if it was revoked or expired.',
      'For OAuth: get the access token from the org authorization server with okta.* scopes granted to the service app (Okta API Scopes tab).',
      'Check an access token\'s iss and exp with `oauth-doctor decode <token>`.',
    ],
    sources: [ERROR_CODES + ' (E0000011)', 'Okta Developer: Implement OAuth for Okta (org authorization server)', 'RFC 6750 §3.1'],
    match: [{ code: ['okta:E0000011', 'E0000011'] }],
    priority: P,
  },
  {
    key: 'okta.E0000015',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'error',
    title: 'Okta API: feature not available or not permitted (E0000015)',
    meaning:
      'The request needs a feature that is not enabled for this Okta org, or that the caller is not allowed to use. The token is valid.',
    causes: [
      'The feature is not part of the org\'s plan or is not enabled (for example API Access Management for custom authorization servers, or an Early Access feature).',
      'The caller\'s admin role does not cover this feature.',
    ],
    fixes: [
      'Check Admin Console > Settings > Features (and the org\'s licences); ask Okta support to enable the feature if needed.',
      'Use a token whose admin role (or service-app role) includes the feature.',
    ],
    sources: [ERROR_CODES + ' (E0000015)'],
    match: [{ code: ['okta:E0000015', 'E0000015'] }],
    priority: P,
  },
  {
    key: 'okta.E0000006',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'error',
    title: 'Okta API: you do not have permission to perform the requested action (E0000006)',
    meaning: 'The credential is valid but its admin role does not allow this operation on this resource.',
    causes: [
      'The API token was created by an admin with a limited role (Read-only, Help Desk, Group admin for other groups).',
      'An OAuth service app has the okta.* scope but no admin role assigned that allows the action.',
      'The target is protected (a Super Admin user, an app managed by another admin scope).',
    ],
    fixes: [
      'Assign the needed admin role to the token\'s creator or to the service app (Admin Console > Security > Administrators, or the app\'s Admin roles tab).',
      'Create the API token with an admin who has the required role.',
    ],
    sources: [ERROR_CODES + ' (E0000006)', 'Okta Help Center: Administrator roles and permissions'],
    match: [{ code: ['okta:E0000006', 'E0000006'] }],
    priority: P,
  },
  {
    key: 'okta.E0000047',
    provider: 'okta',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Okta API: rate limit exceeded (E0000047, HTTP 429)',
    meaning:
      'The org went over the rate limit of this endpoint. Okta reports the limit in X-Rate-Limit-Limit, what is left in X-Rate-Limit-Remaining, and when the window resets in X-Rate-Limit-Reset (UTC epoch seconds).',
    causes: [
      'A token is requested from /token for every API call instead of being cached until it expires.',
      'Bulk jobs (user imports, sync) run without throttling, or several apps share the same org limit.',
    ],
    fixes: [
      'Wait until X-Rate-Limit-Reset, then retry with back-off.',
      'Cache access tokens for their lifetime and lower concurrency; watch X-Rate-Limit-Remaining.',
      'Review usage in Admin Console > Reports > Rate Limits and ask for a higher limit if needed.',
    ],
    sources: [ERROR_CODES + ' (E0000047)', RATE],
    match: [{ code: ['okta:E0000047', 'E0000047'] }],
    priority: P,
  },
  {
    key: 'okta.redirect_uri',
    provider: 'okta',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: "Okta: the redirect_uri is not a Login redirect URI of the app",
    meaning:
      "Okta compares redirect_uri with the app's Sign-in (Login) redirect URIs. When it does not match exactly, Okta shows an error page (invalid_request) instead of redirecting back.",
    causes: [
      'The URI differs in scheme, host, port, path or trailing slash from the registered one (http vs https behind a proxy, localhost:3000 vs localhost:8080).',
      'The client_id belongs to another app integration than the one edited.',
      'A library default path (/login/callback, /authorization-code/callback, /login/oauth2/code/okta) was not registered.',
    ],
    fixes: [
      'Add the exact URI under Admin Console > Applications > your app > General > Login > Sign-in redirect URIs.',
      'The message links to the app\'s settings page: check that it is the app you edited.',
      'Behind a proxy, make the app build https URLs (forwarded headers) or configure the redirect URI explicitly.',
    ],
    sources: [OIDC_API + ' (/authorize errors)', 'RFC 6749 §3.1.2'],
    match: [
      { code: ['invalid_request'], text: /'?redirect_uri'? parameter must be (?:a|an allowed) Login redirect URI/i },
      { text: /'?redirect_uri'? parameter must be (?:a|an allowed) Login redirect URI/i },
    ],
    priority: P,
  },
  {
    key: 'okta.invalid_client',
    provider: 'okta',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Okta: client authentication failed (invalid_client)',
    meaning:
      'Okta could not authenticate the client at the token endpoint: the client_id is unknown, the secret is wrong, or the client authenticated in a way the app is not configured for.',
    causes: [
      'Wrong or rotated client_secret, or a client_id from another org (preview vs production).',
      "The app's Client authentication setting does not match what is sent: the app is set to Public key / Private key (private_key_jwt) but a secret is sent, or a secret-based app gets no secret.",
      'A public client (SPA or native app using PKCE) was registered as a Web app, which requires a secret.',
      'The secret was sent in the body (client_secret_post) while a proxy or library also adds Basic credentials, or it was not URL-encoded in the Basic header.',
    ],
    fixes: [
      'Copy client_id and secret from Applications > your app > General > Client Credentials and deploy them together.',
      'Match the app\'s Client authentication (Client secret vs Public key / Private key; token_endpoint_auth_method in the API) with what the client sends.',
      'For SPAs and native apps, use a SPA/Native app integration with "Require PKCE" and no secret.',
    ],
    sources: [CLIENT_AUTH, 'RFC 6749 §2.3.1', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_client'], text: /Either the client or the client credentials are invalid/i }, { text: /Client authentication failed\. Either the client or the client credentials are invalid/i }],
    priority: P,
  },
  {
    key: 'okta.multiple_client_credentials',
    provider: 'okta',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Okta: more than one client authentication method in the request',
    meaning:
      'The token request carried client credentials in two places (Authorization header and body, or a secret and a client_assertion). Okta accepts exactly one method per request.',
    causes: [
      'The library sends Basic credentials and also client_id/client_secret in the body.',
      'A client_assertion is sent together with a client_secret.',
    ],
    fixes: [
      "Configure the client library for one method only (client_secret_basic or client_secret_post) matching the app's token_endpoint_auth_method.",
      'Remove client_secret from the body when using the Authorization header (client_id alone in the body is fine).',
    ],
    sources: [CLIENT_AUTH, 'RFC 6749 §2.3'],
    match: [{ code: ['invalid_request', 'invalid_client'], text: /Cannot supply multiple client credentials/i }, { text: /Cannot supply multiple client credentials/i }],
    priority: P,
  },
  {
    key: 'okta.policy_evaluation_failed',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'error',
    title: 'Okta: no access policy rule of the authorization server matches the request (Policy evaluation failed)',
    meaning:
      'A custom authorization server found no policy and rule that fits this client, grant type, user and requested scopes, so it will not issue a token. The System Log shows it as no_matching_policy.',
    causes: [
      'No access policy of the authorization server is assigned to this app (policies apply to "All clients" or listed apps only).',
      'The matching rule does not allow the grant type used (Client Credentials, Authorization Code, Refresh Token, Device Authorization...).',
      'The rule lists specific scopes and the request asks for one more, or it is limited to groups the user is not in.',
    ],
    fixes: [
      'In Admin Console > Security > API > Authorization Servers > your server > Access Policies, add a policy for this app and a rule that allows the grant type, the users/groups and the scopes requested.',
      'Check the order of policies and rules; evaluation stops at the first match.',
      'Read the System Log event of the failed request for the exact reason.',
    ],
    sources: [POLICIES, 'Okta Help Center: "Policy evaluation failed for this request" error', 'RFC 6749 §4.1.2.1'],
    match: [
      { code: ['access_denied'], text: /Policy evaluation failed for this request/i },
      { text: /Policy evaluation failed for this request/i },
      { code: ['no_matching_policy'] },
    ],
    priority: P,
  },
  {
    key: 'okta.user_not_assigned',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'error',
    title: 'Okta: the user is not assigned to the client application',
    meaning: 'The user authenticated, but the app integration is not assigned to them (directly or through a group), so Okta refuses the sign-in.',
    causes: ['The user or their group is not in the app\'s Assignments.', 'The user signed in with another account than the assigned one.'],
    fixes: [
      'Assign the user or a group in Admin Console > Applications > your app > Assignments.',
      'For apps everyone should use, assign the Everyone group.',
    ],
    sources: [OIDC_API + ' (/authorize errors)', 'RFC 6749 §4.1.2.1'],
    match: [{ code: ['access_denied'], text: /User is not assigned to the client application/i }, { text: /User is not assigned to the client application/i }],
    priority: P,
  },
  {
    key: 'okta.invalid_code',
    provider: 'okta',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Okta: the authorization code is invalid or has expired (invalid_grant)',
    meaning:
      'The code sent to /token was not accepted: it is unknown to this authorization server, already used, expired, or bound to another client or redirect_uri.',
    causes: [
      'The code was redeemed twice (a double callback, a retry).',
      'It expired: Okta codes are short-lived and must be redeemed right away.',
      'The code was issued by one authorization server and redeemed at another (/oauth2/default/v1/authorize vs /oauth2/v1/token).',
      'The redirect_uri or client_id in the token request differs from the authorization request.',
    ],
    fixes: [
      'Use the same authorization server base URL (issuer) for /authorize and /token.',
      'Redeem each code once, immediately, with the same redirect_uri and client_id; then start a new sign-in.',
    ],
    sources: [OIDC_API + ' (/token errors)', 'RFC 6749 §4.1.2', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant'], text: /The authorization code is invalid or has expired/i }, { text: /The authorization code is invalid or has expired/i }],
    priority: P,
  },
  {
    key: 'okta.pkce_failed',
    provider: 'okta',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Okta: PKCE verification failed (invalid_grant)',
    meaning: 'The code_verifier in the token request does not match the code_challenge sent with the authorization request, so the code is refused.',
    causes: [
      'A new verifier was generated before the callback (state lost across tabs, reloads or server instances).',
      'The challenge was not computed as base64url(SHA-256(verifier)) without padding, or code_challenge_method was not S256.',
    ],
    fixes: [
      'Keep the verifier with the state when starting the flow and use it in the callback.',
      'Compute the challenge per RFC 7636 (S256, base64url, no padding), or let the Okta SDK handle PKCE.',
    ],
    sources: [OIDC_API + ' (/token errors)', 'RFC 7636 §4.6'],
    // Okta says exactly "PKCE verification failed."; Keycloak adds ": <reason>".
    match: [{ code: ['invalid_grant'], text: /PKCE verification failed(?!:)/i }, { text: /PKCE verification failed(?!:)/i }],
    priority: P,
  },
  {
    key: 'okta.refresh_token_invalid',
    provider: 'okta',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Okta: the refresh token is invalid or expired (invalid_grant)',
    meaning: 'The authorization server no longer accepts this refresh token.',
    causes: [
      'Its lifetime or idle time in the access policy rule ran out.',
      'Refresh token rotation is on and an already-rotated token was reused after the grace period.',
      'The user was deactivated, their sessions or grants were revoked, or the token belongs to another client or authorization server.',
    ],
    fixes: [
      'Always store the newest refresh token returned by a refresh; serialise refreshes across tabs or workers.',
      'Adjust "Refresh token lifetime" in the authorization server\'s access policy rule if sessions must last longer.',
      'On invalid_grant, send the user through sign-in again.',
    ],
    sources: [OIDC_API + ' (/token errors)', 'Okta Developer: Refresh access tokens (refresh token rotation)', 'RFC 6749 §6'],
    match: [{ code: ['invalid_grant'], text: /The refresh token is invalid or expired/i }],
    priority: P,
  },
  {
    key: 'okta.login_required',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'warning',
    title: 'Okta: login_required for a prompt=none request',
    meaning:
      'A silent authorization request (prompt=none, used for silent renewal in an iframe) found no Okta session for the user, and was not allowed to show a login page.',
    causes: [
      'The Okta session expired or the user signed out.',
      "The browser blocks third-party cookies (Safari, Firefox, Chrome's tracking protection), so the iframe cannot see the Okta session cookie.",
      'The app sign-on policy requires re-authentication or MFA ("...but the client app requires re-authentication or MFA."), which cannot happen silently.',
    ],
    fixes: [
      'Redirect the user to an interactive sign-in when silent renewal returns login_required.',
      'In SPAs, renew with refresh tokens (refresh token rotation) instead of an iframe, or serve Okta from a custom domain under your site so the cookie is first-party.',
    ],
    sources: [OIDC_API + ' (/authorize prompt parameter)', 'OpenID Connect Core 1.0 §3.1.2.6'],
    match: [{ code: ['login_required'], text: /not to prompt|okta/i }, { code: ['okta:login_required'] }],
    priority: P,
  },
  {
    key: 'okta.consent_required',
    provider: 'okta',
    finding: 'access_denied',
    severity: 'warning',
    title: 'Okta: consent_required for a prompt=none request',
    meaning: 'The app requires user consent for some scopes, the user has not given it yet, and the request forbade showing the consent page (prompt=none).',
    causes: [
      "The app's User consent setting is on (Applications > your app > General) and a scope has consent set to Required.",
      'New scopes were added since the user last consented.',
    ],
    fixes: [
      'Send one interactive request (without prompt=none, or with prompt=consent) so the user can grant consent.',
      'If consent is not wanted, turn off the consent requirement for the app or the scope in the authorization server.',
    ],
    sources: [OIDC_API + ' (/authorize prompt parameter)', 'Okta Developer: Request user consent', 'OpenID Connect Core 1.0 §3.1.2.6'],
    match: [{ code: ['consent_required'], text: /not to prompt|okta/i }, { code: ['okta:consent_required'] }],
    priority: P,
  },
];
