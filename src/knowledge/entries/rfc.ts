import type { KnowledgeEntry } from '../types.js';

/**
 * The error codes of RFC 6749 (token endpoint §5.2, authorization endpoint §4.1.2.1), RFC 6750 §3.1
 * (protected resources) and RFC 7636 §4.6 (PKCE), plus `redirect_uri_mismatch`, the common non-RFC code.
 * Generic: no priority, so a provider's own entry for the same answer wins.
 */
export const rfcEntries: readonly KnowledgeEntry[] = [
  {
    key: 'rfc6749.invalid_request',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The server says the request is malformed (invalid_request)',
    meaning:
      'The authorization or token endpoint could not read the request: a required parameter is missing, a parameter appears twice, a value is not allowed, ' +
      'or the body is not in the expected format. It is a complaint about the shape of the request, not about who sent it.',
    causes: [
      'A required parameter is missing: grant_type, code, redirect_uri, client_id (authorization request: response_type or client_id).',
      'The token request body was sent as JSON instead of application/x-www-form-urlencoded, so the server saw no parameters at all.',
      'A parameter was sent twice, e.g. once in the query string and once in the body, or client_id both in the body and in an Authorization header.',
      'A value is malformed: a scope list with the wrong separator, an unencoded redirect_uri, a code_challenge that is not base64url.',
    ],
    fixes: [
      'Read error_description: most servers name the parameter they did not like.',
      'POST the token request with `Content-Type: application/x-www-form-urlencoded` and a url-encoded body (`grant_type=authorization_code&code=...&redirect_uri=...`), never JSON.',
      'Send each parameter once, in one place; URL-encode values such as redirect_uri and scope.',
      'Compare your request with the provider\'s documented example parameter by parameter.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §4.1.2.1', 'RFC 6749 §4.1.3'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['invalid_request'] }],
    // The widest code of all: any phrase that names the parameter or cause reads more into it.
    priority: -1,
  },
  {
    key: 'rfc6750.invalid_request',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The API rejected the way the token was sent (Bearer invalid_request)',
    meaning:
      'A protected resource answered with a Bearer challenge carrying error="invalid_request": the request itself is malformed, often because the access token ' +
      'was supplied in more than one way or a required parameter is missing. The server should answer this with HTTP 400.',
    causes: [
      'The access token was sent twice: in the Authorization header and also as an access_token query or body parameter.',
      'The Authorization header is malformed, e.g. `Bearer` without a token, `Bearer: <token>`, or a token with quotes or line breaks.',
      'A parameter the API requires is missing or repeated.',
    ],
    fixes: [
      'Send the token exactly once, as `Authorization: Bearer <token>` (one space, no quotes), and drop any access_token query parameter.',
      'Check the header value for stray characters; `oauth-doctor decode` shows and cleans what was pasted.',
      'Read error_description in the WWW-Authenticate header for the parameter the API objects to.',
    ],
    sources: ['RFC 6750 §3.1', 'RFC 6750 §2'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 400 Bad Request?)'],
    match: [{ code: ['invalid_request'], challenge: 'Bearer' }],
  },
  {
    key: 'rfc6749.invalid_request_redirect_uri',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'The redirect_uri parameter was refused (invalid_request)',
    meaning:
      'The server answered invalid_request and its description names redirect_uri: the redirect_uri sent is missing, malformed, or not one registered for the client.',
    causes: [
      'The redirect_uri differs from the registered one in scheme, host, port, path or trailing slash (http vs https, localhost vs 127.0.0.1).',
      'redirect_uri is missing from a request where the client has several registered URIs, or it is not URL-encoded.',
      'The token request uses a different redirect_uri from the authorization request.',
    ],
    fixes: [
      'Copy the redirect URI registered in the provider console into your configuration character for character.',
      'Send the same redirect_uri, URL-encoded, in the authorization request and in the token request.',
      'Register every redirect URI you actually use (one per environment) instead of relying on a default.',
    ],
    sources: ['RFC 6749 §3.1.2', 'RFC 6749 §4.1.3'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, exact redirect_uri match)'],
    match: [{ code: ['invalid_request'], text: /redirect[\s_-]?ur[il](?!\s*=)/i }],
  },
  {
    key: 'rfc6749.invalid_client',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Client authentication failed (invalid_client)',
    meaning:
      'The token endpoint could not authenticate the client: it does not know the client_id, the secret is wrong, or the client authenticated in a way the ' +
      'server does not accept (secret in the body when HTTP Basic is expected, or the reverse). A server should answer HTTP 401 when the client tried HTTP Basic.',
    causes: [
      'The client_secret is wrong, expired, or belongs to another client or environment (staging vs production).',
      'The client authenticates with the wrong method: client_secret_post (id and secret in the body) where the server is configured for client_secret_basic, or the reverse.',
      'The client_id is unknown to this authorization server (wrong tenant, realm or issuer URL).',
      'The HTTP Basic header was built without URL-encoding the id and secret first, so a secret with special characters breaks.',
      'A public client (SPA, mobile app) sent no secret to a server that registered it as confidential.',
    ],
    fixes: [
      'Copy client_id and client_secret again from the provider console and check they belong to the same application and environment.',
      'Find the token endpoint authentication method registered for the client (token_endpoint_auth_method) and use it: for client_secret_basic send `Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))` and leave the secret out of the body.',
      'Check that the token URL belongs to the same tenant / realm as the client.',
      'If the secret was rotated, update every deployment that uses it.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1'],
    provenance: ['000_771f3fde50da5341.txt (Thinktecture AuthorizationServer invalid_client)', '002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [
      { code: ['invalid_client'] },
      // A token endpoint answers 401 for failed client authentication (RFC 6749 §5.2), even when a library hides the body.
      { status: [401], context: ['token_endpoint'], hasCode: false },
    ],
  },
  {
    key: 'rfc6749.invalid_client_basic_challenge',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Client authentication failed and the server asks for HTTP Basic',
    meaning:
      'The token endpoint answered invalid_client with a `WWW-Authenticate: Basic` challenge: it expects the client to authenticate with an HTTP Basic ' +
      'Authorization header, and the credentials it received (or did not receive) there were not accepted.',
    causes: [
      'The client sent client_id and client_secret in the request body, but the server only reads them from the Authorization header.',
      'The Basic header was built from raw values; RFC 6749 requires each of id and secret to be form-URL-encoded before joining them with ":" and base64-encoding.',
      'The secret is wrong or belongs to another client.',
    ],
    fixes: [
      'Send `Authorization: Basic base64(urlencode(client_id) + ":" + urlencode(client_secret))` on the token request.',
      'Remove client_secret from the body once the header is sent; some servers reject a request that uses two authentication methods.',
      'Re-copy the secret from the provider console if the header is already right.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1'],
    provenance: ['000_771f3fde50da5341.txt (Thinktecture AuthorizationServer invalid_client)'],
    match: [{ code: ['invalid_client'], challenge: 'Basic' }],
  },
  {
    key: 'rfc6749.invalid_grant',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'The authorization code (or refresh token) was refused (invalid_grant)',
    meaning:
      'The token endpoint refused the grant it was given. invalid_grant is the same answer for an authorization code, a refresh token, a password or a JWT assertion, ' +
      'and nothing in this input says which was sent: the grant_type of the failing request tells. For a code: it is invalid, expired, already used, issued to another client, ' +
      'or does not match the redirect_uri or PKCE verifier of the authorization request. For a refresh token, see the second finding.',
    causes: [
      'The authorization code was already exchanged once: a page reload, a retried callback or two handlers ran the exchange twice.',
      'The code expired: codes live for minutes (10 minutes at most is the RFC\'s advice), so a slow or delayed exchange fails.',
      'The code was issued to another client_id, or the redirect_uri in the token request differs from the one in the authorization request.',
      'A PKCE code_verifier is missing or does not match the code_challenge (see the PKCE-specific finding when the description mentions it).',
      'The user revoked access or the session behind the code ended.',
    ],
    fixes: [
      'Start the login again to get a fresh code, and exchange it exactly once, immediately after the callback.',
      'Make the callback handler idempotent: do not exchange the same code on reload or retry.',
      'Send the same client_id and the same redirect_uri in the token request as in the authorization request.',
      'If the grant was a refresh token, see refresh_token_rejected: the user has to sign in again.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §4.1.2'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, 10-minute code lifetime)'],
    match: [{ code: ['invalid_grant'] }],
  },
  {
    key: 'rfc7636.invalid_grant_pkce',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'The PKCE code_verifier did not match (invalid_grant)',
    meaning:
      'The token endpoint refused the code because the PKCE check failed: the code_verifier sent with the token request is missing, or its transformation ' +
      'does not equal the code_challenge sent with the authorization request.',
    causes: [
      'The code_verifier was regenerated between the authorization request and the callback (a new value per page load, or stored in a session that was lost).',
      'The challenge method differs: S256 declared but the plain verifier sent as challenge, or the reverse.',
      'The challenge was encoded with standard base64 (with "+", "/" or "=" padding) instead of base64url without padding.',
      'The verifier is shorter than 43 or longer than 128 characters, or uses characters outside [A-Za-z0-9-._~].',
      'The authorization request had no code_challenge but the token request sent a code_verifier, or the reverse.',
    ],
    fixes: [
      'Generate the code_verifier once per login, store it (session or secure storage) and send that same value in the token request.',
      'Compute code_challenge = BASE64URL(SHA256(ASCII(code_verifier))) with no padding, and send code_challenge_method=S256.',
      'Check the verifier length (43-128) and character set.',
      'Start a fresh login after fixing it: the failed code cannot be reused.',
    ],
    sources: ['RFC 7636 §4.1', 'RFC 7636 §4.2', 'RFC 7636 §4.6', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant'], text: /code[\s_-]?verifier(?!\s*=)|\bpkce\b|code[\s_-]?challenge(?!\s*=)/i }],
  },
  {
    key: 'rfc6749.invalid_grant_redirect_uri',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'The redirect_uri of the token request does not match (invalid_grant)',
    meaning:
      'The code was refused because the redirect_uri sent to the token endpoint is not identical to the one used in the authorization request that produced it.',
    causes: [
      'The token request sends a different redirect_uri (another path, a trailing slash, http vs https behind a proxy, an extra query string).',
      'The token request omits redirect_uri although the authorization request included it.',
      'A framework builds the callback URL from the incoming request and sees the internal host or scheme of a reverse proxy.',
    ],
    fixes: [
      'Use one configured redirect URI constant for both the authorization request and the token request.',
      'Behind a reverse proxy, configure the public callback URL explicitly (or trust X-Forwarded-Proto / X-Forwarded-Host) so https and the public host are used.',
      'Start a fresh login after fixing it: the failed code cannot be reused.',
    ],
    sources: ['RFC 6749 §4.1.3', 'RFC 6749 §5.2'],
    match: [{ code: ['invalid_grant'], text: /redirect[\s_-]?ur[il](?!\s*=)/i }],
  },
  {
    key: 'oauth.redirect_uri_mismatch',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'The redirect_uri is not registered for this client (redirect_uri_mismatch)',
    meaning:
      'The provider compared the redirect_uri in the request with the URIs registered for the client and found no exact match. This code is not in RFC 6749 ' +
      'but is used by Google, GitHub and others; the RFC requires the comparison.',
    causes: [
      'A difference in scheme, host, port, path or trailing slash: http://localhost:3000/callback vs http://127.0.0.1:3000/callback/.',
      'The URI used in this environment (staging, a preview deployment, a new port) was never registered.',
      'The app builds the callback URL from the request behind a proxy and sends http or an internal host name.',
      'The token request sends a different redirect_uri from the authorization request.',
    ],
    fixes: [
      'Open the client\'s settings in the provider console and add the exact URI your app sends (look at the redirect_uri parameter of the authorization URL).',
      'Or change your app\'s callback setting to the URI that is registered, character for character.',
      'Send the same redirect_uri in the authorization and the token request.',
      'Behind a proxy, set the public callback URL explicitly instead of deriving it from the incoming request.',
    ],
    sources: ['RFC 6749 §3.1.2', 'RFC 6749 §3.1.2.4', 'GitHub Docs: Troubleshooting OAuth app access token request errors (redirect_uri_mismatch)'],
    provenance: ['003_86f37ce835789711.txt (redirect_uri_mismatch)', '002_8a173236cfaf1cfa.txt (authorization-code integration guide, exact redirect_uri match)'],
    // invalid_redirect_uri: RFC 7591 §3.2.2's code, also what oidc-provider answers on an authorization request.
    match: [{ code: ['redirect_uri_mismatch', 'invalid_redirect_uri'] }],
  },
  {
    key: 'rfc6749.unauthorized_client',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'This client may not use this grant or response type (unauthorized_client)',
    meaning:
      'The client was identified, but its registration does not allow the flow it asked for: the grant_type at the token endpoint, or the response_type at the authorization endpoint.',
    causes: [
      'The grant type is not enabled for the client (client_credentials, refresh_token, password or device_code switched off in the console).',
      'The implicit or hybrid flow (response_type=token / id_token) is disabled for the client.',
      'The application was registered as a type that excludes the flow (a public SPA asking for client_credentials, a machine client asking for authorization_code).',
    ],
    fixes: [
      'Enable the grant type you use in the client\'s settings in the provider console (often called "Grant types" or "Allowed flows").',
      'Or switch your code to a flow the client allows, usually authorization_code with PKCE.',
      'Register a separate client of the right type for machine-to-machine calls.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §4.1.2.1'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['unauthorized_client'] }],
  },
  {
    key: 'rfc6749.unsupported_response_type',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'The authorization server does not hand out this response type (unsupported_response_type)',
    meaning:
      'The authorization endpoint does not issue what response_type asked for, at least not to this client: typically `token` (implicit flow) or an ' +
      'OpenID Connect hybrid value that the server or the client registration has disabled.',
    causes: [
      'response_type=token or id_token token is used while the implicit flow is disabled (it is deprecated by current OAuth security advice).',
      'response_type is misspelled or carries values in an unsupported combination.',
      'The client registration allows only the code flow.',
    ],
    fixes: [
      'Use response_type=code with PKCE, and exchange the code at the token endpoint.',
      'If you really need another response type, enable it for the client in the provider console and check the server\'s response_types_supported in its discovery document.',
    ],
    sources: ['RFC 6749 §4.1.2.1', 'RFC 6749 §3.1.1'],
    match: [{ code: ['unsupported_response_type'] }],
  },
  {
    key: 'rfc6749.unsupported_grant_type',
    finding: 'unsupported_grant_type',
    severity: 'error',
    title: 'The token endpoint does not support this grant_type (unsupported_grant_type)',
    meaning: 'The authorization server does not know or does not support the grant_type value sent to its token endpoint.',
    causes: [
      'grant_type is missing or misspelled (authorisation_code, refresh-token), or sent in a JSON body the server does not read.',
      'The server does not implement the grant at all (password or implicit grants removed, device_code not offered).',
      'The request went to another server\'s token endpoint than intended.',
    ],
    fixes: [
      'Send grant_type=authorization_code, refresh_token or client_credentials exactly, in a form-encoded body.',
      'Check grant_types_supported in the server\'s /.well-known/openid-configuration or oauth-authorization-server document.',
      'Check that the token URL belongs to the provider you intend.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 8414 §2'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['unsupported_grant_type'] }, { codeLike: /grant_?type/ }],
  },
  {
    key: 'rfc7009.unsupported_token_type',
    finding: 'unsupported_token_type',
    severity: 'error',
    title: 'The server does not revoke or introspect this type of token (unsupported_token_type)',
    meaning:
      'RFC 7009 defines unsupported_token_type for a revocation endpoint that does not support revoking the token type given; servers also answer it at introspection. The token was not revoked (or not looked at).',
    causes: [
      'The token is a self-contained JWT access token: several servers neither revoke nor introspect those, since resource servers check them locally until they expire.',
      'The server revokes only refresh tokens (or only access tokens), and this is the other kind.',
      'The token_type_hint names another type than the token is, and the server does not look further.',
    ],
    fixes: [
      'Revoke the refresh token (or end the grant or session) instead: that stops new access tokens; a JWT access token lives until its exp, so keep its lifetime short.',
      'Send the right token_type_hint (access_token or refresh_token), or none.',
      'Verify a JWT access token with the issuer\'s keys (`oauth-doctor decode --issuer`) rather than introspecting it.',
    ],
    sources: ['RFC 7009 §2.2.1', 'RFC 7662 §2.1'],
    match: [{ code: ['unsupported_token_type'] }],
  },
  {
    key: 'rfc6749.invalid_scope',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'A requested scope is not acceptable (invalid_scope)',
    meaning:
      'The requested scope is invalid, unknown, malformed, or goes beyond what this client may ask for; on a refresh, it asks for more than the original grant.',
    causes: [
      'A scope name is misspelled or belongs to another provider or API version.',
      'Scopes are joined with commas or "+" signs where the server expects spaces (URL-encoded as %20).',
      'The scope is not enabled for this client, or requires review / admin approval first.',
      'A refresh request asks for a scope not granted originally.',
    ],
    fixes: [
      'Compare each scope with the provider\'s scope list (scopes_supported in its discovery document).',
      'Join scopes with single spaces and URL-encode the value.',
      'Enable or request the scope for the client in the provider console.',
      'On refresh, omit scope or ask for a subset of the original scopes.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §3.3', 'RFC 6749 §4.1.2.1'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['invalid_scope'] }],
  },
  {
    key: 'rfc6749.access_denied',
    finding: 'access_denied',
    severity: 'error',
    title: 'Authorization was refused (access_denied)',
    meaning:
      'The user declined the consent screen, or the authorization server refused the request on its own (policy, the user is not assigned to the app, ' +
      'the app is restricted). It arrives on the redirect back to your callback as ?error=access_denied.',
    causes: [
      'The user clicked Cancel / Deny on the consent screen.',
      'The user is not allowed to use the application (not assigned, not a test user of an app in testing mode, blocked by an admin policy).',
      'The app asks for a scope the user or the organisation does not allow.',
    ],
    fixes: [
      'Handle error=access_denied on the callback: show a message and offer to sign in again instead of failing with a 500.',
      'If the user did not cancel, read error_description and check the app\'s user assignment, test-user list or admin consent in the provider console.',
      'Request fewer scopes if a policy blocks some of them.',
    ],
    sources: ['RFC 6749 §4.1.2.1'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['access_denied'] }],
  },
  {
    key: 'rfc6749.server_error',
    finding: 'server_error',
    severity: 'warning',
    title: 'The authorization server failed (server_error)',
    meaning:
      'The authorization server hit an unexpected condition. The code exists because an HTTP redirect cannot carry a 500 status back to the client.',
    causes: [
      'A fault or outage on the provider side.',
      'A request the server does not handle well (an unusual parameter value, a very long state) that triggers an internal error.',
    ],
    fixes: [
      'Retry after a short pause; if it persists, check the provider\'s status page.',
      'Keep the request id / correlation id from the response and give it to the provider\'s support.',
      'Try a minimal authorization request (only required parameters) to find a parameter that triggers the failure.',
    ],
    sources: ['RFC 6749 §4.1.2.1'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, error codes)'],
    match: [{ code: ['server_error'] }],
  },
  {
    key: 'rfc6749.temporarily_unavailable',
    finding: 'server_error',
    severity: 'warning',
    title: 'The authorization server is temporarily unavailable (temporarily_unavailable)',
    meaning:
      'The authorization server is overloaded or under maintenance and cannot handle the request now; the redirect carries this code instead of a 503.',
    causes: ['Temporary overload or maintenance at the provider.'],
    fixes: [
      'Retry later with exponential backoff (1 s, 2 s, 4 s ...).',
      'Check the provider\'s status page.',
    ],
    sources: ['RFC 6749 §4.1.2.1'],
    match: [{ code: ['temporarily_unavailable'] }],
  },
  {
    key: 'rfc6750.invalid_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The API did not accept the access token (invalid_token)',
    meaning:
      'The protected resource refused the access token: it is expired, revoked, malformed, signed by a key the API does not trust, or issued for another ' +
      'audience or issuer. The API should answer HTTP 401 with a Bearer challenge; the client should get a new token.',
    causes: [
      'The token expired (check its exp with `oauth-doctor decode`).',
      'The token was issued for another API: its aud claim does not match what this API expects (e.g. an ID token or a Graph token sent to your own API).',
      'The token was issued by another tenant / realm / environment than the API trusts (iss mismatch), or signed with a key the API cannot find in the JWKS.',
      'The token was revoked or the user\'s session ended.',
      'The token was truncated or altered when it was copied (quotes, line breaks, a missing "Bearer " prefix).',
    ],
    fixes: [
      'Decode the token with `oauth-doctor decode` and compare exp, aud and iss with what the API expects.',
      'Request the token for the right audience / resource / scope of this API.',
      'Refresh the token (or sign in again) and retry once.',
      'Send it as `Authorization: Bearer <token>` with nothing else around it.',
    ],
    sources: ['RFC 6750 §3.1'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 401 Unauthorized?)'],
    match: [{ code: ['invalid_token'] }],
  },
  {
    key: 'rfc6750.invalid_token_expired',
    finding: 'expired_token',
    severity: 'error',
    title: 'The access token has expired',
    meaning:
      'The API refused the access token with invalid_token and says it expired: its lifetime (the exp claim or the server\'s record) is over. ' +
      'The token itself may be fine otherwise; a new one is needed.',
    causes: [
      'The client kept using the token past expires_in instead of refreshing it in time.',
      'The client does not refresh at all, so every session ends when the first access token does.',
      'The clocks of the API server and the token issuer disagree, so a fresh token looks expired.',
    ],
    fixes: [
      'Refresh the access token with the refresh token before exp (a minute early), or on a 401 retry once after refreshing.',
      'Track expires_in from the token response rather than waiting for the API to refuse.',
      'If the token was just issued, compare the exp / iat claims (`oauth-doctor decode`) with the API host\'s clock and sync both with NTP.',
    ],
    sources: ['RFC 6750 §3.1', 'RFC 6749 §5.1'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 401 Unauthorized?, expired token example)'],
    match: [
      {
        code: ['invalid_token'],
        text: /\bexpired\b|\bexpiry\b|\bexpiration\b/i,
        // oauthlib's "expired, revoked, malformed, or invalid for other reasons" lists possibilities: that is invalid_token.
        notText: /expired,? or |or expired|expired, revoked|expired, disabled|expired\/|\/expired|expired or (?:invalid|revoked)|invalid or expired/i,
      },
    ],
  },
  {
    key: 'rfc6750.insufficient_scope',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'The token is valid but lacks the scope this call needs (insufficient_scope)',
    meaning:
      'The API accepted who you are but the access token does not carry the scope or permission required for this request. It answers HTTP 403, ' +
      'optionally naming the scope it needs in the challenge\'s scope parameter.',
    causes: [
      'The app did not request the scope when the user signed in.',
      'The user or an admin granted only some of the requested scopes.',
      'The token is for the right API but the role / permission was added after the token was issued.',
    ],
    fixes: [
      'Read the scope parameter in the WWW-Authenticate header (or the API docs) and add that scope to the authorization request.',
      'Make the user consent again so a token with the new scope is issued (a refresh keeps the old scopes).',
      'Decode the token (`oauth-doctor decode`) and check its scope / scp / roles claim.',
    ],
    sources: ['RFC 6750 §3.1'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 403 Forbidden?)'],
    match: [{ code: ['insufficient_scope'] }],
  },
  {
    key: 'oidc.login_required',
    finding: 'access_denied',
    severity: 'error',
    title: 'The provider needs the user to sign in, but no page may be shown (login_required)',
    meaning:
      'The request asked for a silent answer (prompt=none, often a hidden iframe or a background token renewal) and the user has no session at the provider, ' +
      'so it cannot answer without showing its login page.',
    causes: [
      'The user\'s session at the provider ended (signed out, session lifetime over).',
      'The browser blocks the provider\'s cookies in an iframe (third-party cookie blocking), so silent renewal never sees the session.',
    ],
    fixes: [
      'Catch this error and start a normal, interactive sign-in (without prompt=none).',
      'Renew tokens with a refresh token instead of silent iframe renewal where third-party cookies are blocked.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.2.6 (login_required)'],
    match: [{ code: ['login_required'] }],
  },
  {
    key: 'oidc.consent_required',
    finding: 'access_denied',
    severity: 'error',
    title: 'The user must consent, but no page may be shown (consent_required)',
    meaning:
      'The request asked for a silent answer (prompt=none) and the user has not yet consented to the scopes requested, so the provider cannot answer without its consent page.',
    causes: ['A scope was added to the request that the user never approved.', 'The earlier consent was revoked or expired.'],
    fixes: ['Run an interactive authorization (prompt=consent) once so the user can approve the scopes, then silent requests work again.'],
    sources: ['OpenID Connect Core 1.0 §3.1.2.6 (consent_required)'],
    match: [{ code: ['consent_required'] }],
  },
  {
    key: 'oidc.interaction_required',
    finding: 'access_denied',
    severity: 'error',
    title: 'The provider needs the user on its pages (interaction_required)',
    meaning:
      'The request asked for a silent answer (prompt=none), but the provider needs some interaction first: choosing an account, a second factor, accepting terms.',
    causes: ['Multi-factor authentication or a policy requires a step the silent request cannot do.', 'Several accounts are signed in and one must be chosen (account_selection_required).'],
    fixes: ['Start an interactive authorization without prompt=none and let the user finish the step.'],
    sources: ['OpenID Connect Core 1.0 §3.1.2.6 (interaction_required, account_selection_required)'],
    match: [{ code: ['interaction_required', 'account_selection_required'] }],
  },
  {
    key: 'oauth.grant_type_not_allowed',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'This client may not use the grant it asked for',
    meaning:
      'The client authenticated, but its registration does not allow this grant type (client_credentials, refresh_token, password...). ' +
      'RFC 6749 §5.2 names this unauthorized_client; several servers (oidc-provider among them) answer invalid_request with a sentence instead.',
    causes: ['The grant type is not enabled for the client in the provider.', 'A user-facing client is used for a machine-to-machine call (client_credentials).'],
    fixes: [
      'Enable the grant type for this client in the provider (grant_types in its registration).',
      'Use a client registered for this grant: a separate machine client for client_credentials.',
    ],
    sources: ['RFC 6749 §5.2 (unauthorized_client)', 'RFC 7591 §2 (grant_types)'],
    // oidc-provider names the grant by its URN: "urn:ietf:params:oauth:grant-type:device_code is not allowed for this client".
    match: [{ code: ['invalid_request', 'invalid_grant', 'unauthorized_client'], text: /grant[ _-]type\b[^.]{0,40}\bnot (?:allowed|permitted|authorized|enabled)/i }],
  },
];
