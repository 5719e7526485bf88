/**
 * What came back from the token endpoint: the ID token verified (signature, iss, aud, nonce,
 * times), a JWT access token decoded, lifetimes and the refresh token explained.
 * @see OpenID Connect Core 1.0 §3.1.3.7 (ID token validation), §11 (offline_access)
 */
import type { Deps } from '../deps.js';
import { finding, type Finding } from '../findings.js';
import type { TokenResponse } from '../oauth/token-request.js';
import { redactValue } from '../redact.js';
import { checkTimeClaims, SHORT_LIFETIME_SECONDS } from '../token/claims.js';
import { parseToken } from '../token/parse.js';
import { humanDuration } from '../token/time.js';
import { verifyToken, type Verification } from '../token/verify.js';

export interface TokenReport {
  /** Redacted unless --show-tokens. */
  tokens: Record<string, unknown>;
  /** The ID token's signature check, when there was an ID token and a JWKS. */
  id_token_verification: Verification | null;
  claims: { id_token?: Record<string, unknown>; access_token?: Record<string, unknown> };
  findings: Finding[];
}

export interface TokenContext {
  issuer?: string;
  jwksUri?: string;
  clientId: string;
  /** The client secret, which verifies HS256/384/512 ID tokens. */
  clientSecret?: string;
  /** The nonce sent in the authorization request; none for grants that have none (client credentials, refresh). */
  nonce?: string;
  scope: string;
  /** Whether a missing refresh token is worth saying (not for client credentials, which never get one). */
  expectRefreshToken?: boolean;
  showTokens: boolean;
  clockTolerance: number;
  timeoutMs: number;
}

const prefix = (what: string, findings: Finding[]) => findings.map((f) => ({ ...f, title: `${what}: ${f.title}` }));

export async function examineTokens(tokens: TokenResponse, ctx: TokenContext, nowSeconds: number, deps: Pick<Deps, 'http' | 'readFile'>): Promise<TokenReport> {
  const findings: Finding[] = [];
  const claims: TokenReport['claims'] = {};
  let idTokenVerification: Verification | null = null;

  if (typeof tokens.id_token === 'string') {
    const parsed = safeParse(tokens.id_token);
    if (!parsed?.claims || !parsed.header) {
      findings.push(
        finding({
          id: 'invalid_token',
          severity: 'error',
          title: 'ID token: not a readable JWT',
          detail: parsed?.malformed ?? 'The id_token member is not a signed JWT.',
          fixes: ['Check the provider\'s ID token signing configuration (id_token_signed_response_alg).'],
          sources: ['OpenID Connect Core 1.0 §2'],
          evidence: { length: tokens.id_token.length },
        }),
      );
    } else {
      claims.id_token = parsed.claims;
      // OIDC Core §10.1: an ID token MACed with HS* is verified with the client secret, not the JWKS.
      const symmetric = typeof parsed.header.alg === 'string' && parsed.header.alg.startsWith('HS');
      const key = symmetric ? (ctx.clientSecret !== undefined ? { secret: ctx.clientSecret } : undefined) : ctx.jwksUri ? { jwksUri: ctx.jwksUri } : undefined;
      if (key) {
        const verified = await verifyToken(
          tokens.id_token,
          parsed,
          { ...key, expectIssuer: ctx.issuer, audience: ctx.clientId, timeoutMs: ctx.timeoutMs },
          nowSeconds,
          deps,
        );
        findings.push(...prefix('ID token', verified.findings));
        idTokenVerification = verified.verification;
      }
      if (ctx.nonce !== undefined && ctx.scope.split(/\s+/).includes('openid') && parsed.claims.nonce !== ctx.nonce) {
        findings.push(
          finding({
            id: 'invalid_token',
            severity: 'error',
            title: parsed.claims.nonce === undefined ? 'ID token: no "nonce"' : 'ID token: "nonce" differs from the one sent',
            detail: 'The nonce binds the ID token to this login; a missing or different nonce means a replayed token or a provider that ignores the nonce parameter.',
            fixes: ['Check that the provider echoes the nonce request parameter into the ID token.'],
            sources: ['OpenID Connect Core 1.0 §3.1.3.7 (step 11)', 'OpenID Connect Core 1.0 §15.5.2'],
            evidence: { nonce_present: parsed.claims.nonce !== undefined },
          }),
        );
      }
      findings.push(...prefix('ID token', checkTimeClaims(parsed.header, parsed.claims, nowSeconds, ctx.clockTolerance).filter((f) => f.id !== 'short_token_lifetime')));
    }
  } else if (ctx.scope.split(/\s+/).includes('openid')) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: 'No ID token although scope "openid" was requested',
        detail: 'An OpenID provider returns an id_token for the openid scope; without it the login proves no identity.',
        fixes: ['Check that the provider supports OpenID Connect for this client, or drop "openid" from --scope for plain OAuth.'],
        sources: ['OpenID Connect Core 1.0 §3.1.3.3'],
        evidence: {},
      }),
    );
  }

  const access = safeParse(tokens.access_token);
  if (access?.kind === 'jws' && access.header && access.claims) {
    claims.access_token = access.claims;
    findings.push(...prefix('Access token', checkTimeClaims(access.header, access.claims, nowSeconds, ctx.clockTolerance)));
  } else if (typeof tokens.expires_in === 'number' && tokens.expires_in > 0 && tokens.expires_in <= SHORT_LIFETIME_SECONDS) {
    findings.push(
      finding({
        id: 'short_token_lifetime',
        severity: 'warning',
        title: `Access token: lives only ${humanDuration(tokens.expires_in)} (expires_in)`,
        detail: 'An application that ties its session to the access token logs users out after a few minutes (the Portainer case).',
        fixes: ['Renew the access token with the refresh token before it expires, keeping the session separate.', 'Or raise the access-token lifetime in the provider.'],
        sources: ['001_b11ec28349281b2a.txt (Portainer: logged out after the access-token lifetime)'],
        evidence: { expires_in: tokens.expires_in },
      }),
    );
  }

  if (typeof tokens.scope === 'string' && tokens.scope.trim() === '') {
    findings.push(
      finding({
        id: 'invalid_scope',
        severity: 'warning',
        title: 'The token response grants an empty scope',
        detail: `"scope": "" says the token carries no scope at all, although "${ctx.scope}" was requested (RFC 6749 §5.1: scope is left out when it is the one requested, and lists what was granted when it differs). APIs that check scopes will refuse this token.`,
        fixes: ['Check which of the requested scopes the client is allowed in the provider, and that the user consented to them.', 'If the provider means "as requested", it should leave scope out; clients that read "" as "nothing granted" are right.'],
        sources: ['RFC 6749 §5.1', 'RFC 6749 §3.3'],
        evidence: { scope_requested: ctx.scope, scope_granted: tokens.scope },
      }),
    );
  }

  if (tokens.refresh_token === undefined && ctx.expectRefreshToken !== false) {
    const offline = ctx.scope.split(/\s+/).includes('offline_access');
    findings.push(
      finding({
        id: 'no_refresh_token',
        severity: 'info',
        title: 'No refresh token was issued',
        detail: offline
          ? 'offline_access was requested, yet no refresh token came back: the client may not be allowed the refresh_token grant, or the provider needs prompt=consent to grant offline access.'
          : 'Without one, the application must send the user through the login again when the access token expires. Many providers issue refresh tokens only for the offline_access scope.',
        fixes: offline
          ? ['Allow the refresh_token grant for this client in the provider.', 'Add --param prompt=consent (OpenID Connect Core §11 requires consent for offline_access).']
          : ['Request offline_access: --scope "openid offline_access" (OpenID Connect Core §11); Google uses access_type=offline instead.', 'Allow the refresh_token grant for the client.'],
        sources: ['OpenID Connect Core 1.0 §11', 'RFC 6749 §1.5'],
        evidence: { scope_requested: ctx.scope, scope_granted: tokens.scope },
      }),
    );
  }

  return { tokens: redactTokens(tokens, ctx.showTokens), id_token_verification: idTokenVerification, claims, findings };
}

const SECRET_MEMBERS = new Set(['access_token', 'refresh_token', 'id_token']);

export function redactTokens(tokens: TokenResponse, show: boolean): Record<string, unknown> {
  if (show) return { ...tokens };
  return Object.fromEntries(Object.entries(tokens).map(([k, v]) => [k, SECRET_MEMBERS.has(k) && typeof v === 'string' ? redactValue(v) : v]));
}

function safeParse(token: unknown) {
  if (typeof token !== 'string') return undefined;
  try {
    return parseToken(token);
  } catch {
    return undefined;
  }
}
