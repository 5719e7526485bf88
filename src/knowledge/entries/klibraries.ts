import type { KnowledgeEntry } from '../types.js';

/**
 * What OAuth, OpenID Connect and JWT client libraries print, read from their source: the general
 * phrasings first (one cause that several libraries word alike: golang-jwt, go-oidc, jjwt, Nimbus,
 * java-jwt, Authlib, python-jose, Rust's jsonwebtoken, openid-client, oauth4webapi, Spring,
 * Microsoft.IdentityModel), then the entries whose words or class names are one library's own
 * (MSAL, AppAuth, Google Sign-In on Android, oauthlib, Microsoft.IdentityModel's IDX codes).
 *
 * Priorities: a phrase naming one check (audience, alg, segments) carries 2 or 3, so it beats the
 * general "token refused" reading (priority 1) and a bare code under it (4).
 */

const GOLANG_JWT = 'golang-jwt source: errors.go (v5)';
const GO_OIDC = 'go-oidc source: oidc/verify.go (v3)';
const X_OAUTH2 = 'golang.org/x/oauth2 source: oauth2.go';
const JJWT = 'jjwt source: DefaultJwtParser (0.12)';
const NIMBUS = 'Nimbus JOSE+JWT source: DefaultJWTClaimsVerifier';
const JAVA_JWT = 'java-jwt (Auth0) source: JWTVerifier';
const AUTHLIB = 'Authlib source: authlib/jose/errors.py';
const RUST_JWT = 'Rust jsonwebtoken docs: errors::ErrorKind';
const OPENID_CLIENT = 'openid-client v5 source: lib/client.js';
const OAUTH4WEBAPI = 'oauth4webapi source: src/index.ts';
const SPRING_OIDC = 'Spring Security source: OidcIdTokenValidator';
const OAUTHLIB = 'oauthlib source: oauthlib/oauth2/rfc6749/errors.py';
const OAUTHLIB_PARAMS = 'oauthlib source: oauthlib/oauth2/rfc6749/parameters.py';
const LEAGUE_AUTHCODE = 'league/oauth2-server source: src/Grant/AuthCodeGrant.php';
const LEAGUE_BEARER = 'league/oauth2-server source: src/AuthorizationValidators/BearerTokenValidator.php';
const LARAVEL_AUTH = 'Laravel source: Illuminate/Auth/AuthenticationException.php';
const OMNIAUTH = 'omniauth-oauth2 source: lib/omniauth/strategies/oauth2.rb';
const IDMODEL = 'Microsoft.IdentityModel (Microsoft identity platform): token validation IDX messages';
const MSAL_BROWSER = 'MSAL.js source: msal-browser BrowserAuthErrorCodes.ts';
const MSAL_COMMON = 'MSAL.js source: msal-common InteractionRequiredAuthError.ts';
const MSAL_CLIENT = 'MSAL.js source: msal-common ClientAuthError.ts';
const MSAL_NET = 'MSAL.NET documentation: Handle errors and exceptions';
const APPAUTH_ANDROID = 'AppAuth-Android source: AuthorizationException.java';
const APPAUTH_IOS = 'AppAuth-iOS source: OIDError.h';
const JWX = 'lestrrat-go/jwx source: jwt/validate.go';
const NIMBUS_OIDC = 'Nimbus OAuth 2.0 SDK source: IDTokenClaimsVerifier';
const RUBY_JWT = 'ruby-jwt source: lib/jwt';
const PHP_JWT = 'firebase/php-jwt source: src/JWT.php';
const LCOBUCCI = 'lcobucci/jwt source: src/Validation/Constraint';
const OIDC_CLIENT_TS = 'oidc-client-ts source: src/OidcClient.ts';
const IDMODEL_OIDC = 'Microsoft.IdentityModel (Microsoft identity platform): OpenID Connect protocol validation IDX21xxx messages';
const GSI_CODES = 'Google Play services reference: GoogleSignInStatusCodes';
const COMMON_CODES = 'Google Play services reference: CommonStatusCodes';

const DECODE = 'Decode the token (`oauth-doctor decode <token>`) to see its header (alg, kid) and its claims (iss, aud, exp, nbf, iat).';

export const klibrariesEntries: readonly KnowledgeEntry[] = [
  // ── general phrasings of JWT checks ────────────────────────────────────────────────────
  {
    key: 'klib.jwt_segments',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The string is not a well-formed JWT (the wrong number of dot-separated parts)',
    meaning:
      'A signed JWT is three base64url parts joined by two dots (an encrypted one, five). The verifier split the string it was given and found another count, or parts that do not decode: ' +
      'what reached it is not a JWT at all, or a JWT damaged on the way.',
    causes: [
      'The string still carries its "Bearer " prefix, quotes or a line break, or is empty ("undefined", "null").',
      'The token is opaque (a reference token that only its issuer can read), not a JWT.',
      'The token was cut short (a header or cookie size limit, a log line) or an ID token and an access token were mixed up.',
    ],
    fixes: [
      'Strip the scheme and whitespace before verifying; log the length of what you verify (not its value).',
      'Run `oauth-doctor decode <token>`: it cleans a pasted token and says whether it is a JWT, a JWE or an opaque token.',
      'If the token is opaque, ask its issuer about it (introspection or userinfo) instead of parsing it.',
    ],
    sources: ['RFC 7519 §7.2', 'RFC 7515 §7.1', GOLANG_JWT, JJWT, JAVA_JWT, GO_OIDC, RUBY_JWT, PHP_JWT],
    match: [
      {
        text: /must contain exactly 2 period characters|\binvalid compact (?:JWS|JWE|serialization)\b|\binvalid (?:jwt|token) format\b|Not enough or too many segments|Wrong number of segments|expected to have 3 parts|invalid number of segments|malformed jwt, expected 3 parts|must have three segments|there are no dots|Missing part delimiters|Invalid input segments length|\bfailed to decode JWT\b|Error while decoding (?:from|to) JSON|JWTError: Invalid header string|JWT string must have two dots|\bIDX1(?:0400|2741|2709|4100|4101|4102|4103)\b|\b(?:Error\(|ErrorKind::)InvalidToken\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_signature',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token\'s signature does not verify with the key the verifier holds',
    meaning:
      'The token parsed and a key was found, but the signature computed with that key differs from the one in the token. The token was signed by another key (another issuer, tenant or environment, or a key rotated away), or it was altered.',
    causes: [
      'The verifier holds the wrong key: a secret or PEM of another environment, an old public key after rotation, a key copied with broken line breaks.',
      'The token comes from another issuer or tenant than the one whose keys are configured.',
      'An HS256 token is checked with a different shared secret than the one it was signed with.',
    ],
    fixes: [
      'Fetch the issuer\'s keys from its jwks_uri and pick the key by the token\'s kid, rather than a key pasted into configuration.',
      'For HS256, make signer and verifier read the same secret (compare lengths and a hash, never print it).',
      DECODE,
    ],
    sources: ['RFC 7515 §5.2', JJWT, JAVA_JWT, AUTHLIB, GOLANG_JWT],
    match: [
      {
        text: /signature does not match locally computed signature|Error decoding signature|Token signature mismatch|Signature resulted invalid|Signature is improperly formatted|could not verify message using any of the signatures or keys|\bIDX10508\b|\bBadSignatureError\b|\bbad_signature\b|failed to verify id token signature|\bJWT signature verification failed\b|\bfailed to validate JWT signature\b|\b(?:Error\(|ErrorKind::)InvalidSignature\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_alg',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token\'s alg is not one the verifier accepts, or does not fit its key',
    meaning:
      'Verifiers refuse a token whose header alg is not in the list they allow, or that the configured key cannot check (an HS256 token against an RSA key, RS256 against a shared secret). ' +
      'This check runs before the signature and is what stops algorithm-confusion attacks.',
    causes: [
      'The issuer signs with another algorithm than the verifier allows (RS256 vs HS256 vs ES256), often after a change of signing key at the issuer.',
      'A shared secret is configured where the issuer signs with a private key, or the reverse.',
      'The token is not from the expected issuer at all (a token of another service signed with HS256).',
    ],
    fixes: [
      DECODE,
      'Allow the algorithm the issuer announces (id_token_signing_alg_values_supported in its discovery document) and verify with that issuer\'s public keys.',
      'Never add "none" or mix HS* and RS* in one allowed list.',
    ],
    sources: ['RFC 8725 §3.1', 'RFC 7518 §3.1', GO_OIDC, JAVA_JWT, OPENID_CLIENT, OAUTH4WEBAPI, 'mod_auth_openidc source: src/proto/jwt.c (v2.4.20)', 'jwt_verify_lib source: src/status.cc (Envoy jwt_authn status messages)', 'Kong source: kong/plugins/jwt/handler.lua', 'zitadel/oidc source: pkg/oidc/verifier.go'],
    match: [
      {
        text: /signed with unsupported algorithm|\bunsupported (?:signing |signature |jwt )?algorithm\b|\binvalid (?:signing |signature |jwt )?algorithm\b|Expected a different algorithm|Token signer mismatch|unexpected JWT alg received|unexpected JWT "alg" header parameter|signing method (?:\(alg\) )?is unavailable|The provided Algorithm doesn't match|AlgorithmMismatchException|\bUnsupportedAlgorithmError\b|\bunsupported_algorithm\b|Unsupported "alg" value for a JSON Web Key Set|unsupported JWS "?alg"?|unexpected signature algorithm|\bIDX10634\b|\bIDX106(?:40|52)\b|\b(?:Error\(|ErrorKind::)InvalidAlgorithm\b|\bnot signed with the expected configured algorithm\b|\bsigned by unexpected algorithm\b|\bJwt header \[alg\] field value is invalid\b|\bkey type of key with kid \S{0,200} does not match the JWT "?alg"?|"message":\s*"Invalid algorithm"|\bfailed to verify jwt: algorithm mismatch\b|multiple signatures on id token not supported/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_key_format',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The verifier\'s key cannot be used: wrong format, wrong type or too short',
    meaning:
      'The library could not use the key it was given to check (or make) the signature: the PEM or JWK does not parse, the key is of another type than the algorithm needs, or a shared secret is shorter than the algorithm requires. ' +
      'No token can verify until the key is fixed; the tokens themselves may be fine.',
    causes: [
      'A PEM read from an environment variable lost its line breaks ("\\n" left literal) or its BEGIN/END lines, or a certificate was given where a public key is expected.',
      'The key type does not fit the algorithm: an RSA key for an HS256 token, an EC key for RS256, a string secret where a key object is expected.',
      'An HMAC secret shorter than the hash (256 bits for HS256): recent libraries refuse such keys outright.',
    ],
    fixes: [
      'Load the key from the issuer\'s JWKS, or from a file, instead of an inline string; restore PEM line breaks when it must come from an environment variable.',
      'Use a key of the type the algorithm needs (RSA for RS*, EC for ES*, a byte secret for HS*).',
      'For HS256, use a random secret of at least 32 bytes.',
    ],
    sources: ['RFC 7518 §3.2', 'RFC 7517 §4', JJWT, GOLANG_JWT, RUST_JWT, IDMODEL],
    match: [
      {
        text: /not secure enough for the \w+ algorithm|\bWeakKeyException\b|key size must be greater than|\bkey is of invalid type\b|Could not deserialize key data|Expecting a PEM-formatted key|Invalid or unsupported JWK|\bJWKInvalid\b|\bERR_JWK_INVALID\b|must be an asymmetric key when using|\b(?:Error\(|ErrorKind::)Invalid(?:KeyFormat|RsaKey|EcdsaKey)\b|\bIDX10720\b|\bIDX1063[01]\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_expired',
    finding: 'expired_token',
    severity: 'error',
    title: 'The token has expired (its exp, or its iat older than allowed, lies in the past)',
    meaning:
      'The verifier compared the token\'s exp with its clock and found it in the past, or, where a maximum age is set, found iat too long ago. The client has to get a new token rather than retry with this one.',
    causes: [
      'A cached access or ID token was used after its lifetime, without refreshing it first.',
      'The verifier enforces a maximum age on iat (max_age, a freshness window) that an older token exceeds.',
      'The checking machine\'s clock is ahead, so a fresh token looks old.',
    ],
    fixes: [
      'Refresh the token shortly before exp and retry the failed request once with the new one.',
      'Run `oauth-doctor decode <token>` and compare exp and iat with now; if the token is fresh, check the clocks.',
    ],
    sources: ['RFC 7519 §4.1.4', 'RFC 7519 §4.1.6', OAUTH4WEBAPI, OPENID_CLIENT, RUST_JWT, JWX],
    match: [
      {
        text: /expiration is past current timestamp|"exp" not satisfied|\bJWT expired, now \d|issued too far in the past|"iat" \(issued at\) claim value, it is too far in the past|ID Token contains invalid claims: \{?exp\b|\b(?:Error\(|ErrorKind::)ExpiredSignature\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_not_yet_valid',
    finding: 'clock_skew',
    severity: 'error',
    title: 'The token is not valid yet here: its nbf or iat lies ahead of this clock',
    meaning:
      'The token\'s not-before time, or its issue time, is in the future as seen by the verifier. Tokens are used within seconds of being issued, so this means the clocks of issuer and verifier disagree (or the verifier allows no tolerance at all).',
    causes: [
      'The verifying machine\'s clock is behind the issuer\'s (a VM, container or phone without time sync).',
      'The verifier allows zero clock skew and the issuer\'s clock is a second or two ahead.',
    ],
    fixes: [
      'Synchronise the clock with NTP on the verifying machine.',
      'Allow a small clock tolerance (30 to 60 seconds) in the verifier.',
      'Run `oauth-doctor decode <token>`: it shows nbf and iat against this machine\'s clock.',
    ],
    sources: ['RFC 7519 §4.1.5', 'RFC 7519 §4.1.6', OAUTH4WEBAPI, SPRING_OIDC, RUST_JWT, JWX, NIMBUS_OIDC, RUBY_JWT, PHP_JWT, LCOBUCCI],
    match: [
      {
        text: /unexpected JWT "nbf" \(not before\) claim value|"(?:nbf|iat)" not satisfied|Signature nbf has not been reached|Cannot handle token (?:with (?:nbf|iat) )?prior to|The token was issued in the future|The token cannot be used yet|JWT issue time ahead of current time|ID Token contains invalid claims: \{?iat\b|\b(?:Error\(|ErrorKind::)ImmatureSignature\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_missing_exp',
    finding: 'missing_exp',
    severity: 'error',
    title: 'The token carries no exp claim and the verifier requires one',
    meaning:
      'The verifier requires an expiration time and the token has none, so it is refused before any other check. ID tokens must carry exp; an access token without one would be valid for ever.',
    causes: [
      'The issuer (often your own code signing tokens) does not set exp.',
      'exp is written under another name or as a string, so the claim is not found as a NumericDate.',
    ],
    fixes: ['Set exp (seconds since the epoch) on every token the issuer makes.', DECODE],
    sources: ['RFC 7519 §4.1.4', 'OpenID Connect Core 1.0 §2', NIMBUS, AUTHLIB, IDMODEL],
    match: [
      {
        text: /missing required "exp" claim|\bexp\b['"]? claim is required|missing required claim:? ['"]?exp\b|Missing ['"]exp['"] claim|JWT missing required claims: \[[^\]\n]{0,40}\bexp\b|"exp" \(expiration time\) claim missing|missing an Expiration Time|\bIDX10225\b/i,
      },
    ],
    priority: 3,
  },
  {
    key: 'klib.jwt_missing_claim',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token lacks a claim the verifier requires',
    meaning:
      'The verifier is set to require a claim (aud, iss, sub, nonce, azp...) and the token has none of that name. The token was made for another purpose or by an issuer that does not write that claim.',
    causes: [
      'The verifier requires aud or iss and the issuer writes neither (tokens made by your own code, or an access token format without them).',
      'An access token is checked with the rules of an ID token (nonce, azp, auth_time).',
    ],
    fixes: [DECODE, 'Require only the claims the issuer writes for this kind of token, or configure the issuer to write them.'],
    sources: ['RFC 7519 §4.1', NIMBUS, OAUTH4WEBAPI, 'PyJWT documentation: API Reference, Exceptions'],
    match: [
      {
        text: /JWT missing required claims|missing required "\w+" claim|Token is missing the "\w+" claim|missing required JWT property \w+|JWT "\w+" \(\w[\w ]{0,30}\) claim missing|\bMissingClaimError\b|Missing '\w+' claim|\b(?:Error\(|ErrorKind::)MissingRequiredClaim\b/i,
      },
    ],
    priority: 2,
  },
  {
    key: 'klib.jwt_unsigned',
    finding: 'alg_none',
    severity: 'error',
    title: 'The token has no signature where a signed one is required',
    meaning:
      'The token is an unsecured JWT (alg "none", an empty third part): nothing proves who made it. Verifiers refuse it unless explicitly set to accept unsigned tokens, which an API must never do.',
    causes: [
      'The issuer was configured to sign nothing (a test or development setting), or the token was made by hand.',
      'The token was tampered with to drop its signature.',
      'The parser method expects signed tokens and was given an unsigned one (or the reverse).',
    ],
    fixes: [DECODE, 'Make the issuer sign its tokens (RS256 or ES256) and keep "none" out of the allowed algorithms.'],
    sources: ['RFC 7519 §6', 'RFC 8725 §3.1', JJWT, GO_OIDC, IDMODEL],
    match: [{ text: /Unsigned Claims JWTs are not supported|Unsecured \(plain\) JWTs are rejected|\bid token not signed\b|token does not have a signature|\bIDX10504\b/i }],
    priority: 3,
  },
  {
    key: 'klib.jwt_no_key',
    finding: 'invalid_token',
    severity: 'error',
    title: 'No key to check the signature with: none configured, or none fits the token',
    meaning:
      'The verifier has no key that can check this token: its key list is empty, the key-lookup callback failed, or the token names no kid to choose by. Every token fails the same way until the keys are configured.',
    causes: [
      'The keys were never loaded: the issuer or JWKS URL is not set, or its fetch failed earlier (see the log line before this one).',
      'The key-lookup function returned nothing or an error for this kid (a key rotated at the issuer and not yet fetched).',
      'The token has no kid header and the verifier holds several keys.',
    ],
    fixes: [
      'Configure the issuer (or its jwks_uri) so the verifier fetches the keys itself, and check from the verifier\'s machine that the JWKS URL answers.',
      DECODE,
    ],
    sources: ['RFC 7517 §5', 'RFC 7515 §4.1.4', GOLANG_JWT, IDMODEL, PHP_JWT],
    match: [{ text: /token is unverifiable|error while executing keyfunc|no keyfunc was provided|No security keys were provided|\bIDX10253\b|The token's kid is missing|\bIDX10500\b|\bIDX10517\b|Unable to find a signing key that matches|Failed to find a Signature Verifier|failed to find key with key ID|\bno (?:matching |signing )?keys? found for (?:the )?kid\b|"kid" invalid, unable to lookup correct key|\bmissing_signature_verifier\b/i }],
    priority: 3,
  },
  {
    key: 'klib.jwks_unusable',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'The key set (JWKS) came back empty or not as a JSON Web Key Set',
    meaning:
      'The verifier fetched the issuer\'s key set but what came back holds no usable signing key: an empty list, a document of another shape, or an error page. The URL is likely not the jwks_uri the issuer announces.',
    causes: [
      'The JWKS URL was built by hand and points at another path (the discovery document, a login page).',
      'The issuer publishes only encryption keys there, or keys without "use": "sig" that the library skips.',
    ],
    fixes: ['Take jwks_uri from the issuer\'s /.well-known/openid-configuration and open it: it must be JSON with a "keys" array of signing keys.'],
    sources: ['RFC 7517 §5', 'OpenID Connect Discovery 1.0 §3', OAUTH4WEBAPI, 'jose (panva) documentation: util/errors'],
    match: [{ text: /JSON Web Key Set malformed|body "keys" property must be an array|is not a conform JSON Web Key Set response|\bJWKSInvalid\b|\bIDX2181[678]\b/i }],
    priority: 3,
  },

  // ── ID token claims as Spring Security's OidcIdTokenValidator lists them ─────────────────

  {
    key: 'klib.userinfo_sub',
    finding: 'sub_mismatch',
    severity: 'error',
    title: 'The userinfo answer is about another user than the ID token (sub differs)',
    meaning:
      'OpenID Connect requires the sub of the userinfo response to equal the sub of the ID token. The client library compared them and they differ, so the userinfo claims must not be used for this login.',
    causes: [
      'The access token sent to userinfo belongs to another login than the ID token (tokens cached from another user or session).',
      'The userinfo endpoint is not the issuer\'s own, or a proxy mixes up responses.',
    ],
    fixes: ['Use the access token and the ID token of the same token response.', 'Take the userinfo_endpoint from the issuer\'s discovery document.'],
    sources: ['OpenID Connect Core 1.0 §5.3.2', IDMODEL_OIDC, OPENID_CLIENT, OAUTH4WEBAPI],
    match: [{ text: /\bIDX21338\b|userinfo sub mismatch|unexpected "response" body "sub" property value/i }],
    priority: 3,
  },

  // ── clients: the callback, the transport, the scopes ────────────────────────────────────
  {
    key: 'klib.insecure_transport',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The library refuses a plain-http URL: OAuth wants https',
    meaning:
      'Before sending anything, the client library checked the URL it was about to use (the redirect or callback URL, the token or discovery endpoint) and found http, not https. OAuth 2.0 requires TLS for its endpoints, so libraries refuse unless told this is local development.',
    causes: [
      'The app runs behind a TLS-terminating proxy and sees its own requests as http, so it builds an http callback URL.',
      'Local development on http://localhost with the library\'s https check still on.',
      'The issuer or an endpoint is configured with http:// by mistake.',
    ],
    fixes: [
      'Behind a proxy, make the app trust X-Forwarded-Proto (a proxy-fix middleware, forwarded headers) so it sees https.',
      'Use https URLs for the issuer and every endpoint.',
      'Only for local development on localhost: turn the library\'s https requirement off with its development switch, never in production.',
    ],
    sources: ['RFC 6749 §3.1', 'RFC 6749 §10.9', 'RFC 9700 §2.6', OAUTHLIB, OAUTH4WEBAPI, IDMODEL],
    match: [{ text: /\bInsecureTransportError\b|\binsecure_transport\b|OAuth 2 MUST utilize https|only requests to HTTPS are allowed|is not valid as per HTTPS scheme|\bIDX20108\b/i }],
    priority: 3,
  },
  {
    key: 'klib.scope_changed',
    finding: 'invalid_scope',
    severity: 'warning',
    title: 'The provider granted other scopes than the ones requested, and the library stops on it',
    meaning:
      'The token response carries a scope value that differs from the scopes asked for. RFC 6749 lets the server grant fewer (or other) scopes and say so in "scope"; some client libraries treat any difference as an error unless told to accept it.',
    causes: [
      'The provider adds scopes it always grants (openid, profile, an earlier grant merged in) or drops ones the user unticked on the consent page.',
      'The scopes are written in another form by the provider (full URLs instead of short names).',
    ],
    fixes: [
      'Compare the two lists the message prints: if the difference is harmless, tell the library to accept a changed scope (its relax-scope setting).',
      'If a scope the app needs is missing, ask for it again (or let the user grant it) and check the client may request it.',
    ],
    sources: ['RFC 6749 §3.3', 'RFC 6749 §5.1', OAUTHLIB_PARAMS],
    match: [{ text: /Scope has changed from "/i }],
    priority: 2,
  },
  {
    key: 'klib.callback_without_code',
    finding: 'wrapped_token_error',
    severity: 'error',
    title: 'The callback arrived without an authorization code: the provider\'s answer is elsewhere',
    meaning:
      'The client library looked for the code in the callback and found none. The provider sends no code when it answers with an error (error= and error_description= in the same callback URL), or the code came back where the library does not look (the fragment, or a form post).',
    causes: [
      'The authorization failed (access_denied, invalid_scope, a redirect_uri problem) and the callback URL carries error= instead of code=.',
      'The response_mode does not match what the library reads: fragment or form_post where it reads the query.',
      'The callback URL was opened without the provider (a bookmark, a health check).',
    ],
    fixes: [
      'Log the full callback URL (the query or fragment, minus any code) and explain its error parameters.',
      'Send response_mode=query (or the mode the library expects) in the authorization request.',
    ],
    sources: ['RFC 6749 §4.1.2', 'RFC 6749 §4.1.2.1', OAUTHLIB, OAUTH4WEBAPI],
    match: [{ text: /\bMissingCode(?:Error|Exception)\b|Missing code parameter in response|\bmissing_code\b|does not contain an Authorization Code|no authorization code in "callbackParameters"|authorization response from the server is an error|\bIDX21334\b|\bAuthorizationResponseError\b/i }],
    priority: -5,
  },
  {
    key: 'klib.metadata_fetch',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'The provider\'s metadata or an endpoint answered with something other than the expected JSON',
    meaning:
      'The client fetched the discovery document, the key set or an endpoint and got an unexpected HTTP status or content type: the URL is not the endpoint, or something in front of it answered.',
    causes: [
      'The issuer URL is wrong (a missing realm, tenant or path), so /.well-known/openid-configuration is not found.',
      'A proxy, a login page or an error page answered instead of the provider.',
      'The verifier could not build its decoder at start-up because the issuer\'s metadata could not be read.',
    ],
    fixes: [
      'Open <issuer>/.well-known/openid-configuration from where the client runs: it must be JSON whose "issuer" equals the configured issuer.',
      'Take every endpoint from that document rather than building URLs by hand.',
    ],
    sources: ['OpenID Connect Discovery 1.0 §4', 'RFC 8414 §3', OAUTH4WEBAPI, MSAL_CLIENT],
    match: [
      {
        text: /"response" content-type must be|is not a conform [\w ]{1,40} response \(unexpected HTTP status code\)|Failed to lazily resolve the supplied JwtDecoder|\bJwtDecoderInitializationException\b|\bendpoints_resolution_error\b|could not resolve endpoints|Missing "jwks_uri" in metadata/i,
      },
    ],
    priority: 2,
  },
  {
    key: 'klib.refresh_token_not_set',
    finding: 'no_refresh_token',
    severity: 'error',
    title: 'The token expired and there is no refresh token to renew it',
    meaning:
      'The client library found its access token expired and had no refresh token to get a new one, so it gives up without asking the server. Renewal is impossible until the user signs in again, and the next sign-in must ask for a refresh token.',
    causes: [
      'The authorization request did not ask for a refresh token (offline_access scope, or access_type=offline with some providers).',
      'The provider issues the refresh token only on the first consent, and later sign-ins did not store it.',
      'The stored token was saved without its refresh token (only the access token kept).',
    ],
    fixes: [
      'Ask for offline access in the authorization request and store the refresh_token from the token response with the access token.',
      'Where the provider sends it only on first consent, force consent once (prompt=consent) to get it again.',
    ],
    sources: ['RFC 6749 §1.5', 'RFC 6749 §6', 'OpenID Connect Core 1.0 §11', X_OAUTH2],
    match: [{ text: /token expired and refresh token is not set|refresh token is not set|no refresh token (?:is )?(?:available|present)/i }],
    // The expiry is what failed; the missing refresh token is why it could not be renewed: a second reading.
    alternative: true,
    priority: 0,
  },
  {
    key: 'klib.no_cached_sign_in',
    finding: 'no_refresh_token',
    severity: 'error',
    title: 'No cached sign-in to renew silently: the user must sign in interactively',
    meaning:
      'A silent token request (from the library\'s token cache, with no user interaction) found nothing to work with: no account, no refresh token, or a provider that wants the user on its pages again. Silent renewal cannot continue; the app has to start an interactive sign-in.',
    causes: [
      'First run, or the cache was cleared, so there is no account or refresh token yet.',
      'The app did not pass an account (or login hint) to the silent call, or set no active account after sign-in.',
      'The refresh token expired or was revoked, or a policy (a second factor, consent) needs the user.',
    ],
    fixes: [
      'Catch this error and fall back to an interactive sign-in; pass the account returned by the sign-in to later silent calls.',
      'Persist the token cache between runs if the app is expected to remember the user.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.2.6 (login_required)', 'RFC 6749 §6', MSAL_COMMON, 'auth0-spa-js source: src/errors.ts'],
    match: [{ text: /No refresh token found in the cache|No account or login hint was passed|\bno_tokens_found\b|\bno_account_error\b|\bno_account_in_silent_request\b|Missing Refresh Token \(audience/i }],
    priority: 2,
  },
  {
    key: 'klib.user_cancelled',
    finding: 'access_denied',
    severity: 'warning',
    title: 'The user closed or cancelled the sign-in before it finished',
    meaning:
      'The sign-in UI (a browser tab, a popup, a system sheet, an account chooser) was dismissed before the provider redirected back, so there is no code and no token. Nothing is misconfigured unless this happens on every attempt.',
    causes: [
      'The user pressed back or cancel, closed the popup, or switched away.',
      'On every attempt: the page the provider shows is an error page (a redirect or client problem) and the user closes it; look at what it says.',
      'The app cancelled the flow itself (a second sign-in started, the activity or view was destroyed).',
    ],
    fixes: ['Treat it as a normal outcome: offer to sign in again.', 'If it happens every time, open the authorization URL in a browser and read the page the provider shows.'],
    sources: ['RFC 6749 §4.1.2.1 (access_denied)', APPAUTH_ANDROID, APPAUTH_IOS, MSAL_BROWSER],
    match: [{ text: /User cancel(?:l)?ed (?:the )?(?:flow|authentication|authorization flow|sign-in)|\bpopup_closed_by_user\b|Popup closed by user|Popup window closed|\buser_cancelled\b|\bauthentication_canceled\b|activity is cancell?ed by the user|\bGetCredentialCancellationException\b/i }],
    priority: 3,
  },
  {
    key: 'klib.silent_iframe_timeout',
    finding: 'login_timeout',
    severity: 'error',
    title: 'The hidden iframe or popup of a sign-in never came back before the timeout',
    meaning:
      'For silent renewal the library loads the authorization URL in a hidden iframe (or a popup) and waits for the redirect back to its page. Nothing came back in time: the provider showed a page (a login or consent prompt) the iframe cannot show, or the redirect page did not hand the answer back.',
    causes: [
      'The browser blocks the provider\'s cookies in a third-party iframe, so the provider asks for a login the iframe cannot show.',
      'The redirect URI used for silent calls loads the whole app, which redirects again or takes too long (use a blank page).',
      'The provider needs interaction (consent, a second factor) that a silent request cannot give.',
    ],
    fixes: [
      'Use a small blank page as the redirect URI for silent and popup calls.',
      'Prefer refresh tokens over iframe renewal where third-party cookies are blocked; fall back to an interactive sign-in on this error.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.2.6 (login_required)', MSAL_BROWSER, OIDC_CLIENT_TS],
    match: [{ text: /\bmonitor_window_timeout\b|Token acquisition in (?:iframe|popup) failed due to timeout|\bblock_iframe_reload\b|IFrame timed out without a response|Frame window timed out/i }],
    priority: 2,
  },

  {
    key: 'klib.interaction_in_progress',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'Another interactive sign-in is still marked as in progress (interaction_in_progress)',
    meaning:
      'Browser sign-in libraries keep a flag and the login state in browser storage while a popup or redirect sign-in runs, and refuse to start another until the first one is completed. ' +
      'The flag stays when the answer of the earlier redirect was never processed, so its stored login state is still waiting for a callback.',
    causes: [
      'The handler that processes the redirect response is not run (or not awaited) on every page load before other sign-in calls, so the earlier redirect never completes.',
      'A second interactive call started while the first one ran (a login button clicked twice, sign-in triggered from several components).',
      'An earlier attempt was interrupted and left its flag in sessionStorage.',
    ],
    fixes: [
      'Initialise the library and await its redirect handler once at start-up, before any login or token call.',
      'Start an interactive call only when none is running (check the in-progress status the framework wrapper exposes).',
      'To recover a stuck browser, clear the site\'s sessionStorage and sign in again.',
    ],
    sources: [MSAL_BROWSER],
    match: [{ code: ['interaction_in_progress'] }, { text: /\binteraction_in_progress\b/ }],
    priority: 2,
  },

  {
    key: 'klib.state_unprotect',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'The callback\'s state could not be decrypted: it was protected with another key',
    meaning:
      'Some server frameworks do not store the state: they encrypt the login properties into the state parameter itself and decrypt them on the callback. ' +
      'Decryption failed, so the callback was handled by an instance (or a restart) holding other encryption keys than the one that started the login, or the state was altered or cut.',
    causes: [
      'Several instances behind a load balancer do not share their data-protection (encryption) keys, so one cannot read what another wrote.',
      'The app restarted between the login and the callback and its keys were kept only in memory or in a container that was replaced.',
      'A proxy or the provider truncated or re-encoded a long state value.',
    ],
    fixes: [
      'Persist the framework\'s encryption keys to a shared store (a database, a blob store, a mounted volume) used by every instance, with the same application name.',
      'Keep the callback on the instance that started the login (sticky sessions) until the keys are shared.',
    ],
    sources: ['RFC 6749 §10.12', 'RFC 9700 §4.7'],
    match: [{ text: /Unable to unprotect the message\.State/i }],
    priority: 4,
  },
  {
    key: 'klib.token_type_missing',
    finding: 'spec_deviation',
    severity: 'warning',
    title: 'The token response has no token_type (RFC 6749 requires it), and the library stops on it',
    meaning:
      'RFC 6749 §5.1 makes token_type a required member of a token response. Some providers leave it out; strict clients refuse the answer although the access_token in it would work.',
    causes: ['The provider omits token_type (several older or home-made servers do).', 'The answer is not a token response at all (an error in another shape, or a proxy page).'],
    fixes: [
      'Look at the raw token response: if access_token is there, add token_type ("Bearer") in a response hook of the client library before it is parsed.',
      'Report the omission to whoever runs the server.',
    ],
    sources: ['RFC 6749 §5.1', 'RFC 6749 §7.1', OAUTHLIB, 'Authlib source: authlib/oauth2/rfc6749/errors.py'],
    match: [{ text: /\bMissingTokenType(?:Error|Exception)\b|\bmissing_token_type\b|body "token_type" property must be a string/i }],
    priority: 3,
  },
  {
    key: 'klib.access_token_option_missing',
    finding: 'wrapped_token_error',
    severity: 'error',
    title: 'The client got a token response without access_token: the provider\'s real answer is hidden',
    meaning:
      'The client library tried to build an access token from the token endpoint\'s answer and found no access_token in it. The answer was almost always an error (an OAuth error body, HTML, or a form-encoded body the library did not parse), which this message hides.',
    causes: [
      'The token endpoint answered with an error (invalid_grant, invalid_client, redirect_uri mismatch) that the provider class did not turn into an exception.',
      'The answer was form-encoded or HTML (a wrong URL, a missing Accept: application/json), so the library read no fields.',
    ],
    fixes: ['Log the raw body of the token response (without secrets) and explain it: it carries the real error.', 'Send Accept: application/json with the token request.'],
    sources: ['RFC 6749 §5.1', 'RFC 6749 §5.2'],
    match: [{ text: /Required option not passed: "access_token"|Empty OAuth 2\.0 Access Token Response/ }],
    priority: -5,
  },
  {
    key: 'klib.token_typ',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token\'s typ header is not the type this verifier accepts (an ID token where an access token is expected?)',
    meaning:
      'The verifier checks the typ header: JWT access tokens are typed "at+jwt" (RFC 9068), and a verifier set to that refuses ID tokens and other JWTs typed "JWT", and the reverse. The token is the wrong kind for this check.',
    causes: [
      'The client sends its ID token to an API that accepts only access tokens.',
      'The issuer types its access tokens "JWT" while the verifier requires "at+jwt" (or the reverse).',
    ],
    fixes: [DECODE, 'Send the access token to APIs; configure the verifier\'s accepted typ to what the issuer writes for access tokens.'],
    sources: ['RFC 9068 §2.1', 'RFC 8725 §3.11', OAUTH4WEBAPI, IDMODEL],
    match: [{ text: /JOSE header typ \(type\) \S{1,40} not allowed|unexpected JWT "typ" header parameter|\bIDX1025[67]\b|\btyp\b[^\n]{0,30}\bnot allowed\b/i }],
    priority: 3,
  },
  {
    key: 'klib.no_token_sent',
    finding: 'invalid_request',
    severity: 'error',
    title: 'No token reached the API: the Authorization header is missing',
    meaning: 'The API\'s token check found no Authorization header (or no bearer token in it) on the request, so it refused before validating anything.',
    causes: [
      'The client did not attach the token (a call made before sign-in finished, or an HTTP client without the auth interceptor).',
      'A proxy or web server dropped the Authorization header, or a redirect (http to https, a trailing slash) lost it.',
    ],
    fixes: ['Send `Authorization: Bearer <access token>` on every API call and check it arrives at the API.', 'Configure the proxy or web server to pass the Authorization header through.'],
    sources: ['RFC 6750 §2.1', 'RFC 6750 §3.1', 'Authlib source: authlib/oauth2/rfc6749/errors.py', 'flask-jwt-extended source: flask_jwt_extended/default_callbacks.py'],
    match: [{ text: /\bmissing bearer token\b|\bno bearer token\b|\bauthorization header (?:not found|is missing)\b|Missing Authorization Header|Bad Authorization header\. Expected|Missing ['"]Authorization['"] in headers|\bMissingAuthorizationError\b|\bmissing_authorization\b/i }],
    priority: 3,
  },
  {
    key: 'klib.login_route_redirect',
    finding: 'invalid_token',
    severity: 'error',
    title: 'An unauthenticated API call was sent to a login page that does not exist (Route [login] not defined)',
    meaning:
      'The API\'s authentication middleware found no valid token and, because the request did not ask for JSON, tried to redirect it to a "login" route, which an API does not have. The real problem is the missing or refused token.',
    causes: [
      'The request carries no bearer token, an expired one, or one the API\'s guard does not accept.',
      'The client does not send Accept: application/json, so the failure is turned into a redirect instead of a 401.',
    ],
    fixes: ['Send `Accept: application/json` so a refused token comes back as 401.', 'Send a valid `Authorization: Bearer <token>` (get a new token if it expired).'],
    sources: ['RFC 6750 §3.1', LARAVEL_AUTH],
    match: [{ text: /Route \[login\] not defined/ }],
    priority: 3,
  },
  {
    key: 'klib.request_phase_csrf',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'The start of the sign-in was refused by CSRF protection: it must be a POST with the form\'s token',
    meaning:
      'Some sign-in middleware accepts the request that starts a login only as a POST carrying the application\'s CSRF token, to stop other sites from starting logins for the user. A plain link (GET) or a form without the token is refused before the provider is contacted.',
    causes: ['The sign-in button is a link (GET) rather than a form that POSTs.', 'The form posts without the CSRF token (a hand-written form, a cached page).'],
    fixes: ['Start the login with a form (method POST) that includes the CSRF token, e.g. the framework\'s button_to helper.'],
    sources: ['RFC 6749 §10.12', 'OmniAuth source: lib/omniauth/authenticity_token_protection.rb'],
    match: [{ text: /OmniAuth::AuthenticityError/ }],
    priority: 3,
  },

  {
    key: 'klib.wrong_token_kind',
    finding: 'invalid_token',
    severity: 'error',
    title: 'A refresh token was sent where an access token is expected (or the reverse)',
    meaning:
      'The API marks its tokens with their kind (a "type" claim, or a separate key) and this endpoint accepts only one kind. The client sent the other one: most often the refresh token in the Authorization header of an ordinary call.',
    causes: ['The client stored the two tokens the wrong way round, or sends the refresh token on every call.', 'The refresh endpoint was called with the access token.'],
    fixes: ['Send the access token on API calls and the refresh token only to the refresh endpoint.', DECODE],
    sources: ['RFC 6749 §1.5', 'RFC 6750 §2.1', 'flask-jwt-extended source: flask_jwt_extended/tokens.py'],
    match: [{ text: /Only non-refresh tokens are allowed|Only refresh tokens are allowed/ }],
    priority: 3,
  },

  {
    key: 'klib.parameter_client_id',
    finding: 'invalid_client',
    severity: 'error',
    title: 'The authorization server refused the client_id parameter: unknown or missing client',
    meaning:
      'The server names client_id as the parameter at fault. At the authorization endpoint that means no registered client has this id (or none was sent), so it cannot even redirect the error back to the app.',
    causes: [
      'The client_id is not registered on this server (another environment, a typo, a client created in another realm or tenant).',
      'The client_id is missing from the request, or was sent under another name.',
    ],
    fixes: ['Copy the client_id from the server\'s client registration into the app configuration.', 'Check the authorization URL the app builds carries client_id=<that id>.'],
    sources: ['RFC 6749 §4.1.2.1', 'RFC 6749 §2.2', 'Spring Authorization Server source: OAuth2AuthorizationCodeRequestAuthenticationProvider'],
    match: [{ text: /OAuth 2\.0 Parameter: client_id\b/ }],
    priority: 3,
  },
  {
    key: 'klib.parameter_code_challenge',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The authorization request was refused for its PKCE code_challenge (missing, or an unsupported method)',
    meaning:
      'The server names code_challenge (or code_challenge_method) as the parameter at fault: the client must use PKCE and sent no code_challenge, or used a method the server does not allow (plain where S256 is required).',
    causes: ['The client is registered to require PKCE and the app does not send code_challenge.', 'code_challenge_method is plain, or missing while the server requires S256.'],
    fixes: ['Send code_challenge=BASE64URL(SHA256(code_verifier)) with code_challenge_method=S256, and the code_verifier with the token request.'],
    sources: ['RFC 7636 §4.3', 'RFC 7636 §4.4.1', 'Spring Authorization Server source: OAuth2AuthorizationCodeRequestAuthenticationProvider'],
    match: [{ text: /OAuth 2\.0 Parameter: code_challenge(?:_method)?\b/ }],
    priority: 4,
  },

  {
    key: 'klib.id_token_missing',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'The token response has no ID token although the client signs in with OpenID Connect',
    meaning:
      'The client treats this login as OpenID Connect (the openid scope is requested, or the registration is an OIDC one) and requires an id_token in the token response. The provider sent none: it is a plain OAuth 2.0 provider, or it did not grant the openid scope.',
    causes: [
      'The provider does not implement OpenID Connect (several social and developer platforms are OAuth 2.0 only) but the client asks for openid.',
      'The openid scope was dropped (not requested, not allowed for this client, or removed on the consent page).',
    ],
    fixes: [
      'For a provider without OpenID Connect, do not request the openid scope and read the user from its API (the user-info URI) instead.',
      'For an OpenID Connect provider, request openid and check the client is allowed that scope.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.3.3', 'OpenID Connect Core 1.0 §3.1.2.1', 'Spring Security Reference: OAuth 2.0 Client'],
    match: [{ text: /Missing \(required\) ID Token in Token Response/i }],
    priority: 3,
  },

  {
    key: 'klib.decoded_null',
    finding: 'opaque_token',
    severity: 'error',
    title: 'The code read a claim of a token that did not decode: it is not a JWT (opaque or damaged)',
    meaning:
      'Decoding helpers that do not verify (jwt.decode, jwt_decode, a base64 split) give back null or throw when the string is not a JWT, and the next line that reads exp, sub or aud fails on that null. ' +
      'The token is opaque (only its issuer can read it) or was damaged on the way, so there are no claims to read.',
    causes: [
      'The access token of this provider is opaque, not a JWT (many providers issue reference tokens; some issue JWTs only when an audience or resource is requested).',
      'What was decoded is not the token: an empty value, "undefined", the whole Authorization header, or a string cut short.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>`: it says whether the token is a JWT, a JWE or opaque.',
      'Read expiry from the token response (expires_in) instead of the token, or ask the issuer (introspection) about an opaque token.',
      'Check for null before reading claims, and decode only the token itself (without "Bearer ").',
    ],
    sources: ['RFC 7519 §7.2', 'RFC 6749 §1.4', 'RFC 7662 §2', 'jsonwebtoken README: Errors & Codes'],
    match: [{ text: /Cannot read propert(?:y|ies) (?:'(?:exp|iat|nbf|sub|aud|iss)' )?of (?:null|undefined)(?: \(reading '(?:exp|iat|nbf|sub|aud|iss)'\))?/, notText: /Cannot read propert(?:y|ies) of (?:null|undefined)(?! \(reading '(?:exp|iat|nbf|sub|aud|iss)'\))/ }],
    priority: 2,
  },

  // ── server libraries: their own hints ───────────────────────────────────────────────────
  {
    key: 'klib.league_code_hint',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'The authorization code was refused: expired, revoked, for another client or failing PKCE',
    meaning:
      'The server\'s hint names the check on the authorization code that failed: it expired (codes live minutes), was already used and revoked, was issued to another client_id, could not be decrypted by this server, or the code_verifier does not match the code_challenge.',
    causes: [
      'The code was redeemed late, or twice (a retried request, a reloaded callback).',
      'The token request uses another client_id than the authorization request.',
      'The code was made by another instance or with another encryption key (several servers with different keys).',
      'The code_verifier sent is not the one whose challenge went in the authorization request.',
    ],
    fixes: [
      'Redeem the code once, right after the callback; never retry with the same code.',
      'Use the same client_id for both requests, and the same encryption key on every server instance.',
      'Keep the code_verifier with the login state and send that exact value.',
    ],
    sources: ['RFC 6749 §4.1.3', 'RFC 7636 §4.6', LEAGUE_AUTHCODE],
    // A device flow's "device authorization code" is the device flow's own entry.
    match: [{ text: /(?<!device )Authorization code has (?:expired|been revoked)|Authorization code was not issued to this client|Cannot decrypt the authorization code|The authcode or decryption key\/password used is not correct|Auth code decryption failed|Failed to verify `code_verifier`/i }],
    // The hint names the code; the description names every grant, refresh tokens too (general.refresh_token_rejected scores 9).
    priority: 7,
  },
  {
    key: 'klib.league_token_hint',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The API refused the access token: it could not be verified, or it was revoked',
    meaning:
      'The resource server checked the bearer token and its hint says why: the signature did not verify with the server\'s public key, the token was revoked (logout, a new token issued), or it could not be parsed.',
    causes: [
      'The API checks tokens with another key pair than the one that issued them (keys regenerated, another environment, several instances with different keys).',
      'The token was revoked: the user logged out or the token was replaced.',
      'What was sent is not the access token (an ID, a refresh token, a truncated string).',
    ],
    fixes: [
      'Use the same key pair on the server that issues and the one that checks tokens; after regenerating keys, get new tokens.',
      'Get a new access token and send it as `Authorization: Bearer <token>`.',
    ],
    sources: ['RFC 6750 §3.1', LEAGUE_BEARER],
    // The server's own capitalised hints; other servers' sentences about a revoked token have their own entries.
    match: [{ text: /Access token could not be verified|Access token has been revoked|Access token is invalid|The JWT string must have two dots/ }],
    priority: 4,
  },
  {
    key: 'klib.unauthenticated',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The API found no valid credentials on the request ("Unauthenticated.")',
    meaning:
      'The API\'s authentication guard found no user for the request: no bearer token, a token it could not verify, or one that expired or was revoked. The answer does not say which.',
    causes: [
      'No Authorization header reached the API (a proxy or web server dropped it, or the client did not send it).',
      'The token expired, was revoked, or was issued by another installation (other keys).',
      'The request was checked by another guard than the one the token is for.',
    ],
    fixes: [
      'Check the request carries `Authorization: Bearer <token>` at the API (web servers such as Apache may drop it unless told to pass it).',
      'Get a new token and retry; decode it with `oauth-doctor decode <token>` if it is a JWT.',
    ],
    sources: ['RFC 6750 §3.1', LARAVEL_AUTH],
    match: [{ text: /"message"\s*:\s*"Unauthenticated\."|\bAuthenticationException: Unauthenticated\./ }],
    priority: 1,
  },
  {
    key: 'klib.failed_to_connect',
    finding: 'network_error',
    severity: 'error',
    title: 'The client could not connect to the provider (connection failed or timed out)',
    meaning: 'The HTTP client never got an answer from the provider\'s endpoint: the connection was refused, the name did not resolve, TLS failed or the request timed out. No OAuth check ran.',
    causes: [
      'The provider\'s host is not reachable from this machine (a firewall, a proxy that must be configured, a container network, DNS).',
      'The CA bundle of the runtime does not trust the provider\'s certificate chain.',
    ],
    fixes: ['From the same machine, run `curl -v <endpoint>` and read where it stops (DNS, connect, TLS).', 'Configure the HTTP proxy or the CA bundle the runtime uses.'],
    sources: ['RFC 6749 §3.2', OMNIAUTH],
    match: [{ text: /\bfailed_to_connect\b|Failed to open TCP connection|Faraday::ConnectionFailed|\bIDX20804\b|\bno_network_connectivity\b/ }],
    priority: 2,
  },

  {
    key: 'klib.unsupported_grant_phrase',
    finding: 'unsupported_grant_type',
    severity: 'error',
    title: 'The server does not support the grant type the client asked for',
    meaning: 'The token endpoint has no handler enabled for the grant_type sent (authorization_code, refresh_token, client_credentials, password, a URN grant), so it refuses before looking at the rest of the request.',
    causes: [
      'The grant is not enabled on the server (a grant type not registered or switched off, such as the password grant in recent releases).',
      'grant_type is misspelled or missing, or sent in a JSON body where the server reads a form body.',
    ],
    fixes: [
      'Send grant_type in an application/x-www-form-urlencoded body with the exact value the RFC names.',
      'Enable the grant on the server, or use one it lists in grant_types_supported.',
    ],
    sources: ['RFC 6749 §5.2 (unsupported_grant_type)', 'RFC 6749 §4.1.3'],
    // With the code itself, the RFC entry says the same.
    match: [{ text: /grant type is not supported by the authorization server/i, notCode: ['unsupported_grant_type'] }],
    priority: 2,
  },
  {
    key: 'klib.google.origin_not_allowed',
    provider: 'google',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Google Identity Services: this page\'s origin is not an Authorized JavaScript origin of the client',
    meaning:
      'A browser sign-in (the Google button, One Tap, the token client) checks the origin of the page that loads it against the Authorized JavaScript origins of the OAuth client. This origin is not in that list, so the library will not start.',
    causes: [
      'The origin (scheme, host and port) is not registered: http://localhost:3000 differs from http://localhost and from http://127.0.0.1:3000.',
      'The client ID belongs to another project or is not a Web application client.',
      'The origin was added a few minutes ago: changes can take time to apply.',
    ],
    fixes: [
      'Add the exact origin the browser shows (scheme, host and port, no path) to the client\'s Authorized JavaScript origins in the Google Cloud console.',
      'Use the Web application client ID in the page.',
    ],
    sources: ['Google Identity: Using OAuth 2.0 to Access Google APIs', 'RFC 6749 §3.1.2'],
    match: [{ text: /The given origin is not allowed for the given client ID|Not a valid origin for the client|\bidpiframe_initialization_failed\b/ }],
    priority: 3,
  },

  // ── library-specific ───────────────────────────────────────────────────────────────────
  {
    key: 'klib.msal.ui_required',
    provider: 'msal',
    finding: 'no_refresh_token',
    severity: 'error',
    title: 'MSAL: the token cannot be obtained silently, an interactive sign-in is needed (MsalUiRequiredException / InteractionRequiredAuthError)',
    meaning:
      'MSAL\'s silent call (AcquireTokenSilent, acquireTokenSilent) found no usable refresh token for the account, or the service answered that the user must interact. MSAL signals this with its UI-required error so the app falls back to an interactive call.',
    causes: [
      'No account was passed to the silent call, or the token cache is empty (first run, cache not persisted, another app registration).',
      'The refresh token expired or was revoked (inactivity, password change, sign-out).',
      'Conditional Access, a second factor or new consent requires the user.',
    ],
    fixes: [
      'Catch MsalUiRequiredException / InteractionRequiredAuthError and call the interactive API (AcquireTokenInteractive, acquireTokenPopup or acquireTokenRedirect) with the same scopes.',
      'Pass the account from the sign-in result (or setActiveAccount in msal-browser) to every silent call, and persist the token cache where the platform needs it.',
      'If the error carries an AADSTS code, explain that code: it names the policy or grant problem.',
    ],
    sources: [MSAL_NET, MSAL_COMMON, MSAL_CLIENT],
    match: [
      // With an AADSTS code or a refresh-token failure, that answer is the cause (its own entry).
      { text: /\bMsalUiRequiredException\b|\bInteractionRequiredAuthError\b|MSALErrorDomain Code=-50002\b/, notText: /AADSTS\d|refresh_token_expired|refresh token has expired|invalid_grant|bad_token/i },
      { code: ['no_tokens_found', 'no_account_error', 'user_null', 'no_account_in_silent_request', 'native_account_unavailable', 'token_refresh_required'] },
    ],
    priority: 2,
  },
  {
    key: 'klib.msal.network',
    provider: 'msal',
    finding: 'network_error',
    severity: 'error',
    title: 'MSAL: the request to the authority did not get through (network error or timeout)',
    meaning: 'MSAL could not reach the authority or its request timed out; the service never judged the request. The inner error or the status it prints says which (DNS, proxy, TLS, offline).',
    causes: ['No network, or a proxy MSAL does not use (set the proxy on its HTTP client).', 'A firewall or TLS inspection blocks login.microsoftonline.com.'],
    fixes: ['From the same machine, open https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration.', 'Give MSAL an HTTP client configured for the proxy (IHttpClientFactory in MSAL.NET, a proxy in msal-node\'s system options).'],
    sources: [MSAL_NET, MSAL_BROWSER],
    match: [{ code: ['no_network_connectivity', 'request_timeout', 'post_request_failed', 'get_request_failed'] }],
    priority: 1,
  },
  {
    key: 'klib.appauth.user_cancelled',
    provider: 'appauth',
    finding: 'access_denied',
    severity: 'warning',
    title: 'AppAuth: the user cancelled the authorization flow',
    meaning:
      'AppAuth reports that the browser tab or authentication session was closed before the redirect came back (Android general error code 1, "User cancelled flow"; iOS OIDErrorCodeUserCanceledAuthorizationFlow, -3, in the org.openid.appauth.general domain).',
    causes: [
      'The user closed the Custom Tab or authentication session.',
      'On every attempt: the redirect never reaches the app (the redirect URI scheme is not registered as an intent filter or URL type), so the user is left on the provider\'s page and closes it.',
    ],
    fixes: [
      'Offer to sign in again.',
      'If it happens every time, check the redirect URI scheme is declared in the app (appAuthRedirectScheme on Android, CFBundleURLSchemes on iOS) and matches the registered redirect URI.',
    ],
    sources: [APPAUTH_ANDROID, APPAUTH_IOS],
    match: [
      { text: /"type"\s*:\s*0\s*,\s*"code"\s*:\s*1\b|User cancelled flow/ },
      { text: /org\.openid\.appauth\.general\b[^\n]{0,20}\b(?:Code=|error )-3\b/ },
    ],
    priority: 3,
  },
  {
    key: 'klib.appauth.network',
    provider: 'appauth',
    finding: 'network_error',
    severity: 'error',
    title: 'AppAuth: network error talking to the provider',
    meaning: 'AppAuth could not complete an HTTP request to the provider (discovery, token exchange or refresh): Android general error code 3, iOS OIDErrorCodeNetworkError (-5).',
    causes: ['The device is offline or the provider is not reachable from its network.', 'A cleartext http:// issuer blocked by the platform\'s network security policy, or a certificate the device does not trust.'],
    fixes: ['Open the provider\'s discovery URL in the device browser.', 'Use https endpoints, or allow the host in the network security configuration for local development only.'],
    sources: [APPAUTH_ANDROID, APPAUTH_IOS],
    match: [{ text: /"type"\s*:\s*0\s*,\s*"code"\s*:\s*3\b/ }, { text: /org\.openid\.appauth\.general\b[^\n]{0,20}\b(?:Code=|error )-5\b/ }],
    priority: 3,
  },
  {
    key: 'klib.appauth.id_token',
    provider: 'appauth',
    finding: 'invalid_token',
    severity: 'error',
    title: 'AppAuth: the ID token failed validation (Invalid ID Token)',
    meaning:
      'AppAuth checks the ID token of the token response itself (issuer, audience, expiry, issue time within ten minutes, nonce) and reports a failure as general error code 9 (Android) or OIDErrorCodeIDTokenFailedValidationError (-15, iOS). The cause message says which check failed.',
    causes: [
      'The issuer in the app\'s configuration differs from the token\'s iss (a trailing slash, another host).',
      'The device clock is far off, so the issue time looks more than ten minutes away.',
      'The client_id configured in the app is not the token\'s audience.',
    ],
    fixes: ['Read the cause message: issuer, audience, expiry, issued-at or nonce.', DECODE, 'Turn on automatic time on the device.'],
    sources: [APPAUTH_ANDROID, APPAUTH_IOS, 'OpenID Connect Core 1.0 §3.1.3.7'],
    match: [{ text: /"type"\s*:\s*0\s*,\s*"code"\s*:\s*9\b[^\n]{0,80}Invalid ID Token|\bInvalid ID Token\b|org\.openid\.appauth\.general\b[^\n]{0,20}\b(?:Code=|error )-15\b/ }],
    priority: 2,
  },
  {
    key: 'klib.google.sign_in_failed',
    provider: 'google',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Google Sign-In on Android: SIGN_IN_FAILED (12500) or DEVELOPER_ERROR (10)',
    meaning:
      'Google Play services refused the sign-in before the user could choose: the app (package name and signing certificate) does not match an Android OAuth client in the Google Cloud project, or the project\'s consent screen is incomplete.',
    causes: [
      'The SHA-1 fingerprint of the certificate signing this build is not registered on an Android OAuth client (a debug keystore, or Play App Signing re-signing release builds).',
      'requestIdToken() is given the Android client\'s ID instead of the Web client\'s ID.',
      'The OAuth consent screen lacks a support email or the app is not configured for the signed-in account.',
    ],
    fixes: [
      'Run `./gradlew signingReport` and register the SHA-1 of the build (and the Play App Signing key) on an Android OAuth client with the app\'s package name.',
      'Pass the Web application client ID to requestIdToken() / serverClientId.',
      'Complete the OAuth consent screen (support email, app name) in the Google Cloud console.',
    ],
    sources: [GSI_CODES, COMMON_CODES],
    match: [{ text: /\bApiException: (?:12500|10):|\bSIGN_IN_FAILED\b|statusCode=DEVELOPER_ERROR|GoogleSignInExceptionCode\.clientConfigurationError/ }],
    priority: 4,
  },
  {
    key: 'klib.google.sign_in_cancelled',
    provider: 'google',
    finding: 'access_denied',
    severity: 'warning',
    title: 'Google Sign-In: the user cancelled (12501 SIGN_IN_CANCELLED, popup_closed_by_user)',
    meaning: 'The account chooser or consent popup was dismissed before the user picked an account, so no token was issued.',
    causes: [
      'The user backed out or closed the popup.',
      'On every attempt on Android: a configuration problem can also surface as a cancel (check the SHA-1 and the Web client ID as for 12500).',
    ],
    fixes: ['Offer to sign in again.', 'If it happens on every attempt, check the app\'s OAuth client configuration in the Google Cloud console.'],
    sources: [GSI_CODES],
    match: [{ text: /\bApiException: 12501:|\bSIGN_IN_CANCELLED\b|\bpopup_closed_by_user\b|GoogleSignInExceptionCode\.canceled\b|PlatformException\(sign_in_canceled\b/ }],
    priority: 4,
  },
  {
    key: 'klib.google.sign_in_required',
    provider: 'google',
    finding: 'no_refresh_token',
    severity: 'error',
    title: 'Google Sign-In: silent sign-in found no signed-in account (4 SIGN_IN_REQUIRED)',
    meaning: 'silentSignIn() (or a call needing a signed-in account) found no previously signed-in account with the requested scopes on the device, so the user has to go through the interactive sign-in.',
    causes: ['The user never signed in on this device, signed out, or revoked access.', 'The app asks for more scopes than the earlier sign-in granted.'],
    fixes: ['Fall back to the interactive sign-in intent when silent sign-in fails with SIGN_IN_REQUIRED.'],
    sources: [COMMON_CODES],
    match: [{ text: /\bApiException: 4:|\bSIGN_IN_REQUIRED\b|GIDSignIn Code=-4\b|has never signed in before, or they have since signed out/ }],
    priority: 4,
  },
  {
    key: 'klib.google.play_network',
    provider: 'google',
    finding: 'network_error',
    severity: 'error',
    title: 'Google Play services: network error (7 NETWORK_ERROR)',
    meaning: 'Play services could not reach Google\'s servers for the sign-in; retrying may work.',
    causes: ['The device is offline, behind a captive portal, or Google\'s hosts are blocked on its network.', 'An emulator image without working network or Play services.'],
    fixes: ['Check the device\'s connection (open a Google page in its browser) and retry.'],
    sources: [COMMON_CODES],
    match: [{ text: /\bApiException: 7:|\bstatusCode=NETWORK_ERROR\b/ }],
    priority: 4,
  },
  {
    key: 'klib.identitymodel.signing_certificate',
    provider: 'identitymodel',
    finding: 'invalid_token',
    severity: 'error',
    title: '.NET JwtBearer: the issuer\'s signing certificate has expired or is not valid yet (IDX10249 / IDX10248)',
    meaning:
      'With ValidateIssuerSigningKey on, Microsoft.IdentityModel also checks the validity dates of the X.509 certificate behind the signing key. The key that signed this token comes from a certificate outside its validity window, so the token is refused even though its signature is correct.',
    causes: [
      'The identity provider still signs with a certificate that has expired (a self-hosted server whose signing certificate was never rolled over).',
      'The API pins an old certificate in its configuration instead of reading the current keys from the issuer\'s metadata.',
      'The clock of the API host is wrong (IDX10248: not yet valid).',
    ],
    fixes: [
      'Roll the signing certificate over at the identity provider and publish the new key in its JWKS.',
      'Read the signing keys from the issuer\'s metadata (Authority / MetadataAddress) instead of a certificate configured by hand.',
    ],
    sources: [IDMODEL, 'RFC 7517 §4.7'],
    match: [{ text: /\bIDX1024[89]\b/ }],
    priority: 3,
  },
  {
    key: 'klib.identitymodel.no_token',
    provider: 'identitymodel',
    finding: 'invalid_request',
    severity: 'error',
    title: '.NET JwtBearer: no token was given to validate (IDX10000 on the parameter \'token\')',
    meaning: 'Microsoft.IdentityModel was asked to validate a null or empty token: the request reached the API without a bearer token, or the code passed the wrong value.',
    causes: ['The client sent no Authorization header, or a proxy dropped it.', 'Custom code read the token from another header, cookie or query parameter than the one used.'],
    fixes: ['Check the request carries `Authorization: Bearer <token>` when it reaches the API.', 'Answer 401 with `WWW-Authenticate: Bearer` when no token is present, before validating.'],
    sources: [IDMODEL, 'RFC 6750 §2.1'],
    match: [{ text: /\bIDX10000\b[^\n]{0,40}'token'/ }],
    priority: 3,
  },
];
