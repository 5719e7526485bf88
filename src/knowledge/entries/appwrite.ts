import type { KnowledgeEntry } from '../types.js';

const SOURCE = '002_8a173236cfaf1cfa.txt (Appwrite error types)';
const SHAPE = 'Appwrite errors are JSON: {"message", "code" (the HTTP status), "type", "version"}.';

/** Appwrite error types (seed 002). Observation gives them as `appwrite:<type>`. */
export const appwriteEntries: readonly KnowledgeEntry[] = [
  {
    key: 'appwrite.user_jwt_invalid',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Appwrite: the JWT in X-Appwrite-JWT is invalid (user_jwt_invalid)',
    meaning: `Appwrite could not validate the JWT sent in the X-Appwrite-JWT header. Account JWTs are short-lived (15 minutes) and tied to the session that created them. ${SHAPE}`,
    causes: [
      'The JWT expired: it was created more than 15 minutes ago and reused.',
      'The session that created it was deleted (the user logged out), which invalidates its JWTs.',
      'The header carries something else: a session secret, an API key, a JWT of another project, or a value with quotes or line breaks.',
    ],
    fixes: [
      'Create a fresh JWT with account.createJWT() shortly before the server call, and send it as `X-Appwrite-JWT: <jwt>`.',
      'Check that the client and the server use the same project (X-Appwrite-Project) and endpoint.',
      'Decode it with `oauth-doctor decode` to check exp.',
    ],
    sources: ['Appwrite docs: Response codes', 'Appwrite docs: Account createJWT'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_jwt_invalid'] }],
  },
  {
    key: 'appwrite.user_jwt_expired',
    finding: 'expired_token',
    severity: 'error',
    title: 'Appwrite: the JWT in X-Appwrite-JWT has expired',
    meaning: `Appwrite refused the X-Appwrite-JWT header because the JWT is past its expiry; account JWTs are valid for 15 minutes. ${SHAPE}`,
    causes: [
      'The JWT was created once (at login) and cached for longer than 15 minutes.',
      'The server reuses a JWT passed along by the client long after it was made.',
    ],
    fixes: [
      'Create a new JWT with account.createJWT() before calling the server, or when the server answers 401, and retry once.',
      'Do not store account JWTs; store the session and derive short-lived JWTs from it.',
    ],
    sources: ['Appwrite docs: Response codes', 'Appwrite docs: Account createJWT'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_jwt_invalid'], text: /\bexpired\b/i }],
  },
  {
    key: 'appwrite.user_invalid_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Appwrite: invalid token passed in the request (user_invalid_token)',
    meaning:
      `Appwrite refused a token carried by the request, typically the userId / secret pair of a magic URL, email verification, password recovery, phone or OAuth2 token login. ${SHAPE}`,
    causes: [
      'The secret expired or was already used (these tokens are one-time).',
      'userId and secret come from different links or were cut when the URL was copied.',
      'The secret was URL-decoded twice or altered by an email client.',
    ],
    fixes: [
      'Start the flow again (send a new link or code) and use the newest userId / secret right away, once.',
      'Pass userId and secret from the callback URL exactly as received.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_invalid_token'] }],
  },
  {
    key: 'appwrite.general_unauthorized_scope',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Appwrite: missing scope for this resource (general_unauthorized_scope)',
    meaning: `The current user or API key is authenticated but lacks the scope (role) needed for this endpoint. Appwrite answers 401 here, not 403. ${SHAPE}`,
    causes: [
      'The API key was created without the scope this call needs (e.g. users.read, databases.write).',
      'The call is made as a guest or user from a client SDK for an endpoint that requires an API key (server SDK).',
      'The message reads like "User (role: guests) missing scope (account)": the request carries no session (third-party cookies blocked, or the Appwrite endpoint is on another site than the app).',
    ],
    fixes: [
      'In the Appwrite console → Overview → Integrations → API keys, add the scope to the key (or create a key with it).',
      'Call server-only endpoints from a server SDK with the API key, not from the browser.',
      'For "missing scope (account)" in a browser, make sure a session exists: log in first and serve the app from a domain that can set Appwrite\'s session cookie (a custom domain for the Appwrite endpoint on the same site).',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:general_unauthorized_scope'] }],
  },
  {
    key: 'appwrite.user_unauthorized',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Appwrite: the user may not perform this action (user_unauthorized)',
    meaning: `The user is known but has no permission for the requested action on this resource. ${SHAPE}`,
    causes: [
      'The document, file or bucket permissions do not grant this user or role the action (read, update, delete).',
      'Document security is off for the collection and only collection-level permissions apply.',
    ],
    fixes: [
      'Add a permission for the user, team or role on the resource (Permission.read(Role.user(id)) etc.) or on the collection / bucket.',
      'Check whether the call should run with a server API key instead of the user session.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_unauthorized'] }],
  },
  {
    key: 'appwrite.general_access_forbidden',
    finding: 'access_denied',
    severity: 'error',
    title: 'Appwrite: access to this API is forbidden (general_access_forbidden)',
    meaning: `Appwrite refuses this API for the caller altogether, whatever its token. ${SHAPE}`,
    causes: [
      'The service or endpoint is disabled for the project, or limited to server (API key) calls.',
      'A console-only endpoint is called from a project client.',
    ],
    fixes: [
      'Check the project\'s service settings in the Appwrite console and enable the service.',
      'Call the endpoint from a server SDK with an API key if it is server-only.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:general_access_forbidden'] }],
  },
  {
    key: 'appwrite.user_blocked',
    finding: 'access_denied',
    severity: 'error',
    title: 'Appwrite: the user is blocked (user_blocked)',
    meaning: `The account was blocked in the Appwrite console, so Appwrite refuses its sessions and tokens. ${SHAPE}`,
    causes: ['An administrator (or an automated process) blocked the user.'],
    fixes: ['Unblock the user in the Appwrite console (Auth → the user → Unblock) if the block was not intended.'],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_blocked'] }],
  },
  {
    key: 'appwrite.project_provider_disabled',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'Appwrite: this OAuth provider is disabled for the project (project_provider_disabled, 412)',
    meaning:
      `createOAuth2Session / createOAuth2Token was called for a provider (google, github, ...) that is not enabled in the project, so Appwrite will not start the login. ${SHAPE}`,
    causes: [
      'The provider was never enabled under Auth → Settings → OAuth2 Providers.',
      'It is enabled in another project than the one the client is configured with (X-Appwrite-Project).',
    ],
    fixes: [
      'In the Appwrite console open Auth → Settings, enable the provider and fill in its App ID / client ID and secret.',
      'Copy the redirect URI Appwrite shows there into the provider\'s app settings.',
      'Check the project id the SDK is configured with.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:project_provider_disabled'] }],
  },
  {
    key: 'appwrite.auth_method_unsupported',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'Appwrite: this authentication method or provider is not available (501)',
    meaning:
      `Appwrite refused the login because the method is disabled for the project (user_auth_method_unsupported) or the OAuth provider name is not one Appwrite supports (project_provider_unsupported). ${SHAPE}`,
    causes: [
      'The auth method (email/password, magic URL, anonymous, phone...) is switched off under Auth → Settings.',
      'The provider name passed to createOAuth2Session is misspelled or not supported by this Appwrite version.',
    ],
    fixes: [
      'Enable the method under Auth → Settings in the Appwrite console.',
      'Use a provider name from the OAuthProvider enum of your SDK version.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:user_auth_method_unsupported', 'appwrite:project_provider_unsupported'] }],
  },
  {
    key: 'appwrite.project_invalid_redirect_url',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Appwrite: the OAuth success / failure URL is not allowed',
    meaning:
      `The success or failure URL passed to createOAuth2Session was refused (project_invalid_success_url / project_invalid_failure_url): Appwrite only redirects to hosts registered as platforms of the project. ${SHAPE}`,
    causes: [
      'The URL\'s host is not registered as a Web platform of the project.',
      'The URL is relative or malformed.',
    ],
    fixes: [
      'Add the app\'s host name as a Web platform in the Appwrite console (Overview → Platforms).',
      'Pass absolute URLs (https://app.example.com/auth/ok) as success and failure.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:project_invalid_success_url', 'appwrite:project_invalid_failure_url'] }],
  },
  {
    key: 'appwrite.general_unknown_origin',
    finding: 'access_denied',
    severity: 'error',
    title: 'Appwrite: the request came from an unknown origin (general_unknown_origin)',
    meaning: `Appwrite refuses browser requests whose Origin is not a registered platform of the project. ${SHAPE}`,
    causes: ['The web app runs on a host (localhost port, preview domain) not registered as a platform.'],
    fixes: ['Register the host as a Web platform under Overview → Platforms in the Appwrite console.'],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:general_unknown_origin'] }],
  },
  {
    key: 'appwrite.project_missing_user_id',
    finding: 'wrapped_token_error',
    severity: 'warning',
    title: 'Appwrite: no user id from the OAuth provider (project_missing_user_id)',
    meaning:
      `Appwrite completed the exchange with the OAuth provider but could not read the user's id from its profile answer, so it could not create the session. ${SHAPE}`,
    causes: [
      'The provider app lacks the scope / permission to read the user\'s profile or email.',
      'The provider\'s client secret or settings in Appwrite are wrong, so its token or profile call failed.',
    ],
    fixes: [
      'Check the provider app\'s permissions (profile / email) and the client ID and secret entered in Auth → Settings.',
      'Check the Appwrite server logs for the provider\'s actual answer.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:project_missing_user_id'] }],
  },
  {
    key: 'appwrite.general_rate_limit_exceeded',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Appwrite: rate limit exceeded (429)',
    meaning: `The endpoint's rate limit for this caller is used up. ${SHAPE}`,
    causes: ['Repeated calls in a short time (login attempts, token creation in a loop).'],
    fixes: [
      'Wait and retry with backoff; read the X-RateLimit-Reset response header for when the limit resets.',
      'Avoid creating sessions or JWTs on every request; reuse them.',
    ],
    sources: ['Appwrite docs: Response codes'],
    provenance: [SOURCE],
    match: [{ code: ['appwrite:general_rate_limit_exceeded'] }],
  },
];
