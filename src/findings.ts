/**
 * The output model every command shares: a run produces findings.
 * A finding id is a stable contract (README lists them); titles and details may change.
 */

import { citations, type Source } from './knowledge/citations.js';

export type Severity = 'error' | 'warning' | 'info';

/** Every finding id the tool can emit, with what it means in one line (rendered into README). */
export const FINDING_IDS = {
  redirect_uri_mismatch: 'The redirect_uri sent does not match one registered for the client.',
  invalid_client: 'Client authentication failed: unknown client_id, wrong secret, or the wrong authentication method.',
  authorization_code_rejected: 'The authorization code (or its PKCE code_verifier) was refused: bad, expired, reused or mismatched.',
  refresh_token_rejected: 'The refresh token was refused: expired, revoked, rotated or issued to another client.',
  expired_token: 'The token is past its exp time.',
  invalid_token: 'The token is malformed, badly signed, signed by an unknown key, for another audience or issuer, or revoked.',
  insufficient_scope: 'The token is valid but lacks the scope or permission the request needs.',
  access_denied: 'The resource owner or the server refused the request.',
  unauthorized_client: 'The client is not allowed to use this grant type or response type.',
  unsupported_grant_type: 'The server does not support the grant_type sent.',
  invalid_scope: 'A requested scope is unknown, malformed or not allowed for the client.',
  invalid_target: 'The audience or resource asked for is unknown, or the client may not get a token for it (RFC 8707, RFC 8693).',
  invalid_request: 'The request is missing a parameter, repeats one, or is otherwise malformed.',
  state_mismatch: 'The state returned on the callback is not the one sent (CSRF protection).',
  rate_limited: 'Too many requests: the server asks to slow down.',
  server_error: 'The server failed (5xx, or the server_error / temporarily_unavailable codes).',
  wrapped_token_error: "A library error (such as passport's InternalOAuthError) that hides the provider's real answer.",
  wrong_endpoint: "HTML, a 404 or a redirect where a token endpoint's JSON was expected.",
  network_error: 'The server could not be reached: DNS, refused connection, TLS trust, reset or timeout.',
  client_certificate_not_sent: 'Mutual TLS: no client certificate reached the provider (the request went to an endpoint that does not ask for one, such as the one mtls_endpoint_aliases replaces, or the handshake demanded one).',
  client_certificate_not_mapped: 'Mutual TLS: the provider got the client certificate but does not tie it to the client (tls_client_auth_subject_dn / SAN mismatch, or a self-signed certificate not in the client\'s jwks).',
  client_certificate_rejected: 'Mutual TLS: the TLS handshake refused the client certificate (a CA the server does not trust, expired, or not usable for client authentication).',
  certificate_bound_token: 'The token is bound to a client certificate (cnf.x5t#S256, RFC 8705): it works only on a TLS connection with that certificate.',
  spec_deviation: 'The server answered in a way the RFCs do not allow, but the answer could still be read.',
  clock_skew: 'Time claims lie in the future: the clocks of issuer and checker disagree.',
  short_token_lifetime: 'The token lives only a few minutes; sessions tied to it end early.',
  not_yet_valid: 'The token is not valid yet (nbf in the future).',
  alg_none: 'The token is unsigned (alg "none"); nothing proves who issued it.',
  missing_exp: 'The token has no exp claim, so it never expires unless the server tracks it.',
  opaque_token: 'The token is not a JWT; only the server that issued it can tell what it means.',
  token_cleaned: 'The pasted token carried extra characters (a Bearer prefix, quotes, line breaks) that were removed.',
  unverified_token: 'The signature was not checked because no key, JWKS or issuer was given.',
  encrypted_token: 'The token is a JWE: only its header can be read without the decryption key.',
  issuer_mismatch: 'The issuer named by the provider (its discovery document or a token\'s iss) differs from the one expected.',
  nonce_mismatch: 'The ID token\'s nonce is missing or differs from the one sent in the authorization request.',
  authorization_pending: 'Device flow: the user has not approved the request yet; keep polling at the interval given.',
  slow_down: 'Device flow: the client polls too often; wait 5 seconds longer between polls.',
  device_code_expired: 'Device flow: the device code expired before the user approved; start again.',
  invalid_dpop_proof: 'The DPoP proof is missing, malformed or does not match the request or key.',
  use_dpop_nonce: 'The server wants a DPoP proof carrying the nonce it just sent; retry with it.',
  dpop_not_bound: 'DPoP was asked for, but the token came back unbound (token_type Bearer, or bound to another key).',
  dpop_required: 'The resource wants a DPoP-bound token and a proof (WWW-Authenticate: DPoP), not a Bearer token.',
  success: 'The input shows success (a token response, an active token, a 2xx answer): nothing failed.',
  no_refresh_token: 'No refresh token was issued; the user must sign in again when the access token expires.',
  sub_mismatch: "The userinfo answer's sub is not the ID token's sub: the claims are about another user and must not be used.",
  login_timeout: 'The browser never came back to the loopback listener before the timeout.',
  missing_endpoint: 'The provider names no endpoint for the request (no introspection_endpoint, revocation_endpoint or device_authorization_endpoint in its metadata) and none was given.',
  unsupported_token_type: 'The server does not revoke or introspect this type of token (RFC 7009 unsupported_token_type).',
  client_assertion_audience: 'The provider refused the client assertion for its aud: it wants the token endpoint URL, or the issuer (private_key_jwt, client_secret_jwt).',
  client_assertion_alg: 'The client assertion is signed with an alg the provider does not accept (token_endpoint_auth_signing_alg_values_supported).',
  client_assertion_kid: 'The provider does not know the kid in the client assertion\'s header: the key is registered under another kid or none.',
  client_assertion_lifetime: 'The provider refused the client assertion because exp is too far after iat.',
  unknown: 'The input was not recognised; general triage for the HTTP status is given.',
} as const;

export type FindingId = keyof typeof FINDING_IDS;

export interface Finding {
  id: FindingId;
  severity: Severity;
  /** One line, what happened. */
  title: string;
  /** What it means here. */
  detail: string;
  /** Likely causes, most likely first (explain's diagnoses; may be absent). */
  causes?: string[];
  /** Concrete steps, most likely first. */
  fixes: string[];
  /** Where to read more: each with its title and a URL a reader can open. */
  sources: Source[];
  /** The values that led to the finding, secrets redacted. */
  evidence: Record<string, unknown>;
}

/**
 * A finding; `sources` are given as titles ("RFC 6749 §5.2", a documentation page's name) and
 * come out with their URLs. The project's own source documents among them are provenance and are
 * left out (knowledge/citations.ts).
 */
export function finding(init: Omit<Finding, 'fixes' | 'sources' | 'evidence'> & Partial<Omit<Finding, 'sources'>> & { sources?: readonly string[] }): Finding {
  const { id, severity, title, detail, causes, fixes, sources, evidence } = init;
  return {
    id,
    severity,
    title,
    detail,
    ...(causes ? { causes } : {}),
    fixes: fixes ?? [],
    sources: citations(sources ?? []),
    evidence: evidence ?? {},
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A run is ok when nothing at error severity was found. */
export function isOk(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}

/** Stable order for display: errors first, then warnings, then info; ties keep their order. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
