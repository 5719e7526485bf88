import type { KnowledgeEntry } from '../types.js';

/**
 * Microsoft Entra ID (Azure AD) AADSTS error codes. The observation extracts `AADSTS<n>` from the
 * text and from `error_codes` arrays, and an AADSTS code match scores 6.
 */

/**
 * AADSTS codes are the most specific thing in the answer and name the provider unambiguously: they
 * outrank any code + message match of another entry (7 + 2).
 */
const P = 4;

const codes = 'Microsoft Entra documentation: Microsoft Entra authentication and authorization error codes';
const src = (code: string) => `${codes} (${code})`;
const AUTH_CODE_FLOW = 'Microsoft identity platform: OAuth 2.0 authorization code flow';
const REFRESH = 'Microsoft identity platform: Refresh tokens (lifetime and revocation)';
const REDIRECT = 'Microsoft identity platform: Redirect URI (reply URL) best practices and limitations';
const CREDS = 'Microsoft identity platform: Add and manage application credentials (client secrets, certificates)';
const CONSENT = 'Microsoft identity platform: Permissions and consent overview';
const CA = 'Microsoft Entra Conditional Access documentation: troubleshooting sign-in problems';

export const microsoftEntries: readonly KnowledgeEntry[] = [
  {
    key: 'microsoft.AADSTS50011',
    provider: 'microsoft',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Microsoft Entra: the redirect URI is not registered for the app (AADSTS50011)',
    meaning:
      "The redirect_uri in the request matches none of the redirect URIs of the app registration. The message quotes the URI that was sent and the app's client ID, so the difference can be read off directly.",
    causes: [
      'The URI differs in scheme, host, port, path, case or trailing slash: typically http:// generated behind a proxy or on Azure App Service while https:// is registered.',
      'The URI is registered under another platform than the flow uses (Web vs Single-page application vs Mobile and desktop).',
      'The request uses the client ID of another app registration (another environment or tenant).',
      'A library default callback path (/signin-oidc, /.auth/login/aad/callback, /api/auth/callback/azure-ad) was not registered.',
    ],
    fixes: [
      'Copy the URI quoted in the message and add it, exactly, in Microsoft Entra admin center > App registrations > your app > Authentication, under the right platform.',
      'Behind a reverse proxy, make the app honour X-Forwarded-Proto/Host (ASP.NET Core: UseForwardedHeaders) so it builds https URLs.',
      "Check that the client_id in the request is the Application (client) ID of the registration you edited.",
    ],
    sources: [src('AADSTS50011'), REDIRECT, 'RFC 6749 §3.1.2'],
    match: [{ code: ['AADSTS50011'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS500113',
    provider: 'microsoft',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Microsoft Entra: the app has no redirect URI registered (AADSTS500113)',
    meaning: 'The app registration has no reply address at all, so Microsoft Entra cannot send the response anywhere.',
    causes: ['The app registration was created without a redirect URI.', 'Redirect URIs were removed, or added to a different app registration.'],
    fixes: [
      'In App registrations > your app > Authentication, add a platform (Web, Single-page application, or Mobile and desktop) and the redirect URI your app uses.',
    ],
    sources: [src('AADSTS500113'), REDIRECT, 'RFC 6749 §3.1.2'],
    match: [{ code: ['AADSTS500113'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700016',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Microsoft Entra: no application with this client ID in the directory (AADSTS700016)',
    meaning:
      'The tenant the request was sent to has no app with this Application (client) ID. Either the ID is wrong, or the app lives in another tenant and was never provisioned (consented) here.',
    causes: [
      'The authority URL names another tenant than the one where the app is registered (a single-tenant app called through another tenant ID or domain).',
      'The Object ID or a secret ID was used instead of the Application (client) ID.',
      'A multitenant app has not been consented in the user\'s tenant yet, or the app was deleted.',
      'The wrong cloud (login.microsoftonline.us / .cn vs the global one).',
    ],
    fixes: [
      'Copy the Application (client) ID from App registrations > your app > Overview.',
      'Use the Directory (tenant) ID of the tenant where the app is registered in the authority URL (https://login.microsoftonline.com/<tenant-id>/).',
      'For a multitenant app, set Supported account types accordingly and have an admin of the other tenant grant consent.',
    ],
    sources: [src('AADSTS700016'), 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS700016'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS7000215',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Microsoft Entra rejected the client secret (AADSTS7000215)',
    meaning:
      'The client_secret sent does not match any current secret of the app registration. Microsoft Entra itself hints at the most common cause: the secret ID was sent instead of the secret value.',
    causes: [
      "The Secret ID (a GUID) was copied instead of the Value column, which is shown only once when the secret is created.",
      "The secret belongs to another app registration (another environment) than the client_id.",
      'The secret was rotated and an old value is still deployed.',
      'The value was mangled: surrounding quotes or whitespace from an .env file, or special characters not form-encoded in the request body.',
    ],
    fixes: [
      'In App registrations > your app > Certificates & secrets, create a new client secret and copy its Value (not the Secret ID) immediately.',
      'Deploy it with the matching client_id, and form-encode the body (application/x-www-form-urlencoded) so characters such as + and ~ survive.',
      'Consider a certificate or a federated credential / managed identity instead of a secret.',
    ],
    sources: [src('AADSTS7000215'), CREDS, 'RFC 6749 §2.3.1', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS7000215'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS7000222',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Microsoft Entra: the client secret has expired (AADSTS7000222)',
    meaning:
      'The secrets configured on the app registration are past their expiry date. Client secrets always have one (the portal offers up to 24 months), and nothing renews them automatically.',
    causes: ['The secret reached its expiry date and was not rotated.', 'A new secret was created but the application still uses the expired one.'],
    fixes: [
      'Create a new secret in App registrations > your app > Certificates & secrets, deploy its Value, then delete the expired one.',
      'Track expiry dates (an alert before the date) or move to certificates, federated credentials or managed identities.',
    ],
    sources: [src('AADSTS7000222'), CREDS, 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS7000222'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS7000218',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: "Microsoft Entra: the token request needs client credentials (AADSTS7000218: 'client_assertion' or 'client_secret')",
    meaning:
      'Microsoft Entra treats the app as a confidential client and wants it to authenticate, but the request carried neither a client_secret nor a client_assertion.',
    causes: [
      'A public-client flow (device code, username/password, integrated Windows auth) is used while "Allow public client flows" is off.',
      'A desktop or mobile app redeems a code for a redirect URI registered under the Web platform, which requires a secret.',
      'Server-side code forgot to send the secret (empty environment variable).',
    ],
    fixes: [
      'For public clients: App registrations > your app > Authentication > Advanced settings > Allow public client flows = Yes, and register the redirect URI under "Mobile and desktop applications".',
      'For confidential clients: send client_secret (or a client_assertion signed with a registered certificate).',
    ],
    sources: [src('AADSTS7000218'), 'Microsoft identity platform: Public client and confidential client applications', 'RFC 6749 §2.1', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS7000218'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700027',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Microsoft Entra: the client assertion signature does not verify (AADSTS700027)',
    meaning: 'The client authenticated with a signed JWT (client_assertion), but its signature does not match any certificate registered on the app.',
    causes: [
      'The certificate used for signing is not uploaded to the app registration (or was uploaded to another one).',
      'The x5t / kid header of the assertion does not identify the uploaded certificate.',
      'The certificate expired or was replaced.',
    ],
    fixes: [
      'Upload the public certificate under App registrations > your app > Certificates & secrets > Certificates and sign with its private key.',
      'Set the x5t header to the base64url SHA-1 thumbprint of that certificate; `oauth-doctor decode <assertion>` shows the header.',
    ],
    sources: [src('AADSTS700027'), 'Microsoft identity platform: Certificate credentials (client assertion format)', 'RFC 7523 §3'],
    match: [{ code: ['AADSTS700027'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700024',
    provider: 'microsoft',
    finding: 'clock_skew',
    severity: 'error',
    title: 'Microsoft Entra: the client assertion is outside its valid time range (AADSTS700024)',
    meaning:
      "The signed client_assertion's nbf/exp window does not contain Microsoft Entra's current time: it is expired or not yet valid, usually because the client's clock is off.",
    causes: [
      "The clock of the machine signing the assertion is wrong.",
      'The assertion is cached and reused after its exp (or its lifetime is too long/too short).',
    ],
    fixes: [
      'Synchronise the clock of the client host.',
      'Create a fresh assertion for each token request with exp a few minutes ahead; check nbf/exp with `oauth-doctor decode <assertion>`.',
    ],
    sources: [src('AADSTS700024'), 'RFC 7523 §3'],
    // Only when the printed window starts after Entra's current time; otherwise the stale assertion below.
    match: [{ code: ['AADSTS700024'], context: ['window_ahead'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700024_stale',
    provider: 'microsoft',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Microsoft Entra: the client assertion is outside its valid time range (AADSTS700024): a stale or expired assertion',
    meaning:
      "The client_assertion's window does not contain Microsoft Entra's current time. When its expiry lies before the current time the message prints (or no times are printed), " +
      'the usual cause is a federated token (workload identity, a CI job\'s OIDC token) used as the assertion after it expired; a clock ahead shows instead as a window that starts after the current time.',
    causes: [
      'Workload identity: the projected service-account token was read once and reused after it expired (the SDK or the application caches it).',
      'A CI job\'s OIDC token was requested at the start of a long job and used after its lifetime (often minutes); the Azure CLI does not refresh it.',
      'A self-signed assertion is cached and sent again after its exp.',
      'Less often: the signing machine\'s clock is off.',
    ],
    fixes: [
      'Re-read the federated token file (AZURE_FEDERATED_TOKEN_FILE) for each token request, or update the SDK that caches it.',
      'In CI, request the OIDC token and log in right before the step that needs Azure, or log in again in long jobs.',
      'Build a new client assertion per token request; compare the printed "expiry time of assertion" with "Current time" to confirm.',
    ],
    sources: [src('AADSTS700024'), 'RFC 7523 §3', 'RFC 7521 §4.2'],
    match: [{ code: ['AADSTS700024'], notContext: ['window_ahead'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS70008',
    provider: 'microsoft',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the authorization code or refresh token has expired (AADSTS70008)',
    meaning:
      'The grant presented at the token endpoint is past its lifetime. For an authorization code that means it was not redeemed within minutes of being issued; for a refresh token, that it was not used for too long.',
    causes: [
      'The code was redeemed late: a breakpoint in the callback, a queue, a slow redirect chain, or a code replayed from a log or an earlier test.',
      'The refresh token was unused for longer than its inactivity lifetime.',
    ],
    fixes: [
      'Redeem authorization codes immediately in the callback; start a new sign-in to get a fresh code.',
      'For refresh tokens, send the user through an interactive sign-in again; MSAL does this when acquireTokenSilent fails with an interaction-required error.',
    ],
    sources: [src('AADSTS70008'), AUTH_CODE_FLOW, REFRESH, 'RFC 6749 §4.1.2', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS70008'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS54005',
    provider: 'microsoft',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the authorization code was already redeemed (AADSTS54005)',
    meaning: 'An authorization code can be exchanged once. This one has already been used, so the second exchange fails (the first one usually succeeded).',
    causes: [
      'The callback runs twice: React StrictMode running an effect twice in development, a page reload on the callback URL, or a browser prefetch.',
      'Two pieces of middleware both redeem the code (e.g. Microsoft.Identity.Web plus custom code, or MSAL plus a hand-written exchange).',
      'A retry after a timeout resent the same code.',
    ],
    fixes: [
      'Make sure exactly one component redeems the code and that it runs once per code; remove the code from the URL after handling it.',
      'Keep the tokens from the first exchange (use the refresh token afterwards) instead of redeeming again.',
    ],
    sources: [src('AADSTS54005'), AUTH_CODE_FLOW, 'RFC 6749 §4.1.2', 'RFC 6749 §10.5'],
    match: [{ code: ['AADSTS54005'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50148',
    provider: 'microsoft',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the PKCE code_verifier does not match the code_challenge (AADSTS50148 / AADSTS501481)',
    meaning:
      'The code_verifier sent with the code does not hash to the code_challenge sent in the authorization request, so Microsoft Entra will not redeem the code.',
    causes: [
      'A new code_verifier was generated between the authorization request and the token request (state lost: another tab, another server instance, session storage cleared).',
      'The code_challenge was computed wrongly: not base64url, padding "=" kept, or hex instead of the raw SHA-256 bytes; or code_challenge_method does not match (plain vs S256).',
      'Two sign-ins ran in parallel and the verifier of one was used with the code of the other.',
    ],
    fixes: [
      'Store the verifier with the state value when starting the flow and read it back by state in the callback.',
      'Compute the challenge as BASE64URL(SHA256(ASCII(code_verifier))) without padding and send code_challenge_method=S256.',
      'Let MSAL handle PKCE instead of a hand-written implementation.',
    ],
    sources: [src('AADSTS50148'), src('AADSTS501481'), 'RFC 7636 §4.2', 'RFC 7636 §4.6'],
    match: [{ code: ['AADSTS50148', 'AADSTS501481'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS65001',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: the user or administrator has not consented to the app (AADSTS65001)',
    meaning:
      'The app asks for permissions that nobody has consented to in this tenant, and the request could not show a consent prompt (a token request, a silent call, or an on-behalf-of flow).',
    causes: [
      'A new permission was added to the app and users have not consented to it yet.',
      'The tenant does not allow users to consent, so an admin must grant consent.',
      'On-behalf-of flow: the middle-tier API has not been consented for the downstream permissions.',
      'Client credentials flow: application permissions were added but "Grant admin consent" was not clicked.',
    ],
    fixes: [
      'In App registrations > your app > API permissions, click "Grant admin consent for <tenant>" (as an admin).',
      'Or send an interactive authorization request with prompt=consent so the user can consent.',
      "For on-behalf-of, list the client in the API's knownClientApplications and request consent for both, or have the admin consent to the API.",
    ],
    sources: [src('AADSTS65001'), CONSENT, 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS65001'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50076',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: multi-factor authentication is required (AADSTS50076 / AADSTS50079)',
    meaning:
      'A Conditional Access policy or security default requires MFA for this user and resource (50076), or requires the user to register MFA first (50079). A non-interactive request cannot satisfy that.',
    causes: [
      'Resource owner password credentials (username/password) or another non-interactive flow is used for a user who needs MFA.',
      'A silent token refresh crossed a policy change or a new location, and the cached token no longer meets the policy.',
      'The user has not enrolled any MFA method yet (50079).',
    ],
    fixes: [
      'Use an interactive flow (authorization code with PKCE, or device code) so the user can complete MFA; with MSAL, catch the interaction-required error and call acquireToken interactively, passing the claims challenge if one is returned.',
      'For 50079, have the user register at https://aka.ms/mfasetup.',
      'For unattended automation, use a service principal (client credentials) or managed identity, not a user account.',
    ],
    sources: [src('AADSTS50076'), src('AADSTS50079'), CA, 'RFC 6749 §4.3'],
    match: [{ code: ['AADSTS50076', 'AADSTS50079'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS53003',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: blocked by Conditional Access (AADSTS53003 / AADSTS530003)',
    meaning:
      'A Conditional Access policy refused to issue the token: the sign-in does not meet its conditions (device not managed or compliant, location, client app, risk).',
    causes: [
      'The policy requires a managed or compliant device and the request comes from an unmanaged one (530003).',
      'The policy blocks this location, client app type or platform.',
    ],
    fixes: [
      "Look the request up in Microsoft Entra admin center > Sign-in logs (by the correlation ID in the message); the Conditional Access tab shows which policy failed.",
      'Meet the requirement (enrol the device in Intune, use a supported browser or app) or ask the admin for a policy exclusion.',
    ],
    sources: [src('AADSTS53003'), src('AADSTS530003'), CA],
    match: [{ code: ['AADSTS53003', 'AADSTS530003'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50105',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: the user is not assigned to the application (AADSTS50105)',
    meaning: 'The enterprise application requires user assignment and this user (or none of their groups) is assigned to it.',
    causes: ['"Assignment required?" is set to Yes on the enterprise application and the user is not assigned.', 'The user is assigned through a nested group, which assignment does not follow.'],
    fixes: [
      'Assign the user or a direct group in Microsoft Entra admin center > Enterprise applications > your app > Users and groups.',
      'Or set Properties > Assignment required? to No if every user of the tenant may sign in.',
    ],
    sources: [src('AADSTS50105')],
    match: [{ code: ['AADSTS50105'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50020',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: the account does not exist in this tenant (AADSTS50020 / AADSTS90072)',
    meaning:
      'The user signed in with an account from another tenant or a personal Microsoft account, and the tenant the request went to does not know that account.',
    causes: [
      'The app is registered as single tenant (or uses a tenant-specific authority) and a user from another organisation or a personal account signs in.',
      'A guest user has not been invited, or the invitation was not redeemed.',
      'The wrong account was picked in the browser (a personal account cached alongside the work one).',
    ],
    fixes: [
      'If outside users are expected, change App registrations > your app > Authentication > Supported account types (multitenant and/or personal accounts) and use the /organizations or /common authority.',
      'Otherwise invite the user as a B2B guest in the tenant and have them accept the invitation.',
      'Sign out and sign in with the work account of this tenant.',
    ],
    sources: [src('AADSTS50020'), src('AADSTS90072'), 'Microsoft identity platform: Tenancy in Microsoft Entra ID'],
    match: [{ code: ['AADSTS50020', 'AADSTS90072'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50126',
    provider: 'microsoft',
    finding: 'access_denied',
    severity: 'error',
    title: 'Microsoft Entra: invalid username or password (AADSTS50126)',
    meaning: 'The credentials of the user (not the client) were refused, typically in a username/password (ROPC) token request.',
    causes: [
      'Wrong username or password, or the password was not form-encoded (characters such as & + % in it).',
      'The account is federated (ADFS or another IdP), where ROPC cannot validate the password.',
      'The user must change the password first.',
    ],
    fixes: [
      'Form-encode the username and password in the request body.',
      'Prefer an interactive flow (authorization code with PKCE, or device code) over ROPC; ROPC does not work with federated accounts or MFA.',
    ],
    sources: [src('AADSTS50126'), 'Microsoft identity platform: OAuth 2.0 resource owner password credentials', 'RFC 6749 §4.3'],
    match: [{ code: ['AADSTS50126'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700054',
    provider: 'microsoft',
    finding: 'unauthorized_client',
    severity: 'error',
    title: "Microsoft Entra: response_type 'id_token' is not enabled for the app (AADSTS700054)",
    meaning:
      'The authorization request asks for an ID token straight from the authorization endpoint (implicit or hybrid flow), which the app registration does not allow.',
    causes: [
      'An OpenID Connect library defaults to response_type=id_token or "code id_token" (older ASP.NET OWIN/OpenIdConnect middleware, form_post).',
      'The "ID tokens" checkbox under implicit grant is not ticked.',
    ],
    fixes: [
      'Preferably switch the library to response_type=code with PKCE.',
      'Or tick App registrations > your app > Authentication > Implicit grant and hybrid flows > "ID tokens (used for implicit and hybrid flows)".',
    ],
    sources: [src('AADSTS700054'), 'Microsoft identity platform: OAuth 2.0 implicit grant flow', 'RFC 6749 §4.1.2.1'],
    match: [{ code: ['AADSTS700054'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS9002327',
    provider: 'microsoft',
    finding: 'invalid_request',
    severity: 'error',
    title: "Microsoft Entra: a 'Single-Page Application' code must be redeemed by the browser (AADSTS9002327)",
    meaning:
      'The redirect URI is registered under the Single-page application platform, so Microsoft Entra only redeems its codes through a cross-origin (CORS) request made by a browser, recognised by its Origin header. This token request came without one, so it looks like server-side code.',
    causes: [
      'Server-side code (a backend, NextAuth/Auth.js, passport, a confidential client) redeems a code for a redirect URI registered as SPA.',
      'A proxy or a server-side fetch in a framework strips or never sends the Origin header.',
    ],
    fixes: [
      'If the token exchange happens on a server: move the redirect URI to the Web platform (App registrations > your app > Authentication) and authenticate with a client secret or certificate.',
      'If it happens in the browser: let MSAL.js (msal-browser) do the exchange from the page so the request carries the Origin header.',
      'Do not add an Origin header by hand on a server to work around it: the SPA platform also gives only 24-hour refresh tokens.',
    ],
    sources: [src('AADSTS9002327'), 'Microsoft identity platform: Single-page application, app registration (redirect URI and CORS)', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS9002327'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS9002326',
    provider: 'microsoft',
    // The request is well formed; the client's registered type (Web, not SPA) does not allow this flow: general.unauthorized_client's own reading.
    finding: 'unauthorized_client',
    severity: 'error',
    title: "Microsoft Entra: cross-origin token redemption is only for 'Single-Page Application' redirect URIs (AADSTS9002326)",
    meaning:
      'A browser redeemed a code with a cross-origin request (it carried an Origin header), but the redirect URI is not registered under the Single-page application platform.',
    causes: [
      'A browser app (MSAL.js 2, oidc-client, a fetch from the page) uses a redirect URI registered under the Web platform.',
      'A backend forwards the browser\'s Origin header to the token endpoint.',
    ],
    fixes: [
      'Move the redirect URI to App registrations > your app > Authentication > Single-page application.',
      'If the exchange is meant to run on a server, do not forward the Origin header to login.microsoftonline.com.',
    ],
    sources: [src('AADSTS9002326'), 'Microsoft identity platform: Single-page application, app registration (redirect URI and CORS)'],
    match: [{ code: ['AADSTS9002326'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS90014',
    provider: 'microsoft',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Microsoft Entra: a required parameter is missing from the request (AADSTS90014 / AADSTS900144)',
    meaning:
      'The token or authorization request lacks a parameter Microsoft Entra needs; the message names it (grant_type, client_id, code, scope, ...).',
    causes: [
      'The token request body is sent as JSON instead of application/x-www-form-urlencoded, so none of the parameters are read.',
      'The request is a GET, or the parameters are in the query string instead of the POST body.',
      'A parameter is genuinely missing: scope on v2.0 endpoints, redirect_uri for the code grant, code_verifier with PKCE.',
    ],
    fixes: [
      'POST the token request with Content-Type: application/x-www-form-urlencoded and the parameters in the body.',
      'Add the parameter named in the message (e.g. scope=https://graph.microsoft.com/.default for client credentials on /oauth2/v2.0/token).',
    ],
    sources: [src('AADSTS90014'), src('AADSTS900144'), 'RFC 6749 §4.1.3', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS90014', 'AADSTS900144'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50194',
    provider: 'microsoft',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Microsoft Entra: a single-tenant app cannot use the /common endpoint (AADSTS50194)',
    meaning: 'The app is registered for one tenant only, but the request went to the /common (or /organizations) authority, which is only for multitenant apps.',
    causes: ['The authority URL uses /common because a sample or library default did.', 'The app registration was changed to single tenant after the code was written.'],
    fixes: [
      'Use the tenant-specific authority: https://login.microsoftonline.com/<Directory (tenant) ID>/.',
      'Or, if users of other tenants should sign in, change Supported account types to multitenant.',
    ],
    sources: [src('AADSTS50194'), 'Microsoft identity platform: Tenancy in Microsoft Entra ID'],
    match: [{ code: ['AADSTS50194'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS70011',
    provider: 'microsoft',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'Microsoft Entra: the scope is missing or not valid (AADSTS70011)',
    meaning:
      'The scope parameter is absent or contains a value Microsoft Entra cannot accept for this request; the message quotes the offending scope.',
    causes: [
      'Client credentials flow with a delegated scope (User.Read): app-only requests must use <resource>/.default.',
      "Scopes of two different resources in one request (Graph and your API), or .default mixed with other scopes of the same resource.",
      'A v1-style resource parameter used on the v2.0 endpoint, or a typo in the Application ID URI.',
    ],
    fixes: [
      'For client credentials use scope=https://graph.microsoft.com/.default (or api://<your API client id>/.default).',
      'Request tokens for one resource at a time; get a second token for the other resource.',
      'Copy the scope value from the API\'s Expose an API page (api://<id>/<scope name>).',
    ],
    sources: [src('AADSTS70011'), 'Microsoft identity platform: Scopes and permissions (.default scope)', 'RFC 6749 §3.3', 'RFC 6749 §5.2'],
    match: [{ code: ['AADSTS70011'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS500011',
    provider: 'microsoft',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'Microsoft Entra: the resource (API) was not found in the tenant (AADSTS500011)',
    meaning: 'The resource named in scope or resource does not exist as a service principal in this tenant, so no token can be issued for it.',
    causes: [
      'The Application ID URI in the scope is mistyped, or uses the URL form where the API uses api://<id> (or the reverse).',
      'A multitenant API has not been provisioned (consented) in the caller\'s tenant yet.',
      'The request goes to the wrong tenant.',
    ],
    fixes: [
      "Copy the Application ID URI from the API's app registration > Expose an API, and request <that URI>/.default or <that URI>/<scope>.",
      'For a multitenant API, have an admin of the calling tenant consent to it first.',
    ],
    sources: [src('AADSTS500011'), 'RFC 6749 §3.3'],
    match: [{ code: ['AADSTS500011'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700082',
    provider: 'microsoft',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the refresh token expired due to inactivity (AADSTS700082)',
    meaning:
      'The refresh token was not used for longer than its inactivity window (90 days), so it is no longer valid. The message gives the issue date and the allowed inactivity.',
    causes: ['The application stored a refresh token and did not use it for months.', 'A token cache restored from an old backup.'],
    fixes: [
      'Have the user sign in interactively again and store the new tokens.',
      'Use the refresh token regularly (MSAL does this from its cache) and treat invalid_grant on refresh as "reconnect needed".',
    ],
    sources: [src('AADSTS700082'), REFRESH, 'RFC 6749 §6'],
    match: [{ code: ['AADSTS700082'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS700084',
    provider: 'microsoft',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the single-page-app refresh token reached its 24-hour limit (AADSTS700084)',
    meaning:
      'Refresh tokens issued to redirect URIs of the Single-page application platform live 24 hours at most, and using them does not extend that. After that a new interactive (or iframe-silent) sign-in is needed.',
    causes: [
      'The SPA keeps a session longer than a day and keeps refreshing with the same token family.',
      'A backend redeems codes for an SPA redirect URI and expects long-lived refresh tokens.',
    ],
    fixes: [
      'In msal-browser, fall back to acquireTokenRedirect/Popup when acquireTokenSilent fails with this error (ssoSilent can renew while the Entra session cookie is still valid).',
      'For long-lived sessions, do the token handling on a server (backend-for-frontend) with a Web platform registration.',
    ],
    sources: [src('AADSTS700084'), REFRESH, 'RFC 6749 §6'],
    match: [{ code: ['AADSTS700084'] }],
    priority: P,
  },
  {
    key: 'microsoft.AADSTS50173',
    provider: 'microsoft',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Microsoft Entra: the grant was revoked, e.g. after a password change (AADSTS50173 / AADSTS50133)',
    meaning:
      "The refresh token (or session) was issued before the user's tokens-valid-from time: a password change or reset, or an admin revoking sessions, invalidated everything issued earlier.",
    causes: [
      'The user changed or reset the password.',
      'An administrator revoked the user\'s sessions (Revoke sessions in the admin center, or Revoke-MgUserSignInSession).',
      'The session expired (50133).',
    ],
    fixes: [
      'Send the user through an interactive sign-in again and replace the cached tokens.',
      'Handle invalid_grant on refresh by clearing the token cache for that account (MSAL: remove the account) and prompting.',
    ],
    sources: [src('AADSTS50173'), src('AADSTS50133'), REFRESH, 'RFC 6749 §6'],
    match: [{ code: ['AADSTS50173', 'AADSTS50133'] }],
    priority: P,
  },
];

/**
 * An AADSTS code from Microsoft's error reference, in one shape: code, finding, title, meaning,
 * causes, fixes, more sources, and anything else the entry needs (`extra`).
 */
export const aadsts = (
  code: string,
  finding: KnowledgeEntry['finding'],
  title: string,
  meaning: string,
  causes: readonly string[],
  fixes: readonly string[],
  more: readonly string[] = [],
  extra: Partial<KnowledgeEntry> = {},
): KnowledgeEntry => ({
  key: `microsoft.${code}`,
  provider: 'microsoft',
  finding,
  severity: 'error',
  title: `Microsoft Entra: ${title} (${code})`,
  meaning,
  causes,
  fixes,
  sources: [src(code), ...more],
  match: [{ code: [code] }],
  priority: P,
  ...extra,
});

export const moreMicrosoftEntries: readonly KnowledgeEntry[] = [
  aadsts('AADSTS650053', 'invalid_scope', 'a requested scope does not exist on the resource',
    'The app asked for a scope (permission) that the resource API does not define. Microsoft Entra answers it inside invalid_client or invalid_request, but the cause is the scope name, not the client credentials.',
    ['A typo in the scope, or a scope of another API (Graph vs your own API).', 'The API\'s app registration does not expose that scope (Expose an API > Scopes), or it was renamed.'],
    ['Compare the requested scope with the API\'s exposed scopes, as `api://<app-id>/<scope>` for your own APIs or the Graph permission name.', 'Use `<resource>/.default` to ask for the permissions configured on the app registration.'],
    [CONSENT]),
  aadsts('AADSTS65005', 'invalid_scope', 'the app asks for access to a resource it is not configured for',
    'The application requires access to a resource that is not in its required permissions, or the resource (API) is not found in the tenant.',
    ['The API is not listed under API permissions of the app registration.', 'The resource\'s identifier (application ID URI) is wrong or the API is registered in another tenant.'],
    ['Add the API and its permissions under App registrations > your app > API permissions, then grant consent.', 'Check the resource / scope prefix against the API\'s application ID URI.'],
    [CONSENT]),
  aadsts('AADSTS70016', 'authorization_pending', 'the user has not completed the device code sign-in yet',
    'Device code flow: the token endpoint answers authorization_pending while the user has not finished signing in at the verification page.',
    ['The user is still signing in (expected while polling).'],
    ['Keep polling at the interval given until expires_in has passed.']),
  aadsts('AADSTS50196', 'rate_limited', 'the client is in a request loop',
    'Microsoft Entra stopped the request because the client sent the same request again and again (a loop), usually a token request repeated instead of a cached token.',
    ['The app asks for a new token on every call instead of caching it until shortly before it expires.', 'A failing sign-in is retried at once in a loop.'],
    ['Cache tokens (MSAL does this: call acquireTokenSilent first) and retry failures with backoff.']),
  aadsts('AADSTS500133', 'expired_token', 'the assertion is not within its valid time range',
    'A token presented as an assertion (on-behalf-of flow, client assertion or federated credential) has expired or is not valid yet at the time Microsoft Entra checks it.',
    ['The incoming access token used for on-behalf-of had already expired.', 'The clock of the machine that made a client assertion is off.'],
    ['Get a fresh incoming token (or make the assertion at the time of the request) and retry.', 'Synchronise the clock of the machine that signs assertions.']),
  aadsts('AADSTS90002', 'wrong_endpoint', 'the tenant was not found',
    'The tenant in the authority URL (a domain or a tenant ID) does not exist, or the request went to the wrong cloud.',
    ['A typo in the tenant name or ID in the authority URL.', 'A national cloud tenant used with the public cloud endpoint, or the reverse.'],
    ['Copy the Directory (tenant) ID from the app registration and use https://login.microsoftonline.com/<tenant-id>/v2.0 as the authority.']),
  aadsts('AADSTS90019', 'wrong_endpoint', 'the tenant cannot be determined from the request',
    'The request went to an endpoint without a tenant (/common or /organizations) for an app or flow that needs a tenant-specific one.',
    ['A single-tenant app or client_credentials request sent to /common.'],
    ['Use the tenant-specific authority: https://login.microsoftonline.com/<tenant-id>/.']),
  aadsts('AADSTS50034', 'access_denied', 'the user account does not exist in the directory',
    'The signed-in account is not in this tenant.',
    ['The user signs in with an account of another tenant or a personal account.', 'The user was deleted or never added.'],
    ['Add the user (or invite them as a guest), or make the app multi-tenant if outside users are expected.']),
  aadsts('AADSTS50057', 'access_denied', 'the user account is disabled',
    'The account exists but is disabled by an administrator.', ['The account was blocked from signing in.'], ['Ask an administrator to enable the account (Users > the user > Account enabled).']),
  aadsts('AADSTS50055', 'access_denied', 'the user\'s password has expired',
    'The user must change their password before signing in.', ['The password is past its expiry policy.'], ['Have the user sign in interactively and change the password, or reset it.']),
  aadsts('AADSTS50058', 'access_denied', 'a silent sign-in found no signed-in user',
    'A request with prompt=none (or a silent token request) reached Microsoft Entra without a session for the user, so it cannot answer without showing a page.',
    ['Third-party cookies are blocked for a hidden iframe, or the user signed out.', 'The session expired.'],
    ['Fall back to an interactive sign-in (loginRedirect / acquireTokenRedirect) when silent renewal fails with this code.']),
  aadsts('AADSTS90094', 'access_denied', 'an administrator has to consent to the permissions',
    'The app asks for permissions that only an administrator may grant, or user consent is disabled in the tenant.',
    ['The permissions require admin consent, or the tenant does not allow users to consent.'],
    ['Ask an administrator to grant consent for the tenant (API permissions > Grant admin consent), or reduce the permissions requested.'],
    [CONSENT]),
  aadsts('AADSTS7000112', 'unauthorized_client', 'the application is disabled',
    'The app (or its service principal in this tenant) is disabled, so no tokens are issued for it.',
    ['An administrator disabled the enterprise application for sign-in.'],
    ['Enable it: Enterprise applications > the app > Properties > Enabled for users to sign in.']),
  aadsts('AADSTS900971', 'redirect_uri_mismatch', 'no reply address was provided',
    'The request carried no redirect_uri and Microsoft Entra cannot choose one.',
    ['redirect_uri missing from the authorization request.'],
    ['Send the redirect_uri registered for the app in the request.'],
    [REDIRECT]),
  aadsts('AADSTS70043', 'refresh_token_rejected', 'the refresh token expired through a sign-in frequency policy',
    'Conditional Access sign-in frequency requires the user to sign in again, so the refresh token is no longer accepted.',
    ['A Conditional Access policy with a sign-in frequency applies to the user or app.'],
    ['Send the user through an interactive sign-in; store the new refresh token.'],
    [REFRESH, CA]),
  aadsts('AADSTS90061', 'network_error', 'a request to an external OIDC endpoint failed',
    'Microsoft Entra had to fetch another issuer\'s metadata or keys (a federated credential\'s issuer, an external identity provider) and could not reach it.',
    ['The external issuer URL is wrong or not reachable from the internet (a private cluster\'s OIDC issuer, a typo).', 'The issuer\'s discovery document or JWKS is not served publicly.'],
    ['Check that `<issuer>/.well-known/openid-configuration` and its jwks_uri answer from the internet, and that the federated credential names that exact issuer.']),
  aadsts('AADSTS9002313', 'invalid_request', 'the request is malformed',
    'Microsoft Entra could not read the request: a parameter is missing, malformed or sent twice.',
    ['A parameter was sent twice or not URL-encoded; the token request body is not form-encoded.'],
    ['Compare the request with the documented authorization-code or token request, parameter by parameter.'],
    [AUTH_CODE_FLOW]),
];

const B2C = 'Azure AD B2C documentation: Error codes';
/** Azure AD B2C codes (AADB2C...), in the same shape. */
const aadb2c = (code: string, finding: KnowledgeEntry['finding'], title: string, meaning: string, fixes: readonly string[]): KnowledgeEntry => ({
  key: `microsoft.${code}`,
  provider: 'microsoft',
  finding,
  severity: 'error',
  title: `Azure AD B2C: ${title} (${code})`,
  meaning,
  causes: [],
  fixes,
  sources: [`${B2C} (${code})`],
  match: [{ code: [code] }],
  priority: P,
});

export const b2cEntries: readonly KnowledgeEntry[] = [
  aadb2c('AADB2C90006', 'redirect_uri_mismatch', 'the redirect URI is not registered for the application', 'The redirect_uri of the request is not one of the reply URLs of the B2C application registration.', ['Add the exact redirect URI to the app registration in the B2C tenant, or send the registered one.']),
  aadb2c('AADB2C90057', 'unauthorized_client', 'the application may not use this flow', 'The application is not configured for the flow it asked for (for example the implicit flow for ID or access tokens).', ['Enable the flow (App registrations > your app > Authentication, implicit grant tokens), or use the authorization code flow with PKCE.']),
  aadb2c('AADB2C90079', 'invalid_client', 'a confidential client must send its client_secret', 'The application redeemed a code or refresh token as a confidential client without a client secret.', ['Send the client secret with the token request, or register the application as a public client (SPA or mobile) and use PKCE.']),
  aadb2c('AADB2C90080', 'refresh_token_rejected', 'the grant has expired', 'The refresh token (or code) is past its lifetime.', ['Sign the user in again; adjust the refresh token lifetime in the user flow if sessions end too soon.']),
  aadb2c('AADB2C90085', 'server_error', 'the service had an internal error', 'Azure AD B2C failed while handling the request; often passing, sometimes caused by a misconfigured policy.', ['Retry with backoff; if it persists, check the policy or user flow configuration and the tenant\'s service health.']),
  aadb2c('AADB2C90091', 'access_denied', 'the user cancelled', 'The user cancelled the sign-up or sign-in journey.', ['Treat it as a normal outcome and return the user to the start page.']),
  aadb2c('AADB2C90118', 'access_denied', 'the user chose to reset the password', 'The user selected "Forgot your password?" in a sign-in user flow that does not handle it.', ['Catch this code and redirect to the password reset user flow, or use a combined sign-in flow with self-service password reset.']),
  aadb2c('AADB2C90129', 'refresh_token_rejected', 'the grant has been revoked', 'The refresh token was revoked (user sign-out, password change, administrator revocation).', ['Sign the user in again and store the new refresh token.']),
];
