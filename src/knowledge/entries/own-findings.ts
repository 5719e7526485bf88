import { FINDING_IDS, type FindingId } from '../../findings.js';
import type { KnowledgeEntry } from '../types.js';

/**
 * The tool's own finding ids, typed alone (`oauth-doctor explain login_timeout`): what each means
 * and what to do. The ids that are also OAuth error codes (invalid_client, access_denied...) are
 * answered by the RFC entries, and state_mismatch, nonce_mismatch and issuer_mismatch by the general
 * ones (general.ts); these are the rest.
 */
const own = (
  finding: FindingId,
  severity: KnowledgeEntry['severity'],
  title: string,
  fixes: readonly string[],
  sources: readonly string[],
): KnowledgeEntry => ({
  key: `own.${finding}`,
  finding,
  severity,
  title,
  meaning: `${FINDING_IDS[finding]} This is one of oauth-doctor's own finding ids.`,
  causes: [],
  fixes,
  sources,
  match: [{ code: [finding], form: ['code'] }],
  priority: 1,
});

export const ownFindingEntries: readonly KnowledgeEntry[] = [
  own('authorization_code_rejected', 'error', 'The authorization code was refused', ['Redeem each code once, at once, with the same client_id, redirect_uri and PKCE code_verifier as the authorization request.', 'Start a new login for a fresh code.'], ['RFC 6749 §4.1.3', 'RFC 7636 §4.6']),
  own('refresh_token_rejected', 'error', 'The refresh token was refused', ['Sign the user in again and store the new refresh token.', 'Save the refresh token every refresh returns: it may rotate.'], ['RFC 6749 §6']),
  own('expired_token', 'error', 'The token has expired', ['Refresh the token before exp and retry with the new one.', 'Check exp with `oauth-doctor decode <token>`; a fresh token that looks expired means the clocks differ.'], ['RFC 6750 §3.1', 'RFC 7519 §4.1.4']),
  own('rate_limited', 'error', 'Too many requests', ['Wait as Retry-After says and retry with exponential backoff.', 'Cache tokens instead of fetching one per request.'], ['RFC 6585 §4']),
  own('wrapped_token_error', 'error', 'A library error hides the server\'s answer', ['Print the wrapped response (passport: err.oauthError) and explain that.'], ['RFC 6749 §5.2']),
  own('wrong_endpoint', 'error', 'The URL is not the OAuth endpoint expected', ['Take the endpoints from the provider\'s discovery document and fetch them with `curl -i` to see what answers.'], ['RFC 8414 §3', 'OpenID Connect Discovery 1.0 §4']),
  own('network_error', 'error', 'The server could not be reached', ['Run `curl -v <url>` from the same machine to see whether DNS, the connection or TLS fails.', 'For certificate trust, pass the CA with --ca or NODE_EXTRA_CA_CERTS.'], ['RFC 6749 §3.1 and §3.2 (TLS required)']),
  own('spec_deviation', 'warning', 'The server answered in a way the RFCs do not allow', ['Make your client tolerant of the deviation the finding names, and report it to the provider.'], ['RFC 6749 §5.1', 'RFC 6749 §5.2']),
  own('clock_skew', 'error', 'The clocks of issuer and checker disagree', ['Synchronise the clocks with NTP and allow a small tolerance (30 to 60 s) in the verifier.'], ['RFC 7519 §4.1.4–4.1.6 (clock skew allowance)']),
  own('short_token_lifetime', 'warning', 'The token lives only a few minutes', ['Refresh before exp instead of tying a session to the access token\'s lifetime.'], ['RFC 6749 §1.5 (refresh tokens)']),
  own('not_yet_valid', 'error', 'The token is not valid yet (nbf in the future)', ['Compare nbf with the verifier\'s clock (`oauth-doctor decode`) and synchronise the clocks.'], ['RFC 7519 §4.1.5']),
  own('alg_none', 'error', 'The token is unsigned (alg "none")', ['Never accept alg "none": configure the verifier with the algorithms the issuer uses.'], ['RFC 8725 §3.1 (JWT best current practice)', 'RFC 7519 §6 (unsecured JWTs)']),
  own('missing_exp', 'warning', 'The token has no exp claim', ['Configure the issuer to set exp, or make the API check the token another way (introspection).'], ['RFC 7519 §4.1.4', 'RFC 7662 §2']),
  own('opaque_token', 'info', 'The token is not a JWT', ['Ask the issuer about it through its introspection endpoint (RFC 7662).'], ['RFC 7662 §2']),
  own('token_cleaned', 'info', 'Extra characters were removed from the pasted token', ['Send the token without the Bearer prefix, quotes or line breaks in the places where only the token goes.'], ['RFC 6750 §2.1']),
  own('unverified_token', 'warning', 'The signature was not checked', ['Give `oauth-doctor decode` the --issuer, --jwks-uri or --key to verify it.'], ['RFC 7515 §5.2']),
  own('encrypted_token', 'info', 'The token is encrypted (JWE)', ['Only the recipient with the decryption key can read it; an API should treat it as opaque.'], ['RFC 7516 §5.2']),
  own('no_refresh_token', 'warning', 'No refresh token was issued', ['Ask for offline access (scope offline_access, or the provider\'s own parameter such as access_type=offline) and allow the refresh_token grant for the client.'], ['OpenID Connect Core 1.0 §11', 'RFC 6749 §1.5 (refresh tokens)']),
  own('login_timeout', 'error', 'The browser never came back to the loopback listener', ['Check that the redirect_uri registered at the provider is the loopback URL the tool printed, and that nothing blocks the browser from reaching 127.0.0.1.'], ['RFC 8252 §7.3']),
  own('sub_mismatch', 'error', "The userinfo answer is about another user than the ID token", ["Do not use the userinfo claims: check that the access token and the ID token come from the same login, and that userinfo is the issuer's own."], ['OpenID Connect Core 1.0 §5.3.2']),
  own('missing_endpoint', 'error', 'The provider names no endpoint for this request', ['Give the endpoint the provider documents (--introspection-endpoint, --revocation-endpoint, --device-authorization-endpoint), or use what it offers instead: local JWT verification, userinfo, the browser flow.'], ['RFC 8414 §2']),
  own('client_assertion_audience', 'error', 'The client assertion names an audience the provider does not accept', ['Set aud to the token endpoint URL (OpenID Connect Core §9; Entra, Okta) or to the issuer (RFC 7523bis, FAPI 2.0, Apple), whichever the provider documents; `oauth-doctor client-credentials --auth-method private_key_jwt` tries both and says which works.'], ['RFC 7523 §3 (aud)', 'OpenID Connect Core 1.0 §9']),
  own('client_assertion_alg', 'error', 'The client assertion is signed with an alg the provider does not accept', ['Sign with an alg listed in the provider\'s token_endpoint_auth_signing_alg_values_supported (or the one registered for the client), with a key of that type.'], ['RFC 8414 §2 (token_endpoint_auth_signing_alg_values_supported)', 'OpenID Connect Core 1.0 §9']),
  own('client_assertion_kid', 'error', 'The provider does not know the kid of the client assertion', ['Put in the header the kid under which the public key is registered for the client (its jwks or jwks_uri), or register the key again with this kid.'], ['RFC 7515 §4.1.4 (kid)', 'OpenID Connect Core 1.0 §10.1.1']),
  own('client_assertion_lifetime', 'error', 'The client assertion lives longer than the provider allows', ['Sign a fresh assertion per request with exp about a minute after iat; never cache assertions.'], ['RFC 7523 §3 (exp)']),
  own('success', 'info', 'Success: nothing failed', ['Nothing to fix.'], ['RFC 6749 §5.1']),
];
