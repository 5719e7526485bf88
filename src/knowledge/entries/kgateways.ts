import type { KnowledgeEntry } from '../types.js';

/**
 * What reverse proxies, API gateways, service meshes and cluster authenticators print when an
 * OIDC login or a bearer token fails: mod_auth_openidc, lua-resty-openidc, oauth2-proxy, Envoy's
 * jwt_authn filter (jwt_verify_lib) and Istio, Kong's jwt and oauth2 plugins, HashiCorp Vault's
 * JWT/OIDC auth method, kube-apiserver's OIDC authenticator and kubectl, and the AWS Application
 * Load Balancer's authenticate action.
 *
 * Most of them phrase a common cause in their own words ("Audiences in Jwt are not allowed",
 * "could not find key with kid", "state has expired"); those are GENERAL entries keyed on the
 * phrasing. Product entries (with `provider`) hold only wording or codes one product writes.
 *
 * Priorities: the general entries here name a narrower cause than general.invalid_token
 * (priority 1) and general.expired_token, so they carry 2 or 3 to be read first.
 */

const MOD_AUTH_OPENIDC = 'mod_auth_openidc source: src/handle/response.c (v2.4.20)';
const MOD_AUTH_OPENIDC_IDTOKEN = 'mod_auth_openidc source: src/proto/id_token.c (v2.4.20)';
const MOD_AUTH_OPENIDC_JWT = 'mod_auth_openidc source: src/proto/jwt.c (v2.4.20)';
const MOD_AUTH_OPENIDC_REQUEST = 'mod_auth_openidc source: src/handle/request.c (v2.4.20)';
const MOD_AUTH_OPENIDC_OAUTH = 'mod_auth_openidc source: src/oauth.c (v2.4.20)';
const LUA_RESTY_OPENIDC = 'lua-resty-openidc source: lib/resty/openidc.lua (v1.8.0)';
const OAUTH2_PROXY = 'oauth2-proxy source: oauthproxy.go (v7.15)';
const OAUTH2_PROXY_JWT = 'oauth2-proxy source: pkg/middleware/jwt_session.go (v7.15)';
const OAUTH2_PROXY_VERIFIER = 'oauth2-proxy source: pkg/providers/oidc/verifier.go (v7.15)';
const JWT_VERIFY_LIB = 'jwt_verify_lib source: src/status.cc (Envoy jwt_authn status messages)';
const ENVOY_JWT_AUTHN = 'Envoy documentation: JWT Authentication filter';
const ISTIO_AUTHN = 'Istio documentation: Authentication policy (RequestAuthentication)';
const KONG_JWT = 'Kong source: kong/plugins/jwt/handler.lua';
const KONG_OAUTH2 = 'Kong source: kong/plugins/oauth2/access.lua';
const VAULT_JWT_CLAIMS = 'vault-plugin-auth-jwt source: claims.go (v0.26)';
const VAULT_JWT_OIDC = 'vault-plugin-auth-jwt source: path_oidc.go (v0.26)';
const VAULT_JWT_DOCS = 'Vault documentation: JWT/OIDC auth method';
const KUBE_OIDC = 'Kubernetes source: apiserver OIDC token authenticator (oidc.go)';
const KUBE_AUTHN_DOCS = 'Kubernetes documentation: Authenticating (OpenID Connect tokens)';
const APISIX_JWT = 'Apache APISIX source: apisix/plugins/jwt-auth.lua';
const APISIX_OIDC = 'Apache APISIX source: apisix/plugins/openid-connect.lua';
const TFA = 'traefik-forward-auth source: internal/server.go (v2.3.0)';
const SAP_ISSUER = 'SAP cloud-security-services-integration-library source: JwtIssuerValidator.java (4.0)';
const SAP_SIGNATURE = 'SAP cloud-security-services-integration-library source: JwtSignatureValidator.java (4.0)';
const PINNIPED_LOGIN = 'Pinniped source: pkg/oidcclient/login.go (v0.39)';
const VAULT_JWT_CLI = 'vault-plugin-auth-jwt source: cli.go (v0.26)';
const NGINX_AUTH_REQUEST = 'nginx documentation: Module ngx_http_auth_request_module';
const ALB_LOGS = 'AWS Elastic Load Balancing documentation: Access logs for your Application Load Balancer (error reason codes)';
const ALB_AUTH = 'AWS Elastic Load Balancing documentation: Authenticate users using an Application Load Balancer';
const ALB_TROUBLESHOOT = 'AWS Elastic Load Balancing documentation: Troubleshoot your Application Load Balancers (HTTP 561)';

const DECODE_CLAIMS = 'Decode the token (`oauth-doctor decode <token>`) and compare its aud, iss, alg and kid with what the gateway is configured to accept.';

export const gatewayEntries: readonly KnowledgeEntry[] = [
  // ── general phrasings shared by gateways and proxies ─────────────────────────────────────
  {
    key: 'general.audience_mismatch',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token\'s audience (aud) is not one the verifier accepts',
    meaning:
      'The token was read, but its aud claim names none of the audiences the checking side is configured with. An ID token carries the client_id of the app it was issued to; ' +
      'an access token carries the API (resource) it is meant for. A verifier refuses a token for someone else, even when the signature is good.',
    causes: [
      'The configured audience differs from what the provider writes in aud: a client_id in one place and an API identifier or URL in the other, or a trailing slash.',
      'The token was issued to another client or for another API, and is being replayed to this one (an ID token of app A sent to gateway B, an access token for another resource).',
      'The provider only adds the wanted audience when asked (an audience or resource parameter, a scope, an audience mapper), and the client did not ask for it.',
      'The verifier has no audience configured at all while the token carries one (a role or route with no bound audiences).',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and read aud; set the verifier\'s accepted audiences to that value, or make the provider issue the value the verifier expects.',
      'Request the token for the right API (RFC 8707 resource, or the provider\'s audience parameter or mapper) instead of widening the verifier.',
      'Do not forward an ID token to an API: send the access token issued for it.',
    ],
    sources: ['RFC 7519 §4.1.3', 'OpenID Connect Core 1.0 §3.1.3.7', 'RFC 8707', JWT_VERIFY_LIB, MOD_AUTH_OPENIDC_IDTOKEN, VAULT_JWT_CLAIMS, 'Clerk JavaScript SDK source: packages/backend/src/jwt/assertions.ts', 'zitadel/oidc source: pkg/oidc/verifier.go', 'go-oidc source: oidc/verify.go (v3)', 'java-jwt (Auth0) source: JWTVerifier', 'jjwt source: DefaultJwtParser (0.12)', 'oauth4webapi source: src/index.ts', 'lestrrat-go/jwx source: jwt/validate.go', 'Nimbus OAuth 2.0 SDK source: IDTokenClaimsVerifier', 'lcobucci/jwt source: src/Validation/Constraint'],
    match: [
      { text: /unexpected JWT "aud"|\baud mismatch, expected\b|Expected aud claim to be|Claim 'aud' value|Invalid claim ['"]aud['"]|The required audience is missing|The aud claim is not valid|\bexpected audience "|JWT audience rejected|Unexpected JWT audience|The token was not issued for the given audience|The token is not allowed to be used by this audience|\baudience (?:is )?(?:not valid|invalid)\b|\binvalid ['"]?aud['"]? claim\b|"aud" not satisfied|JWT missing required audience|\bAudience mismatch\b|ID Token contains invalid claims: \{?(?:aud|azp)\b|\bIDX1020[678]\b|\bIDX2134[0]\b|\bIDX21339\b|\b(?:Error\(|ErrorKind::)InvalidAudience\b/i },
      { text: /\baudience is not valid\b|Invalid JWT audience claim(?: array)? \(aud\)/i },
      {
        text: /\bAudiences in Jwt are not allowed\b|\bdid not match the "?aud"? claim\b|\bcould not be found in the array of values for "?aud"?|\bvalues? match(?:es)? the "?aud"? claim\b|\baudience claims? \S{0,80} do(?:es)? not exist in claims\b|\bexpected audience \\?"[^"\\\n]{0,200}\\?" got\b|\btoken audience does not match\b|\baud(?:ience)? claim does not match any (?:bound|expected) audiences?\b|\baudience claim found in JWT but no audiences bound\b|\bno match found token audience\b|\binvalid audience claim \(aud\)|\bInvalid JWT audience\b|\bis not issued for these clientIds\b|\bInvalid token in jwt: \[/i,
      },
    ],
    priority: 2,
  },
  {
    key: 'general.kid_not_in_jwks',
    finding: 'invalid_token',
    severity: 'error',
    title: 'No key in the issuer\'s key set (JWKS) matches the token\'s kid or alg',
    meaning:
      'The verifier fetched a JSON Web Key Set but found no key with the kid (and a usable type for the alg) named in the token\'s header, so it cannot check the signature. ' +
      'Either the token comes from another issuer or tenant than the key set, or the issuer rotated its keys and the verifier holds an old copy.',
    causes: [
      'The token was issued by another issuer, realm or tenant than the one whose JWKS the verifier reads (a staging token at a production gateway, a second realm).',
      'The issuer rotated its signing key and the verifier still caches the old key set (or a statically configured key).',
      'The token is signed with a symmetric secret (HS256) or a key type the key set does not hold, while the verifier expects the issuer\'s RSA or EC keys.',
      'The token\'s header has no kid while the key set holds several keys, so the verifier cannot pick one.',
    ],
    fixes: [
      'Decode the token\'s header (`oauth-doctor decode <token>`) and look for its kid in the issuer\'s jwks_uri; if absent, the token is from another issuer or key.',
      'Point the verifier at the JWKS of the issuer in the token\'s iss, and let it refresh the key set (shorter cache, or refetch on an unknown kid).',
      'Make the provider sign with an asymmetric key it publishes (RS256/ES256) and include the kid in the header.',
    ],
    sources: ['RFC 7517 §4.5', 'RFC 7515 §4.1.4', 'OpenID Connect Core 1.0 §10.1', JWT_VERIFY_LIB, LUA_RESTY_OPENIDC],
    match: [
      {
        text: /\bJwks doesn't have key to match kid\b|\bcould not find (?:a )?key with kid\b|\bno key found with kid\b|\b(?:RSA|EC) key with id \S{1,200} not found\b|\bdoesn't specify kid but the keystore contains multiple\b|\bcould not find a key in the cached JSON Web Keys\b/i,
      },
    ],
    // Above klib.jwt_signature: "signature verification failed: could not find key with kid" is the missing key.
    priority: 4,
  },
  {
    key: 'general.jwt_not_compact',
    finding: 'invalid_token',
    severity: 'error',
    title: 'What was sent as the token is not a well-formed JWT',
    meaning:
      'The verifier could not even split or decode the token: a JWT is three base64url parts joined by dots (header.payload.signature), each part decoding to JSON. ' +
      'What arrived is something else, or a JWT damaged on the way.',
    causes: [
      'An opaque access token (not a JWT) was sent to a gateway that only accepts JWTs; many providers issue opaque tokens unless an audience or API is requested.',
      'The header value carries extra text: "Bearer" twice, quotes, a line break, or the whole token response JSON instead of the access_token value.',
      'The token was cut (a size limit of a header, cookie or environment variable) or URL-encoded on the way.',
    ],
    fixes: [
      'Paste the token into `oauth-doctor decode`: it says whether it is a JWT and cleans a stray Bearer prefix or quotes.',
      'Send exactly `Authorization: Bearer <access_token>` with the raw value from the token response.',
      'If the provider issues opaque tokens, ask it for a JWT access token (the audience of the API), or validate by introspection instead.',
    ],
    sources: ['RFC 7519 §7.2', 'RFC 7515 §7.1', 'RFC 6750 §2.1', JWT_VERIFY_LIB, KONG_JWT],
    match: [
      {
        text: /\bJwt is not in the form of Header\.Payload\.Signature\b|\bJwt (?:header|payload) is an invalid Base64\b|\bJwt signature is an invalid Base64\b|\bBad token; invalid JSON\b|"message":\s*"Unrecognizable token"|\bUnable to parse JWT\b|\bdoes not consist of three sections\b/i,
      },
    ],
    priority: 2,
  },
  {
    key: 'general.token_missing',
    finding: 'invalid_token',
    severity: 'error',
    title: 'No token reached the gateway',
    meaning:
      'The gateway or proxy looked for a bearer token (in the Authorization header, or where it was told to look) and found none. It is not a verdict on a token: none arrived.',
    causes: [
      'The client did not send an Authorization header, or sent it under another scheme (`Token`, `JWT`) or in a query parameter or cookie the gateway does not read.',
      'A redirect (http to https, a trailing slash) or a proxy in front stripped the Authorization header.',
      'The gateway reads the token from a custom header or cookie, and the client sends it in the standard place (or the reverse).',
    ],
    fixes: [
      'Send `Authorization: Bearer <access_token>` on the request and call the final URL, so no redirect drops the header.',
      'Check where the gateway is configured to read the token from (header name, prefix, cookie, query parameter) and send it there.',
      'Log the headers that reach the gateway (redacted) to see whether the token arrives at all.',
    ],
    sources: ['RFC 6750 §2.1', 'RFC 6750 §3', JWT_VERIFY_LIB, OAUTH2_PROXY_JWT, KONG_OAUTH2],
    match: [
      // jwt_verify_lib's capitalised "Jwt" (and Envoy's response detail Jwt_is_missing); the others are sentences of their own.
      { text: /\bJwt(?: |_)is(?: |_)missing\b/ },
      { text: /\bThe access token is missing\b|\bno valid bearer token found in authorization header\b|\bno Bearer access token value found\b|\bMissing JWT token in request\b|\bcredentials: empty token\b|\bno access token in request\b|\bYou don't have an Access token set\b/i },
    ],
    priority: 3,
  },
  {
    key: 'general.state_expired',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'The login took too long: the stored state expired before the callback came back',
    meaning:
      'The client keeps the state of each login it starts (in a cookie or its session) only for a limited time. The callback arrived after that time, or after the stored state was cleaned up, ' +
      'so the response cannot be tied to the request that started it.',
    causes: [
      'The user stayed on the provider\'s login page (or its MFA step) longer than the client\'s state timeout.',
      'The login page was bookmarked or opened from history, so an old authorization request was completed.',
      'The clocks of the machines that write and read the state differ, so fresh state looks old.',
    ],
    fixes: [
      'Start the login again from the protected URL, not from a bookmarked provider page.',
      'If users need longer at the provider (MFA, registration), raise the client\'s state timeout.',
      'Keep the servers\' clocks in sync (NTP).',
    ],
    sources: ['RFC 6749 §10.12', 'RFC 9700 §4.7', MOD_AUTH_OPENIDC, VAULT_JWT_OIDC, 'Pomerium source: authenticate/pkce.go'],
    match: [
      {
        text: /\bstate has expired\b|\bThis is due to a timeout; please restart your authentication session\b|\bExpired or missing OAuth state\b|\bpkce verifier expired or missing\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'general.nonce_replay',
    finding: 'nonce_mismatch',
    severity: 'error',
    title: 'The ID token\'s nonce was already used: the same login response came back twice',
    meaning:
      'The client remembers each nonce it has accepted so that an ID token cannot be played back. This ID token carries a nonce already seen: the same authorization response was processed twice.',
    causes: [
      'The user pressed Back or reloaded the callback page, so the browser sent the same response again.',
      'The callback was delivered twice (a double submit of a form_post, a prefetching proxy or link scanner).',
      'Rarely, a captured response replayed on purpose.',
    ],
    fixes: [
      'Start a new login from the protected URL instead of reloading the callback.',
      'Make sure nothing in front of the app repeats or prefetches the callback request.',
    ],
    sources: ['OpenID Connect Core 1.0 §15.5.2', 'OpenID Connect Core 1.0 §3.1.3.7', MOD_AUTH_OPENIDC_IDTOKEN],
    match: [{ text: /\bnonce value \S{0,200} passed in the browser state was found in the cache already\b|\bpossible replay attack\b/i }],
    priority: 3,
  },
  {
    key: 'general.iat_too_old',
    finding: 'clock_skew',
    severity: 'error',
    title: 'The ID token was issued longer ago than the verifier allows (iat outside its window)',
    meaning:
      'Some relying parties check that an ID token was issued "just now", within a slack of a few minutes either way. This token\'s iat lies further in the past: the two clocks disagree, ' +
      'or the ID token is an old one being used again.',
    causes: [
      'The verifier\'s clock runs ahead of the provider\'s (or the provider\'s runs behind).',
      'An ID token obtained earlier (cached, or returned again by a refresh) is validated as if it were new.',
    ],
    fixes: [
      'Compare both machines\' clocks with NTP; `oauth-doctor decode <token>` prints iat in human time against this machine\'s clock.',
      'If the provider returns the original ID token on refresh, do not revalidate its iat as a fresh login, or widen the iat slack for it.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.3.7', 'RFC 7519 §4.1.6', MOD_AUTH_OPENIDC_JWT],
    match: [{ text: /\bJWT was issued more than \d+ seconds ago\b/i }],
    priority: 3,
  },
  {
    key: 'general.email_not_verified',
    finding: 'access_denied',
    severity: 'error',
    title: 'The sign-in was refused because the provider does not vouch for the email address',
    meaning:
      'The token was valid, but the relying side uses the email claim as the user\'s name and requires email_verified to be true. The provider sent email_verified=false, or left it out.',
    causes: [
      'The account\'s email address was never verified at the provider.',
      'The provider does not send email_verified at all (some enterprise directories), so the check reads it as false.',
      'The email scope or claim mapping that carries email_verified is not requested.',
    ],
    fixes: [
      'Verify the address at the provider, or have the provider emit email_verified=true for directory-managed addresses.',
      'Use a claim the provider vouches for (sub, preferred_username) as the user name instead of email.',
      'Only if the provider is trusted for emails it does not mark verified: turn off the check on the relying side.',
    ],
    sources: ['OpenID Connect Core 1.0 §5.1 (email_verified)', OAUTH2_PROXY, KUBE_OIDC],
    match: [{ text: /\bemail in id_token \S{0,200} isn't verified\b|\boidc: email not verified\b/i }],
    priority: 3,
  },

  {
    key: 'general.jwks_fetch_failed',
    finding: 'network_error',
    severity: 'error',
    title: 'The verifier could not fetch the issuer\'s key set (JWKS), so no signature can be checked',
    meaning:
      'To check a token\'s signature the verifier downloads the issuer\'s JSON Web Key Set from its jwks_uri. That download failed, so every token from this issuer is refused, valid or not.',
    causes: [
      'The jwks_uri is not reachable from where the verifier runs: DNS, a firewall or egress policy, or a proxy the verifier is not told about.',
      'TLS to the key host fails (a private CA the verifier does not trust).',
      'The configured issuer or JWKS URL is wrong, so the fetch gets a 404 or an HTML page.',
    ],
    fixes: [
      'From the verifier\'s machine or container, fetch <issuer>/.well-known/openid-configuration and then its jwks_uri (`curl -v`).',
      'Allow the verifier to reach the key host, or give it the CA that signs the host\'s certificate.',
    ],
    sources: ['RFC 7517 §5', 'OpenID Connect Discovery 1.0 §3', SAP_SIGNATURE, 'vault-plugin-auth-jwt source: jwks_cache.go (v0.26)', ISTIO_AUTHN, 'Clerk JavaScript SDK source: packages/backend/src/tokens/keys.ts'],
    match: [
      { text: /Failed to load JWKS\b|Error loading [^\n]{0,40}JWKS from/i },
      { text: /\bJWKS could not be fetched\b|\bfailed to refresh all \d+ JWKS caches\b|\bJWKS refresh also failed\b|\bFailed to fetch (?:the )?jwt public key\b|\bFailed to fetch JWKS\b|\baccessing jwks url \(/i },
    ],
    priority: 2,
  },
  {
    key: 'general.userinfo_sub_mismatch',
    finding: 'sub_mismatch',
    severity: 'error',
    title: 'The userinfo answer names another user (sub) than the ID token',
    meaning:
      'OpenID Connect requires the sub returned by the userinfo endpoint to equal the sub of the ID token; when they differ the userinfo claims describe someone else and must not be used. The relying party refused the login.',
    causes: [
      'The access token used for userinfo is not from the same login as the ID token (a cached or shared token, two logins racing in one session).',
      'The userinfo endpoint belongs to another issuer or tenant than the ID token (a misconfigured userinfo URL, a second provider).',
      'The provider computes sub differently at the two endpoints (pairwise identifiers with different sectors), a provider bug.',
    ],
    fixes: [
      'Call userinfo with the access token returned together with the ID token, from the issuer in the ID token\'s iss.',
      'Compare both sub values; if the provider returns different ones for the same user, report it to the provider.',
    ],
    sources: ['OpenID Connect Core 1.0 §5.3.2', LUA_RESTY_OPENIDC],
    match: [{ text: /\bis not equal to the "?sub"? claim returned from the userinfo endpoint\b/i }],
    priority: 3,
  },
  {
    key: 'general.callback_timeout',
    finding: 'login_timeout',
    severity: 'error',
    title: 'The command-line login gave up waiting for the browser to come back',
    meaning:
      'A command-line login opened the provider\'s page and listened on a local port for the redirect back. Nothing arrived before its time limit, so the login was abandoned.',
    causes: [
      'The redirect_uri registered at the provider is not the local callback the tool listens on (another port, localhost vs 127.0.0.1), so the browser went elsewhere.',
      'The browser opened on another machine than the one running the command (SSH session, remote desktop), where the local port is not reachable.',
      'The user did not finish signing in (MFA, a closed tab) before the time limit.',
    ],
    fixes: [
      'Register the exact local callback (for example http://localhost:8250/oidc/callback) as a redirect URI at the provider.',
      'On a remote machine, use the tool\'s device or no-browser mode, or forward the callback port.',
    ],
    sources: ['RFC 8252 §7.3', PINNIPED_LOGIN, VAULT_JWT_CLI],
    match: [{ text: /\btimed out waiting for (?:the )?token callback\b|\bTimed out waiting for response from provider\b/i }],
    priority: 2,
  },
  {
    key: 'general.unhandled_redirect_uri',
    finding: 'wrapped_token_error',
    severity: 'error',
    title: 'The callback (redirect_uri) was called without a code and state',
    meaning:
      'The relying party got a request on its redirect_uri that carries no authorization code or no state, so there is nothing to redeem. Most often the provider sent the user back with an error ' +
      '(error=access_denied, login_required...) in the query instead of a code: that error, in the logged URL, is the real answer.',
    causes: [
      'The provider returned an error to the redirect_uri (the user cancelled, consent was refused, the client is not allowed): read error and error_description in the logged request URI.',
      'Someone opened the redirect_uri directly, from a bookmark or from history, or an application route shares the redirect_uri path.',
      'The provider answered with response_mode=form_post while the client reads the query (or the reverse).',
    ],
    fixes: [
      'Read the query of the logged request URI; if it carries error=, explain that error.',
      'Give the redirect_uri a path of its own that no page of the application uses, and never link to it.',
      'Make the response_mode the client asks for and the one it reads agree.',
    ],
    sources: ['RFC 6749 §4.1.2', 'RFC 6749 §4.1.2.1', LUA_RESTY_OPENIDC, APISIX_OIDC],
    match: [{ text: /\bunhandled request to the redirect_uri\b/i }],
    priority: -5,
  },

  // ── mod_auth_openidc ─────────────────────────────────────────────────────────────────────
  {
    key: 'mod_auth_openidc.redirect_uri_host',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'mod_auth_openidc: OIDCRedirectURI is on another host or scheme than the protected URL, so the state cookie will not come back',
    meaning:
      'mod_auth_openidc stores the login\'s state in a cookie set on the host being accessed, and the provider returns the user to OIDCRedirectURI. When the two differ in host name or scheme ' +
      '(or OIDCCookieDomain does not cover the host), the cookie is not sent with the callback and the login cannot complete.',
    causes: [
      'OIDCRedirectURI names another host name than the one users reach (www vs bare domain, an internal name behind a load balancer).',
      'The site is reached over http while OIDCRedirectURI is https (TLS ended at a proxy that does not pass X-Forwarded-Proto).',
      'OIDCCookieDomain is set to a domain that does not cover the accessed host.',
    ],
    fixes: [
      'Make OIDCRedirectURI a path on the same host and scheme users reach, or a relative path so it follows the request.',
      'Behind a TLS-terminating proxy, pass X-Forwarded-Proto/Host and set OIDCXForwardedHeaders so mod_auth_openidc sees the public URL.',
      'Set OIDCCookieDomain to a parent domain of every protected host, or leave it unset.',
    ],
    sources: [MOD_AUTH_OPENIDC_REQUEST, 'RFC 6749 §10.12'],
    provider: 'mod_auth_openidc',
    match: [{ text: /\bOIDC(?:RedirectURI|CookieDomain)\b[^\n]{0,120}\bdoes not match the URL (?:scheme|hostname)\b/i }],
    priority: 3,
  },
  {
    key: 'mod_auth_openidc.state_not_restored',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'mod_auth_openidc could not match the callback to a state cookie',
    meaning:
      'On the callback mod_auth_openidc looks for the state cookie named after the state parameter and checks it against the browser. The cookie was missing, did not decrypt, or did not match, ' +
      'so the authorization response is refused ("Invalid Authorization Response").',
    causes: [
      'The state cookie did not come back: SameSite settings on a cross-site POST callback (response_mode=form_post), a Secure cookie over http, or a host or domain mismatch with OIDCRedirectURI.',
      'Several Apache servers behind a load balancer use different OIDCCryptoPassphrase values, so one cannot decrypt the cookie another set.',
      'The callback was reloaded, bookmarked, or too many parallel logins overflowed the state cookies.',
    ],
    fixes: [
      'Check in the browser\'s developer tools that a mod_auth_openidc_state_* cookie is sent with the callback; if not, fix SameSite (OIDCCookieSameSite), https and the cookie domain.',
      'Use the same OIDCCryptoPassphrase on every server behind the load balancer.',
      'Start a new login from the protected URL; set OIDCDefaultURL for users arriving at the callback without state.',
    ],
    sources: [MOD_AUTH_OPENIDC, 'RFC 6749 §10.12'],
    provider: 'mod_auth_openidc',
    match: [
      {
        text: /\bno "?mod_auth_openidc_state\w{0,80}"? state cookie found\b|\bunable to restore state\b|\bcalculated state from cookie does not match state parameter\b|\binvalid authorization response state\b|\bCould not match the authorization response to an earlier request\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'mod_auth_openidc.oauth_audience',
    finding: 'invalid_token',
    severity: 'error',
    title: 'mod_auth_openidc: the access token\'s aud matches none of the OIDCOAuthVerifyAudience values',
    meaning:
      'As an OAuth resource server mod_auth_openidc checks a JWT access token\'s aud against OIDCOAuthVerifyAudience; none of the configured values is in the token.',
    causes: [
      'The token was issued for another API (its aud is another resource or the client_id).',
      'OIDCOAuthVerifyAudience holds another spelling of the API identifier than the provider writes.',
    ],
    fixes: [
      DECODE_CLAIMS,
      'Request the token for this API (audience or resource parameter), or set OIDCOAuthVerifyAudience to the aud the provider writes for it.',
    ],
    sources: [MOD_AUTH_OPENIDC_OAUTH, 'RFC 9068 §4', 'RFC 7519 §4.1.3'],
    provider: 'mod_auth_openidc',
    match: [{ text: /\bOIDCOAuthVerifyAudience\b/ }],
    priority: 3,
  },

  // ── oauth2-proxy ─────────────────────────────────────────────────────────────────────────
  {
    key: 'oauth2_proxy.csrf_cookie',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'oauth2-proxy did not get its CSRF cookie back on the callback',
    meaning:
      'oauth2-proxy sets a CSRF cookie (named after --cookie-name with a _csrf suffix) when it sends the user to the provider, and needs it on /oauth2/callback to check state. ' +
      'The cookie was not there, failed validation, or held another nonce: "Login Failed: Unable to find a valid CSRF token".',
    causes: [
      'The cookie was not sent back: --cookie-secure on a site reached over http, --cookie-samesite too strict for the callback, or --cookie-domain not covering the host.',
      'The login started on one host name and the callback arrives on another (the --redirect-url host differs from the host users reach).',
      'Several oauth2-proxy replicas use different --cookie-secret values, or the user started two logins in parallel or reloaded the callback.',
    ],
    fixes: [
      'Make --redirect-url use the host and scheme users reach, and serve it over https when --cookie-secure is on.',
      'Use the same --cookie-secret on all replicas; check --cookie-domain and --cookie-samesite.',
      'Start a new login instead of reloading /oauth2/callback.',
    ],
    sources: [OAUTH2_PROXY, 'RFC 6749 §10.12'],
    provider: 'oauth2_proxy',
    match: [{ text: /\bunable to obtain CSRF cookie\b|\bUnable to find a valid CSRF token\b|\bCSRF cookie with name '[^'\n]{0,100}' was not found\b|\bCSRF cookie failed validation\b/i }],
    priority: 3,
  },
  {
    key: 'oauth2_proxy.unauthorized',
    finding: 'access_denied',
    severity: 'error',
    title: 'oauth2-proxy signed the user in but its own rules do not allow them',
    meaning:
      'The provider authenticated the user and oauth2-proxy built a session, but the user failed oauth2-proxy\'s authorization: the email domain, the list of allowed emails, or the allowed groups.',
    causes: [
      'The user\'s email domain is not in --email-domain, or the address is not in --authenticated-emails-file.',
      'The user is in none of --allowed-group (or the provider-specific group, organisation or team options).',
      'The provider returned no email or no groups claim (a missing scope), so the checks cannot pass.',
    ],
    fixes: [
      'Read oauth2-proxy\'s log for the session it built (email, groups) and compare with --email-domain, --authenticated-emails-file and --allowed-group.',
      'Request the scopes that carry email and groups, and map the groups claim (--oidc-groups-claim) if the provider uses another name.',
    ],
    sources: [OAUTH2_PROXY, 'oauth2-proxy documentation: Configuration overview'],
    provider: 'oauth2_proxy',
    match: [{ text: /\bInvalid authentication via OAuth2: unauthorized\b|\bInvalid session: unauthorized\b/i }],
    priority: 3,
  },

  // ── Envoy / Istio ────────────────────────────────────────────────────────────────────────
  {
    key: 'envoy.rbac_access_denied',
    finding: 'access_denied',
    severity: 'error',
    title: 'Envoy\'s RBAC filter denied the request (Istio AuthorizationPolicy)',
    meaning:
      'The request reached Envoy\'s RBAC filter and no policy allowed it (or a DENY policy matched). With Istio, a RequestAuthentication only rejects invalid tokens; a request with no token passes it ' +
      'with no identity, and an AuthorizationPolicy that requires a requestPrincipal or claims then answers 403 "RBAC: access denied".',
    causes: [
      'No token was sent, so the request has no requestPrincipal and the AuthorizationPolicy requiring one denies it.',
      'The token\'s iss/sub (the requestPrincipal) or a claim named in the policy (request.auth.claims[...]) differs from what the policy allows.',
      'The policy targets the wrong workload, or the source principal (mTLS identity) or path does not match.',
    ],
    fixes: [
      'Send `Authorization: Bearer <token>` and check the token\'s iss and sub against the policy\'s requestPrincipals ("<iss>/<sub>").',
      'Read the policy\'s rules and the Envoy debug log of the rbac filter (shadow rules, matched policy) to see which condition failed.',
    ],
    sources: [ISTIO_AUTHN, 'Istio documentation: Authorization policy'],
    provider: 'envoy',
    match: [{ text: /\bRBAC: access denied\b|\brbac_access_denied\b/ }],
    priority: 3,
  },
  {
    key: 'envoy.jwt_issuer_not_configured',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'Envoy/Istio: no JWT provider (RequestAuthentication rule) is configured for the token\'s issuer',
    meaning:
      'Envoy\'s jwt_authn filter picks the provider that checks a token by the token\'s iss. None of its providers (Istio: the jwtRules of the RequestAuthentication policies that apply to this workload) names that issuer.',
    causes: [
      'The issuer in the jwtRules differs from the token\'s iss character for character (a trailing slash, http vs https, a realm or tenant path).',
      'The token comes from another issuer than the one configured (another tenant, a staging provider).',
      'The RequestAuthentication policy that names the issuer does not select this workload (namespace or selector).',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and copy its iss exactly into the provider\'s issuer (Istio: jwtRules[].issuer).',
      'Check that the RequestAuthentication applies to the workload (its namespace and selector).',
    ],
    sources: [JWT_VERIFY_LIB, ENVOY_JWT_AUTHN, ISTIO_AUTHN],
    provider: 'envoy',
    match: [{ text: /\bJwt issuer is not configured\b/i }],
    priority: 3,
  },
  {
    key: 'envoy.jwks_fetch_failed',
    finding: 'network_error',
    severity: 'error',
    title: 'Envoy/Istio could not fetch the issuer\'s JWKS',
    meaning:
      'Envoy fetches the key set of each JWT provider from its remote_jwks URI (Istio: jwksUri, or fetched by istiod). The fetch failed, so no token from that issuer can be verified.',
    causes: [
      'The JWKS host is not reachable from the proxy or istiod (egress policy, DNS, a cluster for the JWKS host missing in Envoy).',
      'TLS to the JWKS host fails (an untrusted CA), or the URL answers with an error or HTML.',
    ],
    fixes: [
      'Fetch the jwks_uri from inside the pod or istiod (`curl -v`), and allow egress to it.',
      'In plain Envoy, check the cluster named in remote_jwks.http_uri and its TLS settings.',
    ],
    sources: [JWT_VERIFY_LIB, ENVOY_JWT_AUTHN, ISTIO_AUTHN],
    provider: 'envoy',
    match: [{ text: /\bJwks remote fetch is failed\b/i }],
    priority: 3,
  },

  // ── Kong ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'kong.jwt_no_credentials',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'Kong\'s jwt plugin found no JWT credential whose key matches the token\'s iss',
    meaning:
      'Kong\'s jwt plugin reads the claim named by key_claim_name (iss by default) and looks up the consumer\'s JWT credential whose key equals it. No credential has that key, so Kong answers 403.',
    causes: [
      'No JWT credential was created for a consumer with key set to the token\'s iss (for an external provider: the provider\'s issuer URL, exactly).',
      'The iss differs from the credential\'s key by a trailing slash, scheme or tenant path.',
      'key_claim_name points at another claim than the one holding the key.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and create a consumer JWT credential whose key is exactly its iss, with the algorithm and public key of the issuer.',
      'Check key_claim_name in the plugin configuration.',
    ],
    sources: [KONG_JWT, 'Kong documentation: JWT plugin'],
    provider: 'kong',
    match: [{ text: /\bNo credentials found for given '[^'\n]{1,40}'/i }],
    priority: 3,
  },
  {
    key: 'kong.invalid_provision_key',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Kong\'s oauth2 plugin refused the provision_key',
    meaning:
      'With Kong\'s oauth2 plugin the application\'s own login backend calls /oauth2/authorize (or the token endpoint for the password grant) with the plugin\'s provision_key. ' +
      'The key sent is not the one configured in the plugin.',
    causes: [
      'The backend sends the provision_key of another plugin instance (another service or route, or another environment).',
      'The plugin was re-created and got a new provision_key.',
    ],
    fixes: [
      'Read the provision_key from the oauth2 plugin\'s configuration on this service and use it in the backend\'s call.',
    ],
    sources: [KONG_OAUTH2, 'Kong documentation: OAuth 2.0 Authentication plugin'],
    provider: 'kong',
    match: [{ code: ['invalid_provision_key'] }, { text: /\bInvalid (?:Kong )?provision_key\b/i }],
    priority: 3,
  },
  {
    key: 'kong.jwt_no_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Kong\'s jwt plugin found no token in the request',
    meaning:
      'Kong\'s jwt plugin answers a bare 401 {"message":"Unauthorized"} when it finds no JWT where it looks: the uri_param_names query parameters, the cookie_names cookies, or an `Authorization: Bearer` header.',
    causes: [
      'The client sent no token, or sent it under another scheme than Bearer.',
      'The token is in a header, cookie or query parameter the plugin is not configured to read (header_names, cookie_names, uri_param_names).',
    ],
    fixes: [
      'Send `Authorization: Bearer <token>`, or configure the plugin to read the token where the client puts it.',
    ],
    sources: [KONG_JWT, 'Kong documentation: JWT plugin'],
    provider: 'kong',
    match: [{ status: [401], text: /"message":\s*"Unauthorized"/ }],
    priority: 3,
  },

  // ── HashiCorp Vault JWT/OIDC auth ────────────────────────────────────────────────────────
  {
    key: 'vault.oidc_redirect_uri',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Vault: the redirect_uri is not in the role\'s allowed_redirect_uris',
    meaning:
      'Vault\'s OIDC auth method builds the authorization URL only for a redirect_uri listed in the role\'s allowed_redirect_uris. The CLI (http://localhost:8250/oidc/callback) or UI callback used is not listed; Vault logs "unauthorized redirect_uri".',
    causes: [
      'The role lists the UI callback but not the CLI one (http://localhost:8250/oidc/callback), or the reverse.',
      'The CLI listens on another port or host name (127.0.0.1 vs localhost) than the one listed.',
      'The Vault UI is reached through another address than the one in the role.',
    ],
    fixes: [
      'Add the exact callback to the role: `vault write auth/oidc/role/<role> allowed_redirect_uris=...` (both the UI\'s https://<vault>/ui/vault/auth/oidc/oidc/callback and http://localhost:8250/oidc/callback for the CLI).',
      'Register the same URIs at the provider as redirect URIs of the client.',
    ],
    sources: [VAULT_JWT_DOCS, VAULT_JWT_OIDC],
    provider: 'vault',
    match: [{ text: /\bUnable to authorize role \S{0,100} with redirect_uri\b|\bunauthorized redirect_uri\b/i }],
    priority: 3,
  },
  {
    key: 'vault.bound_claims',
    finding: 'access_denied',
    severity: 'error',
    title: 'Vault: the token\'s claims do not meet the role\'s bound_claims or bound_subject',
    meaning:
      'The JWT or ID token was valid, but a Vault JWT/OIDC role only lets in tokens whose claims match its bound_claims (and bound_subject). A claim is missing or has none of the allowed values.',
    causes: [
      'The claim named in bound_claims is absent from the token (a scope or a groups claim mapping not requested at the provider).',
      'The claim\'s value differs from the bound values (another group, branch, project or subject), or bound_claims_type is "string" where globs were meant.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and compare its claims with `vault read auth/<path>/role/<role>`.',
      'Adjust bound_claims (or bound_claims_type=glob), or make the provider emit the claim.',
    ],
    sources: [VAULT_JWT_CLAIMS, VAULT_JWT_DOCS],
    provider: 'vault',
    match: [{ text: /\bdoes not match any associated bound claim values\b|\bsub claim does not match bound subject\b/i }],
    priority: 3,
  },

  {
    key: 'vault.oidc_role_on_jwt_login',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'Vault: a JWT login was sent to a role made for the OIDC browser flow',
    meaning:
      'Vault\'s JWT/OIDC auth method keeps two kinds of roles: role_type "oidc" for the browser login (auth_url and callback) and role_type "jwt" for logging in with a token already in hand. ' +
      'A direct login with a jwt was sent to an oidc role, which refuses it.',
    causes: [
      'The role was created with role_type=oidc (the default on an OIDC-configured mount) and is used by CI or a service with `vault write auth/<path>/login role=... jwt=...`.',
      'Two roles of the same name on different mounts, and the request goes to the mount meant for browsers.',
    ],
    fixes: [
      'Create a separate role with role_type=jwt (and bound_audiences, user_claim, bound_claims) for token logins, on a mount configured with jwks_url, oidc_discovery_url or jwt_validation_pubkeys.',
      'For people, use `vault login -method=oidc role=<role>` instead of a direct jwt login.',
    ],
    sources: [VAULT_JWT_DOCS, 'vault-plugin-auth-jwt source: path_login.go (v0.26)'],
    provider: 'vault',
    match: [{ text: /\brole with oidc role_type is not allowed\b/i }],
    priority: 3,
  },
  {
    key: 'vault.user_claim_missing',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Vault: the token lacks the claim the role uses as the user name (user_claim) or groups',
    meaning:
      'A Vault JWT/OIDC role names one claim (user_claim, sub by default) to identify the user and optionally groups_claim; the verified token does not carry it, so no entity alias can be made.',
    causes: [
      'user_claim is email, preferred_username or similar and the provider only adds it when a scope (email, profile) is requested (oidc_scopes on the role).',
      'The claim sits in the userinfo answer or an access token, not in the ID token or JWT Vault checks.',
      'A JSON pointer claim (user_claim_json_pointer) points at the wrong path.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and compare its claims with the role\'s user_claim and groups_claim.',
      'Add the scope to the role\'s oidc_scopes, or set user_claim to a claim the token has (sub).',
    ],
    sources: [VAULT_JWT_DOCS, 'vault-plugin-auth-jwt source: path_login.go (v0.26)'],
    provider: 'vault',
    match: [{ text: /\bclaim \\?"[^"\\\n]{1,100}\\?" not found in token\b/i }],
    priority: 3,
  },

  // ── Kubernetes ───────────────────────────────────────────────────────────────────────────
  {
    key: 'kubernetes.oidc_not_initialized',
    finding: 'network_error',
    severity: 'error',
    title: 'kube-apiserver\'s OIDC authenticator has not loaded the issuer\'s discovery document and keys',
    meaning:
      'kube-apiserver initialises its OIDC authenticator in the background by fetching the issuer\'s discovery document and JWKS. Until that succeeds every OIDC token is refused with "oidc: authenticator not initialized".',
    causes: [
      'The issuer URL (--oidc-issuer-url or the AuthenticationConfiguration issuer) cannot be resolved or reached from the API server (a host network pod that cannot resolve cluster DNS names, a firewall, a proxy).',
      'The API server does not trust the issuer\'s TLS certificate (--oidc-ca-file or certificateAuthority missing).',
      'The discovery document\'s issuer differs from the configured issuer URL, so initialisation fails.',
    ],
    fixes: [
      'Read the API server log lines before this one: they name the discovery failure (no such host, x509, issuer did not match).',
      'Fetch <issuer>/.well-known/openid-configuration from the control-plane node, and give the API server the CA of the issuer.',
    ],
    sources: [KUBE_OIDC, KUBE_AUTHN_DOCS],
    provider: 'kubernetes',
    match: [{ text: /\boidc: authenticator (?:for issuer \S{0,200} )?(?:is )?not initialized\b/i }],
    priority: 3,
  },
  {
    key: 'kubernetes.must_be_logged_in',
    finding: 'invalid_token',
    severity: 'error',
    title: 'kubectl: the API server refused the credentials of the kubeconfig (401)',
    meaning:
      'kubectl prints "You must be logged in to the server (Unauthorized)" when the API server answers 401: none of its authenticators accepted the token or certificate kubectl sent. ' +
      'The API server\'s own log ("Unable to authenticate the request") says why.',
    causes: [
      'The OIDC ID token expired and the exec plugin or kubeconfig did not refresh it.',
      'The token\'s audience is not the client_id the API server expects (--oidc-client-id), or its issuer is not the configured one.',
      'The API server\'s OIDC authenticator is not initialised, or the claim used as the user name (--oidc-username-claim) is missing from the token.',
    ],
    fixes: [
      'Decode the token kubectl sends (`oauth-doctor decode <token>`): check exp, aud against --oidc-client-id, iss against --oidc-issuer-url and the username claim.',
      'Read the API server log for "Unable to authenticate the request" and explain that line.',
      'Clear the exec plugin\'s token cache (kubelogin: `kubectl oidc-login clean`) and log in again.',
    ],
    sources: [KUBE_AUTHN_DOCS, KUBE_OIDC],
    provider: 'kubernetes',
    match: [{ text: /\bYou must be logged in to the server\b/i }],
    priority: 2,
  },

  // ── Apache APISIX ──
  {
    key: 'apisix.jwt_invalid_user_key',
    finding: 'invalid_token',
    severity: 'error',
    title: 'APISIX jwt-auth: no consumer has the key the token names',
    meaning:
      'APISIX\'s jwt-auth plugin reads the consumer key from the token (the claim named by key_claim_name, "key" by default) and looks up the consumer with a jwt-auth credential of that key. None matches.',
    causes: [
      'No consumer was created with a jwt-auth credential whose key equals the token\'s claim (for tokens from an external provider, often its iss).',
      'key_claim_name names another claim than the one the tokens carry, or the token lacks it.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and create a consumer whose jwt-auth key equals the claim\'s value, with the algorithm and public key of the signer.',
      'Set key_claim_name to the claim that carries the key (for example iss).',
    ],
    sources: [APISIX_JWT],
    provider: 'apisix',
    match: [{ text: /\bInvalid user key in JWT token\b|\bmissing user key in JWT token\b/i }],
    priority: 3,
  },

  // ── SAP BTP (cloud-security-services-integration-library) ──
  {
    key: 'sap.issuer_not_trusted',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'SAP security library: the token\'s issuer is not one of the identity service\'s trusted domains',
    meaning:
      'SAP\'s token validation accepts a token only when its iss (or ias_iss) lies in one of the domains of the identity service instance bound to the application. This token\'s issuer is outside them.',
    causes: [
      'The token was issued by the identity tenant of another subaccount, landscape or region than the one bound to the application.',
      'The application runs with the binding of another service instance (a stale or copied environment).',
      'A custom domain of the identity tenant is used as issuer but is not among the bound domains.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and compare iss with the domain(s) in the application\'s service binding.',
      'Get the token from the identity tenant bound to this application, or bind the instance of the tenant that issues it.',
    ],
    sources: [SAP_ISSUER],
    provider: 'sap',
    match: [{ text: /\bwas not a trusted domain or a subdomain of the trusted domains\b|\bNo trusted domains configured\b/i }],
    priority: 3,
  },

  // ── traefik-forward-auth ──
  {
    key: 'traefik_forward_auth.invalid_email',
    finding: 'access_denied',
    severity: 'error',
    title: 'traefik-forward-auth signed the user in but the email is not allowed',
    meaning:
      'The provider authenticated the user, but traefik-forward-auth only lets in addresses in its whitelist or its domains. This address is in neither, so every request answers 401 "Not authorized".',
    causes: [
      'The address is not in whitelist and its domain is not in domain (globally or in the rule that matched).',
      'The provider returned another address than expected (a personal account, a secondary address).',
    ],
    fixes: [
      'Add the address to whitelist or its domain to domain, or sign in with an allowed account.',
      'Check which rule matched (the rule field of the log line) and its own whitelist and domain settings.',
    ],
    sources: [TFA],
    provider: 'traefik_forward_auth',
    match: [{ text: /\bmsg="Invalid email"/ }],
    priority: 3,
  },

  {
    key: 'kubernetes.username_claim_missing',
    finding: 'invalid_token',
    severity: 'error',
    title: 'kube-apiserver: the ID token lacks the claim it uses as the user name (or groups)',
    meaning:
      'kube-apiserver takes the Kubernetes user name from one claim of the ID token (--oidc-username-claim, sub by default; claimMappings.username in an AuthenticationConfiguration) and the groups from another. ' +
      'The token verified, but that claim is missing or not a string, so no user can be named.',
    causes: [
      'The username claim is email (or groups, preferred_username) and the login did not request the scope that makes the provider include it (email, groups, profile).',
      'The provider puts the value in an access token or the userinfo answer, not in the ID token.',
      'The claim has another type than expected (groups as a single string is accepted, but a number or object is not).',
    ],
    fixes: [
      'Decode the ID token (`oauth-doctor decode <token>`) and check the claim named by --oidc-username-claim is there.',
      'Request the scope that adds it in the login helper (kubelogin: --oidc-extra-scope=email, or groups), or map the claim into the ID token at the provider.',
    ],
    sources: [KUBE_OIDC, KUBE_AUTHN_DOCS],
    provider: 'kubernetes',
    match: [{ text: /\boidc: parse (?:username|groups) claims? \\?"/i }],
    priority: 3,
  },
  {
    key: 'kubernetes.required_claim',
    finding: 'access_denied',
    severity: 'error',
    title: 'kube-apiserver: a required claim of the ID token is missing or has another value',
    meaning:
      'kube-apiserver is configured to accept only ID tokens carrying certain claims with certain values (--oidc-required-claim, or claimValidationRules). This token lacks one or has another value.',
    causes: [
      'The provider does not emit the claim for this user or client (a mapper or scope missing).',
      'The value differs from the configured one (another tenant, group or environment).',
    ],
    fixes: [
      'Decode the ID token (`oauth-doctor decode <token>`) and compare it with the API server\'s --oidc-required-claim values.',
      'Make the provider emit the claim, or fix the value the API server requires.',
    ],
    sources: [KUBE_OIDC, KUBE_AUTHN_DOCS],
    provider: 'kubernetes',
    match: [{ text: /\boidc: required claim \S{1,100} (?:not present in ID token|value does not match)\b/i }],
    priority: 3,
  },

  // ── nginx auth_request ───────────────────────────────────────────────────────────────────
  {
    key: 'nginx.auth_request_unexpected_status',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'nginx auth_request: the authentication endpoint answered with a redirect or an unexpected status (the client gets 500)',
    meaning:
      'nginx\'s auth_request sends a subrequest to an authentication service and only understands three answers: 2xx (allow), 401 and 403 (deny). Anything else, a 302 to a login page included, ' +
      'is logged as "auth request unexpected status" and turned into a 500 for the client.',
    causes: [
      'auth_request points at an endpoint that redirects to the login page (oauth2-proxy\'s /oauth2/start or its main path, a forward-auth endpoint meant for Traefik) instead of one that answers 401 (oauth2-proxy: /oauth2/auth).',
      'The subrequest reaches the wrong path or host (404), or the auth service rejects the request as nginx sends it (400, 405: the subrequest has no body and keeps the original method).',
    ],
    fixes: [
      'Point auth_request at the check endpoint that answers 202 or 401 (oauth2-proxy: /oauth2/auth) and send the 401 to the sign-in page, as oauth2-proxy\'s nginx example does with `error_page 401 =403 /oauth2/sign_in;`.',
      'Call the auth location with curl the way nginx does (same path, method and headers) and check it answers 2xx, 401 or 403.',
    ],
    sources: [NGINX_AUTH_REQUEST, 'oauth2-proxy documentation: Integration (nginx auth_request)'],
    provider: 'nginx',
    match: [{ text: /\bauth request unexpected status: [34]\d\d\b/ }],
    priority: 3,
  },
  {
    key: 'nginx.auth_request_server_error',
    finding: 'server_error',
    severity: 'error',
    title: 'nginx auth_request: the authentication service failed (5xx), so nginx answers 500',
    meaning:
      'The auth_request subrequest got a 5xx from the authentication service (or nginx could not read its answer), which nginx logs as "auth request unexpected status" and turns into a 500.',
    causes: [
      'The authentication service is down, unreachable or crashing (502, 503, 504).',
      'Its answer headers are larger than nginx\'s proxy_buffer_size (large session cookies or group headers): nginx logs "upstream sent too big header" and a 502.',
    ],
    fixes: [
      'Read the authentication service\'s own log for the failing requests, and the nginx error log line before this one.',
      'For "upstream sent too big header", raise proxy_buffer_size and proxy_buffers in the auth location.',
    ],
    sources: [NGINX_AUTH_REQUEST],
    provider: 'nginx',
    match: [{ text: /\bauth request unexpected status: 5\d\d\b/ }],
    priority: 3,
  },

  // ── AWS Application Load Balancer (authenticate-oidc) ────────────────────────────────────
  {
    key: 'aws_alb.561',
    finding: 'wrapped_token_error',
    severity: 'error',
    title: 'ALB answered 561: the identity provider step of its authenticate action failed',
    meaning:
      'An Application Load Balancer rule with an authenticate-oidc or authenticate-cognito action answers HTTP 561 when the identity provider step fails. The page does not say why; ' +
      'the load balancer\'s access log does, in the error_reason field (AuthInvalidStateParam, AuthTokenEpRequestFailed...).',
    causes: [
      'The token endpoint refused the code exchange (a wrong client secret, a redirect URI not registered as https://<host>/oauth2/idpresponse).',
      'The load balancer could not reach the token or user info endpoint (it needs outbound internet or a route to the provider).',
      'The state or session cookie did not come back (another host name, a cookie blocked).',
    ],
    fixes: [
      'Enable access logs on the load balancer and read error_reason for the 561 request, then explain that code.',
      'Register https://<DNS name of the ALB or your domain>/oauth2/idpresponse at the provider and check the client secret in the rule.',
    ],
    sources: [ALB_TROUBLESHOOT, ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ status: [561] }, { text: /\b561 Unauthorized\b/ }],
    priority: 1,
  },
  {
    key: 'aws_alb.auth_state',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'ALB: the state parameter of the OIDC callback is missing or not valid',
    meaning:
      'The load balancer\'s authenticate action refused the response on /oauth2/idpresponse because its state parameter was absent (AuthMissingStateParam) or did not validate (AuthInvalidStateParam).',
    causes: [
      'The callback was reloaded, bookmarked or replayed after the login finished.',
      'The login started on another host name or listener than the one receiving /oauth2/idpresponse.',
      'The provider dropped state from the redirect (an IdP-initiated login sends no state).',
    ],
    fixes: [
      'Start the login from the protected URL; do not bookmark the provider page or the callback.',
      'Use one host name for the application and the redirect URI registered at the provider; do not start logins from the provider\'s side.',
    ],
    sources: [ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ text: /\bAuth(?:Invalid|Missing)StateParam\b/ }],
    priority: 3,
  },
  {
    key: 'aws_alb.auth_grant',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'ALB: the token endpoint refused the authorization code (AuthInvalidGrantError)',
    meaning: 'When the load balancer exchanged the code from the callback at the provider\'s token endpoint, the provider answered that the grant is not valid.',
    causes: [
      'The code was already used or expired: the callback was replayed or reached the load balancer late.',
      'The redirect URI registered at the provider differs from https://<host>/oauth2/idpresponse used by the load balancer.',
    ],
    fixes: [
      'Start a new login from the protected URL.',
      'Register exactly https://<host users reach>/oauth2/idpresponse at the provider.',
    ],
    sources: [ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ text: /\bAuthInvalidGrantError\b/ }],
    priority: 3,
  },
  {
    key: 'aws_alb.auth_token_endpoint_failed',
    finding: 'invalid_client',
    severity: 'error',
    title: 'ALB: the provider\'s token endpoint answered with an error (AuthTokenEpRequestFailed)',
    meaning:
      'The load balancer got a non-2xx answer from the token endpoint when redeeming the code. The most common reason is client authentication: the client ID or secret in the authenticate-oidc action is not what the provider holds.',
    causes: [
      'The client secret in the listener rule is wrong, expired or was rotated at the provider.',
      'The provider expects another client authentication method than client_secret_post/basic as the load balancer sends it.',
      'The token endpoint URL in the rule is wrong (another tenant or realm).',
    ],
    fixes: [
      'Re-enter the client secret in the listener rule (modify-rule with AuthenticateOidcConfig ClientSecret) and compare the client ID with the provider\'s.',
      'Test the token endpoint with the same client credentials (`oauth-doctor login` or curl) to read the provider\'s error.',
    ],
    sources: [ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ text: /\bAuthTokenEpRequestFailed\b/ }],
    priority: 3,
  },
  {
    key: 'aws_alb.auth_endpoint_timeout',
    finding: 'network_error',
    severity: 'error',
    title: 'ALB could not reach the provider\'s token or user info endpoint',
    meaning:
      'The load balancer itself calls the token and user info endpoints; AuthTokenEpRequestTimeout and AuthUserinfoEpRequestTimeout say it could not communicate with them.',
    causes: [
      'The load balancer has no route to the provider: an internal load balancer or subnets without a NAT or internet gateway, or a security group or network ACL blocking outbound HTTPS.',
      'The endpoint host is private or resolves only inside another network.',
    ],
    fixes: [
      'Allow outbound HTTPS from the load balancer\'s security group and give its subnets a route to the provider (internet or NAT gateway).',
      'Check the endpoint URLs in the listener rule resolve and answer from the VPC.',
    ],
    sources: [ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ text: /\bAuth(?:TokenEp|UserinfoEp)RequestTimeout\b/ }],
    priority: 3,
  },
  {
    key: 'aws_alb.auth_invalid_id_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'ALB refused the ID token or its session cookie (AuthInvalidIdToken, AuthInvalidCookie)',
    meaning:
      'The load balancer validates the ID token it got from the token endpoint, and the AWSELBAuthSessionCookie it sets afterwards. One of them did not validate.',
    causes: [
      'The ID token is signed with an algorithm or key the load balancer cannot check, or names another issuer than the one configured in the rule.',
      'The session cookie was altered, cut into fragments that did not all come back, or set by another load balancer or rule.',
    ],
    fixes: [
      'Check the issuer in the rule is exactly the provider\'s iss, and decode an ID token from the provider (`oauth-doctor decode <token>`).',
      'Clear the AWSELBAuthSessionCookie-* cookies and sign in again.',
    ],
    sources: [ALB_LOGS, ALB_AUTH],
    provider: 'aws_alb',
    match: [{ text: /\bAuthInvalid(?:IdToken|Cookie)\b/ }],
    priority: 3,
  },
];
