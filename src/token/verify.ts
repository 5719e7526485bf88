/**
 * Signature and claim verification with jose, each failure turned into its own finding.
 * Time claims are judged by claims.ts against the real clock; here jose verifies at a moment inside
 * the token's validity window so that an expired token still tells whether its signature,
 * issuer and audience are right.
 * @see RFC 7515 §5.2, RFC 7519 §7.2, OpenID Connect Core 1.0 §3.1.3.7
 */
import type { KeyObject } from 'node:crypto';
import { nodeCrypto } from '../builtins.js';
import type { JWK } from 'jose';
import type { Deps } from '../deps.js';
import { InputError, UsageError } from '../errors.js';
import { finding, type Finding } from '../findings.js';
import { isInsecureRemoteUrl } from '../oauth/loopback-url.js';
import { issuerMatches } from '../oidc/issuer.js';
import { discover, fetchJwks, type Jwks } from '../oidc/discovery.js';
import type { ParsedToken } from './parse.js';
import { loadJose } from '../lazy-modules.js';

export interface VerifyOptions {
  jwksUri?: string;
  issuer?: string;
  secret?: string;
  keyFile?: string;
  audience?: string;
  expectIssuer?: string;
  timeoutMs: number;
}

export interface Verification {
  attempted: boolean;
  /** True when the signature verified (claims may still have failed). */
  signature_valid: boolean | null;
  /** Where the key came from, e.g. "JWKS https://…/jwks (kid abc)". */
  key_source?: string;
  expected_issuer?: string;
  expected_audience?: string;
}

export function wantsVerification(o: VerifyOptions): boolean {
  return Boolean(o.jwksUri || o.issuer || o.secret || o.keyFile);
}

type KeySource =
  | { kind: 'jwks'; jwks: Jwks; label: string }
  | { kind: 'key'; key: KeyObject | Record<string, unknown>; label: string };

export async function verifyToken(
  token: string,
  parsed: ParsedToken,
  options: VerifyOptions,
  nowSeconds: number,
  deps: Pick<Deps, 'http' | 'readFile'>,
): Promise<{ verification: Verification; findings: Finding[] }> {
  const findings: Finding[] = [];
  const verification: Verification = { attempted: false, signature_valid: null };
  if (!wantsVerification(options) || parsed.kind !== 'jws' || !parsed.header || !parsed.claims || parsed.malformed) {
    return { verification, findings };
  }
  const alg = String(parsed.header.alg ?? '');
  const kid = typeof parsed.header.kid === 'string' ? parsed.header.kid : undefined;
  if (alg.toLowerCase() === 'none') {
    verification.attempted = true;
    verification.signature_valid = false;
    return { verification, findings }; // claims.ts already reports alg_none as an error
  }

  let expectedIssuer = options.expectIssuer;
  let source: KeySource | undefined;
  if (options.secret !== undefined) {
    if (!alg.startsWith('HS')) {
      throw new UsageError(`the token is signed with ${alg}, which needs a public key; --secret verifies only HS256/HS384/HS512 tokens: use --jwks-uri, --issuer or --key`);
    }
    source = { kind: 'key', key: nodeCrypto().createSecretKey(Buffer.from(options.secret, 'utf8')), label: 'the shared secret given' };
  } else if (options.keyFile) {
    source = await loadKeyFile(options.keyFile, deps);
  } else {
    let jwksUri = options.jwksUri;
    if (!jwksUri && options.issuer) {
      const discovered = await discover(options.issuer, deps, options.timeoutMs);
      findings.push(...discovered.findings);
      if (!discovered.value) return { verification, findings };
      expectedIssuer ??= discovered.value.issuer;
      jwksUri = discovered.value.jwks_uri;
      if (!jwksUri) {
        findings.push(
          finding({
            id: 'wrong_endpoint',
            severity: 'error',
            title: 'The discovery document has no jwks_uri',
            detail: 'Without jwks_uri the provider publishes no keys to verify its tokens with.',
            fixes: ['Pass the key with --jwks-uri or --key.'],
            sources: ['OpenID Connect Discovery 1.0 §3 (jwks_uri is REQUIRED)'],
            evidence: { issuer: options.issuer },
          }),
        );
        return { verification, findings };
      }
    }
    if (isInsecureRemoteUrl(jwksUri as string)) {
      findings.push(
        finding({
          id: 'spec_deviation',
          severity: 'warning',
          title: 'The keys were fetched over plain http:// from another host',
          detail: `${jwksUri}: anyone on the network path could have swapped them, so a "verified" signature proves little. Keys must come over TLS.`,
          fixes: ['Use the https:// JWKS URL (or an https issuer for discovery).'],
          sources: ['RFC 7517 §9.1 (keys over TLS)', 'OpenID Connect Discovery 1.0 §7'],
          evidence: { jwks_uri: jwksUri },
        }),
      );
    }
    const fetched = await fetchJwks(jwksUri as string, deps, options.timeoutMs);
    findings.push(...fetched.findings);
    if (!fetched.value) return { verification, findings };
    source = { kind: 'jwks', jwks: fetched.value, label: `JWKS ${jwksUri}` };
  }

  verification.attempted = true;
  verification.expected_issuer = expectedIssuer;
  verification.expected_audience = options.audience;

  if (source.kind === 'jwks') {
    const kids = source.jwks.keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string');
    if (kid !== undefined && !kids.includes(kid)) {
      verification.signature_valid = false;
      verification.key_source = source.label;
      findings.push(
        finding({
          id: 'invalid_token',
          severity: 'error',
          title: `The signing key "${kid}" is not in the JWKS`,
          detail:
            `The token names kid "${kid}"; the JWKS has ${kids.length ? kids.map((k) => `"${k}"`).join(', ') : 'no keys with a kid'}. ` +
            'Providers rotate signing keys: a token signed with a retired key, or a JWKS from another environment or tenant, gives exactly this. ' +
            'A verifier that cached the JWKS before a rotation fails the other way round (new tokens, old keys).',
          fixes: [
            'Check that the JWKS is the one of the issuer that signed the token (same environment, tenant, realm).',
            'If the key was rotated out, get a new token.',
            'In your verifier, refetch the JWKS when a kid is unknown (at most once a minute) instead of caching it forever.',
          ],
          sources: ['RFC 7515 §4.1.4 (kid)', 'RFC 7517 §5', '001_b11ec28349281b2a.txt (rotated signing keys)'],
          evidence: { kid, jwks_kids: kids, jwks: source.label },
        }),
      );
      return { verification, findings };
    }
    verification.key_source = `${source.label}${kid ? ` (kid ${kid})` : ''}`;
  } else {
    verification.key_source = source.label;
  }

  const jose = await loadJose();
  const key = source.kind === 'jwks' ? jose.createLocalJWKSet(source.jwks as Parameters<typeof jose.createLocalJWKSet>[0]) : source.key;
  try {
    const exp = typeof parsed.claims.exp === 'number' ? parsed.claims.exp : undefined;
    const start = [parsed.claims.nbf, parsed.claims.iat].find((v): v is number => typeof v === 'number');
    // A moment inside the validity window: time is claims.ts's business, not this check's.
    let at = nowSeconds;
    if (exp !== undefined && at >= exp) at = exp - 1;
    if (start !== undefined && at < start) at = start;
    if (typeof key === 'function') await jose.jwtVerify(token, key, { currentDate: new Date(at * 1000) });
    else await jose.jwtVerify(token, key as KeyObject | JWK, { currentDate: new Date(at * 1000) });
    verification.signature_valid = true;
  } catch (err) {
    const f = joseFailure(err, alg, kid, verification.key_source ?? '');
    if (f.signatureChecked === false) verification.signature_valid = false;
    if (f.finding) findings.push(f.finding);
    if (verification.signature_valid !== true && f.finding) return { verification, findings };
  }

  findings.push(...checkIssuerAndAudience(parsed.claims, expectedIssuer, options.audience));
  return { verification, findings };
}

function joseFailure(err: unknown, alg: string, kid: string | undefined, keySource: string): { finding?: Finding; signatureChecked?: boolean } {
  const code = (err as { code?: string }).code ?? '';
  const evidence = { alg, kid, key: keySource, jose_code: code || undefined };
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
    return {
      signatureChecked: false,
      finding: finding({
        id: 'invalid_token',
        severity: 'error',
        title: 'The signature does not verify',
        detail: `The token was not signed with ${keySource}. Either the key is wrong (another secret, another environment's keys) or the token was altered after signing.`,
        fixes: [
          'Check that the key or secret is the issuer\'s current one, for the same environment and tenant.',
          'For HS256, check the secret\'s encoding: some servers use the base64-decoded bytes, others the text as is.',
          'If the token was edited or re-encoded by hand, get a fresh one.',
        ],
        sources: ['RFC 7515 §5.2', 'RFC 6750 §3.1 (invalid_token)'],
        evidence,
      }),
    };
  }
  if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED' || err instanceof TypeError) {
    return {
      signatureChecked: false,
      finding: finding({
        id: 'invalid_token',
        severity: 'error',
        title: `No key fits a ${alg} signature`,
        detail: `${keySource} has no key usable for alg ${alg}${kid ? ` and kid "${kid}"` : ''} (${(err as Error).message}). The token's algorithm and the key type disagree, e.g. an RS256 token with an EC key, or an HS256 token checked against an RSA key set.`,
        fixes: ['Use the key set of the issuer that signed the token.', 'Check that the issuer signs with the algorithm your verifier allows.'],
        sources: ['RFC 7515 §4.1.1 (alg)', 'RFC 7518 §3.1'],
        evidence,
      }),
    };
  }
  if (code === 'ERR_JWS_INVALID' || code === 'ERR_JWT_INVALID') {
    return {
      signatureChecked: false,
      finding: finding({
        id: 'invalid_token',
        severity: 'error',
        title: 'The token is malformed',
        detail: (err as Error).message,
        fixes: ['Get a fresh token; check that nothing re-encoded it on the way.'],
        sources: ['RFC 7515 §5.2'],
        evidence,
      }),
    };
  }
  // Claim failures after a good signature are checked by checkIssuerAndAudience; time by claims.ts.
  if (code.startsWith('ERR_JWT_')) return { signatureChecked: true };
  return {
    signatureChecked: false,
    finding: finding({
      id: 'invalid_token',
      severity: 'error',
      title: 'The token could not be verified',
      detail: `${(err as Error).message ?? String(err)}`,
      fixes: ['Check the key given and the token\'s alg.'],
      sources: ['RFC 7515 §5.2'],
      evidence,
    }),
  };
}

/** @see RFC 7519 §4.1.1 (iss), §4.1.3 (aud) */
export function checkIssuerAndAudience(claims: Record<string, unknown>, expectedIssuer?: string, audience?: string): Finding[] {
  const findings: Finding[] = [];
  const verdict = expectedIssuer === undefined ? undefined : issuerMatches(claims.iss, expectedIssuer, claims, { token: true });
  if (verdict?.match && verdict.how === 'tenant') {
    findings.push(
      finding({
        id: 'issuer_mismatch',
        severity: 'info',
        title: `The issuer is a multi-tenant template; this token is from tenant ${verdict.tenant}`,
        detail: `The expected issuer "${expectedIssuer}" has a tenant placeholder, so any tenant's token fits it. "iss" names tenant ${verdict.tenant}${typeof claims.tid === 'string' ? ', the same as its "tid"' : ''}. Whether that tenant may sign in is your application's decision.`,
        fixes: ['Accept only the tenants your application serves: compare "tid" (and the tenant in "iss") with your allow-list.'],
        sources: ['OpenID Connect Core 1.0 §3.1.3.7', 'Microsoft identity platform: ID token claims reference'],
        evidence: { iss: claims.iss, expected: expectedIssuer, tenant: verdict.tenant },
      }),
    );
  } else if (verdict?.match && verdict.how === 'scheme-less') {
    findings.push(
      finding({
        id: 'issuer_mismatch',
        severity: 'info',
        title: `"iss" is ${JSON.stringify(claims.iss)}, the other of the two forms this issuer documents`,
        detail: `Expected "${expectedIssuer}". This issuer documents both "accounts.google.com" and "https://accounts.google.com" as valid "iss" values; a verifier that compares with one form only refuses tokens with the other.`,
        fixes: ['Accept both forms of this issuer in your verifier (most libraries take a list of issuers).'],
        sources: ['Google Identity: Validate an ID token'],
        evidence: { iss: claims.iss, expected: expectedIssuer },
      }),
    );
  } else if (verdict && !verdict.match) {
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'error',
        title: 'The token was issued by another issuer',
        detail: `"iss" is ${JSON.stringify(claims.iss)}, expected "${expectedIssuer}"${verdict.why ? `: ${verdict.why}` : ''}. Exact string comparison: a trailing slash, http vs https, or an internal host name behind a proxy all differ.`,
        fixes: [
          'Use a token from the expected issuer, or correct the expected issuer (it must equal "iss" exactly).',
          'Behind a reverse proxy, configure the provider\'s public URL so tokens carry the URL clients use.',
        ],
        sources: ['RFC 7519 §4.1.1', 'OpenID Connect Core 1.0 §3.1.3.7 (iss must match exactly)'],
        evidence: { iss: claims.iss, expected: expectedIssuer },
      }),
    );
  }
  if (audience !== undefined) {
    const aud = claims.aud;
    const list = Array.isArray(aud) ? aud : aud === undefined ? [] : [aud];
    if (!list.includes(audience)) {
      findings.push(
        finding({
          id: 'invalid_token',
          severity: 'error',
          title: 'The token is for another audience',
          detail: `"aud" is ${aud === undefined ? 'missing' : JSON.stringify(aud)}, expected "${audience}". The token was issued for another API or client; a resource server must refuse it.`,
          fixes: [
            'Request the token for this API: pass the provider\'s audience or resource parameter (Auth0: audience=…, Entra: scope=api://…/.default, RFC 8707: resource=…).',
            'An ID token\'s aud is the client_id: do not send ID tokens to APIs; send the access token.',
          ],
          sources: ['RFC 7519 §4.1.3', 'RFC 8707 §2', 'OpenID Connect Core 1.0 §3.1.3.7'],
          evidence: { aud, expected: audience },
        }),
      );
    }
  }
  return findings;
}

async function loadKeyFile(path: string, deps: Pick<Deps, 'readFile'>): Promise<KeySource> {
  const text = (await deps.readFile(path, 1024 * 1024)).toString('utf8').trim();
  if (text.startsWith('{')) {
    let jwk: Record<string, unknown>;
    try {
      jwk = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new InputError(`--key ${path}: not valid JSON; give a PEM public key, a certificate, a JWK or a JWK Set`);
    }
    if (Array.isArray(jwk.keys)) {
      const keys = jwk.keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k) && typeof (k as { kty?: unknown }).kty === 'string');
      if (keys.length === 0) throw new InputError(`--key ${path}: the JWK Set has no keys with a "kty"`);
      return { kind: 'jwks', jwks: { keys }, label: `JWK Set ${path}` };
    }
    if (typeof jwk.kty !== 'string') throw new InputError(`--key ${path}: a JWK needs "kty"; give a PEM public key, a certificate, a JWK or a JWK Set`);
    const { d: _private, ...publicPart } = jwk;
    const usable = jwk.kty === 'oct' ? jwk : publicPart;
    return { kind: 'key', key: usable, label: `JWK ${path}` };
  }
  if (text.includes('-----BEGIN')) {
    try {
      // Accepts a public key, a certificate, or a private key (its public half is used).
      return { kind: 'key', key: nodeCrypto().createPublicKey(text), label: `key file ${path}` };
    } catch (err) {
      throw new InputError(`--key ${path}: not a usable PEM key or certificate (${(err as Error).message})`);
    }
  }
  throw new InputError(`--key ${path}: not a PEM key, a certificate or a JWK; give the issuer's public key`);
}
