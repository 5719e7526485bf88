import type { KnowledgeEntry } from '../types.js';

/**
 * Google sign-in (accounts.google.com, oauth2.googleapis.com) and Google API errors
 * (`{"error": {"code", "message", "status", "details"/"errors"}}`, seen as `google:<status>` and
 * `google:<reason>` codes).
 */

/** Provider-specific entries outrank the generic RFC entries for the same code. */
const P = 2;

const WEB_SERVER = 'Google Identity: Using OAuth 2.0 for Web Server Applications (error responses)';
const OAUTH2 = 'Google Identity: Using OAuth 2.0 to Access Google APIs';
const CONSENT = 'Google Cloud Console Help: OAuth consent screen (publishing status, user type, test users)';
const API_ERRORS = 'Google Cloud APIs: API design guide, Errors (google.rpc.Status, ErrorInfo reasons)';
const GMAIL = 'Gmail API: Resolve errors';
const SEED_GMAIL = '001_b11ec28349281b2a.txt (Gmail API errors: 401, 403 rate limits, 429, 5xx)';
const SEED_WORKSPACE = '000_771f3fde50da5341.txt (Google Workspace: code not exchanged for a refresh token, revoked authorization tokens)';

/** Words that place an error at Google: its hosts, its libraries, its consoles. */
const GOOGLE = /accounts\.google\.com|googleapis\.com|\bgoogle(?:-auth|apis|\.auth|\.oauth2)?\b|gaxios/i;

export const googleEntries: readonly KnowledgeEntry[] = [
  {
    key: 'google.redirect_uri_mismatch',
    provider: 'google',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: "Google: the redirect_uri is not one of the client's Authorized redirect URIs (Error 400: redirect_uri_mismatch)",
    meaning:
      'Google compares the redirect_uri of the authorization request, character for character, with the Authorized redirect URIs of the OAuth client named by client_id. When none matches it stops on an "Access blocked" page instead of redirecting. At the token endpoint the same error means the redirect_uri sent with the code differs from the one used to get it.',
    causes: [
      'The exact URI (scheme, host, port, path, trailing slash) is not registered on this OAuth client: http vs https behind a proxy, localhost vs 127.0.0.1, a missing port, /callback vs /callback/.',
      'The client_id belongs to another OAuth client than the one edited in the console (another project, or the Web client vs the Desktop client).',
      'The app builds the URI from the request host, which differs behind a load balancer or in a container.',
      'The URI was registered under Authorized JavaScript origins instead of Authorized redirect URIs.',
      'The token request sends a different redirect_uri (or none) than the authorization request did.',
    ],
    fixes: [
      'Open "error details" on the Google page (or the redirect_uri in the request URL) to see the URI actually sent, then add that exact string under Google Cloud Console > APIs & Services > Credentials > your OAuth 2.0 Client ID > Authorized redirect URIs.',
      'Check that the client_id in the request is the one you edited; changes can take a few minutes to apply.',
      'Behind a proxy, make the app generate https URLs (trust X-Forwarded-Proto) or set the callback URL explicitly in the library configuration.',
      'Send the very same redirect_uri in the token request as in the authorization request.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §3.1.2', 'RFC 6749 §4.1.3'],
    match: [{ text: /Error 400:\s*redirect_uri_mismatch/i }, { code: ['redirect_uri_mismatch'], text: GOOGLE }],
    priority: P,
  },
  {
    key: 'google.refresh_token_expired_or_revoked',
    provider: 'google',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Google: the refresh token is no longer valid (invalid_grant: Token has been expired or revoked.)',
    meaning:
      'Google refused the refresh token at the token endpoint. The token existed once but is no longer honoured; no retry will help, the user has to go through consent again to get a new one.',
    causes: [
      'The OAuth consent screen is in "Testing" publishing status with an External user type: refresh tokens then expire after 7 days.',
      'The user revoked the app\'s access (Google Account > Security > Third-party apps) or removed it.',
      'The user changed or reset the password and the token carries Gmail scopes.',
      'More than 100 refresh tokens were issued for the same client and account; the oldest ones are silently invalidated (every login with prompt=consent creates a new one).',
      'The token was unused for 6 months, or a Workspace admin restricted the app or the session length.',
      'The refresh token belongs to another OAuth client than the client_id/client_secret used to refresh it.',
    ],
    fixes: [
      'Send the user through the authorization flow again (access_type=offline, prompt=consent) and store the new refresh token.',
      'For a long-lived integration, publish the app: OAuth consent screen > Publishing status > "Publish app" (In production); verification may be needed for sensitive scopes.',
      'Store and reuse one refresh token per user instead of requesting a new one at every login.',
      'Handle invalid_grant on refresh by marking the connection as disconnected and asking the user to reconnect.',
    ],
    sources: [OAUTH2 + ' (refresh token expiration)', CONSENT, 'RFC 6749 §5.2', 'RFC 6749 §6'],
    provenance: [SEED_WORKSPACE],
    match: [{ code: ['invalid_grant'], text: /Token has been expired or revoked/i }, { text: /Token has been expired or revoked/i }],
    priority: P,
  },
  {
    key: 'google.invalid_rapt',
    provider: 'google',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Google: re-authentication required (invalid_grant: reauth related error (invalid_rapt))',
    meaning:
      'The refresh token is still valid, but a Google Workspace session-control policy requires the user to sign in again before new access tokens are issued. The rapt (re-auth proof token) is missing or too old.',
    causes: [
      'The Workspace admin set a re-authentication frequency for Google Cloud (Admin console > Security > Google Cloud session control).',
      'gcloud / Application Default Credentials were created with a user account in such an organisation.',
    ],
    fixes: [
      'Sign in again interactively (e.g. `gcloud auth application-default login` or `gcloud auth login`).',
      'For unattended jobs, use a service account (or workload identity federation) instead of user credentials.',
    ],
    sources: [OAUTH2, 'Google Workspace Admin Help: Set session length for Google Cloud services', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant', 'invalid_rapt'], text: /invalid_rapt|reauth related error/i }],
    priority: P + 1,
  },
  {
    key: 'google.invalid_grant_code',
    provider: 'google',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Google: the authorization code was refused (invalid_grant: Bad Request / Malformed auth code.)',
    meaning:
      'The code sent to https://oauth2.googleapis.com/token could not be exchanged. Google says "Malformed auth code." when the string is not a code as it issued it, and only "Bad Request" when the code was already used, has expired, or does not belong to this client and redirect_uri.',
    causes: [
      'The code was URL-encoded twice or not decoded: Google codes start with "4/" and a code still containing "%2F" is malformed.',
      'The code was already exchanged: a double callback (page reload, React StrictMode running an effect twice, two handlers on the callback route).',
      'The code expired: it must be exchanged within minutes.',
      'The redirect_uri or client_id in the token request differs from the authorization request, or the PKCE code_verifier does not match.',
    ],
    fixes: [
      'Pass the code exactly as received in the callback query, decoded once (most frameworks already decode it).',
      'Make sure the callback exchanges each code once; ignore a second request carrying the same code.',
      'Start the flow again for a fresh code and exchange it immediately, with the same client_id and redirect_uri.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §4.1.2', 'RFC 6749 §5.2'],
    provenance: [SEED_WORKSPACE],
    match: [
      { code: ['invalid_grant'], text: /Malformed auth code/i },
      { text: /Malformed auth code/i },
      // Not when refreshing: then the same words are about the refresh token.
      { code: ['invalid_grant'], text: /^Bad Request\.?$/i, notContext: ['refresh'] },
    ],
    priority: P,
  },
  {
    key: 'google.disabled_client',
    provider: 'google',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Google: the OAuth client is disabled (disabled_client)',
    meaning: 'The client_id exists but its OAuth client has been disabled, so Google refuses every authorization and token request for it.',
    causes: [
      'Someone disabled the OAuth client in Google Cloud Console > APIs & Services > Credentials.',
      'Google disabled it for a policy violation, or the project was suspended or shut down.',
    ],
    fixes: [
      'Re-enable the client under APIs & Services > Credentials (or check the project\'s notifications for a policy notice and appeal).',
      'If it cannot be re-enabled, create a new OAuth client ID and update client_id/client_secret in the application.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §5.2'],
    match: [{ code: ['disabled_client'] }, { text: /Error 4\d\d:\s*disabled_client|The OAuth client was disabled/i }],
    priority: P,
  },
  {
    key: 'google.deleted_client',
    provider: 'google',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Google: the OAuth client was deleted (deleted_client)',
    meaning:
      'The client_id belongs to an OAuth client that has been deleted. Its refresh tokens stop working too. Deleted clients can be restored for a limited time (about 30 days) before they are gone for good.',
    causes: [
      'The OAuth client (or its whole project) was deleted in Google Cloud Console.',
      'A tool embeds a client_id owned by someone else, who deleted it.',
    ],
    fixes: [
      'Restore it from APIs & Services > Credentials > "Deleted credentials" while that is still possible.',
      'Otherwise create a new OAuth client ID, configure its redirect URIs and update the application; users must authorize again.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §5.2'],
    match: [{ code: ['deleted_client'] }, { text: /Error 4\d\d:\s*deleted_client|The OAuth client was deleted/i }],
    priority: P,
  },
  {
    key: 'google.invalid_client_not_found',
    provider: 'google',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Google: the OAuth client was not found (Error 401: invalid_client)',
    meaning: 'Google knows no OAuth client with this client_id: the value sent is not an existing client ID.',
    causes: [
      'A typo, a truncated value, or the client_id of another provider or environment; the variable may be empty.',
      'The project number, API key or service-account ID was used instead of the OAuth client ID (which ends in .apps.googleusercontent.com).',
      'The client was deleted long ago.',
    ],
    fixes: [
      'Copy the Client ID from APIs & Services > Credentials > OAuth 2.0 Client IDs; it looks like 1234-abc.apps.googleusercontent.com.',
      'Log the client_id your application actually sends (it is not secret) and compare.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_client'], text: /The OAuth client was not found/i }, { text: /The OAuth client was not found/i }],
    priority: P,
  },
  {
    key: 'google.invalid_client_unauthorized',
    provider: 'google',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Google: client authentication failed at the token endpoint (invalid_client: Unauthorized)',
    meaning:
      "oauth2.googleapis.com/token did not accept the client credentials: the client_secret does not belong to the client_id, or no secret was sent for a client type that needs one.",
    causes: [
      'The client_secret belongs to another OAuth client (or was reset; an old secret was deployed).',
      'A Web application client is used without its client_secret, e.g. by a mobile or SPA library; or a Desktop/iOS/Android client is used where a Web client is expected.',
      'Whitespace or quotes were copied with the secret, or the downloaded client_secret.json is from another client.',
    ],
    fixes: [
      'Download the JSON of this exact client from APIs & Services > Credentials and use its client_id and client_secret together.',
      'Use the client type that fits the app: Web application for server-side code (with secret), iOS/Android/Desktop types for native apps with PKCE.',
      'If the secret was rotated, deploy the new one everywhere the client is used.',
    ],
    sources: [WEB_SERVER, 'RFC 6749 §2.3.1', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_client'], text: /^Unauthorized\.?$/i }, { code: ['invalid_client'], text: /oauth2\.googleapis\.com|accounts\.google\.com/i }],
    priority: P,
  },
  {
    key: 'google.org_internal',
    provider: 'google',
    finding: 'access_denied',
    severity: 'error',
    title: 'Google: the app is restricted to its own organisation (Error 403: org_internal)',
    meaning:
      'The OAuth consent screen has the "Internal" user type, so only accounts of the Google Workspace organisation that owns the project may sign in. Any other account (personal Gmail or another domain) is refused.',
    causes: [
      'The user signs in with a personal or another organisation\'s account.',
      'The project belongs to a Workspace organisation and the consent screen was set to Internal.',
    ],
    fixes: [
      'Sign in with an account of the owning organisation.',
      'To open the app to others, set Google Cloud Console > OAuth consent screen (Google Auth Platform > Audience) > User type to External, and add test users or publish it.',
    ],
    sources: [CONSENT, 'RFC 6749 §4.1.2.1'],
    match: [{ code: ['org_internal'] }, { text: /Error 403:\s*org_internal|restricted to users within its organization/i }],
    priority: P,
  },
  {
    key: 'google.admin_policy_enforced',
    provider: 'google',
    finding: 'access_denied',
    severity: 'error',
    title: "Google: the Workspace administrator's policy blocks this app (admin_policy_enforced)",
    meaning:
      "The user's Google Workspace administrator has restricted which third-party apps may access the organisation's data, and this client or one of its scopes is not allowed.",
    causes: [
      'The admin set API access controls so that only trusted apps may use Google services (or blocked this app explicitly).',
      'The app requests a restricted scope (Gmail, Drive) that the policy does not allow for untrusted apps.',
    ],
    fixes: [
      "Ask the Workspace admin to mark the app as Trusted in Admin console > Security > Access and data control > API controls > Manage third-party app access (by the OAuth client ID).",
      'Request fewer or less sensitive scopes if the full set is not needed.',
    ],
    sources: [WEB_SERVER, 'Google Workspace Admin Help: Control which third-party & internal apps access Google Workspace data', 'RFC 6749 §4.1.2.1'],
    match: [{ code: ['admin_policy_enforced'] }, { text: /admin_policy_enforced/i }],
    priority: P,
  },
  {
    key: 'google.unverified_app_testing',
    provider: 'google',
    finding: 'access_denied',
    severity: 'error',
    title: 'Google: the app is in testing and this user is not a test user (Error 403: access_denied, "has not completed the Google verification process")',
    meaning:
      'While the OAuth consent screen is in "Testing" status, only the accounts listed as test users can authorize it. Everyone else gets access_denied with this message.',
    causes: [
      'The signing-in account is not in the test user list.',
      'The app was meant to be public but was never published (or publishing needs verification for sensitive or restricted scopes).',
    ],
    fixes: [
      'Add the account under OAuth consent screen > Test users (Google Auth Platform > Audience), up to 100 users.',
      'Or publish the app (Publishing status > In production); submit it for verification if it requests sensitive scopes.',
      'Remember that in Testing status refresh tokens expire after 7 days.',
    ],
    sources: [CONSENT, 'RFC 6749 §4.1.2.1'],
    match: [{ text: /has not completed the Google verification process/i }],
    priority: P,
  },
  {
    key: 'google.oob_blocked',
    provider: 'google',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Google: the out-of-band (OOB) redirect is no longer allowed (Error 400: invalid_request)',
    meaning:
      'Google has shut down the out-of-band flow in which the code was shown to the user to copy (redirect_uri urn:ietf:wg:oauth:2.0:oob). Requests that still use it are refused as not complying with its OAuth policy.',
    causes: [
      'An old CLI, script or library version still sends redirect_uri=urn:ietf:wg:oauth:2.0:oob (or its :auto variant).',
    ],
    fixes: [
      'Use a loopback redirect (http://127.0.0.1:<port>/ with a Desktop app client), which current google-auth libraries do with run_local_server().',
      'For devices without a browser, use the device authorization flow with a "TVs and Limited Input devices" client.',
      'Upgrade the tool or library to a version that no longer uses OOB.',
    ],
    sources: [OAUTH2, 'Google Identity: Out-Of-Band (OOB) flow migration guide', 'RFC 8252 §7.3'],
    match: [{ text: /out-of-band \(OOB\) flow has been blocked|redirect_uri=urn:ietf:wg:oauth:2\.0:oob/i }],
    priority: P,
  },
  {
    key: 'google.api_unauthenticated',
    provider: 'google',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Google API: the access token was refused (401 UNAUTHENTICATED, "Request had invalid authentication credentials")',
    meaning:
      'The Google API did not accept the credential in the Authorization header: the access token is expired, revoked, malformed, or not an OAuth access token at all.',
    causes: [
      'The access token expired (they last about an hour) and was not refreshed.',
      'An ID token, an API key or a refresh token was sent as the Bearer token.',
      'The header is malformed ("Bearer" missing or doubled, quotes around the token).',
      'The user revoked the grant, so its access tokens stopped working.',
    ],
    fixes: [
      'Refresh the access token with the refresh token and retry once; the Google client libraries do this when given the refresh token.',
      'Send `Authorization: Bearer <access_token>`; check with `curl "https://oauth2.googleapis.com/tokeninfo?access_token=<token>"` whether Google still accepts it.',
      'If refreshing fails with invalid_grant, the user must authorize again.',
    ],
    sources: [API_ERRORS, GMAIL + ' (401 Invalid Credentials)', 'RFC 6750 §3.1', 'Gmail API: Resolve errors'],
    provenance: [SEED_GMAIL],
    match: [
      { code: ['google:UNAUTHENTICATED', 'google:authError', 'google:ACCESS_TOKEN_EXPIRED', 'google:CREDENTIALS_MISSING'] },
      { text: /Request had invalid authentication credentials/i },
    ],
    priority: P,
  },
  {
    key: 'google.api_insufficient_scopes',
    provider: 'google',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Google API: the token lacks a required scope (403 PERMISSION_DENIED, "insufficient authentication scopes")',
    meaning:
      'The access token is valid, but the user never granted a scope this method needs. Google lists the scopes each method requires; the token must carry one of them.',
    causes: [
      'The app requests a narrower scope than the method needs (gmail.readonly for sending, drive.file for files the app did not create).',
      'The scopes were changed in code but the stored refresh token still carries the old grant.',
      'The user unticked a checkbox for a scope on the consent screen (granular consent).',
    ],
    fixes: [
      "Look up the method's required scopes in its API reference and request one of them.",
      'Authorize again with the new scope (include_granted_scopes=true, prompt=consent) and store the new refresh token; delete cached tokens (e.g. token.json in the quickstarts).',
      'Check the token\'s granted scopes: `curl "https://oauth2.googleapis.com/tokeninfo?access_token=<token>"`.',
    ],
    sources: [API_ERRORS, GMAIL, 'RFC 6750 §3.1'],
    match: [
      { code: ['google:ACCESS_TOKEN_SCOPE_INSUFFICIENT'] },
      { code: ['google:PERMISSION_DENIED', 'google:insufficientPermissions'], text: /insufficient authentication scopes/i },
      { text: /Request had insufficient authentication scopes/i },
    ],
    priority: P,
  },
  {
    key: 'google.api_rate_limited',
    provider: 'google',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Google API: quota or rate limit exceeded (429 RESOURCE_EXHAUSTED / 403 rateLimitExceeded)',
    meaning:
      'The project, the user or the method went over a quota. Older APIs (Gmail, Drive, Calendar) answer 403 with reason rateLimitExceeded or userRateLimitExceeded; newer ones answer 429 RESOURCE_EXHAUSTED. The token is fine.',
    causes: [
      'Too many requests per user per second (bursts, parallel workers on the same account).',
      'The project-wide per-minute or daily quota is used up.',
      'Retries without back-off that make it worse.',
    ],
    fixes: [
      'Retry with exponential back-off and jitter (1 s, 2 s, 4 s ... capped), and respect Retry-After when present.',
      'Batch requests and lower concurrency per user.',
      'Check Google Cloud Console > APIs & Services > the API > Quotas, and request more quota if the usage is legitimate.',
    ],
    sources: [API_ERRORS, GMAIL + ' (403 rate limit, 429 Too many requests)', 'Gmail API: Resolve errors'],
    provenance: [SEED_GMAIL],
    match: [
      { code: ['google:RESOURCE_EXHAUSTED', 'google:rateLimitExceeded', 'google:userRateLimitExceeded', 'google:RATE_LIMIT_EXCEEDED', 'google:quotaExceeded', 'google:dailyLimitExceeded'] },
    ],
    priority: P,
  },
  {
    key: 'google.api_service_disabled',
    provider: 'google',
    finding: 'access_denied',
    severity: 'error',
    title: 'Google API: the API is not enabled for the project (SERVICE_DISABLED, "has not been used in project ... or it is disabled")',
    meaning:
      "The API refuses calls from this Google Cloud project because the API is not enabled there. The project is the one owning the OAuth client (or API key, or quota project) used for the call; the token itself is fine.",
    causes: [
      'The API was never enabled in the project that owns the OAuth client.',
      'The OAuth client or the credentials come from another project than the one where the API was enabled.',
      'The API was enabled only moments ago (propagation takes a few minutes).',
      'With Application Default Credentials, the quota project differs (gcloud auth application-default set-quota-project).',
    ],
    fixes: [
      'Open the activation URL given in the error (console.developers.google.com/apis/api/<service>/overview?project=<number>) and click Enable.',
      'Check the project number in the message against the project of your OAuth client.',
      'Wait a few minutes after enabling and retry.',
    ],
    sources: [API_ERRORS, 'Google Cloud Docs: Enabling an API in your Google Cloud project'],
    match: [
      { code: ['google:SERVICE_DISABLED', 'google:accessNotConfigured'] },
      { text: /has not been used in project \d+ before or it is disabled/i },
    ],
    priority: P,
  },
];
