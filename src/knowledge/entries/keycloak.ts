import type { KnowledgeEntry } from '../types.js';

/** Keycloak token endpoint, userinfo and login-page errors (error_description texts of Keycloak's OIDC endpoints). */

const P = 2;

const ADMIN = 'Keycloak Server Administration Guide';
const SESSIONS = 'Keycloak Server Administration Guide: Session and token timeouts';
const CLIENTS = 'Keycloak Server Administration Guide: Managing OpenID Connect clients';
const HOSTNAME = 'Keycloak Server Guide: Configuring the hostname (v2) and Using a reverse proxy';
const TOKEN_MANAGER = 'Keycloak source: TokenManager / TokenEndpoint error descriptions';

export const keycloakEntries: readonly KnowledgeEntry[] = [
  {
    key: 'keycloak.signed_jwt_audience',
    provider: 'keycloak',
    finding: 'client_assertion_audience',
    severity: 'error',
    title: 'Keycloak: the signed JWT\'s audience is not the realm (Client authentication with signed JWT failed)',
    meaning: 'The client authenticated with a signed JWT ("Signed Jwt" or "Signed Jwt with Client Secret" authenticator) whose aud is neither the realm\'s issuer nor its token endpoint (newer versions list the audiences they accept in the message).',
    causes: ['aud names another realm, another hostname (a proxy in front of Keycloak, an old /auth path), or the client instead of the realm.', 'The frontend URL or hostname settings make the issuer differ from the URL the client signs for.'],
    fixes: ['Set aud to the realm\'s issuer (https://host/realms/NAME) or its token endpoint, exactly as discovery shows them.', 'Check the hostname / proxy settings if the issuer Keycloak names is not the URL the client uses.'],
    sources: ['Keycloak source: JWTClientAuthenticator (signed JWT client authentication)', 'RFC 7523 §3 (aud)'],
    match: [{ text: /signed JWT failed: Token audience doesn't match domain/i }],
    priority: P,
  },
  {
    key: 'keycloak.signed_jwt_not_active',
    provider: 'keycloak',
    finding: 'clock_skew',
    severity: 'error',
    title: 'Keycloak: the signed JWT is not active (Client authentication with signed JWT failed)',
    meaning: 'The client assertion\'s exp has passed or its nbf lies ahead by Keycloak\'s clock: an assertion reused after it expired, or a clock that is off on one side.',
    causes: ['The assertion was built once and cached, or is a federated token (a Kubernetes or CI token) read once and sent after it expired.', 'The clock of the machine signing the assertion, or of Keycloak, is off.'],
    fixes: ['Sign a fresh assertion for each request, exp a minute or so ahead.', 'Synchronise the clocks (NTP); `oauth-doctor probe` compares Keycloak\'s clock with yours.'],
    sources: ['Keycloak source: JWTClientAuthenticator (signed JWT client authentication)', 'RFC 7523 §3 (exp)'],
    match: [{ text: /signed JWT failed: Token is not active/i }],
    priority: P,
  },
  {
    key: 'keycloak.code_not_valid',
    provider: 'keycloak',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Keycloak: Code not valid (invalid_grant)',
    meaning:
      'Keycloak could not find a live login for this authorization code: the code was already used, has expired, or was sent to a Keycloak that does not know it.',
    causes: [
      'The code was redeemed twice (a double callback, a retry, two adapters on the same route).',
      'It expired: codes live only as long as the realm\'s "Client login timeout" (1 minute by default), so a slow or paused callback fails.',
      'In a cluster, the code reached a node that does not share the session (no sticky sessions, cache not replicated), or a node restarted.',
      'The code was exchanged at another realm or another Keycloak URL than the one that issued it, or with another client_id.',
    ],
    fixes: [
      'Redeem each code once, immediately after the callback; start a new login for a fresh code.',
      'In a cluster, check the distributed caches (Infinispan) and sticky sessions (AUTH_SESSION_ID cookie) at the load balancer.',
      'Make the token request to the same realm URL and with the same client_id used for /auth.',
      'If the network is slow, raise Realm settings > Tokens > Client login timeout a little.',
    ],
    sources: [TOKEN_MANAGER, SESSIONS, 'RFC 6749 §4.1.2', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant'], text: /\bCode not valid\b/i }, { text: /\bCode not valid\b/i }],
    priority: P,
  },
  {
    key: 'keycloak.pkce_failed',
    provider: 'keycloak',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Keycloak: PKCE verification failed (invalid_grant)',
    meaning: 'The code_verifier sent to the token endpoint does not match the code_challenge of the authorization request, or is missing.',
    causes: [
      'The verifier was regenerated or lost between the login redirect and the callback.',
      'The client is configured with "Proof Key for Code Exchange Code Challenge Method" = S256 and the request uses plain or no PKCE.',
    ],
    fixes: [
      'Keep the verifier with the state and send it with the code.',
      'Use S256 with base64url (no padding) challenges, matching the client\'s Advanced settings.',
    ],
    sources: [TOKEN_MANAGER, 'RFC 7636 §4.6'],
    match: [{ code: ['invalid_grant'], text: /PKCE verification failed:|PKCE code verifier not specified/i }],
    priority: P,
  },
  {
    key: 'keycloak.session_not_active',
    provider: 'keycloak',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Keycloak: Session not active (invalid_grant on refresh)',
    meaning:
      "The refresh token points to a user session that no longer exists. Keycloak refresh tokens are tied to the SSO session, so they die with it even if their own exp has not passed.",
    causes: [
      'The SSO session idled out (Realm settings > Sessions > SSO Session Idle, 30 minutes by default) or reached SSO Session Max (10 hours by default).',
      'The user logged out, or an admin signed the session out or revoked it.',
      'Keycloak restarted and sessions were not persisted (versions before persistent user sessions), or a cluster node lost its cache.',
      'Client Session Idle/Max is set shorter than the realm session.',
    ],
    fixes: [
      'Send the user to log in again when refresh fails with invalid_grant.',
      'Raise SSO Session Idle / Max (and the client-level Client Session Idle/Max) if sessions must last longer; request offline_access for long-lived background access.',
      'Check the refresh token\'s exp and sid with `oauth-doctor decode <refresh token>`.',
    ],
    sources: [SESSIONS, TOKEN_MANAGER, 'RFC 6749 §6'],
    provenance: ['001_b11ec28349281b2a.txt (Keycloak short token lifetimes and logouts)'],
    match: [{ code: ['invalid_grant'], text: /Session not active|Offline user session not found|Session doesn't have required client/i }, { text: /"Session not active"/i }],
    priority: P,
  },
  {
    key: 'keycloak.token_not_active',
    provider: 'keycloak',
    finding: 'expired_token',
    severity: 'error',
    title: 'Keycloak: Token is not active (the token has expired)',
    meaning:
      "Keycloak checked the token's exp and found it past. At the token endpoint this concerns the refresh token (invalid_grant), at userinfo or introspection the access token.",
    causes: [
      'The refresh token expired: its lifetime follows SSO Session Idle (30 minutes by default), so an idle app cannot refresh any more.',
      'The access token (5 minutes by default) was used after its exp.',
      "The client's clock or Keycloak's clock is off.",
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` to see exp in human time.',
      'Refresh the access token before it expires; if the refresh token itself expired, log in again.',
      'Adjust Realm settings > Tokens > Access Token Lifespan and Sessions > SSO Session Idle to the session length you need.',
    ],
    sources: [SESSIONS, TOKEN_MANAGER, 'RFC 7519 §4.1.4'],
    provenance: ['001_b11ec28349281b2a.txt (Keycloak 5-minute access tokens)'],
    match: [{ code: ['invalid_grant', 'invalid_token'], text: /Token is not active/i }, { text: /Token is not active/i }],
    priority: P,
  },
  {
    key: 'keycloak.stale_token',
    provider: 'keycloak',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Keycloak: Stale token / refresh token reuse (invalid_grant)',
    meaning:
      'The refresh token is older than the client\'s or realm\'s "not before" revocation time, or it was already used while "Revoke Refresh Token" is on. Keycloak refuses it as stale.',
    causes: [
      '"Revoke Refresh Token" is enabled and the app used an older refresh token again (two tabs or workers refreshing at once, a retry after a lost response).',
      'An admin pushed a "not before" revocation (Sessions > Revocation, or the client\'s Revocation tab).',
      'The session was re-created and the app still holds a token of the previous one.',
    ],
    fixes: [
      'Always keep the latest refresh token and serialise refreshes (one refresh in flight per session).',
      'If rotation is not needed, turn off Realm settings > Tokens > Revoke Refresh Token, or set Refresh Token Max Reuse.',
      'After a revocation, log the user in again.',
    ],
    sources: [TOKEN_MANAGER, ADMIN + ': Revoke Refresh Token, Not Before revocation', 'RFC 6749 §6', 'RFC 9700 §4.14.2'],
    match: [{ code: ['invalid_grant'], text: /Stale (?:refresh )?token|Maximum allowed refresh token reuse exceeded/i }],
    priority: P,
  },
  {
    key: 'keycloak.invalid_refresh_token',
    provider: 'keycloak',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Keycloak: Invalid refresh token (invalid_grant)',
    meaning: 'The value sent as refresh_token is not a refresh token Keycloak will accept for this client.',
    causes: [
      'The refresh token was issued to another client ("Token client and authorized client don\'t match") or by another realm.',
      'The access token or ID token was sent as refresh_token.',
      'The token was truncated or altered, or the realm keys were rotated and the old key removed.',
    ],
    fixes: [
      'Refresh with the same client_id (and secret) that obtained the token; `oauth-doctor decode <refresh token>` shows its azp and iss.',
      'Send the refresh_token field of the token response, not access_token.',
    ],
    sources: [TOKEN_MANAGER, 'RFC 6749 §6'],
    // Case-sensitive: Auth0 says "Unknown or invalid refresh token."
    match: [{ code: ['invalid_grant'], text: /\bInvalid refresh token\b/ }],
    priority: P,
  },
  {
    key: 'keycloak.invalid_client_credentials',
    provider: 'keycloak',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Keycloak: Invalid client credentials (or Invalid client or Invalid client credentials)',
    meaning:
      'Keycloak could not authenticate the client: the client_id does not exist in this realm or the secret is wrong. Depending on the version the error code is invalid_client or unauthorized_client.',
    causes: [
      'The client secret was regenerated (Clients > your client > Credentials) and the app still uses the old one.',
      'The client_id is wrong or belongs to another realm (the realm in the token URL differs).',
      'The Client Authenticator is not "Client Id and Secret" (for example "Signed JWT"), so a secret is not accepted.',
      'A special character in the secret was not URL-encoded in the Basic header.',
    ],
    fixes: [
      'Copy the secret from Clients > your client > Credentials and deploy it with the matching client_id and realm URL (/realms/<realm>/protocol/openid-connect/token).',
      'Check the Client Authenticator on the Credentials tab matches how the client authenticates.',
    ],
    sources: [CLIENTS + ' (Confidential client credentials)', TOKEN_MANAGER, 'RFC 6749 §2.3.1', 'RFC 6749 §5.2'],
    match: [
      { code: ['invalid_client', 'unauthorized_client'], text: /Invalid client credentials|Invalid client or Invalid client credentials|^Invalid client secret$/i },
    ],
    priority: P,
  },
  {
    key: 'keycloak.client_secret_not_provided',
    provider: 'keycloak',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Keycloak: Client secret not provided in request',
    meaning: 'The client is confidential (Client authentication ON), so Keycloak requires its secret, and the token request carried none.',
    causes: [
      'A browser or mobile app (public by nature) uses a client configured as confidential.',
      'The backend\'s secret setting is empty, or it is sent under another parameter name.',
    ],
    fixes: [
      'For SPAs and native apps: set Clients > your client > Settings > Capability config > Client authentication to OFF and use PKCE.',
      'For server-side apps: send client_secret (body) or Basic credentials.',
    ],
    sources: [CLIENTS + ' (Public vs confidential clients)', 'RFC 6749 §2.1', 'RFC 6749 §2.3.1'],
    match: [
      { code: ['unauthorized_client', 'invalid_client'], text: /Client secret not provided in request/i },
      { text: /Client secret not provided in request/i },
    ],
    priority: P,
  },
  {
    key: 'keycloak.invalid_redirect_uri',
    provider: 'keycloak',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Keycloak: Invalid parameter: redirect_uri',
    meaning:
      "The redirect_uri of the login (or the post_logout_redirect_uri of a logout) matches none of the client's Valid redirect URIs, so Keycloak shows an error page instead of redirecting. The server log records error=invalid_redirect_uri.",
    causes: [
      'The exact URI is not in Valid redirect URIs (scheme, host, port, path); http generated behind a TLS-terminating proxy is a frequent culprit.',
      'A wildcard is used in the middle of the URI: Keycloak only honours a trailing "*".',
      'On logout, the URI is not in Valid post logout redirect URIs, or id_token_hint/client_id is missing.',
      'The client_id belongs to another client or realm.',
    ],
    fixes: [
      'Add the exact URI in Clients > your client > Settings > Access settings > Valid redirect URIs (and Valid post logout redirect URIs for logout).',
      'Behind a proxy, make the application build https URLs (trust X-Forwarded-Proto).',
      'Look at the Keycloak log line (type=LOGIN_ERROR ... error=invalid_redirect_uri, redirect_uri=...) to see what was sent.',
    ],
    sources: [CLIENTS + ' (Valid redirect URIs)', 'RFC 6749 §3.1.2'],
    match: [
      { code: ['invalid_request', 'invalid_grant'], text: /Invalid parameter: redirect_uri|Incorrect redirect_uri/i },
      { text: /Invalid parameter: redirect_uri|Incorrect redirect_uri/i },
      // Keycloak's event log says error=invalid_redirect_uri; the bare code is generic (RFC 7591, oidc-provider).
      { code: ['invalid_redirect_uri'], text: /type="?LOGIN_ERROR|org\.keycloak/i },
    ],
    priority: P,
  },
  {
    key: 'keycloak.direct_access_grants_disabled',
    provider: 'keycloak',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'Keycloak: Client not allowed for direct access grants (password grant disabled)',
    meaning:
      'The client sent grant_type=password, but "Direct access grants" (Keycloak\'s name for the resource owner password credentials grant) is off for this client.',
    causes: ['Direct access grants is disabled (the default for new clients in recent versions).'],
    fixes: [
      'Enable Clients > your client > Settings > Capability config > Direct access grants, if the password grant is really needed.',
      'Better, use the authorization code flow (or client credentials for service-to-service calls).',
    ],
    sources: [CLIENTS + ' (Capability config)', 'RFC 6749 §4.3', 'RFC 9700 §2.4'],
    match: [
      { code: ['unauthorized_client'], text: /Client not (?:allowed|permitted) for direct access grants/i },
      { text: /Client not (?:allowed|permitted) for direct access grants/i },
    ],
    priority: P,
  },
  {
    key: 'keycloak.service_account_disabled',
    provider: 'keycloak',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'Keycloak: Client not enabled to retrieve service account (client credentials disabled)',
    meaning: 'The client sent grant_type=client_credentials, but it has no service account enabled.',
    causes: ['"Service accounts roles" is off for the client, or the client is public (no client authentication).'],
    fixes: [
      'Turn on Clients > your client > Settings > Capability config > Client authentication and Service accounts roles, then assign roles in the Service accounts roles tab.',
    ],
    sources: [CLIENTS + ' (Using a service account)', 'RFC 6749 §4.4'],
    match: [
      { code: ['unauthorized_client'], text: /Client not enabled to retrieve service account/i },
      { text: /Client not enabled to retrieve service account/i },
    ],
    priority: P,
  },
  {
    key: 'keycloak.invalid_scopes',
    provider: 'keycloak',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'Keycloak: Invalid scopes (invalid_scope)',
    meaning: 'The scope parameter lists a client scope that is not assigned to this client, so Keycloak rejects the request; the message names the scopes.',
    causes: [
      'The client scope exists in the realm but is not assigned to the client as Default or Optional.',
      'A typo in the scope name, or a scope from another provider (e.g. offline_access removed from the client).',
    ],
    fixes: [
      'Assign the scope in Clients > your client > Client scopes > Add client scope (Optional scopes must be requested explicitly).',
      'Or remove the unknown scope from the request.',
    ],
    sources: [ADMIN + ': Client scopes', 'RFC 6749 §3.3', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_scope'], text: /Invalid scopes?:/i }],
    priority: P,
  },
  {
    key: 'keycloak.unsupported_grant_type',
    provider: 'keycloak',
    finding: 'unsupported_grant_type',
    severity: 'error',
    title: 'Keycloak: Unsupported grant_type',
    meaning: 'Keycloak did not recognise the grant_type, or the feature that provides it is not enabled on the server.',
    causes: [
      'The body was sent as JSON or multipart instead of application/x-www-form-urlencoded, so grant_type was not read.',
      'A misspelt grant_type (clientcredentials, authorization-code).',
      'Token exchange (urn:ietf:params:oauth:grant-type:token-exchange) or another optional grant is used but the feature is disabled (for legacy token exchange: --features=token-exchange).',
    ],
    fixes: [
      'POST the token request form-encoded: Content-Type: application/x-www-form-urlencoded.',
      'Check the grant_type spelling against the realm\'s /.well-known/openid-configuration grant_types_supported.',
      'Enable the feature providing the grant on the server and on the client if needed.',
    ],
    sources: [TOKEN_MANAGER, 'Keycloak Server Guide: Enabling and disabling features', 'RFC 6749 §5.2'],
    match: [{ code: ['unsupported_grant_type'], text: /Unsupported grant_type/i }],
    priority: P,
  },
  {
    key: 'keycloak.account_not_fully_set_up',
    provider: 'keycloak',
    finding: 'access_denied',
    severity: 'error',
    title: 'Keycloak: Account is not fully set up (required actions pending)',
    meaning:
      'The user still has required actions (verify email, update password, configure OTP, update profile, accept terms). A password (direct access) grant cannot perform them, so Keycloak refuses the token.',
    causes: [
      'A new or imported user has "Update Password" or "Verify Email" set as required action.',
      'A realm-wide default required action or an OTP policy applies to the user.',
    ],
    fixes: [
      'Have the user log in once through the browser flow to complete the actions.',
      'Or clear Users > the user > Details > Required user actions (and set Email verified) if appropriate.',
    ],
    sources: [ADMIN + ': Required actions', 'RFC 6749 §4.3'],
    match: [{ code: ['invalid_grant'], text: /Account is not fully set up/i }, { text: /Account is not fully set up/i }],
    priority: P,
  },
  {
    key: 'keycloak.invalid_user_credentials',
    provider: 'keycloak',
    finding: 'access_denied',
    severity: 'error',
    title: 'Keycloak: Invalid user credentials (invalid_grant)',
    meaning: "The username or password of a password (direct access) grant was refused.",
    causes: [
      'Wrong username or password, or the user exists in another realm.',
      'Brute-force detection locked the user temporarily after repeated failures.',
      'The password contains characters that were not form-encoded.',
    ],
    fixes: [
      'Check the user in Users and the realm in the token URL; unlock the user if brute-force detection locked them.',
      'Form-encode username and password in the body; prefer the authorization code flow.',
    ],
    sources: [TOKEN_MANAGER, ADMIN + ': Brute force detection', 'RFC 6749 §4.3'],
    match: [{ code: ['invalid_grant'], text: /Invalid user credentials/i }],
    priority: P,
  },
  {
    key: 'keycloak.token_verification_failed',
    provider: 'keycloak',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Keycloak: Token verification failed (userinfo or introspection refused the access token)',
    meaning:
      'Keycloak could not verify the access token presented at userinfo: it is expired, signed by another realm, or was issued under another hostname than the one Keycloak now expects.',
    causes: [
      'The token was obtained through one URL (public hostname) and userinfo is called through another (internal service name), so the issuer differs.',
      'The token expired or its session ended.',
      'The token comes from another realm or another Keycloak.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` to compare its iss with the userinfo URL and to check exp.',
      'Call userinfo through the same hostname the token was issued by, or configure a fixed hostname (see the issuer entry).',
    ],
    sources: [TOKEN_MANAGER, HOSTNAME, 'RFC 6750 §3.1'],
    match: [{ code: ['invalid_token'], text: /Token verification failed/i }, { text: /\bToken verification failed\b/ }],
    priority: P,
  },
  {
    key: 'keycloak.invalid_token_issuer',
    provider: 'keycloak',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'Keycloak: Invalid token issuer (the token was issued under another URL)',
    meaning:
      "Keycloak derives a token's iss from the URL the client used (or from the configured hostname / realm Frontend URL). The token carries one issuer and the checker expects another, typically the public vs the internal URL of the same Keycloak.",
    causes: [
      'Keycloak runs behind a reverse proxy without a fixed hostname, so tokens get http://keycloak:8080/... internally and https://auth.example.com/... from the browser.',
      'Forwarded headers are not trusted (proxy-headers not set; PROXY_ADDRESS_FORWARDING on old versions), so the scheme or port is wrong.',
      'The resource server or adapter is configured with the internal URL as issuer while users log in through the public one (or the reverse).',
      'The realm Frontend URL differs from the hostname used by back-channel calls.',
    ],
    fixes: [
      'Give Keycloak one public URL: --hostname=https://auth.example.com (KC_HOSTNAME) and --proxy-headers=xforwarded (or forwarded) behind a proxy; optionally --hostname-backchannel-dynamic=true for internal calls.',
      "Configure resource servers with the public issuer (issuer-uri) and, if needed, an internal jwk-set-uri for fetching keys.",
      'Compare the token\'s iss with `oauth-doctor decode <token>` and the issuer in /realms/<realm>/.well-known/openid-configuration.',
    ],
    sources: [HOSTNAME, 'RFC 7519 §4.1.1', 'OpenID Connect Discovery 1.0 §4.3'],
    match: [{ text: /Invalid token issuer\. Expected/i }, { code: ['invalid_token'], text: /wrong ISS|Invalid token issuer/i }],
    priority: P + 1,
  },
];
