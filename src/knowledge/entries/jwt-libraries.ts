import type { KnowledgeEntry } from '../types.js';

/**
 * Errors thrown by JWT verification libraries: jsonwebtoken (Node), PyJWT, jose (panva),
 * Spring Security's resource server and Microsoft.IdentityModel (ASP.NET Core).
 * Matched by the prefixed codes the observation extracts (`jsonwebtoken:TokenExpiredError`,
 * `pyjwt:ExpiredSignatureError`, `jose:ERR_JWT_EXPIRED`) together with the library's message.
 */

/** Specific library errors outrank generic RFC and status entries. */
const P = 2;

const JSONWEBTOKEN = 'jsonwebtoken README: Errors & Codes';
const PYJWT = 'PyJWT documentation: API Reference, Exceptions';
const JOSE = 'jose (panva) documentation: util/errors';
const SPRING = 'Spring Security Reference: OAuth 2.0 Resource Server, JWT';
const IDMODEL = 'Microsoft.IdentityModel (Microsoft identity platform): token validation IDX messages';

const DECODE_EXP = 'Run `oauth-doctor decode <token>`: it prints exp, nbf and iat in human time and says how long ago the token expired.';
const DECODE_VERIFY =
  'Run `oauth-doctor decode <token> --issuer <issuer URL>` (or `--jwks-uri`, `--key`, `--secret-env`): it verifies the signature and names the kid and alg the token carries.';

export const jwtLibraryEntries: readonly KnowledgeEntry[] = [
  // ---------------------------------------------------------------- jsonwebtoken (Node)
  {
    key: 'jwt.jsonwebtoken.expired',
    provider: 'jsonwebtoken',
    finding: 'expired_token',
    severity: 'error',
    title: 'jsonwebtoken: the JWT has expired (TokenExpiredError: jwt expired)',
    meaning:
      "jsonwebtoken's verify() compared the token's exp claim with the current time and found it in the past. The error carries expiredAt, the moment the token stopped being valid. The signature may well be fine: the token is simply too old.",
    causes: [
      'The client kept using an access token past its lifetime instead of refreshing it (a cached token, a token stored in localStorage, a long-running job).',
      'The issuer hands out very short-lived tokens (5 minutes is common) and the refresh logic runs too late or not at all.',
      "The verifying server's clock is ahead of the issuer's clock.",
      'A test fixture or a token copied into a config file has aged out.',
    ],
    fixes: [
      DECODE_EXP,
      'Refresh the access token before it expires (refresh when less than a minute is left) and retry the request once on a 401.',
      'Allow a small skew only if clocks differ: jwt.verify(token, key, { clockTolerance: 30 }); keep the servers on NTP.',
      'Catch err.name === "TokenExpiredError" and answer 401 with `WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"` so clients know to refresh.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7519 §4.1.4', 'RFC 6750 §3.1'],
    provenance: ['001_b11ec28349281b2a.txt (expired token is a 401 with WWW-Authenticate)'],
    match: [{ code: ['jsonwebtoken:TokenExpiredError'] }, { code: ['jsonwebtoken:TokenExpiredError'], text: /\bjwt expired\b/i }, { text: /\bjwt expired\b/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.invalid_signature',
    provider: 'jsonwebtoken',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jsonwebtoken: the signature does not verify (JsonWebTokenError: invalid signature)',
    meaning:
      'The token parsed, but its signature does not match the key that verify() was given. Either the token was signed with another key, or the verifier holds the wrong key or algorithm.',
    causes: [
      'The wrong secret or public key is configured: another environment, another tenant, an old key after rotation, or an environment variable that is not loaded.',
      'Algorithm confusion: an RS256 token checked with a shared secret, or an HS256 token checked with a public key.',
      'The verifier uses a PEM with broken line breaks ("\\n" left literal in an environment variable).',
      'The token was altered (a character lost when copied, or the payload edited by hand).',
    ],
    fixes: [
      DECODE_VERIFY,
      "For RS256/ES256 tokens, fetch the issuer's keys from its JWKS (jwks-rsa or jose's createRemoteJWKSet) and pick the key by the token's kid instead of hard-coding a PEM.",
      'For HS256, make sure the signer and the verifier read the same secret; print its length (not the value) on both sides.',
      'Restore PEM line breaks: key.replace(/\\\\n/g, "\\n").',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7515 §5.2'],
    match: [
      { code: ['jsonwebtoken:JsonWebTokenError'], text: /\binvalid signature\b/i },
      // The message alone, as express-jwt and log lines print it.
      { text: /^(?:[\w.]*Error:\s*)?invalid signature\.?$/im },
    ],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.malformed',
    provider: 'jsonwebtoken',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jsonwebtoken: the string is not a JWT (jwt malformed / invalid token)',
    meaning:
      'verify() expects three base64url parts separated by dots. "jwt malformed" means it did not get them; "invalid token" means the header or payload did not decode as JSON. The problem is the string handed to verify(), not its signature.',
    causes: [
      'The "Bearer " prefix, quotes or a trailing newline were left on the token when it was taken from the Authorization header or a file.',
      'The token is opaque (a reference token, such as Auth0 tokens requested without an audience, GitHub, Slack or Google access tokens) and was never meant to be decoded.',
      'An ID token and an access token were mixed up, or the literal string "undefined"/"null" was sent from the client.',
      'The token was truncated (a cookie size limit, a log line cut short).',
    ],
    fixes: [
      'Strip the scheme before verifying: const token = header.replace(/^Bearer\\s+/i, "").trim().',
      'Run `oauth-doctor decode <token>`: it cleans a pasted token and tells you whether it is a JWT, a JWE or an opaque token.',
      'If the token is opaque, validate it with the issuer (introspection endpoint or the provider\'s userinfo API) instead of jsonwebtoken; with Auth0, pass audience=<API identifier> to get a JWT.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7519 §7.2', 'RFC 7515 §7.1', 'RFC 6750 §2.1'],
    match: [
      { code: ['jsonwebtoken:JsonWebTokenError'], text: /\b(?:jwt malformed|invalid token|jwt must be a string|jwt signature is required)\b/i },
      { text: /JsonWebTokenError: jwt malformed/i },
      // jsonwebtoken's message wherever it surfaces: express-jwt's UnauthorizedError, a JSON body, a log line.
      { text: /\bjwt malformed\b/i },
    ],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.audience',
    provider: 'jsonwebtoken',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jsonwebtoken: the token is for another audience (jwt audience invalid)',
    meaning:
      "The signature verified, but the token's aud claim does not contain the audience passed to verify(). The token was issued for a different API or client.",
    causes: [
      'The client requested the token for another resource: an ID token (aud = client_id) sent to an API that expects an access token, or a Microsoft Graph token sent to your own API.',
      'The audience option does not match the API identifier configured at the provider (a trailing slash, http vs https, api://GUID vs the URL form).',
      'With Auth0, the token request had no audience parameter, so the token is for /userinfo only.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` and compare its aud with the value after "expected:" in the error.',
      'Request the token for your API (audience=<API identifier>, or scope=<App ID URI>/.default on Microsoft Entra) and send the access token, not the ID token.',
      'Set the audience option to the exact identifier the issuer puts in aud; it may be an array, any member matches.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7519 §4.1.3'],
    match: [{ code: ['jsonwebtoken:JsonWebTokenError'], text: /jwt audience invalid/i }, { text: /jwt audience invalid\. expected/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.issuer',
    provider: 'jsonwebtoken',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'jsonwebtoken: the token comes from another issuer (jwt issuer invalid)',
    meaning:
      "The token's iss claim differs from the issuer option given to verify(). The token was minted by another authorization server, tenant or realm, or the same server under another URL.",
    causes: [
      'The issuer string differs in form: a trailing slash, http vs https, an internal hostname vs the public one (Keycloak behind a proxy), v1 vs v2 endpoints on Microsoft Entra (sts.windows.net vs login.microsoftonline.com/.../v2.0).',
      'The token comes from another environment, tenant or realm.',
      'Okta: the org authorization server (https://org.okta.com) vs a custom one (https://org.okta.com/oauth2/default).',
    ],
    fixes: [
      "Run `oauth-doctor decode <token>` and copy its iss exactly; compare it with the issuer in the provider's /.well-known/openid-configuration.",
      'Configure the issuer option with that exact string; if several issuers are legitimate, pass an array.',
      'On Microsoft Entra, set accessTokenAcceptedVersion to 2 in the API\'s manifest if you expect v2.0 issuers.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7519 §4.1.1', 'OpenID Connect Discovery 1.0 §4.3'],
    match: [{ code: ['jsonwebtoken:JsonWebTokenError'], text: /jwt issuer invalid/i }, { text: /jwt issuer invalid\. expected/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.invalid_algorithm',
    provider: 'jsonwebtoken',
    finding: 'invalid_token',
    severity: 'error',
    title: "jsonwebtoken: the token's alg is not allowed (invalid algorithm)",
    meaning:
      "The alg in the token header is not in the algorithms list passed to verify(), or does not fit the key type (an RSA key for an HS256 token). jsonwebtoken refuses it before checking the signature, which is what protects against algorithm-confusion attacks.",
    causes: [
      'The algorithms option lists HS256 while the issuer signs with RS256 (or the reverse).',
      'A symmetric secret is configured for an asymmetric token, or a public key for an HS256 token.',
      'The token is unsigned (alg "none") or was forged.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` to see the header alg and kid.',
      "Set algorithms to what the issuer really uses (usually ['RS256']) and verify with the issuer's public key from its JWKS.",
      'Never add "none" or mix HS* and RS* in the same algorithms list.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 8725 §3.1', 'RFC 7518 §3.1'],
    match: [{ code: ['jsonwebtoken:JsonWebTokenError'], text: /\binvalid algorithm\b/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.jwt_must_be_provided',
    provider: 'jsonwebtoken',
    finding: 'invalid_request',
    severity: 'error',
    title: 'jsonwebtoken: no token was passed to verify() (jwt must be provided)',
    meaning:
      'verify() was called with an empty or undefined token. The request reached the server without a token, or the code looked for it in the wrong place.',
    causes: [
      'The client sent no Authorization header (lost on a redirect, a CORS preflight, or stripped by a proxy).',
      'The server reads the token from a header, cookie or query parameter that the client does not use (req.headers.authorization vs a custom header).',
      'The split on "Bearer " produced undefined because the scheme was spelled differently.',
    ],
    fixes: [
      'Log whether the Authorization header arrives at all (not its value) and check the client sends `Authorization: Bearer <token>`.',
      'Answer 401 with `WWW-Authenticate: Bearer` when the token is missing, before calling verify().',
      'Behind a proxy (Apache, some API gateways), make sure the Authorization header is forwarded.',
    ],
    sources: [JSONWEBTOKEN, 'RFC 6750 §2.1', 'RFC 6750 §3.1'],
    match: [{ code: ['jsonwebtoken:JsonWebTokenError'], text: /jwt must be provided/i }, { text: /JsonWebTokenError: jwt must be provided/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.not_before',
    provider: 'jsonwebtoken',
    finding: 'clock_skew',
    severity: 'error',
    title: 'jsonwebtoken: the token is not valid yet (NotBeforeError: jwt not active)',
    meaning:
      "The token's nbf claim lies in the future as seen from the verifying server. Either the token was deliberately made valid later, or the verifier's clock is behind the issuer's.",
    causes: [
      "The verifying server's clock is behind the issuer's (a container or VM without NTP).",
      'The token was used within the same second it was issued and the issuer sets nbf = now while clocks differ by a second or two.',
      'The issuer set nbf deliberately in the future.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>`: it shows nbf in human time and how far ahead of your clock it is.',
      'Synchronise clocks (NTP/chrony) on the verifying host.',
      'Allow a few seconds of skew: jwt.verify(token, key, { clockTolerance: 5 }).',
    ],
    sources: [JSONWEBTOKEN, 'RFC 7519 §4.1.5'],
    match: [{ code: ['jsonwebtoken:NotBeforeError'] }, { text: /\bjwt not active\b/i }],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.secret_missing',
    provider: 'jsonwebtoken',
    finding: 'unverified_token',
    severity: 'error',
    title: 'jsonwebtoken: no key to verify with (secret or public key must be provided)',
    meaning:
      'verify() was called without a key, so the signature could not be checked at all. The token itself may be fine: the server is misconfigured.',
    causes: [
      'The environment variable holding the secret or public key is not set in this environment (a missing .env, a different deployment, a typo in the variable name).',
      'A key-lookup callback (jwks-rsa getKey) returned undefined because no key matched the kid.',
      'The configuration is read after the verifier was created (an import-order problem).',
    ],
    fixes: [
      'Check at start-up that the key or secret is present and fail fast when it is not.',
      'When using a JWKS callback, handle errors and the "no matching key" case explicitly, and check the token\'s kid with `oauth-doctor decode <token>`.',
      'Verify the token independently: `oauth-doctor decode <token> --issuer <issuer URL>`.',
    ],
    sources: [JSONWEBTOKEN],
    match: [
      { code: ['jsonwebtoken:JsonWebTokenError'], text: /secret or public key must be provided/i },
      { text: /secret or public key must be provided|secretOrPublicKey must have a value/i },
    ],
    priority: P,
  },
  {
    key: 'jwt.jsonwebtoken.generic',
    provider: 'jsonwebtoken',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jsonwebtoken rejected the token (JsonWebTokenError)',
    meaning:
      'jsonwebtoken refused the token: the message after "JsonWebTokenError:" names the check that failed (signature, format, audience, issuer, subject or jwtid).',
    causes: [
      'The token was signed by another key or issuer, or is meant for another audience.',
      'The string passed to verify() is not a clean JWT.',
    ],
    fixes: [DECODE_VERIFY, 'Compare the token\'s aud, iss, sub and jti with the options given to jwt.verify().'],
    sources: [JSONWEBTOKEN, 'RFC 7519 §7.2'],
    match: [{ code: ['jsonwebtoken:JsonWebTokenError'] }],
    priority: 0,
  },

  // ---------------------------------------------------------------- PyJWT
  {
    key: 'jwt.pyjwt.expired',
    provider: 'pyjwt',
    finding: 'expired_token',
    severity: 'error',
    title: 'PyJWT: the token has expired (ExpiredSignatureError: Signature has expired)',
    meaning:
      "jwt.decode() found the token's exp in the past. Despite its name, the error says nothing about the signature: the token is simply too old.",
    causes: [
      'The client sent an access token past its lifetime instead of refreshing it.',
      'The token lifetime is very short and the client refreshes too late.',
      "The verifying host's clock is ahead of the issuer's.",
    ],
    fixes: [
      DECODE_EXP,
      'Catch jwt.ExpiredSignatureError and answer 401 with `WWW-Authenticate: Bearer error="invalid_token"` so the client refreshes.',
      'If the clocks differ slightly, pass leeway=30 to jwt.decode() and synchronise the clocks.',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.4'],
    provenance: ['001_b11ec28349281b2a.txt (expired token is a 401)'],
    match: [{ code: ['pyjwt:ExpiredSignatureError'] }, { text: /Signature has expired/i }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.invalid_signature',
    provider: 'pyjwt',
    finding: 'invalid_token',
    severity: 'error',
    title: 'PyJWT: the signature does not verify (InvalidSignatureError: Signature verification failed)',
    meaning: 'The token parsed but its signature does not match the key given to jwt.decode(): wrong key, wrong algorithm family, or an altered token.',
    causes: [
      'The wrong secret or public key is configured (another environment, a rotated key, a secret with a stray newline).',
      "The key for the token's kid was not selected: a fixed PEM is used although the issuer rotates keys.",
      'HS256 vs RS256 confusion between signer and verifier.',
    ],
    fixes: [
      DECODE_VERIFY,
      "Use jwt.PyJWKClient(<jwks_uri>).get_signing_key_from_jwt(token).key to pick the issuer's key by kid.",
      'For HS256, make signer and verifier read the same secret bytes (watch for trailing newlines from files).',
    ],
    sources: [PYJWT, 'RFC 7515 §5.2'],
    match: [{ code: ['pyjwt:InvalidSignatureError'] }, { text: /Signature verification failed/i, code: ['pyjwt:InvalidSignatureError', 'pyjwt:DecodeError'] }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.invalid_audience',
    provider: 'pyjwt',
    finding: 'invalid_token',
    severity: 'error',
    title: "PyJWT: the token's audience is not the expected one (InvalidAudienceError)",
    meaning:
      'The aud claim does not match the audience argument of jwt.decode(). "Invalid audience" is also raised when a token has aud but no audience was passed; "Audience doesn\'t match" when the values differ.',
    causes: [
      'No audience argument was passed although the token carries aud (PyJWT then refuses it).',
      'The token was issued for another API or is an ID token (aud = client_id).',
      'The configured audience differs in form from the issued one (trailing slash, api:// prefix).',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` and pass exactly its aud as audience= to jwt.decode().',
      'Request the access token for your API (audience or resource/scope parameter) and do not send the ID token to the API.',
      'Do not switch off aud verification (options={"verify_aud": False}) to make the error go away.',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.3'],
    match: [{ code: ['pyjwt:InvalidAudienceError'] }, { text: /Audience doesn't match|Invalid audience/i, code: ['pyjwt:InvalidTokenError'] }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.invalid_issuer',
    provider: 'pyjwt',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'PyJWT: the token comes from another issuer (InvalidIssuerError)',
    meaning: "The iss claim differs from the issuer argument of jwt.decode(); the comparison is exact.",
    causes: [
      'A different form of the same issuer URL: trailing slash, http vs https, internal vs public hostname.',
      'A token from another tenant, realm or environment.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token>` and compare iss with the issuer in the provider's /.well-known/openid-configuration.",
      'Configure issuer= with that exact string.',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.1'],
    match: [{ code: ['pyjwt:InvalidIssuerError'] }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.immature_iat',
    provider: 'pyjwt',
    finding: 'clock_skew',
    severity: 'error',
    title: 'PyJWT: the token was issued in the future (ImmatureSignatureError ... (iat))',
    meaning:
      "The token's iat (issued-at) lies ahead of the verifying host's clock. A token cannot have been issued in the future, so the two clocks disagree.",
    causes: [
      "The verifying host's clock is behind the issuer's (no NTP in a container, a VM resumed from suspend, WSL clock drift).",
      'The token was verified a fraction of a second after being issued and the clocks differ slightly.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>`: it shows iat in human time and the difference with your clock.',
      'Synchronise the clock of the verifying host (ntpd/chrony, `wsl --shutdown` for WSL drift).',
      'Pass leeway=10 to jwt.decode() to tolerate a few seconds.',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.6'],
    match: [{ code: ['pyjwt:ImmatureSignatureError'], text: /not yet valid \(iat\)/i }, { text: /The token is not yet valid \(iat\)/i }],
    priority: P + 1,
  },
  {
    key: 'jwt.pyjwt.immature_nbf',
    provider: 'pyjwt',
    finding: 'clock_skew',
    severity: 'error',
    title: 'PyJWT: the token is not valid yet (ImmatureSignatureError ... (nbf))',
    meaning: "The token's nbf (not before) lies in the future for the verifying host.",
    causes: ["The verifying host's clock is behind the issuer's.", 'The issuer deliberately set nbf in the future.'],
    fixes: [
      'Run `oauth-doctor decode <token>` to see nbf in human time.',
      'Synchronise the clocks, or pass a small leeway= to jwt.decode().',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.5'],
    match: [{ code: ['pyjwt:ImmatureSignatureError'] }, { text: /The token is not yet valid \(nbf\)/i }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.decode_error',
    provider: 'pyjwt',
    finding: 'invalid_token',
    severity: 'error',
    title: 'PyJWT: the string is not a JWT (DecodeError: Not enough segments / Invalid header padding)',
    meaning:
      'jwt.decode() could not split or base64url-decode the token. "Not enough segments" means there were fewer than three dot-separated parts; the padding errors mean a part is not valid base64url.',
    causes: [
      'The "Bearer " prefix, quotes or a newline were left on the token.',
      'The token is opaque (not a JWT) or is a JWE with five parts.',
      'The token was truncated or the wrong variable was passed (b"..." bytes repr, a dict, the refresh token).',
    ],
    fixes: [
      'Strip the scheme: token = auth_header.removeprefix("Bearer ").strip().',
      'Run `oauth-doctor decode <token>`: it cleans the token and says whether it is a JWT, a JWE or opaque.',
      "If it is opaque, check it with the issuer's introspection or userinfo endpoint instead of decoding it.",
    ],
    sources: [PYJWT, 'RFC 7515 §7.1', 'RFC 7519 §7.2'],
    match: [
      { code: ['pyjwt:DecodeError'], text: /Not enough segments|Invalid (?:header|payload|crypto) padding|Invalid token type|Invalid header string/i },
      { text: /DecodeError: (?:Not enough segments|Invalid (?:header|payload|crypto) padding)/i },
    ],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.algorithms_required',
    provider: 'pyjwt',
    finding: 'unverified_token',
    severity: 'error',
    title: 'PyJWT 2: jwt.decode() needs the algorithms argument',
    meaning:
      'Since PyJWT 2.0, jwt.decode() refuses to verify without an explicit list of accepted algorithms, so the token was never checked. Code written for PyJWT 1.x hits this after an upgrade.',
    causes: ['jwt.decode(token, key) is called without algorithms=[...] after upgrading to PyJWT 2.x.'],
    fixes: [
      'Pass the algorithm the issuer uses: jwt.decode(token, key, algorithms=["RS256"], audience=..., issuer=...).',
      'Run `oauth-doctor decode <token>` to read the alg from the token header (do not take the list from the token itself).',
    ],
    sources: [PYJWT, 'PyJWT changelog: v2.0.0', 'RFC 8725 §3.1'],
    match: [{ text: /required that you pass in a value for the "algorithms" argument/i }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.invalid_algorithm',
    provider: 'pyjwt',
    finding: 'invalid_token',
    severity: 'error',
    title: "PyJWT: the token's alg is not accepted (InvalidAlgorithmError)",
    meaning: "The alg in the token header is not in the algorithms list given to jwt.decode(), or the cryptography package needed for it is missing.",
    causes: [
      'algorithms lists HS256 while the issuer signs with RS256 (or the reverse).',
      "RS256/ES256 need the 'cryptography' package (pip install pyjwt[crypto]); without it those algorithms are unavailable.",
      'The token is unsigned or forged.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` to see the header alg.',
      'Set algorithms to what the issuer uses and install pyjwt[crypto] for asymmetric algorithms.',
    ],
    sources: [PYJWT, 'RFC 8725 §3.1'],
    match: [{ code: ['pyjwt:InvalidAlgorithmError'] }, { text: /The specified alg value is not allowed|Algorithm not supported/i, code: ['pyjwt:InvalidAlgorithmError', 'pyjwt:DecodeError'] }],
    priority: P,
  },
  {
    key: 'jwt.pyjwt.missing_exp',
    provider: 'pyjwt',
    finding: 'missing_exp',
    severity: 'error',
    title: 'PyJWT: the token has no exp claim (MissingRequiredClaimError)',
    meaning:
      'jwt.decode() was told to require exp (options={"require": ["exp"]}) and the token does not carry it. A token without exp never expires by itself.',
    causes: ['The issuer (often a home-made signer) does not set exp.', 'An ID token or a custom assertion was passed instead of the access token.'],
    fixes: [
      'Run `oauth-doctor decode <token>` to list the claims it carries.',
      'Make the issuer set exp (and iat); with PyJWT: payload["exp"] = datetime.now(tz=timezone.utc) + timedelta(minutes=15).',
    ],
    sources: [PYJWT, 'RFC 7519 §4.1.4', 'RFC 8725 §3.10'],
    match: [{ code: ['pyjwt:MissingRequiredClaimError'], text: /missing the "exp" claim/i }, { text: /Token is missing the "exp" claim/i }],
    priority: P,
  },

  // ---------------------------------------------------------------- jose (panva)
  {
    key: 'jwt.jose.expired',
    provider: 'jose',
    finding: 'expired_token',
    severity: 'error',
    title: 'jose: the JWT has expired (ERR_JWT_EXPIRED, "exp" claim timestamp check failed)',
    meaning:
      'jwtVerify() found the exp claim in the past (or, with maxTokenAge, the iat too far back). The error object carries claim, reason and the decoded payload, so the token can be inspected without re-decoding it.',
    causes: [
      'The client used an access token past its lifetime instead of refreshing it.',
      "The verifier's clock is ahead of the issuer's.",
      'maxTokenAge is set shorter than the issuer\'s token lifetime.',
    ],
    fixes: [
      DECODE_EXP,
      'Refresh tokens before expiry and retry once on 401.',
      'If clocks differ slightly, pass { clockTolerance: "30s" } to jwtVerify() and fix the clocks.',
    ],
    sources: [JOSE, 'RFC 7519 §4.1.4'],
    match: [{ code: ['jose:ERR_JWT_EXPIRED', 'jose:JWTExpired'] }, { text: /"exp" claim timestamp check failed/i }],
    priority: P,
  },
  {
    key: 'jwt.jose.signature',
    provider: 'jose',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jose: signature verification failed (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)',
    meaning:
      'A key was found and the algorithm is allowed, but the signature does not match it. The token was signed by a different key than the one used for verifying, or it was altered.',
    causes: [
      'A fixed key is configured that is not the one the issuer signed with (another environment or tenant, or an old key after rotation).',
      'An HS256 secret differs between signer and verifier (encoding: new TextEncoder().encode(secret) on both sides).',
      'The token was modified after signing.',
    ],
    fixes: [
      DECODE_VERIFY,
      "Verify with createRemoteJWKSet(new URL(<issuer jwks_uri>)) so the issuer's current key is picked by kid.",
      'For HS256, compare the secret bytes on both sides (length and encoding, not the value in logs).',
    ],
    sources: [JOSE, 'RFC 7515 §5.2'],
    match: [{ code: ['jose:ERR_JWS_SIGNATURE_VERIFICATION_FAILED', 'jose:JWSSignatureVerificationFailed'] }],
    priority: P,
  },
  {
    key: 'jwt.jose.no_matching_key',
    provider: 'jose',
    finding: 'invalid_token',
    severity: 'error',
    title: "jose: no key in the JWKS matches the token's kid (ERR_JWKS_NO_MATCHING_KEY)",
    meaning:
      "The JSON Web Key Set the verifier fetched holds no key with the token's kid (and a fitting kty/alg). The token was signed by a key this JWKS does not publish.",
    causes: [
      'The JWKS URL belongs to another issuer, tenant or environment than the token (staging token, production JWKS).',
      'The issuer rotated keys: a new kid appeared and a stale cached JWKS does not have it yet, or the token is signed with a retired key.',
      'The token is HS256 (shared secret) and has no public key in any JWKS.',
      'Microsoft Entra: a token for Microsoft Graph (it carries a nonce header) cannot be verified by your API; request a token for your own API instead.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token> --jwks-uri <url>`: it compares the token's kid with the kids published there.",
      "Take jwks_uri from the token issuer's /.well-known/openid-configuration (the issuer in the token's iss).",
      'Let createRemoteJWKSet refetch on an unknown kid (its default cooldown is 30 s); do not cache JWKS forever.',
    ],
    sources: [JOSE, 'RFC 7517 §4.5', 'RFC 7515 §4.1.4'],
    match: [{ code: ['jose:ERR_JWKS_NO_MATCHING_KEY', 'jose:JWKSNoMatchingKey'] }, { text: /no applicable key found in the JSON Web Key Set/i }],
    priority: P,
  },
  {
    key: 'jwt.jose.audience',
    provider: 'jose',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jose: unexpected "aud" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)',
    meaning: "The signature is valid but the token's aud does not contain the audience passed to jwtVerify(): the token was issued for someone else.",
    causes: [
      'An ID token (aud = client_id) or a token for another API was sent to this API.',
      'The audience option differs in form from the API identifier the issuer puts in aud.',
      'Auth0: the token was requested without audience, so it is for /userinfo.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` and compare aud with the audience option.',
      'Request the access token for this API and configure audience with the exact identifier.',
    ],
    sources: [JOSE, 'RFC 7519 §4.1.3'],
    match: [{ code: ['jose:ERR_JWT_CLAIM_VALIDATION_FAILED', 'jose:JWTClaimValidationFailed'], text: /unexpected "aud" claim value/i }, { text: /unexpected "aud" claim value/i }],
    priority: P,
  },
  {
    key: 'jwt.jose.issuer',
    provider: 'jose',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'jose: unexpected "iss" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)',
    meaning: "The token's iss differs from the issuer passed to jwtVerify(); the comparison is exact.",
    causes: [
      'A different form of the same issuer URL (trailing slash, http vs https, internal hostname behind a proxy).',
      'A token from another tenant, realm or environment.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token>` and copy its iss; compare with the issuer in the provider's discovery document.",
      'Configure issuer with that exact string (an array is accepted when several are legitimate).',
    ],
    sources: [JOSE, 'RFC 7519 §4.1.1'],
    match: [{ code: ['jose:ERR_JWT_CLAIM_VALIDATION_FAILED', 'jose:JWTClaimValidationFailed'], text: /unexpected "iss" claim value/i }, { text: /unexpected "iss" claim value/i }],
    priority: P,
  },
  {
    key: 'jwt.jose.not_before',
    provider: 'jose',
    finding: 'clock_skew',
    severity: 'error',
    title: 'jose: the token is not valid yet ("nbf" claim timestamp check failed)',
    meaning: "The token's nbf lies in the future for the verifying host.",
    causes: ["The verifier's clock is behind the issuer's.", 'The issuer set nbf in the future on purpose.'],
    fixes: ['Run `oauth-doctor decode <token>` to see nbf in human time.', 'Synchronise the clocks or pass a small clockTolerance to jwtVerify().'],
    sources: [JOSE, 'RFC 7519 §4.1.5'],
    match: [{ code: ['jose:ERR_JWT_CLAIM_VALIDATION_FAILED', 'jose:JWTClaimValidationFailed'], text: /"nbf" claim timestamp check failed/i }, { text: /"nbf" claim timestamp check failed/i }],
    priority: P,
  },
  {
    key: 'jwt.jose.iat_future',
    provider: 'jose',
    finding: 'clock_skew',
    severity: 'error',
    title: 'jose: the token was issued in the future ("iat" claim timestamp check failed)',
    meaning: "The token's iat lies ahead of the verifying host's clock, which can only mean the clocks of issuer and verifier disagree.",
    causes: ["The verifying host's clock is behind the issuer's (container or VM without time sync)."],
    fixes: ['Run `oauth-doctor decode <token>` to see iat and the skew.', 'Synchronise the clocks; allow a few seconds with clockTolerance.'],
    sources: [JOSE, 'RFC 7519 §4.1.6'],
    match: [{ text: /"iat" claim timestamp check failed \(it should be in the past\)/i }],
    priority: P + 1,
  },
  {
    key: 'jwt.jose.alg_not_allowed',
    provider: 'jose',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jose: the token\'s alg is not allowed (ERR_JOSE_ALG_NOT_ALLOWED)',
    meaning:
      'The alg in the token header is not in the algorithms option of jwtVerify(), or does not fit the key. jose refuses it before checking the signature.',
    causes: [
      'algorithms lists a different algorithm than the issuer uses (RS256 vs ES256, HS256 vs RS256).',
      'The token is unsigned or forged.',
    ],
    fixes: ['Run `oauth-doctor decode <token>` to see the header alg.', "Set algorithms to the issuer's algorithm; never mix HS* with asymmetric algorithms."],
    sources: [JOSE, 'RFC 8725 §3.1'],
    match: [
      { code: ['jose:JOSEAlgNotAllowed', 'jose:ERR_JOSE_ALG_NOT_ALLOWED', 'ERR_JOSE_ALG_NOT_ALLOWED'] },
      { text: /ERR_JOSE_ALG_NOT_ALLOWED|"alg" \(Algorithm\) Header Parameter value not allowed/i },
    ],
    priority: P,
  },
  {
    key: 'jwt.jose.invalid_compact',
    provider: 'jose',
    finding: 'invalid_token',
    severity: 'error',
    title: 'jose: the string is not a compact JWS/JWT (ERR_JWS_INVALID / ERR_JWT_INVALID)',
    meaning: 'jose could not parse the token: it is not three base64url parts, or its payload is not a JSON claims set.',
    causes: [
      'A "Bearer " prefix, quotes or whitespace are still on the token.',
      'The token is opaque or a JWE, or the refresh token was passed instead of the access token.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>`: it cleans the token and says what kind of token it is.',
      "Strip the scheme before calling jwtVerify(); validate opaque tokens with the issuer's introspection endpoint.",
    ],
    sources: [JOSE, 'RFC 7515 §7.1', 'RFC 7519 §7.2'],
    match: [
      { code: ['jose:ERR_JWS_INVALID', 'jose:JWSInvalid', 'jose:ERR_JWT_INVALID', 'jose:JWTInvalid'] },
      { text: /Invalid Compact JWS/i },
    ],
    priority: P,
  },
  {
    key: 'jwt.jose.jwks_timeout',
    provider: 'jose',
    finding: 'network_error',
    severity: 'error',
    title: 'jose: fetching the JWKS timed out (ERR_JWKS_TIMEOUT)',
    meaning:
      'createRemoteJWKSet could not download the key set in time (5 s by default), so no token could be verified. The token is not at fault.',
    causes: [
      'The verifying host cannot reach the issuer (egress firewall, proxy not configured for Node, DNS).',
      'The JWKS URL points to an internal hostname not reachable from this host, or the issuer is slow.',
    ],
    fixes: [
      'From the same host, fetch the jwks_uri with curl and time it.',
      'Raise timeoutDuration in createRemoteJWKSet options, or configure the proxy for Node (HTTPS_PROXY with undici\'s EnvHttpProxyAgent).',
    ],
    sources: [JOSE],
    match: [{ code: ['jose:ERR_JWKS_TIMEOUT', 'jose:JWKSTimeout'] }],
    priority: P,
  },

  // ---------------------------------------------------------------- Spring Security resource server
  {
    key: 'jwt.spring.expired',
    provider: 'spring',
    finding: 'expired_token',
    severity: 'error',
    title: 'Spring Security: the JWT has expired (Jwt expired at ...)',
    meaning:
      "Spring Security's JwtTimestampValidator found exp in the past (with a default skew of 60 seconds). The resource server answers 401 with this message in the WWW-Authenticate error_description.",
    causes: [
      'The client sent an access token past its lifetime instead of refreshing it.',
      "The resource server's clock is ahead of the issuer's by more than the allowed skew.",
    ],
    fixes: [
      DECODE_EXP,
      'Refresh the token on the client before it expires; retry once on 401.',
      'If clocks differ, fix them; JwtTimestampValidator accepts a custom clockSkew as a last resort.',
    ],
    sources: [SPRING, 'RFC 7519 §4.1.4', 'RFC 6750 §3.1'],
    match: [{ code: ['invalid_token'], text: /Jwt expired at/i }, { text: /\bJwt expired at\b/i }],
    priority: P,
  },
  {
    key: 'jwt.spring.no_matching_key',
    provider: 'spring',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Spring Security: Signed JWT rejected: Another algorithm expected, or no matching key(s) found',
    meaning:
      "Nimbus, under Spring's NimbusJwtDecoder, found no key in the configured JWKS that matches the token's kid and alg. The token was signed by a key or algorithm this resource server does not know.",
    causes: [
      'jwk-set-uri / issuer-uri point to another issuer, tenant or realm than the one that minted the token.',
      'The token is HS256 while the decoder expects RS256 keys from a JWKS (or the reverse).',
      "The issuer rotated keys and the token's kid is not yet (or no longer) in the fetched JWKS.",
      'Microsoft Entra: a Microsoft Graph token was sent to your API; it is not meant to be verified by you.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token> --issuer <issuer URL>`: it shows the token's kid and alg and whether the issuer's JWKS has that kid.",
      "Set spring.security.oauth2.resourceserver.jwt.issuer-uri to the token's iss (or jwk-set-uri to that issuer's jwks_uri).",
      'If the issuer signs with another algorithm, set jws-algorithms (e.g. ES256) accordingly.',
    ],
    sources: [SPRING, 'RFC 7517 §4.5', 'RFC 7515 §4.1.4'],
    match: [{ text: /Signed JWT rejected: Another algorithm expected, or no matching key/i }],
    priority: P,
  },
  {
    key: 'jwt.spring.issuer',
    provider: 'spring',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'Spring Security: The iss claim is not valid',
    meaning: "The token's iss differs from the issuer-uri the resource server is configured with; Spring compares them exactly.",
    causes: [
      'The issuer is reached under two URLs (public vs internal hostname, Keycloak behind a proxy), and the token carries the other one.',
      'A trailing slash or http vs https difference.',
      'A token from another tenant or realm.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token>` and compare iss with spring.security.oauth2.resourceserver.jwt.issuer-uri.",
      'Make the issuer publish one public URL (Keycloak: hostname setting) and configure that in issuer-uri; use jwk-set-uri for an internal key URL if needed.',
    ],
    sources: [SPRING, 'RFC 7519 §4.1.1'],
    match: [{ code: ['invalid_token'], text: /The iss claim is not valid/i }, { text: /The iss claim is not valid/i }],
    priority: P,
  },

  // ---------------------------------------------------------------- Microsoft.IdentityModel (ASP.NET Core JwtBearer)
  {
    key: 'jwt.identitymodel.expired',
    provider: 'identitymodel',
    finding: 'expired_token',
    severity: 'error',
    title: '.NET JwtBearer: Lifetime validation failed, the token is expired (IDX10223)',
    meaning:
      "Microsoft.IdentityModel found the token's exp in the past, beyond the ClockSkew (5 minutes by default). JwtBearer answers 401 with `error=\"invalid_token\", error_description=\"The token expired at '...'\"`.",
    causes: ['The client sent an access token past its lifetime instead of refreshing it.', 'The server clock is far ahead of the issuer.'],
    fixes: [DECODE_EXP, 'Refresh tokens on the client before they expire (MSAL acquireTokenSilent does this).'],
    sources: [IDMODEL, 'RFC 7519 §4.1.4', 'RFC 6750 §3.1'],
    // A gap of whole hours between ValidTo and the current time is a time zone: the general reading answers (explain/time-window.ts).
    match: [{ text: /\bIDX10223\b/, notContext: ['window_whole_hours'] }, { code: ['invalid_token'], text: /The token expired at/i, notContext: ['window_whole_hours'] }],
    priority: P,
  },
  {
    key: 'jwt.identitymodel.not_yet_valid',
    provider: 'identitymodel',
    finding: 'clock_skew',
    severity: 'error',
    title: '.NET JwtBearer: the token is not yet valid (IDX10222)',
    meaning: "The token's nbf lies in the future for the server, beyond the allowed ClockSkew.",
    causes: ["The server's clock is behind the issuer's."],
    fixes: ['Run `oauth-doctor decode <token>` to see nbf in human time.', 'Synchronise the server clock.'],
    sources: [IDMODEL, 'RFC 7519 §4.1.5'],
    match: [{ text: /\bIDX10222\b/ }, { code: ['invalid_token'], text: /The token is not valid before/i }],
    priority: P,
  },
  {
    key: 'jwt.identitymodel.audience',
    provider: 'identitymodel',
    finding: 'invalid_token',
    severity: 'error',
    title: '.NET JwtBearer: audience validation failed (IDX10214)',
    meaning: "The token's aud is not among ValidAudience/ValidAudiences: the token was issued for another API or client.",
    causes: [
      'On Microsoft Entra, aud is the Application ID URI (api://...) or the client ID depending on the token version; the configured audience has the other form.',
      'A Microsoft Graph token or an ID token was sent to the API.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` and put its aud into ValidAudiences (both api://<id> and <id> if tokens of both versions arrive).',
      'Request the token with scope=api://<your API client id>/.default (or a scope exposed by your API).',
    ],
    sources: [IDMODEL, 'RFC 7519 §4.1.3'],
    match: [{ text: /\bIDX10214\b/ }, { code: ['invalid_token'], text: /The audience '[^']*' is invalid/i }],
    priority: P,
  },
  {
    key: 'jwt.identitymodel.issuer',
    provider: 'identitymodel',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: '.NET JwtBearer: issuer validation failed (IDX10205)',
    meaning: "The token's iss is not the expected issuer.",
    causes: [
      'Microsoft Entra: v1 tokens carry https://sts.windows.net/<tenant>/ and v2 tokens https://login.microsoftonline.com/<tenant>/v2.0; the API expects the other one.',
      'A multitenant API validates against a single tenant\'s issuer.',
    ],
    fixes: [
      'Run `oauth-doctor decode <token>` to read iss and ver.',
      "Set accessTokenAcceptedVersion: 2 in the API app registration's manifest, or add both issuers to ValidIssuers.",
    ],
    sources: [IDMODEL, 'RFC 7519 §4.1.1'],
    match: [{ text: /\bIDX10205\b/ }, { code: ['invalid_token'], text: /The issuer '[^']*' is invalid/i }],
    priority: P,
  },
  {
    key: 'jwt.identitymodel.signature',
    provider: 'identitymodel',
    finding: 'invalid_token',
    severity: 'error',
    title: '.NET JwtBearer: signature validation failed or no key matches the kid (IDX10503 / IDX10501 / IDX10511)',
    meaning: "None of the signing keys the API knows validates the token's signature, or none has the token's kid.",
    causes: [
      'The Authority/MetadataAddress points to another tenant or issuer than the token.',
      'A Microsoft Graph access token (with a nonce in its header) was sent to your API; such tokens cannot be validated by third parties.',
      'Keys rotated and the cached metadata is stale.',
    ],
    fixes: [
      "Run `oauth-doctor decode <token> --issuer <issuer URL>` to compare the token's kid with the issuer's JWKS.",
      'Request a token for your own API (scope api://<client id>/.default), not for Graph.',
      "Set Authority to the token's issuer so the right metadata and keys are fetched.",
    ],
    sources: [IDMODEL, 'RFC 7515 §4.1.4'],
    match: [{ text: /\bIDX1050[13]\b|\bIDX10511\b|\bIDX10516\b/ }, { code: ['invalid_token'], text: /The signature (?:key was not found|is invalid)/i }],
    priority: P,
  },
];
