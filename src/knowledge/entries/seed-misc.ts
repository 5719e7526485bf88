import type { KnowledgeEntry } from '../types.js';

const GWS = '000_771f3fde50da5341.txt (Google Workspace auto-provisioning errors)';
const SYNC_CLIENT_ID = '910835873219-es01p47a1ks618hgp59q26cnc6sv33r3.apps.googleusercontent.com';
const SYNC_SCOPES =
  'https://www.googleapis.com/auth/admin.directory.user.readonly, https://www.googleapis.com/auth/admin.directory.userschema.readonly, https://www.googleapis.com/auth/admin.directory.group.member.readonly';
const REAUTHORIZE = 'In the Admin console open the SAML app → Auto-provisioning and choose Re-authorize, then save.';
const YANDEX_MARKET = '001_b11ec28349281b2a.txt (Yandex Market API error tables)';

/** The rest of the seed documents: CSRF/state, Google Workspace auto-provisioning, Diadoc, Thinktecture, Yandex, Portainer, introspection. */
export const seedMiscEntries: readonly KnowledgeEntry[] = [
  // --- state / CSRF ---------------------------------------------------------------------------------------------
  {
    key: 'misc.csrf_token_mismatch',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'The CSRF token of the form or session did not match (or expired)',
    meaning:
      'The site\'s anti-CSRF check failed: the token sent with the form or request is not the one the server issued for this session, or it expired after a long idle time. ' +
      'It is the same protection as the OAuth state parameter, applied to the site\'s own forms.',
    causes: [
      'The page was open a long time and the session (and its token) expired.',
      'Cookies are blocked or were cleared, so the server cannot find the session the token belongs to.',
      'A privacy or ad-blocking extension strips the cookie or the token.',
      'The server generated the token wrongly (a bug, or several instances without shared sessions).',
    ],
    fixes: [
      'Reload the page to start a new session and get a fresh token, then repeat the action.',
      'Allow cookies for the site, or disable the blocking extension for it.',
      'If you run the site: share sessions across instances and keep the token\'s lifetime at least as long as the session.',
    ],
    sources: ['RFC 6749 §10.12'],
    provenance: ['000_771f3fde50da5341.txt (CSRF tokens: "token expired" / "CSRF tokens do not match")'],
    match: [
      {
        text: /\bcsrf[\s_-]?tokens? (?:do not|don't|does not|did not) match\b|\binvalid csrf(?:[\s_-]?token)?\b|\bcsrf[\s_-]?token (?:mismatch|missing|expired|has expired)\b|CSRF-токен\S{0,20} не совпадают|CSRF-значение/i,
      },
    ],
  },
  // --- Google Workspace auto-provisioning ------------------------------------------------------------------------
  {
    key: 'misc.gws_authorization_code_exchange',
    provider: 'google_workspace',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: the authorization code could not be exchanged',
    meaning:
      'While setting up auto-provisioning for a SAML app, Google could not turn the authorization code from the app\'s OAuth flow into a refresh token ' +
      '("Failed to generate authorization token").',
    causes: [
      'The authorization code was wrong.',
      'Too much time passed between authorizing and clicking Save changes, so the code expired.',
    ],
    fixes: ['Authorize again and save the changes right away.'],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ text: /\bfailed to generate (?:the )?authori[sz]ation token\b|Не удалось сгенерировать токен авторизации/i }],
  },
  {
    key: 'misc.gws_17003_sync_client_revoked',
    provider: 'google_workspace',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: authentication to Google internal services failed (17003 / 17006 / 17008)',
    meaning:
      'The user-sync client used by auto-provisioning lost its domain-wide delegation: its permissions to read the directory were revoked, so the sync cannot authenticate.',
    causes: [`The API client access (domain-wide delegation) of the sync client ${SYNC_CLIENT_ID} was removed or lacks scopes.`],
    fixes: [
      `In the Admin console go to Security → Access and data control → API controls → Manage domain-wide delegation (Advanced settings) and make sure client ${SYNC_CLIENT_ID} has the scopes ${SYNC_SCOPES}.`,
    ],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17003', '17006', '17008'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}1700[368]\b/i }],
  },
  {
    key: 'misc.gws_17007_delegation_failed',
    provider: 'google_workspace',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: domain-wide delegation could not be granted (17007)',
    meaning:
      'Google could not give the auto-provisioning service domain-wide delegation, so it cannot read the Google directory. Either the sync client\'s permissions were revoked, ' +
      'or an unexpected system error occurred.',
    causes: [
      `The permissions of the user-sync client ${SYNC_CLIENT_ID} were revoked.`,
      'An unexpected system error at Google (usually clears by itself within hours).',
    ],
    fixes: [
      `Add client ${SYNC_CLIENT_ID} with the scopes ${SYNC_SCOPES} under Manage domain-wide delegation in the Admin console.`,
      'Or delete the affected app and add it again.',
      'If it was a system error, wait a few hours; if it persists, apply the steps above.',
    ],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17007'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}17007\b/i }],
  },
  {
    key: 'misc.gws_17010_scim_credentials',
    provider: 'google_workspace',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: not enough credentials for the SCIM endpoint (17010)',
    meaning: 'Google could not call the app\'s SCIM endpoint because the authorization token it holds for the app was revoked.',
    causes: ['The authorization token for the SCIM app was revoked (on the app\'s side or by an admin).'],
    fixes: [REAUTHORIZE],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17010'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}17010\b/i }],
  },
  {
    key: 'misc.gws_17013_provider_token',
    provider: 'google_workspace',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: no access token from the service provider (17013)',
    meaning: 'Google could not obtain an access token from the service provider, because the authorization it holds was revoked.',
    causes: ['The authorization token for the provider was revoked.'],
    fixes: ['Wait: it may resolve on its own.', `If not, ${REAUTHORIZE.charAt(0).toLowerCase()}${REAUTHORIZE.slice(1)}`],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17013'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}17013\b/i }],
  },
  {
    key: 'misc.gws_17009_refresh_failed',
    provider: 'google_workspace',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Google Workspace auto-provisioning: no access token from the refresh token (17009)',
    meaning: 'Google could not create an access token from the refresh token it stored for the app; the stored authorization is no longer usable.',
    causes: ['The refresh token was revoked or expired on the service provider\'s side.'],
    fixes: [REAUTHORIZE],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17009'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}17009\b/i }],
  },
  {
    key: 'misc.gws_17002_transient',
    provider: 'google_workspace',
    finding: 'server_error',
    severity: 'warning',
    title: 'Google Workspace auto-provisioning: access token could not be created (17002 / 17011)',
    meaning: 'Some Google internal services were unavailable, so no access token could be created for the sync run.',
    causes: ['A temporary outage of Google internal services.'],
    fixes: ['Nothing to change: it should resolve by itself; check the next sync run.'],
    sources: ['Google Workspace Admin Help: Auto-provisioning errors'],
    provenance: [GWS],
    match: [{ code: ['17002', '17011'] }, { text: /\b(?:error|code|ошибк\w*)\W{0,20}170(?:02|11)\b/i }],
  },
  // --- Diadoc ---------------------------------------------------------------------------------------------------
  {
    key: 'misc.diadoc_invalid_auth_token',
    provider: 'diadoc',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Diadoc API: 401 "Invalid auth token" (the token was encoded wrongly)',
    meaning:
      'The Diadoc API did not accept the ddauth_token sent in the `Authorization: DiadocAuth ddauth_api_client_id=..., ddauth_token=...` header. With certificate ' +
      'authentication the token must be the decrypted answer of /V3/Authenticate, encoded to base64 exactly once; a token mangled on the way is refused with 401.',
    causes: [
      'The base64 string contains line breaks (CR/LF every 76 characters, as some base64 functions produce), which break the header value.',
      'The wrong bytes were encoded: the still-encrypted answer, or the decrypted result converted to a string in another charset before base64.',
      'The token expired or belongs to another api_client_id.',
    ],
    fixes: [
      'Strip every CR and LF (and spaces) from the base64 token before putting it in the header; `oauth-doctor decode` cleans pasted tokens the same way and shows what was removed.',
      'Base64-encode the raw decrypted bytes of the /V3/Authenticate answer, with no intermediate text conversion.',
      'Send the same ddauth_api_client_id that was used to authenticate, and authenticate again if the token is old.',
    ],
    sources: ['RFC 6750 §3.1'],
    provenance: ['000_771f3fde50da5341.txt (Diadoc API: 401 Invalid auth token after certificate authentication)'],
    match: [
      { status: [401], text: /\bddauth_token\b|\bDiadocAuth\b/i },
      { text: /\binvalid auth token\b/i },
    ],
  },
  // --- Thinktecture AuthorizationServer ---------------------------------------------------------------------------
  {
    key: 'misc.thinktecture_invalid_client',
    provider: 'identityserver',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Thinktecture / IdentityServer: invalid_client until the client uses HTTP Basic',
    meaning:
      'Thinktecture AuthorizationServer (and IdentityServer setups like it) answered 400 {"error":"invalid_client"} although client_id and client_secret were right: ' +
      'it expects the client credentials in an HTTP Basic Authorization header, not in the request body.',
    causes: [
      'client_id and client_secret were posted in the body (here even as JSON) instead of an `Authorization: Basic` header.',
      'The token request body was JSON rather than application/x-www-form-urlencoded.',
    ],
    fixes: [
      'Send `Authorization: Basic base64(client_id:client_secret)` (URL-encode id and secret first if they contain special characters).',
      'Send the rest as a form body: `grant_type=authorization_code&code=...&redirect_uri=...`.',
      'Turn on the server\'s trace logging (system.diagnostics in web.config) to see why it rejected the client.',
    ],
    sources: ['RFC 6749 §2.3.1'],
    provenance: ['000_771f3fde50da5341.txt (Thinktecture AuthorizationServer invalid_client)'],
    match: [{ code: ['invalid_client'], text: /\bthinktecture\b|\bidentityserver\b|\/authz\/users\/oauth\/token/i }],
    priority: 1,
  },
  // --- Yandex ---------------------------------------------------------------------------------------------------
  {
    key: 'misc.yandex_metrika_direct_rights',
    provider: 'yandex',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Yandex Metrica / Direct: the token lacks rights to the counter or account',
    meaning:
      'The Yandex OAuth token is valid but the account it was issued for has no (or not enough) rights on the Metrica counter or the Direct account being called: ' +
      'Metrica answers error_type access_denied (403), Direct error 54 "No rights".',
    causes: [
      'Metrica: even the counter\'s creator sometimes has no explicit edit rights through the API.',
      'Direct: an agency token is used without naming the client login whose campaigns are requested.',
      'Direct: the token was issued for an account that is not a representative with full rights on the campaigns.',
      'The app was registered without the metrika:read / metrika:write or direct:api access.',
    ],
    fixes: [
      'Metrica: grant edit access to another Yandex account under Metrica → Settings → Access, log in as that account and issue the token from it.',
      'Direct (agency): pass the client\'s login (Client-Login header) for the client whose campaigns you access.',
      'Direct (advertiser): add a representative with full rights under Information → Your representatives, and issue the token while logged in as that representative.',
      'Check the app\'s data access rights at oauth.yandex.ru and issue a new token after changing them.',
    ],
    sources: ['Yandex Metrica API docs: API error descriptions', 'Yandex Direct API docs: Errors and warnings'],
    provenance: ['000_771f3fde50da5341.txt (Yandex Metrica / Direct token rights)'],
    match: [
      // Yandex Metrica reports the missing rights with the generic access_denied code: the error_type shape is what tells it apart.
      { code: ['access_denied'], text: /"error_type"\s*:\s*"access_denied"/i },
      { text: /"error_type"\s*:\s*"access_denied"|"error_string"\s*:\s*"(?:No rights|Нет прав)"/i },
    ],
  },
  {
    key: 'misc.yandex_market_token_invalid',
    provider: 'yandex',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Yandex Market API: "Token is invalid"',
    meaning: 'The Yandex Market Partner API did not accept the oauth_token sent in the `Authorization: OAuth oauth_token=..., oauth_client_id=...` header.',
    causes: ['The token was revoked or expired, or was issued for another app.', 'The header carries a truncated or altered token.'],
    fixes: [
      'Check the Authorization header value; if it is right, issue a new OAuth token for the app and repeat the request with it.',
    ],
    sources: ['Yandex Market API docs: Error codes'],
    provenance: [YANDEX_MARKET],
    match: [{ text: /(?:^|["'>])Token is invalid\.?(?:$|["'<])/i }],
  },
  {
    key: 'misc.yandex_market_scope_invalid',
    provider: 'yandex',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Yandex Market API: "Scope is invalid"',
    meaning: 'The token works but was issued without the right to use the Yandex Market Partner API.',
    causes: ['The app was registered (or the token issued) without the Partner API access right.'],
    fixes: ['Issue a new token for an app that includes the Yandex Market Partner API right, and repeat the request with it.'],
    sources: ['Yandex Market API docs: Error codes'],
    provenance: [YANDEX_MARKET],
    match: [{ text: /(?:^|["'>])Scope is invalid\.?(?:$|["'<])/i }],
  },
  {
    key: 'misc.yandex_market_client_id_invalid',
    provider: 'yandex',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Yandex Market API: "Client id is invalid"',
    meaning: 'The oauth_client_id sent with the request is not a valid application id.',
    causes: ['A mistyped or deleted application id, or the id of another app than the one that issued the token.'],
    fixes: [
      'Check the oauth_client_id value; if it is right, register the app again to get a new id and repeat the request with the new credentials.',
    ],
    sources: ['Yandex Market API docs: Error codes'],
    provenance: [YANDEX_MARKET],
    match: [{ text: /(?:^|["'>])Client id is invalid\.?(?:$|["'<])/i }],
  },
  {
    key: 'misc.yandex_market_credentials_missing',
    provider: 'yandex',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Yandex Market API: authorization data missing or malformed',
    meaning:
      'The request reached the API without usable authorization data: no token, no client id, or an Authorization header in the wrong syntax or scheme.',
    causes: [
      'oauth_token or oauth_client_id is empty in the Authorization header.',
      'The header uses another scheme than `OAuth` or a wrong syntax.',
    ],
    fixes: [
      'Send `Authorization: OAuth oauth_token=<token>, oauth_client_id=<app id>` with both values filled in.',
    ],
    sources: ['Yandex Market API docs: Error codes'],
    provenance: [YANDEX_MARKET],
    match: [
      {
        text: /\bOAuth (?:token|client id|credentials) (?:is|are) not specified\b|\bAuthorization header has invalid syntax\b|\bUnsupported authorization type specified in Authorization header\b/i,
      },
    ],
  },
  {
    key: 'misc.yandex_market_account_disabled',
    provider: 'yandex',
    finding: 'access_denied',
    severity: 'error',
    title: 'Yandex Market API: "User account is disabled"',
    meaning: 'The account the token was issued for is blocked, so the API refuses every request made with it.',
    causes: ['The Yandex account was blocked.'],
    fixes: ['Contact Yandex Market support about the account.'],
    sources: ['Yandex Market API docs: Error codes'],
    provenance: [YANDEX_MARKET],
    match: [{ text: /(?:^|["'>])User account is disabled\.?(?:$|["'<])/i }],
  },
  // --- Portainer: session cut short by the provider's access-token lifetime -------------------------------------
  {
    key: 'misc.portainer_short_token_lifetime',
    finding: 'short_token_lifetime',
    severity: 'warning',
    title: 'Logged out after a few minutes: the session follows the access token\'s short lifetime',
    meaning:
      'The application copies the OAuth provider\'s access-token expiry into its own session (Portainer 2.6 with Keycloak did), so users are thrown out when the ' +
      'access token expires, e.g. after Keycloak\'s default 5 minutes, whatever the app\'s own session setting says.',
    causes: [
      'The provider issues short access tokens (Keycloak: Access Token Lifespan, 5 minutes by default) and the app does not refresh them.',
      'The app ignores its own session lifetime and uses the token\'s exp.',
      'Less likely: a clock or time-zone difference between hosts; a 7 h offset was suspected in the Portainer report, but JWT times (exp, iat) are seconds since the epoch in UTC, so time zones do not matter, only wrong clocks do.',
    ],
    fixes: [
      'Decode the token the app sends (`oauth-doctor decode`) and compare exp - iat with the expected session length.',
      'Raise the access-token lifetime for this client in the provider (Keycloak: client → Advanced → Access Token Lifespan) or make the app use refresh tokens.',
      'Upgrade the app if it has a fix for refreshing or decoupling its session from the token.',
      'Keep host clocks in sync with NTP.',
    ],
    sources: ['RFC 7519 §2 (NumericDate)'],
    provenance: ['001_b11ec28349281b2a.txt (Portainer issue #5238: OAuth users logged out after minutes)'],
    match: [
      { status: [401], text: /\binvalid jwt token \(err=invalid jwt token\)/i },
      { text: /\blogged out after (?:about |only )?(?:a few|\d+) minutes?\b|\bsession (?:for oauth2? users )?expires (?:very )?fast\b/i },
    ],
    priority: 1,
  },
  // --- Introspection --------------------------------------------------------------------------------------------
  {
    key: 'misc.introspection_inactive',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Token introspection says the token is not active',
    meaning:
      'The authorization server\'s introspection endpoint answered {"active": false}: the token is expired, revoked, unknown, or not meant for the caller. The answer deliberately says ' +
      'no more, so an API that relies on it cannot tell an expired token from a forged one and should answer 401.',
    causes: [
      'The token expired (the server may have forgotten it entirely).',
      'It was revoked, or the user\'s session ended.',
      'It was issued by another authorization server or environment, or the resource server introspects at the wrong server.',
      'The introspecting resource server is not allowed to see this token (audience restriction).',
    ],
    fixes: [
      'Get a new access token (refresh, or sign in again) and retry.',
      'Check that the API introspects at the same issuer that issued the token.',
      'If the token is a JWT, decode it (`oauth-doctor decode`) to see exp, iss and aud.',
    ],
    sources: ['RFC 7662 §2.2'],
    provenance: ['001_b11ec28349281b2a.txt (expired token: 401 vs 403, introspection {"active": false})'],
    match: [{ text: /"active"\s*:\s*false/i }],
  },
  // --- "Invalid Access Token" -----------------------------------------------------------------------------------
  // --- Databricks -----------------------------------------------------------------------------------------------
  {
    key: 'misc.databricks_pat',
    provider: 'databricks',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Databricks: the personal access token was refused',
    meaning:
      'The Databricks REST API answered 403 "Invalid access token." (or 401): the personal access token (dapi...) is wrong, expired, revoked, or from another workspace.',
    causes: [
      'The token expired (its lifetime is set when generated) or was revoked.',
      'The token belongs to another workspace than the URL called.',
      'The header is wrong: not `Authorization: Bearer <token>`, or the token has whitespace / line breaks; a .netrc entry with another machine name.',
      'Token-based authentication was disabled by the workspace admin.',
    ],
    fixes: [
      'Generate a new token under User Settings → Access tokens (Developer) in the same workspace and store it in a secret manager.',
      'Send `Authorization: Bearer dapi...` exactly, or use `curl --netrc` with `machine <workspace host> login token password <token>` in ~/.netrc.',
      'For automation, use a service principal\'s token rather than a user\'s.',
    ],
    sources: ['Databricks docs: Personal access tokens'],
    provenance: ['002_8a173236cfaf1cfa.txt (Databricks personal access tokens)'],
    match: [
      { status: [401, 403], text: /X-Databricks-Reason-Phrase|Server:\s*databricks|\bdapi[0-9a-f]{32}\b|Problem accessing \/api\/2\.\d\//i },
      { text: /\bError 403 Invalid access token\b/i },
    ],
    priority: 1,
  },
];
