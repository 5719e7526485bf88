import type { KnowledgeEntry } from '../types.js';

/**
 * The general layer: how each cause is commonly written by any server or library, read before
 * giving up with `unknown`. These entries name no provider; they answer what the next library or
 * provider will say in its own words ("issued in the future", "nonce mismatch", "state cookie
 * missing", "i/o timeout"), and the codes providers make up for a known cause
 * (`invalid_client_id`, `expired_access_token`), read by their words.
 *
 * Priorities: a phrase that names a specific cause beats a general code (a clock-skew message
 * inside invalid_grant is about clocks), so those carry priority 2 or 3 (text 3 + 3 = 6 > a code's
 * 4); a phrase that only restates a class carries 0 or 1, under any code; wrappers carry -5.
 */

const TIME_CLAIMS = 'RFC 7519 §4.1.4–4.1.6 (clock skew allowance)';

export const generalEntries: readonly KnowledgeEntry[] = [
  // ── time ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'general.clock_skew',
    finding: 'clock_skew',
    severity: 'error',
    title: 'A token or assertion was refused for its time claims: the clocks disagree',
    meaning:
      'The check of iat, nbf or exp failed the wrong way round: the token (or a JWT assertion the client signed) looks issued in the future or not valid yet, ' +
      'or its window is outside what the receiver accepts. That happens when the clocks of the machine that made the token and the machine that checks it differ, ' +
      'by seconds (a zero tolerance) or by minutes and hours (a stopped or wrong system clock, a time zone applied twice).',
    causes: [
      'The clock of this machine, container or device is off: check it against an NTP source.',
      'The issuer\'s clock is ahead by a second or two and the verifier allows no tolerance at all.',
      'A JWT assertion (a service-account or private_key_jwt login) was signed with iat/exp computed from a wrong clock or in milliseconds instead of seconds.',
    ],
    fixes: [
      'Synchronise the clock with NTP (`timedatectl status`, `chronyc tracking`, `w32tm /resync`; on a VM or phone, enable automatic time).',
      'Allow a small clock tolerance in the verifier (30 to 60 seconds: clockTolerance, ClockSkew, leeway, allowed_clock_skew).',
      'Write iat, nbf and exp in whole seconds since the epoch (RFC 7519 NumericDate), not milliseconds.',
      'Compare the time claims with this machine\'s clock: `oauth-doctor decode <token>` shows them in UTC and relative to now.',
    ],
    sources: [TIME_CLAIMS, 'RFC 7519 §2 (NumericDate)', 'RFC 7523 §3'],
    match: [
      {
        text: /issued (?:at )?(?:time )?(?:is |was )?(?:more than \d+ \w+ )?in the future|\biat\b.{0,60}(?:future|in the past\)|greater than|after the current)|used (?:too early|before)|\bnot (?:yet valid|active yet)\b|\bnbf\b.{0,40}(?:future|after now|greater)|(?<!account for )clocks? (?:skew|drift|are not in sync|out of sync|differ)|\b(?:token|jwt) is not valid yet\b|\b(?:incorrect|invalid) id_token: (?:iat|nbf)\b|time ?skew|issued time cannot be greater|Issued at time is (?:invalid|more than)|reasonable timeframe|short-lived token|(?:system|server|device|machine) (?:clock|time) (?:is|was) (?:wrong|off|ahead|behind)|before the nbf|\bbefore use time\b|issued ?at\b.{0,30}in the future|\bexp\b['")]{0,3} (?:claim )?(?:is )?too far in the future|too far in the future|\('exp'\) must be a numeric value representing the future|unexpected JWT "nbf"|must be issued before the current time|not within its valid time range/i,
        // The window the message prints ended before its current time: expired, not a clock ahead.
        notContext: ['window_passed'],
      },
      { codeLike: /(?:^|_)(?:clock|skew|iat|nbf|future|not_yet_valid|too_early|immature|time_skew)(?:_|$)/ },
      // Kong's jwt plugin ({"nbf":"token not valid yet"}) and SAP's java-security ("Jwt cannot be accepted before ...").
      { text: /\b(?:token|jwt) not valid yet\b|\bJwt cannot be accepted before\b/i, notContext: ['window_passed'] },
    ],
    priority: 3,
  },
  {
    key: 'general.clock_timezone',
    finding: 'clock_skew',
    severity: 'error',
    title: 'The token looks expired by a whole number of hours: a time zone applied twice',
    meaning:
      'The message prints the token\'s end of validity and the current time, and the two differ by a whole number of hours (to the minute). ' +
      'A token that really expired would be refused at any minute after its exp; a round gap of hours is the signature of a clock set to local time ' +
      'while it claims to be UTC, or of a time zone added twice when the time was written or read.',
    causes: [
      'The checking machine\'s clock is set to local time but its time zone says UTC (or the reverse), so its "now" is hours off.',
      'The code that writes or reads the time claims converts a local time to UTC twice, or not at all.',
    ],
    fixes: [
      'Compare the machine\'s UTC time (`date -u`) with a reference (`chronyc tracking`, `w32tm /stripchart /computer:time.windows.com`); set the time zone, not the clock, to local time.',
      'Write and compare exp, nbf and iat as seconds since the epoch (UTC), never as local dates.',
      'Decode the token (`oauth-doctor decode <token>`): its exp shown in UTC against now tells which side is off.',
    ],
    sources: [TIME_CLAIMS, 'RFC 7519 §2 (NumericDate)'],
    provenance: ['001_b11ec28349281b2a.txt (Portainer: sessions ending early, a 7 h time zone difference suspected)'],
    match: [{ context: ['window_whole_hours'] }],
    priority: 3,
  },
  {
    key: 'general.expired_or_not_yet_valid',
    finding: 'expired_token',
    severity: 'error',
    title: 'The token has expired (or, less often, is not valid yet)',
    meaning:
      'The receiver says the token is outside its validity window without saying on which side. Past its exp is by far the more common: ' +
      'access tokens live minutes to an hour. "Not valid yet" (nbf or iat ahead of the receiver\'s clock) happens only when clocks disagree.',
    causes: [
      'The client sent a stored access token after its exp instead of refreshing it.',
      'Less often: the receiver\'s clock is behind the issuer\'s, so a fresh token is not valid yet there.',
    ],
    fixes: [
      'Refresh the token (or sign in again) and retry once with the new one.',
      'Decode it (`oauth-doctor decode <token>`): exp in the past means expired; nbf or iat ahead of now means the clocks differ.',
    ],
    sources: ['RFC 7519 §4.1.4', 'RFC 7519 §4.1.5', 'RFC 6750 §3.1 (invalid_token)'],
    match: [{ text: /\bexpired,? or (?:is )?not (?:yet )?valid yet\b|\bexpired,? or (?:is )?not yet valid\b|\bnot yet valid,? or (?:has )?expired\b/i }],
    // Above the clock-skew reading the same words also give (3 + 3): expiry is the likelier side.
    priority: 4,
  },
  {
    key: 'general.client_assertion_window',
    finding: 'invalid_client',
    severity: 'error',
    title: 'The client assertion was refused for its time window: a stale or expired assertion',
    meaning:
      'The client authenticated with a signed JWT (private_key_jwt, or a federated token such as a CI job\'s OIDC token or a Kubernetes service-account token used as client_assertion), ' +
      'and the server\'s current time is outside the assertion\'s iat/nbf/exp window. Most often the assertion is a federated token read once and sent again after it expired; ' +
      'when the window starts after the server\'s time, the signer\'s clock is ahead instead.',
    causes: [
      'A federated token (the projected service-account token file, the CI provider\'s OIDC token) was read once and reused after its exp, in a long job or a long-running process.',
      'The assertion is built once and cached, or built with an exp shorter than the time it takes to reach the token endpoint.',
      'The clock of the machine that signs the assertion is off (then the window starts after the server\'s current time).',
    ],
    fixes: [
      'Read the federated token file again, or request a new OIDC token, for every token request (or shortly before its exp); never cache the assertion.',
      'Build a fresh assertion per request, with iat = now, exp a few minutes ahead and a new jti.',
      'Compare the times the message prints: an expiry before the current time means a stale assertion; a start after it means a clock ahead (synchronise with NTP).',
    ],
    sources: ['RFC 7523 §3', 'RFC 7521 §4.2', 'RFC 7519 §4.1.4'],
    match: [
      {
        text: /\bclient[_ ]assertion\b[^\n]{0,60}\b(?:not within its valid time range|(?:has |is )?expired|(?:is )?not (?:yet )?valid yet|outside (?:of )?(?:its|the) (?:valid(?:ity)? )?(?:time )?(?:range|window))/i,
        notContext: ['window_ahead'],
      },
    ],
    // Above the clock-skew reading of "not within its valid time range" (3 + 3).
    priority: 4,
  },
  {
    key: 'general.client_assertion_expired',
    finding: 'expired_token',
    severity: 'error',
    title: 'Or: the token used as the assertion had expired before it was sent',
    meaning:
      'The times in the message show the assertion\'s window ended before the server\'s current time: the token presented (a federated OIDC or service-account token) had expired, so a fresh one is needed rather than another clock.',
    causes: ['The token file or the CI job\'s OIDC token is read once at start and reused after its exp.'],
    fixes: ['Get a new token for each token request (re-read the projected token file; request a new OIDC token in the job step that needs it).'],
    sources: ['RFC 7523 §3', 'RFC 7519 §4.1.4'],
    match: [{ text: /\bclient[_ ]assertion\b[^\n]{0,60}\b(?:not within its valid time range|expired)/i, context: ['window_passed'] }],
    alternative: true,
    priority: 1,
  },
  {
    key: 'general.time_claim_milliseconds',
    finding: 'invalid_token',
    severity: 'error',
    title: 'A time claim is in milliseconds, not seconds: the token is malformed',
    meaning:
      'JWT time claims (iat, nbf, exp) are NumericDate: seconds since 1970. The value printed has thirteen digits, a time in milliseconds, which a verifier reads as tens of thousands of years ahead. ' +
      'The token is wrong where it was made, not the clocks.',
    causes: ['The issuer (an authorization server, or your own code signing a JWT) writes Date.now() or currentTimeMillis() where seconds are required.'],
    fixes: [
      'Write time claims as Math.floor(Date.now() / 1000) (or the library\'s NumericDate helper); if the issuer is a server you do not run, report the bug to its maintainers.',
      'Decode the token (`oauth-doctor decode <token>`) to see which claims carry milliseconds.',
    ],
    sources: ['RFC 7519 §2 (NumericDate)', 'RFC 7519 §4.1.6'],
    match: [{ text: /\b(?:iat|exp|nbf)\b[^\n\d]{0,40}\b1\d{12}\b/i }],
    // Above the clock-skew reading of "issued in the future" (3 + 3).
    priority: 4,
  },
  {
    key: 'general.zero_expiry',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token has no exp claim: its expiry reads as the zero date',
    meaning:
      'The verifier printed the token\'s expiry as 0001-01-01 (the zero time of Go and .NET) or 1970-01-01 00:00:00 (zero seconds): it found no exp claim, or one it could not read, and refused the token as expired. ' +
      'The token did not age; it was issued without an expiry, which an ID token must carry.',
    causes: [
      'The issuer makes long-lived or "non-expiring" tokens without exp (API keys or personal tokens presented as JWTs).',
      'exp is present but not a number (a string or a date), so it is read as zero.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`): if exp is missing, configure the issuer to set one (a long lifetime is still a lifetime).',
      'If exp is a string, the issuer writes NumericDate wrongly (RFC 7519 §2): it must be a number of seconds.',
    ],
    sources: ['OpenID Connect Core 1.0 §2', 'RFC 7519 §4.1.4', 'RFC 7519 §2 (NumericDate)'],
    match: [{ text: /\bexpir(?:y|es|ed|ation)?(?: at| time)?:? ['"]?(?:0001-01-01|1970-01-01[T ]00:00:00)/i }],
    // Above the general expiry reading of the same line ("token is expired").
    priority: 4,
  },
  {
    key: 'general.expired_token',
    finding: 'expired_token',
    severity: 'error',
    title: 'The token has expired',
    meaning:
      'The token was checked and its exp time has passed. Access tokens live minutes to hours by design; the client has to get a new one (refresh it, or sign in again) rather than retry with the old one.',
    causes: [
      'The access or ID token is older than its lifetime and the client did not refresh it before using it.',
      'The client caches the token longer than its exp, or refreshes only after a failure.',
      'The clock of the checking machine is ahead, so a fresh token looks old (see clock_skew).',
    ],
    fixes: [
      'Refresh the token shortly before exp (use the refresh token, or a silent re-authentication) and retry the request once with the new one.',
      'Check exp against now with `oauth-doctor decode <token>`; if the token is fresh, compare the two machines\' clocks.',
      'If tokens expire much sooner than expected, read the access-token lifetime set at the provider.',
    ],
    sources: ['RFC 6750 §3.1 (invalid_token)', 'RFC 7519 §4.1.4', 'RFC 6749 §6'],
    provenance: ['001_b11ec28349281b2a.txt (expired token is a 401)'],
    match: [
      {
        text: /\b(?:access |id |bearer |auth |jwt |oidc )?token (?:has |is |was )?expired\b|\bexpired (?:access |auth(?:entication)? |id |bearer )?token\b|\bjwt (?:is )?expired\b|\bjwt_is_expired\b|\btoken expiry\b|\b(?:token|jwt)\b[^.\n]{0,40}\bexpired at\b|\bexpired_access_token\b|\baccess_token_expired\b|\btoken_expired\b|\bhas expired\b|\bExpired JWT\b|\bon or after the Expiration Time\b|\bTokenExpired(?:Error|Exception)\b|\bExpiredToken(?:Error|Exception)\b|\b(?:id|access)_token (?:has |is |was )?expired\b/i,
        // "expired, revoked or malformed", "invalid or expired": the server does not say which.
        notText: /expired,? or |or expired|expired, revoked|expired\/|\/expired|expired or (?:invalid|revoked)|invalid or expired|\b(?:authori[sz]ation |auth |device |verification )?code (?:has |is )?expired|\bcode expired\b|\bdevice code\b[^\n]{0,60}\bhas expired\b|expired, disabled/i,
        notCode: ['invalid_grant', 'invalid_client', 'unauthorized_client'],
      },
      { codeLike: /^(?!.*(?:refresh|code|device|password|secret|client))(?=.*(?:^|_)expired?(?:_|$))(?=.*(?:token|jwt|session|access|auth|credential|bearer))/ },
      // An API's own expired_token (Fitbit's errorType) is the access token; the device flow's is another entry.
      { code: ['expired_token'], context: ['resource'] },
    ],
    priority: 1,
  },
  {
    key: 'general.token_not_active',
    finding: 'expired_token',
    severity: 'error',
    title: 'The token is not active: expired, or not valid yet',
    meaning:
      'The server says the token is "not active". That covers a token past its exp and a token whose nbf or iat lies ahead of the server\'s clock; the words do not say which.',
    causes: [
      'The token expired (most often).',
      'The clocks of the issuer and of the checking server differ, so a fresh token is not valid yet there.',
      'The session behind the token was ended (logout, admin revocation) and the server reports it as not active.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`) and compare exp, nbf and iat with the current time: past exp means refresh it; a time ahead of now means fix the clocks.',
      'Refresh the token, or sign in again if the session was ended.',
    ],
    sources: ['RFC 7662 §2.2', TIME_CLAIMS],
    match: [{ text: /\b(?:token|jwt|session) (?:is )?(?:not|no longer) active\b/i, notCode: ['invalid_grant'] }],
    priority: 1,
  },
  {
    key: 'general.token_not_active_clock',
    finding: 'clock_skew',
    severity: 'error',
    title: 'Or: the token is not valid yet on this server (clock skew)',
    meaning: 'A token that is "not active" on one server and fine on another is usually a matter of clocks: nbf or iat ahead of the checking server\'s time.',
    causes: ['The checking server\'s clock is behind the issuer\'s.'],
    fixes: ['Compare the iat and nbf of the token (`oauth-doctor decode`) with the checking server\'s clock, and synchronise both with NTP.'],
    sources: [TIME_CLAIMS],
    match: [{ text: /\b(?:token|jwt) (?:is )?not active\b/i }],
    alternative: true,
    priority: -1,
  },

  // ── tokens refused at an API or by a verifier ──────────────────────────────────────────
  {
    key: 'general.invalid_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The token was refused: malformed, wrongly signed, for another audience, or revoked',
    meaning:
      'The receiver could not accept the token it was given. The words point to one of a few causes: a string that is not the token (a placeholder, a cut value, an ID token where an access token is expected), ' +
      'a signature made with a key the receiver does not have, an audience or type meant for another API, or a token revoked or replaced since.',
    causes: [
      'The wrong token was sent: an ID token where the API expects an access token, a token for another API (audience), or a placeholder or truncated value.',
      'The signature does not verify: the receiver fetched another issuer\'s keys, the signing key rotated, or the token was signed with HS256 where RS256 is expected.',
      'The token was revoked, or the user signed out, changed password or removed the app.',
      'If the words say "invalid or expired", an expired token is as likely as an invalid one.',
    ],
    fixes: [
      'Decode the token (`oauth-doctor decode <token>`): check typ, aud, iss, exp and the kid against what the receiver expects.',
      'Verify the signature against the issuer\'s JWKS (`oauth-doctor decode --issuer <issuer> <token>`).',
      'Get a new token and try again; if it fails the same way, the configuration (audience, issuer, keys) is wrong, not the token.',
    ],
    sources: ['RFC 6750 §3.1 (invalid_token)', 'RFC 7519 §7.2', 'RFC 8725 §3.1 (JWT best current practice)'],
    provenance: ['002_8a173236cfaf1cfa.txt (Invalid Access Token: re-authenticate the app)'],
    match: [
      {
        text: /\b(?:invalid|bad|malformed|unrecognized|unrecognised|unknown) (?:access |bearer |auth(?:entication)? |id |api |jwt |login )?token\b|\btoken (?:is )?(?:invalid|malformed|not valid|unrecognized)\b|\bjwt (?:is )?malformed\b|\bmalformed jwt\b|\bmissing\/invalid\b|\binvalid\/expired\b|\bsignature (?:verification )?(?:failed|is invalid|does not match|mismatch)|failed to verify (?:the )?(?:id token )?signature|\binvalid (?:jwt )?signature\b|did not contain any signing keys|no (?:matching|suitable|applicable) (?:signing )?keys?\b|\bkid\b.{0,40}not found|unable to find (?:a |the )?(?:signing )?key|(?:id|access) token (?:verification|validation) fail|verification of (?:the )?token failed|couldn't verify signed token|not from a supported provider|claim "?\w+"? is missing|\baudience (?:is )?invalid|\binvalid ?audience|\baud(?:ience)? (?:claim )?(?:mismatch|does not match|not allowed)|\baudiences?\b.{0,80}(?:not allowed|rejected|does not match|doesn't match|mismatch)|expected audience|wrong audience|incorrect (?:token )?audience|cannot be authenticated with the token|no auth provider found matching|invalid claim ['"]?aud\b|expired, revoked, malformed|expired, disabled,? or deleted|invalid or expired|expired or invalid|no known key successfully validated|\bJwt verification fails\b|\bjwks?\b.{0,40}(?:doesn't|does not) have (?:a )?key|\bkid\b.{0,60}(?:not available|no match|unknown|not found)|invalid kid|could not find kid|could not parse (?:the )?(?:inbound |access |id )?token|failed to validate (?:the )?(?:jwt |token )?signature|no valid key found|(?:not well formed|malformed) (?:jwt|token)|\bJWT is not well formed\b|\bclaim\b.{0,30}not present|token isn't active|\btoken (?:is )?(?:revoked|blacklisted|disabled)\b|InvalidAuthenticationToken|CompactToken parsing failed|invalid number of segments|not enough segments|token is malformed|failed to authenticate (?:the )?(?:provided )?token|cannot verify (?:the )?token|unexpected (?:JWT )?alg\b|\bnot allowed to be used (?:by|with) this (?:audience|application|app|client)\b|\bsigning key must be (?:specified|provided|set|configured)\b|\b(?:didn't|did not|could not|couldn't|unable to) find (?:a |the )?public ?key\b|\binvalid (?:api key|key|credentials) or (?:access |auth |bearer )?token\b|\b(?:must use|requires?|only accepts?) (?:an? )?(?:app(?:lication)?|user) access tokens?\b|\balg(?:orithm)? (?:is )?(?:not allowed|mismatch|not supported)|issuer or signature/i,
        notCode: ['invalid_grant', 'invalid_client', 'unauthorized_client', 'redirect_uri_mismatch', 'invalid_request'],
        // Dex's "Invalid or expired auth code.": "invalid or expired" is about the code there, not a token.
        notText: /\binvalid or expired (?:auth(?:orization)? )?code\b/i,
      },
      { codeLike: /^(?!.*(?:refresh|client|code|scope|grant|redirect|expired|dpop))(?=.*(?:token|jwt|jws|bearer|auth|signature|(?:^|_)kid(?:_|$)|jwk|audience|(?:^|_)aud(?:_|$)))(?=.*(?:invalid|bad|malformed|revoked|unknown|unverified|not_valid|rejected|mismatch|unauthori[sz]ed|authed|failed|missing|wrong))/ },
      // "access_denied: Invalid bearer token.": the description names the token; the code is only the class.
      { code: ['access_denied'], text: /\binvalid (?:bearer |access )?token\b/i },
      // At an API (not a token endpoint), "Bad credentials" is the token.
      { text: /\bBad credentials\b/i, notContext: ['token_endpoint'] },
      // An identity-aware proxy's signed assertion header refused by the app behind it is a token; at a token endpoint it is the grant.
      { text: /\binvalid (?:[\w-]{1,20} )?(?:jwt )?assertion\b/i, notContext: ['token_endpoint'], notCode: ['invalid_grant', 'invalid_client'] },
      // Apache APISIX jwt-auth: {"message":"failed to verify jwt"}.
      { text: /\bfailed to verify (?:the )?jwt\b/i, notCode: ['invalid_grant', 'invalid_client'] },
    ],
    priority: 1,
  },
  {
    key: 'general.keys_unreachable',
    finding: 'network_error',
    severity: 'error',
    title: 'Or: the verifier could not fetch the issuer\'s signing keys',
    meaning:
      'A verifier that finds no key for a token\'s kid may simply never have loaded the issuer\'s key set: the JWKS URL or the issuer is not reachable from where it runs (a container that cannot resolve the public host name, a proxy, TLS trust), so every token fails the same way.',
    causes: [
      'The issuer URL the verifier uses resolves or connects only from outside its network (a host name valid in the browser but not inside the container).',
      'A proxy or a certificate the verifier does not trust blocks the JWKS request; the log line before this one usually says so.',
    ],
    fixes: [
      'From the verifier\'s machine or container, fetch the JWKS (`curl -v <issuer>/.well-known/openid-configuration`, then its jwks_uri).',
      'Make the verifier reach the issuer by a name that works from where it runs, while tokens keep the public issuer.',
    ],
    sources: ['RFC 7517 §5', 'RFC 8414 §3', 'OpenID Connect Core 1.0 §10.1'],
    match: [{ text: /\b(?:didn't|did not|could not|couldn't|unable to) find (?:a |the )?(?:public ?key|signing key|key)\b|\bkid\b[^\n]{0,40}\bnot found\b|\bno matching (?:signing )?keys?\b/i }],
    alternative: true,
    priority: -1,
  },
  {
    key: 'general.issuer_mismatch',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'The issuer differs from the one expected',
    meaning:
      'The iss of a token, or the issuer of a discovery document, is not exactly the issuer the client or API is configured with. Issuers are compared as exact strings: ' +
      'a trailing slash, http against https, another host name for the same server (an internal name behind a proxy), or a tenant-specific URL against a common one all differ.',
    causes: [
      'The configured issuer differs from the provider\'s own in a detail: a trailing slash, the scheme, the port, a path such as /oauth2/default or /v2.0.',
      'The provider builds its issuer from the Host header it sees, so tokens fetched through an internal URL carry another issuer than tokens fetched from outside (reverse proxy, container network).',
      'The token comes from another tenant, realm or environment than the one configured.',
    ],
    fixes: [
      'Read the issuer the provider announces (`curl <issuer>/.well-known/openid-configuration`, field "issuer") and the iss of a token (`oauth-doctor decode <token>`), and configure exactly that string.',
      'Behind a proxy, make the provider use its public URL (for example a fixed hostname setting) and make every client use that same URL.',
      'Accept the tenant-specific issuers you expect explicitly instead of a generic one.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.3.7 (iss must match exactly)', 'OpenID Connect Discovery 1.0 §4.3', 'RFC 8414 §3', 'RFC 7519 §4.1.1', 'java-jwt (Auth0) source: JWTVerifier', 'jjwt source: DefaultJwtParser (0.12)', 'oauth4webapi source: src/index.ts', 'lestrrat-go/jwx source: jwt/validate.go', 'Nimbus OAuth 2.0 SDK source: IDTokenClaimsVerifier'],
    match: [
      { text: /unexpected JWT "iss"|Unexpected JWT issuer|"iss" not satisfied|unexpected "iss" \(issuer\) response parameter|Claim 'iss' value|Expected iss claim to be|\bIDX1020[14]\b|\bIDX10211\b|\b(?:Error\(|ErrorKind::)InvalidIssuer\b/i },
      {
        text: /unexpected iss(?:uer)? value|\biss(?:uer)?\b (?:claim )?(?:mismatch|does not match|did not match|doesn't match|is not valid|is invalid|validation fail)|invalid (?:token )?issuer|issuer (?:field )?(?:\S+ )?(?:in discovery data )?does not match|\bwrong iss\b|does not match (?:the )?(?:expected|configured) issuer|issued by a different provider|Issuer validation failed|The iss claim is not valid|\bIDX10205\b|\bIDX40001\b|issuer_mismatch|\bissuer\b.{0,20}(?:is )?not configured|iss claim has value|did not match the requested issuer|invalid claims?:? \{?['"]?iss\b|invalid claim ['"]iss['"]|IssuerError|\bunexpected "iss"|no (?:OpenID ?Connect|OIDC|identity) provider (?:found|configured|registered)|belongs to (?:a )?different authority|\bissuer\b[^\n]{0,120}\bspecified in the token does not match\b/i,
        // "Invalid issuer or signature" does not say which: that is invalid_token.
        notText: /issuer or signature/i,
      },
      { codeLike: /(?:^|_)(?:issuer|iss)(?:_|$)/ },
      // lua-resty-openidc: issuer "..." in id_token is not equal to the issuer from the discovery document "...".
      { text: /\bis not equal to the issuer from the discovery document\b/i },
    ],
    priority: 3,
  },
  {
    key: 'general.issuer_other_token',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Or: the wrong token was sent (one issued by another provider or for another purpose)',
    meaning:
      'An issuer that differs is as often the wrong token as a wrong configuration: an ID token of a social login sent where the API expects the token of its own identity service, ' +
      'or a token of another tenant or environment.',
    causes: [
      'The app sends the sign-in provider\'s ID token to a backend that verifies tokens of another issuer (exchange it first for the token the backend expects).',
      'A token of another environment or tenant is cached and sent.',
    ],
    fixes: ['Decode the token (`oauth-doctor decode <token>`): its iss names who issued it; send the token the receiver is configured for.'],
    sources: ['RFC 7519 §4.1.1', 'OpenID Connect Core 1.0 §3.1.3.7 (iss must match exactly)'],
    match: [{ text: /\binvalid (?:token )?issuer\b|\bunexpected iss(?:uer)? value\b|\bissued by a different provider\b/i }],
    alternative: true,
    priority: -1,
  },
  {
    key: 'general.federated_credential_mismatch',
    finding: 'issuer_mismatch',
    severity: 'error',
    title: 'No trust matches the federated token: its issuer, subject or audience differ from the one configured',
    meaning:
      'A workload presented a token from its own identity provider (a Kubernetes cluster, a CI system) to be exchanged for a cloud credential. The cloud looks for a trust configured with exactly that issuer, subject and audience and found none. ' +
      'Issuers are compared as exact strings, so a trailing slash or another cluster\'s URL is enough; subjects name one service account, branch or environment.',
    causes: [
      'The issuer configured in the trust differs from the iss of the token: a trailing slash, another cluster, region or CI organisation URL.',
      'The subject differs: another namespace or service account, a pull request or environment instead of a branch in a CI job.',
      'The audience of the token is not the one the trust expects.',
    ],
    fixes: [
      'Decode the federated token (`oauth-doctor decode <token>`) and copy its iss, sub and aud exactly into the trust (federated credential, role trust policy, workload identity pool).',
      'Compare the printed assertion issuer, subject and audience with the trust character by character.',
    ],
    sources: ['RFC 7523 §3', 'RFC 8693 §2.1', 'RFC 7519 §4.1.1'],
    match: [{ text: /\bno matching federated identity (?:record|credential)\b|\bfederated (?:identity )?credentials?\b[^\n]{0,60}\b(?:not found|does not match|no match)\b/i }],
    priority: 3,
  },
  {
    key: 'general.nonce_mismatch',
    finding: 'nonce_mismatch',
    severity: 'error',
    title: 'The ID token\'s nonce is missing or differs from the one sent',
    meaning:
      'The client sent a nonce in the authorization request and the ID token must carry the same value. A missing or different nonce means the client lost the value it stored ' +
      '(a cookie or session that did not survive the redirect, two logins in parallel), the provider did not echo it, or the token belongs to another login.',
    causes: [
      'The nonce was kept in a cookie or session that was lost on the way back (SameSite, another domain, a new session, an app restart).',
      'Two logins ran at once (two tabs, a double click) and the second overwrote the first one\'s nonce.',
      'The provider does not put the nonce in the ID token (some do not for every flow), or a hashed nonce was compared with the raw one.',
    ],
    fixes: [
      'Keep the nonce where it survives the redirect (the same session or a cookie with SameSite=None; Secure when the callback is cross-site), and delete it once used.',
      'Start only one login at a time per browser session.',
      'If the provider hashes the nonce (Sign in with Apple via Firebase), send the hash and keep the raw value for the comparison the SDK makes.',
    ],
    sources: ['OpenID Connect Core 1.0 §3.1.3.7 (step 11)', 'OpenID Connect Core 1.0 §15.5.2', 'Spring Security source: OidcIdTokenValidator', 'Nimbus OAuth 2.0 SDK source: IDTokenClaimsVerifier', 'Microsoft.IdentityModel (Microsoft identity platform): OpenID Connect protocol validation IDX21xxx messages'],
    // DPoP's nonce (use_dpop_nonce) is another thing: its own entry answers.
    match: [
      { text: /\bIDX213(?:2[0146]|49)\b|ID Token contains invalid claims: \{?nonce\b|Unexpected JWT nonce \(nonce\) claim|Missing JWT nonce \(nonce\) claim/i },
      {
        text: /\bnonce\b.{0,30}(?:mismatch|does not match|did not match|doesn't match|not match|missing|not found|is invalid)|(?:wrong|invalid|unexpected|missing|bad) ['"]?nonce\b|Missing ['"]nonce['"] claim|nonce mismatch|AuthInvalid\w{0,40}Nonce/i,
        notCode: ['use_dpop_nonce', 'invalid_dpop_proof'],
      },
      { code: ['nonce_mismatch', 'invalid_nonce'] },
      { text: /\bnonce is required|invalid claim ['"]nonce['"]|NonceError|Incorrect id_token: nonce|unexpected ID Token "nonce"|InvalidNonce|\bIDX21323\b/i },
      { codeLike: /^(?!.*dpop)(?=.*(?:^|_)nonce(?:_|$))/ },
      // lua-resty-openidc: nonce "..." in id_token is not equal to the nonce that was sent in the request "...".
      { text: /\bis not equal to the nonce that was sent\b/i },
    ],
    priority: 3,
  },

  // ── the authorization request and callback ─────────────────────────────────────────────
  {
    key: 'general.state_mismatch',
    finding: 'state_mismatch',
    severity: 'error',
    title: 'The state check of the callback failed (state or its cookie missing or different)',
    meaning:
      'Before redirecting to the provider the client stored a state value (in a cookie or the session); on the way back the value in the callback must match it. ' +
      'Here it was missing or different: almost always the cookie or session that held it did not come back, more rarely a forged or replayed callback.',
    causes: [
      'The state/correlation cookie was not sent back: SameSite=Lax/Strict on a cross-site POST callback, a Secure cookie over http, or a cookie set for another domain or path.',
      'The login started on one host name and the callback arrives on another (localhost vs 127.0.0.1, www vs bare domain, an internal name behind a proxy), so the cookie is not there.',
      'The session store lost it: several app instances without a shared session store, a restart, or a session that expired while the user was at the provider.',
      'The callback was reloaded or opened from history, or two logins ran in parallel.',
    ],
    fixes: [
      'Use one exact host name for the login and the callback, and make the redirect_uri use it.',
      'Set the state cookie with SameSite=None; Secure when the provider posts back (response_mode=form_post), and serve the app over https.',
      'Share sessions between instances (a shared store or sticky sessions) and check the cookie arrives on the callback in the browser\'s developer tools.',
      'Do not retry a callback: start a new login.',
    ],
    sources: ['RFC 6749 §10.12', 'RFC 6749 §4.1.1', 'RFC 9700 §4.7', 'openid-client v5 source: lib/client.js', 'oauth4webapi source: src/index.ts', 'AppAuth-Android source: AuthorizationException.java', 'oidc-client-ts source: src/OidcClient.ts'],
    provenance: ['002_8a173236cfaf1cfa.txt (authorization-code integration guide, state against CSRF)', '002_8a173236cfaf1cfa.txt (authorization-code integration guide, state against CSRF and 401 on mismatch)'],
    match: [
      { text: /checks\.state argument is missing|response parameter "state" missing|state missing from the response|Response state param did not match request state|State mismatch, expecting|message\.State is null or empty|\bIDX2133[01]\b|\bIDX21329\b|The oauth state was missing or invalid|No matching state found in storage|\bNo state in response\b/i },
      {
        text: /\bstate cookie|state (?:verification|validation|check) (?:has )?failed|\binvalid [`'"]?state\b|\bstate (?:is |was )?(?:missing|not found|not present)|missing state|initial state could not be found|InvalidStateException|csrf[_ ]detected|csrf (?:token )?(?:validation|verification|check) failed|anti-?csrf|Correlation failed|\.AspNetCore\.Correlation|correlation cookie|Cookie not found|cookies? (?:are |were )?(?:disabled|blocked|not enabled)|authorization_request_not_found|state_mismatch|unable to verify authorization request state|csrf cookie|(?:expired|missing) (?:or missing )?(?:oauth )?state|invalid_state_parameter|did not find expected authorization request details|unexpected "state"|Invalid authorization request state|Wrong state parameter|\bstate (?:parameter )?is different|AuthState(?:Forbidden|Missing)|(?:could not|couldn't|unable to) find (?:a )?(?:matching )?session|\bstate (?:parameter |value )?(?:mismatch|does not match|did not match|doesn't match)|\bmismatch(?:ed|ing)?[\s_]state\b|\binvalid (?:oauth )?state\b|\bstate (?:is )?not valid\b|validation[_ ]cookie\b/i,
      },
      { codeLike: /(?:^|_)(?:state|csrf|xsrf|correlation)(?:_|$)/ },
      // lua-resty-openidc ("state from argument ... does not match state restored from session", "no session state found") and oauth2-proxy's error page.
      { text: /\bdoes not match state restored from session\b|\bno session state found\b|\bUnable to find a valid CSRF token\b/i },
    ],
    priority: 2,
  },
  {
    key: 'general.redirect_uri_mismatch',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'The redirect_uri is not one registered for the client',
    meaning:
      'The authorization server compares the redirect_uri of the request with the redirect URIs registered for the client, character for character. This one did not match.',
    causes: [
      'It differs in scheme, host, port, path, case or trailing slash (http vs https behind a proxy, localhost vs 127.0.0.1, /callback vs /callback/).',
      'The app builds the URI from the request it sees (an internal host or http behind a TLS-terminating proxy).',
      'The URI is registered on another client, environment or tenant than the client_id used.',
      'The token request sends another redirect_uri than the authorization request did.',
    ],
    fixes: [
      'Copy the redirect_uri from the failing request (the browser\'s address bar or the app log) and register exactly that, or change the app to send the registered one.',
      'Behind a proxy, make the app honour X-Forwarded-Proto and X-Forwarded-Host so it builds the public https URL.',
      'Send the same redirect_uri in the authorization and token requests.',
    ],
    sources: ['RFC 6749 §3.1.2', 'RFC 6749 §4.1.3', 'RFC 9700 §4.1'],
    match: [
      {
        text: /redirect(?:ion)?[_ -]?ur[il]s?\b.{0,60}(?:mismatch|do(?:es)? not match|doesn't match|not (?:registered|whitelisted|allowed|permitted|valid|match|in the list)|is invalid|must match)|(?:invalid|unregistered|unknown|wrong|incorrect|bad) redirect(?:ion)?[_ -]?ur[il]|redirect(?:ion)? url is not permitted|callback url (?:mismatch|is not (?:allowed|registered|valid))|redirect_mismatch|reply url .{0,40}(?:does not match|not registered)|invalid parameter:? ['"]?redirect_uri|['"]?redirect_uri['"]? parameter must be|(?:missing|invalid|mismatching|mismatched|unregistered),? (?:or \w+ )?redirect(?:ion)?[_ -]?ur[il]|custom scheme (?:uri|url)s? (?:are )?not allowed|custom (?:uri )?scheme\b[^\n]{0,40}\bnot (?:enabled|allowed|supported|permitted)\b|\bdomain\b[^.\n]{0,40}\bis not authori[sz]ed (?:for oauth|to run)|unauthorized[-_]domain|redirect_uri is not associated|only supports? the oauth_callback value|\boauth_callback\b[^\n]{0,30}\b(?:not (?:supported|allowed|approved|valid)|mismatch)|\binvalid redirect:? [^\s]{0,200} does not match|\breply address\b.{0,120}(?:does not match|doesn't match|not registered|is not registered)/i,
      },
      { codeLike: /redirect|callback_ur[il]|reply_ur[il]|return_ur[il]/ },
    ],
    priority: 2,
  },
  {
    key: 'general.access_denied',
    finding: 'access_denied',
    severity: 'error',
    title: 'The user or a policy refused the request',
    meaning:
      'The authorization server refused to issue a grant: the user cancelled or declined consent, the user may not use this app (not assigned, blocked, unverified), ' +
      'or a policy (admin consent, conditional access, MFA, an app not approved) stopped it.',
    causes: [
      'The user pressed Cancel or Deny on the consent or sign-in page.',
      'The user is not assigned to the app, is disabled, or has not verified their e-mail address.',
      'An administrator has to approve the app or its permissions first, or a policy (MFA, device, location) blocks the sign-in.',
      'A silent request (prompt=none) needed an interactive sign-in or consent.',
    ],
    fixes: [
      'Read error_description: it usually names the policy or the missing assignment.',
      'Assign the user (or their group) to the app, or ask an administrator to grant consent for the app.',
      'For prompt=none failures (login_required, consent_required, interaction_required), fall back to an interactive login.',
      'Handle a user\'s cancel as a normal outcome: show the sign-in page again rather than an error.',
    ],
    sources: ['RFC 6749 §4.1.2.1', 'OpenID Connect Core 1.0 §3.1.2.6'],
    match: [
      {
        text: /\buser (?:has )?(?:denied|cancel+ed|declined|rejected)\b|\bnot assigned to\b|not allowed to access this app|consent (?:was )?(?:denied|declined)|\baccount (?:is |has been )?(?:disabled|locked|blocked|suspended|deactivated)\b|email[_ ]unverified|e-?mail (?:address )?(?:is )?not verified|needs? (?:admin(?:istrator)? )?(?:approval|consent)|not (?:approved|permitted) by (?:the |your )?admin|blocked by (?:your |the )?administrator|\binvalid (?:user|username|resource owner) (?:credentials|or password)|\b(?:wrong|invalid|incorrect) (?:e-?mail|username) or password\b|\baccount is not fully set up\b|\b(?:hasn't|has not|have not|haven't) approved\b|\b(?:have|has) denied access\b|\baccount does not have access\b|\bsign ?ups? (?:are )?not allowed\b|\bAccessDenied: Not authorized\b|\baccess for (?:user|account) \S{1,80} (?:is|was) denied\b/i,
      },
      { codeLike: /^(?!(?:permission_denied|access_forbidden)$)(?:.*(?:denied|declined|cancel+ed|rejected|blocked|suspended|locked|disabled_user|user_disabled|account_disabled|consent|(?:^|_)mfa(?:_|$)|interaction|login_required|policy|not_assigned|unverified|org_internal|disallowed_useragent))/ },
    ],
    priority: 2,
  },
  {
    key: 'general.unauthorized_client',
    finding: 'unauthorized_client',
    severity: 'error',
    title: 'This client may not use this grant or response type',
    meaning:
      'The client authenticated (or was identified), but its registration does not allow what it asked for: the grant type (client_credentials, password, refresh_token, device_code), ' +
      'the response type, or the flow from this kind of application (a web app redeeming a code from the browser, a public client asking for client_credentials).',
    causes: [
      'The grant type is not enabled for this client in the provider\'s console.',
      'The client type does not fit the flow: public vs confidential, SPA vs web vs native.',
      'The client has no service account or secret for client_credentials.',
    ],
    fixes: [
      'Enable the grant type for the client in the provider\'s console (often "Grant types", "Allowed grant types", "Capability config").',
      'Register the app under the platform that matches how it runs (single-page application, web, native) and use that client.',
      'Use the grant the client is registered for, or register another client for this one.',
    ],
    sources: ['RFC 6749 §5.2 (unauthorized_client)', 'RFC 7591 §2 (grant_types)'],
    match: [
      {
        text: /(?:client|application|app) (?:is )?not (?:authorized|allowed|permitted|enabled) (?:for|to use|to request|to retrieve|to exchange)|grant[_ ]types?\b.{0,40}not (?:allowed|permitted|authorized|enabled|supported for)|not authorized for (?:the )?(?:client credentials|this grant|grant)|AllowedGrantTypes|not configured to allow|does not have access to the api product|device_flow_disabled|must be (?:explicitly )?enabled for this (?:app|client|application)|(?:grant|flow) (?:type )?is not enabled|(?:unauthorized|invalid) grant type for (?:the )?client|grant[_ ]type is unauthori[sz]ed for/i,
      },
      { codeLike: /^(?=.*(?:client|app|application|flow|grant))(?=.*(?:not_allowed|disabled|not_authorized|unauthorized|not_enabled|not_permitted))/ },
      // "Client not allowed to exchange code" under invalid_grant: the description names the cause, the code only the class.
      { code: ['invalid_grant', 'invalid_request'], text: /\bclient (?:is )?not (?:allowed|authorized|permitted) to\b/i },
    ],
    priority: 2,
  },
  {
    key: 'general.invalid_scope',
    finding: 'invalid_scope',
    severity: 'error',
    title: 'A requested scope, resource or audience is not acceptable',
    meaning:
      'The authorization server did not accept a scope (or the resource or audience that scopes belong to) in the request: it does not exist, is misspelled, ' +
      'is not allowed for this client, or belongs to an API that is not registered.',
    causes: [
      'A scope name is misspelled, uses the wrong separator (commas instead of spaces), or belongs to another API version.',
      'The scope or API is not enabled or not granted to this client.',
      'The audience or resource parameter names an API the provider does not know.',
    ],
    fixes: [
      'Compare each requested scope with the provider\'s list, and separate scopes with spaces.',
      'Enable the API and grant its scopes to the client in the provider\'s console.',
      'Check the audience/resource parameter against the identifier of the API registered at the provider.',
    ],
    sources: ['RFC 6749 §3.3', 'RFC 6749 §5.2', 'RFC 8707 §2'],
    match: [
      {
        text: /\b(?:invalid|unknown|unsupported|disallowed|unrecognized|unrecognised|restricted) scopes?\b|\bscopes? (?:is |are )?(?:invalid|not (?:allowed|valid|supported|recognized|found|permitted)|do(?:es)? not exist|malformed)|\bscope\b[^\n]{0,80}\b(?:doesn't|does not|do not) exist|\bscope\b[^\n]{0,160}\bis not (?:supported|valid|allowed)\b|\bService not found\b|declined ?scopes?|DeclinedScopes|\bunauthorized_scope(?:_error)?\b|\b(?:resource|audience)\b.{0,40}(?:not found|not registered|does not exist|unknown)|\binvalid_target\b|\bunauthori[sz]ed scopes?\b|\bcannot grant scopes?\b/i,
      },
      { codeLike: /^(?=.*(?:scope|audience|resource|target))(?=.*(?:invalid|unknown|unsupported|not_allowed|unauthorized|disallowed|malformed|bad|not_found))/ },
      // Dex: "Requested scopes contain unauthorized scope(s): ...".
      { text: /\bcontain unauthorized scope\(s\)/i },
    ],
    priority: 3,
  },
  {
    key: 'general.insufficient_scope',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'The token lacks the scope or permission this call needs',
    meaning:
      'The API accepted who is calling but refuses this operation: the token does not carry the scope, role or permission it requires, or the user or app has not been granted it.',
    causes: [
      'The app did not request the scope this endpoint needs, or the user did not grant it on the consent page.',
      'The scope was added to the app after the user consented: the old token and refresh token still carry the old scopes.',
      'The user (or the app\'s service account) lacks the role or permission on this resource.',
    ],
    fixes: [
      'Look up the scope this endpoint requires in the API\'s documentation and add it to the authorization request.',
      'Sign in again with the new scopes (prompt=consent) so a new token carries them; a refresh does not add scopes.',
      'Decode the token (`oauth-doctor decode`) and read its scope / scp / roles claims.',
    ],
    sources: ['RFC 6750 §3.1', 'RFC 6749 §3.3'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 403 Forbidden?)'],
    match: [
      {
        text: /\binsufficient (?:permissions?|privileges?|scopes?|authentication scopes|access rights)\b|not enough permissions|\bmissing (?:required )?(?:scopes?|permissions?)\b|(?:scope|scp)['"]? claim does not contain|\bpermission.{0,20}\bmissing\b|_permission\b.{0,40}\bmissing\b|\bno apiproduct match\b|\bmissing_scope\b|\binsufficient_permissions?\b|does not contain (?:the )?(?:required )?scopes?|missing (?:these |the )?(?:following )?required scopes|\bscopes? (?:do(?:es)? not match|mismatch)\b|\bPermission \\?'[^'\\\n]{1,80}\\?' denied\b/i,
      },
      // Words that only say "not permitted": under an explicit denial (error=access_denied, AccessDenied,
      // "access ... is denied") they are the denial's reason, a user or policy refused, not a scope.
      {
        text: /does not have (?:the )?(?:required )?(?:scope|permission|role)s?|\bnot authorized to (?:access|perform|call)\b/i,
        notText: /\baccess[_ ]denied\b|\bAccessDenied\b|\baccess for (?:user|account|client) \S{1,80} (?:is|was) denied\b/i,
        notCode: ['access_denied'],
      },
      { codeLike: /^(?:(?:forbidden|permission_denied|access_forbidden)$|(?=.*(?:scope|permission|privilege|role|right))(?=.*(?:missing|insufficient|denied|lack|not_enough|required|forbidden|not_granted)))/ },
    ],
    priority: 2,
  },

  // ── client and grant at the token endpoint ─────────────────────────────────────────────
  {
    key: 'general.resource_owner_credentials',
    finding: 'access_denied',
    severity: 'error',
    title: "The user's name or password was refused (password grant)",
    meaning:
      'A resource owner password credentials grant (grant_type=password) was refused because of the user, not the client: ' +
      'the username or password is wrong, the user cannot sign in this way, or the account is locked or disabled. RFC 6749 answers it with invalid_grant.',
    causes: [
      'Wrong username or password, or a user of another realm, tenant or directory.',
      'The account is locked (too many failures), disabled, or must change its password or pass MFA first, which this grant cannot do.',
      'The password has characters (& + % =) that were not form-encoded in the request body.',
    ],
    fixes: [
      'Sign in with the same user in the provider\'s own login page to see what it says (locked, MFA, password change).',
      'Form-encode username and password in the body (`--data-urlencode`, URLSearchParams).',
      'Prefer the authorization code flow with PKCE: RFC 9700 (OAuth 2.0 security BCP) says the password grant must not be used.',
    ],
    sources: ['RFC 6749 §4.3', 'RFC 6749 §5.2', 'RFC 9700 §2.4'],
    match: [
      { code: ['invalid_grant'], text: /\bInvalid credentials given\b|\binvalid (?:user(?:name)?|resource owner) (?:credentials|or password|and password)\b|\b(?:wrong|invalid|incorrect|bad) username or password\b|\bbad user credentials\b/i },
      { code: ['invalid_grant'], context: ['password'] },
    ],
    priority: 3,
  },
  {
    key: 'general.unknown_client_id',
    finding: 'invalid_client',
    severity: 'error',
    title: 'The provider does not know this client_id',
    meaning:
      'The authorization server refused the request because of the client_id itself: no client is registered under it here. ' +
      'At the authorization endpoint no secret is involved yet, so the client_id (or the server it is sent to) is what is wrong.',
    causes: [
      'The client_id is mistyped, has whitespace or quotes around it, or belongs to another environment, tenant or realm.',
      'The client was deleted or never created on this server.',
      'The login goes to another authorization server than the one the client is registered with (a wrong issuer or base URL).',
    ],
    fixes: [
      'Copy the client_id again from the provider\'s list of applications on this server, and compare it character by character with what is sent.',
      'Check that the issuer (or authorization endpoint) is the server where the client is registered.',
      '`oauth-doctor probe --issuer URL --client-id ID` checks the client against the provider without a browser.',
    ],
    sources: ['RFC 6749 §4.1.2.1', 'RFC 6749 §2.2'],
    match: [{ text: /\bInvalid client_id parameter value\b|\bclient_id (?:parameter )?(?:is )?(?:unknown|not registered|not recogni[sz]ed)\b|\bunknown client_id\b/i }],
    priority: 3,
  },
  {
    key: 'general.invalid_client',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Client authentication failed: the client_id, the secret or the way they were sent',
    meaning:
      'The token endpoint did not accept the client\'s credentials: it does not know the client_id, the secret (or the signed assertion or key) is wrong, ' +
      'or the credentials were sent another way than the client is registered for (HTTP Basic vs the request body).',
    causes: [
      'The client secret is wrong, expired, rotated or belongs to another environment.',
      'The client_id is unknown here (another tenant, realm or region), or was deleted.',
      'The credentials are sent in the body where HTTP Basic is required, or the reverse.',
      'For a JWT client assertion or a service-account key: the key was deleted or rotated, or the assertion is signed with another key.',
    ],
    fixes: [
      'Copy the client_id and secret again from the provider\'s console, for this environment, and check nothing adds whitespace or quotes.',
      'Send them the way the client is registered for (token_endpoint_auth_method): `Authorization: Basic base64(urlencode(id):urlencode(secret))`, or client_id and client_secret in the form body.',
      'For a key or assertion: create a new key, download it again and check its key id is one the provider lists.',
      '`oauth-doctor login` tries both ways and says which one the provider accepts.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1', 'RFC 7523 §3'],
    match: [
      {
        text: /\b(?:invalid|unknown|bad|wrong|incorrect|unrecognized) client(?:[_ ]?(?:id|secret|credentials))?\b|\bclient (?:authentication|auth) (?:failed|is required|required)\b|\bclient[_ ]?(?:id|secret)s? (?:is |are |was )?(?:invalid|incorrect|wrong|not found|not valid|required|missing|not provided|must be (?:provided|sent))|must send a client_secret|\bclient (?:not found|does not exist|is disabled)\b|\bShared secret is required\b|\bInvalid JWT Signature\b|\bdeleted_client\b|Full authentication is required|Client secret is required|\bAPI key not valid\b|No client with id|Client secret validation failed|\bclient (?:was|has been) deleted\b|invalid (?:api |consumer )?key\/secret/i,
        notText: /redirect(?:ion)?[_ -]?ur[il]/i,
      },
      { text: /\bBad credentials\b/i, context: ['token_endpoint'] },
      // Codes a provider makes up, read by their words; the RFC's own invalid_client has its entry (rfc.ts).
      { codeLike: /^(?!invalid_credentials$)(?!.*(?:redirect|scope|grant|not_allowed|disabled|not_authorized|unauthorized))(?=.*(?:(?:^|_)(?:client|app|application|consumer)(?:_|$)|secret|credential|api_key|assertion))(?=.*(?:invalid|unknown|bad|wrong|incorrect|not_found|mismatch|missing|required|deleted|failed|expired))/ },
    ],
    priority: 2,
  },
  {
    key: 'general.app_signature_not_registered',
    finding: 'invalid_client',
    severity: 'error',
    title: "The app's signing certificate (key hash or SHA-1 fingerprint) is not registered for this client",
    meaning:
      'A mobile app is identified to the provider by its package or bundle name and the fingerprint of the certificate it is signed with, registered with the client. ' +
      'Sign-in is refused when the running app\'s pair matches no registered client: the provider cannot tell this build from an impostor.',
    causes: [
      'The fingerprint of the certificate this build is signed with is not registered: a debug keystore, another developer\'s machine, or the store re-signing release builds with its own key.',
      'The key hash was computed from the wrong keystore or with the wrong password (a wrong password still prints a hash, of nothing).',
      'The client id configured in the app is not the one registered for this platform (a web client id where the Android one is needed, or the reverse).',
    ],
    fixes: [
      'Print the fingerprint of the certificate that signed the running build (`keytool -list -v -keystore <keystore>`, or `./gradlew signingReport`) and register it (SHA-1 and SHA-256, or the base64 key hash) on the provider\'s client.',
      'For store builds, also register the fingerprint of the store\'s app signing key, shown in the store console.',
      'Check that the package name and the client id in the app are those of the registered client.',
    ],
    sources: ['RFC 8252 §8.6', 'RFC 8252 §8.4', 'RFC 6749 §2.1'],
    match: [{ text: /\bkey hash(?:es)?\b[^\n]{0,60}\b(?:does not match|doesn't match|not match|not registered)|\binvalid key hash\b|\bDEVELOPER_ERROR\b|\bApiException: 10:|Developer console is not set up correctly|\bSHA-?1\b[^\n]{0,40}\b(?:fingerprint|certificate)\b[^\n]{0,40}\b(?:not registered|does not match|mismatch)|\bsignInResult:failed code=10\b/i }],
    priority: 3,
  },
  {
    key: 'general.basic_challenge_oauth',
    finding: 'invalid_client',
    severity: 'error',
    title: 'The OAuth server asks for the client credentials with HTTP Basic: client authentication failed',
    meaning:
      'An authorization server answered 401 with `WWW-Authenticate: Basic`. RFC 6749 makes that the answer to a client that failed to authenticate: ' +
      'the client_id and client_secret were missing, wrong, or not sent in the Authorization header the server expects.',
    causes: [
      'No client_secret was sent, or it is wrong for this client_id.',
      'The credentials were sent in the body where this server expects HTTP Basic (client_secret_basic), or the reverse.',
      'The Basic header was built from values that were not form-encoded first.',
    ],
    fixes: [
      'Send `Authorization: Basic base64(urlencode(client_id) + ":" + urlencode(client_secret))` with the token request.',
      'Copy the secret again from the server\'s client registration; `oauth-doctor login` tries both methods and says which one the server accepts.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1', 'RFC 7617 §2'],
    provenance: ['000_771f3fde50da5341.txt (Thinktecture AuthorizationServer: invalid_client until the credentials go in HTTP Basic)'],
    match: [
      { status: [401], challenge: 'Basic', context: ['token_endpoint'] },
      // The realm names the OAuth server itself ("OAuth2", "...Auth", "token"): a 401 there is the client's credentials.
      { status: [401], text: /WWW-Authenticate:? ['"]?Basic realm=['"]?[^'"\n]{0,30}(?:oauth|token|oidc|openid|auth2?['"])/i },
    ],
    priority: 1,
  },
  {
    key: 'general.assertion_signature',
    finding: 'invalid_client',
    severity: 'error',
    title: 'The signed JWT assertion was refused: the key does not match',
    meaning:
      'A JWT assertion (a service-account login, private_key_jwt) is checked with the public key the provider holds for that key id. "Invalid JWT signature" means the key that signed it is not one the provider knows for this account any more.',
    causes: [
      'The service-account key was deleted, disabled or rotated, and the application still uses the old key file.',
      'The key file belongs to another account or project.',
    ],
    fixes: [
      'Create a new key for the account, replace the key file everywhere it is deployed, and delete the old one.',
      'Check that the key id (kid) in the assertion header is one the provider lists for the account.',
    ],
    sources: ['RFC 7523 §3', 'RFC 7523 §2.2'],
    match: [
      { code: ['invalid_grant', 'invalid_client'], text: /Invalid JWT Signature|assertion signature|signature of the (?:jwt|assertion)/i },
      { code: ['invalid_grant', 'invalid_client'], text: /Invalid JWT Signature|assertion signature|signature of the (?:jwt|assertion)/i, context: ['assertion'] },
    ],
    priority: 3,
  },
  {
    key: 'general.refresh_token_rejected',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'The refresh token was refused',
    meaning:
      'The token endpoint would not exchange the refresh token for new tokens: it expired, was revoked, was already used once where refresh tokens rotate, or belongs to another client. A new sign-in is the only way to get a new one.',
    causes: [
      'The refresh token expired (idle or absolute lifetime), or the user\'s session at the provider ended.',
      'It was revoked: the user removed the app, changed password, or an administrator ended the session.',
      'Refresh tokens rotate and an older one was used again (two processes refreshing at once, or a refresh result not saved).',
      'It was issued to another client_id, or for another environment.',
    ],
    fixes: [
      'Send the user through the login again and store the new refresh token.',
      'Save the refresh token returned by every refresh (it may be new), and refresh from one place at a time.',
      'Use the same client_id (and secret) for the refresh as for the login that issued the token.',
    ],
    sources: ['RFC 6749 §6', 'RFC 6749 §5.2', 'RFC 9700 §4.14.2 (refresh token rotation)'],
    match: [
      {
        text: /\brefresh[_ ]?token\b.{0,40}(?:invalid|expired|revoked|not found|not valid|reuse|already (?:been )?used|rejected|validation failed)|\binvalid refresh[_ ]?token\b|\bexpired refresh[_ ]?token\b|\bunable to refresh\b|\bfailed to refresh (?:the )?(?:access )?token\b|\bStale (?:refresh )?token\b|\brefresh token\b.{0,60}\b(?:consumed|reused|different client|another client)\b|\bgrant has been revoked\b|\bREFRESH_TOKEN_ERROR\b|\btoken (?:was )?not issued to this client\b|\btoken was issued to (?:a |an )?(?:different|another) client\b|\bcannot renew (?:a )?revoked token\b|\btoken refresh (?:error|failed|failure)\b|\brefresh(?:ing)? (?:the )?(?:access )?token failed\b/i,
        // "Unable to refresh token (StatusCode: 500)": the server failed, the token was never judged.
        notStatus: [500, 502, 503, 504],
      },
      // A library's "refresh" of a service-account (JWT assertion) credential sends no refresh token.
      { code: ['invalid_grant'], context: ['refresh'], notContext: ['assertion'] },
      { code: ['invalid_grant'], text: /refresh[\s_-]?token|token (?:has been )?(?:expired or )?revoked/i },
      // A grant tied to a session that ended, or a "token" that expired: codes are not tokens, so this is the refresh token.
      { code: ['invalid_grant'], text: /\bsession\b|\btoken (?:is |has )?(?:not active|expired|been revoked|revoked)\b/i, notContext: ['code_exchange'] },
      { codeLike: /^(?=.*refresh)(?=.*(?:invalid|expired?|revoked|rejected|reuse|used|not_found|bad|failed|denied))/ },
      // mod_auth_openidc: "access_token could not be refreshed" after a refresh grant failed.
      { text: /\baccess[_ ]token could not be refreshed\b/i, notStatus: [500, 502, 503, 504] },
    ],
    priority: 2,
  },
  {
    key: 'general.invalid_grant_either',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Or: a refresh token was refused (invalid_grant)',
    meaning:
      'invalid_grant is the same answer for a bad authorization code and for a bad refresh token. Nothing in the input says which grant was sent: if your code was refreshing, read this one.',
    causes: ['The refresh token expired, was revoked, or was used again after rotation.'],
    fixes: ['Look at the grant_type of the failing request: refresh_token means this finding, authorization_code the one above.', 'For a refresh token: sign the user in again and store the new one.'],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §6'],
    match: [{ code: ['invalid_grant'], notContext: ['refresh', 'code_exchange', 'assertion', 'password', 'device'] }],
    alternative: true,
    priority: -2,
  },
  {
    key: 'general.authorization_code_rejected',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'The authorization code was refused',
    meaning:
      'The token endpoint would not redeem the authorization code: it was used already, expired, is malformed (still URL-encoded, cut), was issued to another client or redirect_uri, ' +
      'or its PKCE code_verifier is missing or does not match the code_challenge.',
    causes: [
      'The code was redeemed twice: a reload of the callback page, a retry, two handlers, or a browser prefetch.',
      'The code expired: they live seconds to minutes.',
      'The token request uses another client_id or redirect_uri than the authorization request.',
      'PKCE: the code_verifier was not sent, or was generated again instead of reusing the one behind the code_challenge.',
    ],
    fixes: [
      'Redeem each code once, right after the callback; do not retry with the same code.',
      'Send the same client_id and redirect_uri to the token endpoint as to the authorization endpoint.',
      'With PKCE, keep the code_verifier from the start of the login (session or storage that survives the redirect) and send it with the code.',
      'Start a new login for a fresh code.',
    ],
    sources: ['RFC 6749 §4.1.2', 'RFC 6749 §4.1.3', 'RFC 7636 §4.6'],
    match: [
      {
        text: /\b(?:invalid|bad|expired|malformed|unknown|incorrect) (?:authori[sz]ation |auth )?code\b|\bcode (?:has )?(?:expired|already (?:been )?(?:used|redeemed)|was already redeemed|is (?:not valid|invalid|expired))|\bcode has (?:already )?been (?:used|redeemed|consumed)\b|\bcode[_ ]verifier\b|\bpkce\b|\bpkce[_ ]?code[_ ]?verifier\b|\bcode[_ ]challenge\b|\bredirectUri passed to \/authorize must also be passed to \/token|\bauthori[sz]ation code (?:has been|was|is) (?:revoked|expired|used|redeemed)\b/i,
        // A device code is the device flow's (rfc8628.expired_token), not an authorization code.
        notText: /code[_ ]verifier.{0,40}(?:must be (?:between|at least|\d)|characters long|length|illegal)|code_challenge_method|code[_ ]challenge (?:is )?required|\bdevice (?:authori[sz]ation )?code\b/i,
      },
      { code: ['invalid_grant'], context: ['code_exchange'], notContext: ['refresh'] },
      { codeLike: /^(?!.*(?:device|refresh|client|user_code))(?=.*(?:^|_)(?:code|verifier|pkce|challenge|verification)(?:_|$))(?=.*(?:invalid|expired?|used|bad|mismatch|not_found|missing|redeemed|incorrect|wrong))/ },
    ],
    priority: 1,
  },
  {
    key: 'general.pkce_format',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The PKCE parameters are malformed',
    meaning:
      'A code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9 and -._~, and code_challenge_method S256 (or plain) must be sent with the code_challenge. The request broke one of these rules, so it is malformed rather than refused.',
    causes: ['The code_verifier is too short, too long, or contains characters outside the allowed set (base64 + or / instead of base64url).', 'code_challenge_method was left out, or a server requires S256 and got plain.'],
    fixes: ['Make the verifier 32 random bytes, base64url-encoded without padding (43 characters), and the challenge BASE64URL(SHA256(verifier)) with code_challenge_method=S256.'],
    sources: ['RFC 7636 §4.1', 'RFC 7636 §4.2', 'RFC 7636 §4.3'],
    match: [{ text: /code[_ ]verifier.{0,40}(?:must be (?:between|at least|\d)|characters long|length|illegal|invalid characters)|code_challenge_method/i }],
    priority: 3,
  },
  {
    key: 'general.invalid_request',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The request is malformed: a parameter is missing, repeated or in the wrong format',
    meaning:
      'The server could not read the request: a required parameter is missing, one is sent twice, the body is not form-encoded, or a value has the wrong format.',
    causes: [
      'A required parameter is missing (grant_type, code, redirect_uri, client_id, scope).',
      'The token request body is JSON where application/x-www-form-urlencoded is required.',
      'A parameter is sent twice, or in two places (query and body, header and body).',
    ],
    fixes: [
      'Read error_description: it usually names the parameter.',
      'POST the token request as `Content-Type: application/x-www-form-urlencoded` with URL-encoded values.',
      'Compare the request with the provider\'s documented example, parameter by parameter.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6749 §4.1.3'],
    match: [
      {
        text: /\bmissing (?:required )?(?:parameter|argument)s?\b|\b(?:required )?parameter\b.{0,40}\b(?:is )?(?:missing|required|not (?:present|provided))\b|\bmalformed request\b|\bmissing field\b|"msg": ?"field required"|\bincludes? a parameter more than once\b|multiple client credentials|more than one (?:mechanism|method) for authenticating|\bduplicate(?:d)? parameters?\b|must be (?:sent as )?application\/x-www-form-urlencoded|\bunsupported (?:content|media)[ -]type\b|No authorization token was found|Format is Authorization: Bearer|Authorization header (?:is )?(?:missing|malformed)|Authorization header format|missing required authentication credential|authentication token not provided|Authentication credentials not found|need: Basic realm|no (?:auth(?:orization)? |bearer |access )?token (?:was )?(?:provided|found|supplied)|code[_ ]challenge (?:is )?required|\bgrant[_ ]type (?:is )?(?:null|missing|empty|required)\b|\bmissing grant[_ ]type\b/i,
      },
      { codeLike: /(?:missing|malformed|invalid|unknown|duplicate)_(?:param|parameter|request|argument|field|header)|(?:^|_)bad_request(?:_|$)|parameter_(?:missing|absent|invalid)|^validation_(?:error|failed|exception)$/ },
      // A server that answers 400 because it could not decode the request body into its types.
      { status: [400], text: /\bcannot unmarshal\b|\bUnmarshal type error\b/i },
      // "Grant type is null" under invalid_grant: the request lacked grant_type; the code only classifies it.
      { code: ['invalid_grant'], text: /\bgrant[_ ]type (?:is )?(?:null|missing|empty|required)\b|\bmissing grant[_ ]type\b/i },
    ],
    priority: 0,
  },

  // ── getting there: discovery, endpoints, network, the server ───────────────────────────
  {
    key: 'general.wrong_endpoint_discovery',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'The discovery document or endpoint URL is wrong (not found, or not JSON)',
    meaning:
      'The client fetched a URL that is not the OAuth endpoint it expected: the discovery document is missing at the issuer URL, the URL has a typo or an extra path, ' +
      'or an HTML page (a login page, a proxy\'s error page, a single-page app\'s index) came back where JSON was expected.',
    causes: [
      'The issuer URL is wrong: a typo, a missing or extra path segment (/realms/<name>, /oauth2/default, /v2.0), a trailing slash, or the wrong tenant.',
      'The URL points at the web app or a proxy instead of the authorization server, so HTML comes back.',
      'The provider is not reachable under that name from where the client runs (container network, internal vs public URL).',
    ],
    fixes: [
      'Open `<issuer>/.well-known/openid-configuration` in a browser or with curl from where the client runs: it must be JSON whose "issuer" is the issuer you configured.',
      'Take the endpoints from that document instead of building them by hand.',
      'If HTML comes back, read it: a login page means a wrong path, a proxy error page means the request did not reach the server.',
    ],
    sources: ['OpenID Connect Discovery 1.0 §4', 'RFC 8414 §3'],
    match: [
      // Case as servers write it: "client certificate not found" is no 404.
      { text: /\.well-known\/(?:openid-configuration|oauth-authorization-server).{0,120}(?:\b404\b|Not Found|Cannot GET)/ },
      {
        text: /(?:invalid|malformed) discovery document|\bdiscovery document\b.{0,60}(?:error|invalid|could not|failed|not found)|error (?:retrieving|fetching|loading|parsing) (?:the )?(?:discovery|openid configuration)|Unable to resolve (?:the )?Configuration with the provided Issuer|\bCannot GET \/|Unable to get authority configuration|\bauthority\b.{0,60}(?:is )?(?:invalid|not (?:valid|found))|Invalid URL: issuer|openid_config_error|Could not retrieve endpoints|get keys failed: 404|Expected 200 OK from the JSON Web Key Set|\bJWKS endpoint did not contain any keys\b|not a conform Token Endpoint response/i,
        // "Error loading discovery document: Error connecting to ...: the SSL connection could not be established": the path, not the URL.
        notText: /\bError connecting to\b|could not be established|connection (?:refused|reset|timed out)|\bi\/o timeout\b|no such host|Name or service not known|certificate (?:signed by unknown authority|verify failed|has expired|is not trusted)/i,
      },
    ],
    priority: 2,
  },
  {
    key: 'general.html_instead_of_json',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'HTML came back where JSON was expected',
    meaning:
      'A JSON parser met "<": the server answered with an HTML page (a login page, an error page, a proxy or gateway page, a web app\'s index) instead of the JSON of an OAuth endpoint.',
    causes: [
      'The URL is not the endpoint: a wrong path or host, or the web app\'s own address.',
      'A proxy, firewall or captive portal answered instead of the server.',
      'The server failed and answered with its HTML error page (then the status is 5xx).',
    ],
    fixes: [
      'Fetch the same URL with `curl -i` and read the page that comes back: its title usually says what answered.',
      'Correct the URL from the provider\'s discovery document.',
    ],
    sources: ['RFC 6749 §5.1 (application/json)', 'RFC 8414 §3'],
    match: [{ text: /Unexpected token '?<'?|invalid character '.' looking for beginning of value|got "text\/html|Error while extracting response|unexpected response content-type|content-type is not JSON compatible|<!DOCTYPE[^\n]{0,40}is not valid JSON|is not (?:a )?valid JSON|Unexpected character \(?'?<|JSON\.parse: unexpected character|Expected (?:JSON|BEGIN_OBJECT)|The data couldn.t be read because it isn.t in the correct format|server response missing access_token|JSON (?:parse )?error/i }],
    priority: 0,
  },
  {
    key: 'general.network_error',
    finding: 'network_error',
    severity: 'error',
    title: 'The server could not be reached: DNS, connection, TLS trust or a timeout',
    meaning:
      'The request never got an HTTP answer: the name did not resolve, the connection was refused, reset or timed out, a proxy was in the way, or the TLS certificate was not trusted. ' +
      'There is no OAuth error to read; the problem is the path to the server.',
    causes: [
      'The host name does not resolve from where the client runs (a container, a private network, a typo).',
      'A firewall, proxy or egress rule blocks or delays the connection; a corporate proxy needs to be configured.',
      'The server\'s certificate is signed by a CA this client does not trust (a private or corporate CA, an intercepting proxy), is self-signed, or expired.',
      'The server is down or overloaded and does not answer in time.',
    ],
    fixes: [
      'From the same machine or container: `curl -v <url>` shows whether DNS, the connection or TLS fails.',
      'For certificate errors, give the client the CA that signed the server\'s certificate (Node: NODE_EXTRA_CA_CERTS; Java: the truststore; Python: REQUESTS_CA_BUNDLE / SSL_CERT_FILE; Go: the system pool or SSL_CERT_FILE) rather than turning verification off.',
      'Behind a proxy, set HTTPS_PROXY (and NO_PROXY for internal hosts) for the process.',
      'Raise the client\'s timeout only after checking that the server answers at all.',
    ],
    sources: ['RFC 6749 §3.1 and §3.2 (TLS required)', 'Node.js docs: Errors (Common system errors)', 'Node.js docs: TLS (X509 certificate error codes)'],
    match: [
      {
        text: /\bi\/o timeout\b|\bdial tcp\b|context deadline exceeded|Client\.Timeout exceeded|\b(?:request|connection|connect|read|operation) timed? ?out\b|\btimed out\b|\bunexpected EOF\b|\bEOF\b|connection (?:refused|reset|closed|aborted)|no such host|Name or service not known|could not resolve (?:host|proxy)|Temporary failure in name resolution|\bx509: |certificate (?:signed by unknown authority|verify failed|has expired|is not trusted|is not valid)|CERTIFICATE_VERIFY_FAILED|PKIX path (?:building|validation) failed|unable to find valid certification path|SSLHandshakeException|\bSSL(?:Error|Exception)\b|\btls: (?:failed|handshake|bad certificate)|handshake (?:failure|failed)|curl_easy_perform\(\) failed|tunneling socket could not be established|Proxy Authentication Required|\bstatusCode=407\b|\bnetwork (?:error|is unreachable)\b|socket hang up|I\/O error on (?:GET|POST) request|Unable to obtain configuration from|failed to (?:query|discover|fetch|get|connect to)[^.\n]{0,40}provider|Failed to discover OpenID provider|could not be reached|\bunreachable\b|Connection(?:Error|RefusedError)|ConnectTimeout|ReadTimeout|remote fetch is failed|Network request failed|Timeout occurred|SSL connection could not be established|\bError connecting to https?:|\bcertificate doesn'?t match (?:the )?configured thumbprint\b/i,
        // A server that answered 500 was reached: "dial tcp ... refused" in its body is its own backend failing.
        notStatus: [500],
        // So was one that answered 404: the path is wrong, not the network.
        notText: /\bHTTP Error 404\b|\b404:? Not Found\b/i,
      },
      // invalid_token whose description says the key set could not be fetched: the verifier's network, not the token.
      { code: ['invalid_token'], text: /Couldn'?t retrieve remote JWK set|\b(?:JWKS?|JWK set|key set)\b[^\n]{0,80}\b(?:timed out|timeout|connection refused|unreachable|could not connect)\b/i },
      // libcurl's messages as mod_auth_openidc logs them: curl_easy_perform(1/1) failed for <url> with: [Couldn't connect to server].
      { text: /\bcurl_easy_perform\(\d+\/\d+\) failed\b|\bCouldn't (?:connect to server|resolve host name)\b/i, notStatus: [500] },
    ],
    priority: 1,
  },
  {
    key: 'general.wrapped_token_error',
    finding: 'wrapped_token_error',
    severity: 'error',
    title: 'A library error that hides the server\'s real answer',
    meaning:
      'This is how a client library or framework reports that a token request or login failed, without the provider\'s answer in it. The cause is in that answer: the status, the error code and its description.',
    causes: [
      'The token endpoint answered an OAuth error (invalid_client, invalid_grant, redirect_uri_mismatch...) that the library did not print.',
      'The token endpoint could not be reached, or answered something that is not a token response (HTML, a 404, a redirect).',
    ],
    fixes: [
      'Print the wrapped answer: the error\'s response, body, data or cause property, or turn on the library\'s debug logging, and run `oauth-doctor explain` on that.',
      'Run `oauth-doctor login` with the same issuer, client_id and redirect URI: it shows the provider\'s answer to each step.',
    ],
    sources: ['RFC 6749 §5.2'],
    match: [
      {
        text: /Failed to obtain access token|Could not authenticate you from \w+|OAUTH_(?:GET_ACCESS_TOKEN|CALLBACK(?:_HANDLER)?)_ERROR|OAuthCallback(?:Error)?\b|OAuth flow failed|MissingTokenError|Missing access token parameter|Response Error: \d{3}|Failed to get token from provider|token exchange failed|Error redeeming code|Callback handler failed|server responded with (?:an error in the response body|a challenge in the WWW-Authenticate)|\bCallbackRouteError\b/i,
      },
    ],
    priority: -5,
  },
  {
    key: 'general.no_refresh_token',
    finding: 'no_refresh_token',
    severity: 'error',
    title: 'There is no refresh token to refresh with',
    meaning:
      'The client tried to renew an access token but holds no refresh token: the provider never issued one (offline access was not asked for, or is not allowed for this client), or it was not saved when it came.',
    causes: [
      'The authorization request did not ask for offline access (scope offline_access, or a provider parameter such as access_type=offline), so no refresh token came with the tokens.',
      'The provider issues a refresh token only at the first consent, and the stored one was lost or overwritten with an empty value on a later login.',
      'The client is not allowed the refresh_token grant.',
    ],
    fixes: [
      'Ask for offline access in the authorization request and sign in again; check that the token response now carries refresh_token (`oauth-doctor login` shows it).',
      'Keep the refresh token from the first response and do not overwrite it with a missing one from a later response.',
      'Allow the refresh_token grant for the client at the provider.',
    ],
    sources: ['OpenID Connect Core 1.0 §11', 'RFC 6749 §1.5 (refresh tokens)'],
    match: [{ text: /\b(?:have|has|got|is) no refresh[_ ]?token\b|\bno refresh[_ ]?token (?:(?:is |was )?(?:available|present|returned|issued|set|stored|found in)|to use)\b|\brefresh[_ ]?token (?:was )?not (?:returned|issued|received|provided by)\b|\bmissing refresh[_ ]?token\b|MissingRefreshToken\b/i }],
    priority: 1,
  },
  {
    key: 'general.discovery_member_missing',
    finding: 'spec_deviation',
    severity: 'error',
    title: 'The provider\'s discovery document lacks a member the client requires',
    meaning:
      'The client read the OpenID Provider metadata (/.well-known/openid-configuration) and stopped on a member it requires that is not there. OpenID Connect Discovery makes issuer, authorization_endpoint, jwks_uri, response_types_supported, subject_types_supported and id_token_signing_alg_values_supported required; some servers leave some out.',
    causes: [
      'The server publishes an incomplete discovery document (an OAuth-only server, or a hand-written document).',
      'The URL is not the provider\'s discovery document at all (a proxy page, another service\'s metadata).',
    ],
    fixes: [
      'Open the discovery URL and check the member the error names; `oauth-doctor probe --issuer <issuer>` lists what is missing.',
      'If you run the provider, add the member; otherwise give the client the endpoints and values by hand instead of discovery.',
    ],
    sources: ['OpenID Connect Discovery 1.0 §3', 'RFC 8414 §2'],
    match: [{ text: /Missing (?:JSON object )?member with key [`'"]?(?:issuer|authorization_endpoint|token_endpoint|jwks_uri|response_types_supported|subject_types_supported|id_token_signing_alg_values_supported)\b/i }],
    priority: 1,
  },
];
