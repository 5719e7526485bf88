/**
 * A client assertion (RFC 7523 §2.2, §3; OpenID Connect Core §9): a JWT the client signs for each
 * request, iss = sub = client_id, aud the endpoint (or the issuer), a random jti, iat now and a
 * short exp. Shared by private_key_jwt and client_secret_jwt, which differ only in the key.
 * @see RFC 7523 §3, OpenID Connect Core 1.0 §9
 */
import type { KeyObject } from 'node:crypto';
import { loadJose } from '../../lazy-modules.js';
import type { AssertionSettings, AuthTarget, OutgoingRequest, SentAssertion } from './types.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The audience an assertion names for a request: the endpoint it goes to, or the issuer. */
export function assertionAudience(settings: AssertionSettings, target: AuthTarget): SentAssertion['audience'] {
  // Without a known issuer only the endpoint can be named.
  return settings.audience === 'issuer' && target.issuer ? 'issuer' : 'endpoint';
}

/**
 * Signs a fresh assertion and puts it in the body with client_assertion_type; returns the
 * assertion (a secret of the run: anyone holding it may authenticate as the client until exp) and
 * what it said.
 */
export async function signAssertion(
  request: OutgoingRequest,
  target: AuthTarget,
  o: { client_id: string; settings: AssertionSettings; key: KeyObject | Uint8Array; alg: string; kid?: string },
): Promise<{ assertion: string; sent: SentAssertion }> {
  const { SignJWT } = await loadJose();
  const { settings } = o;
  const audience = assertionAudience(settings, target);
  const iat = Math.floor((settings.now() + (settings.clockOffsetMs ?? 0)) / 1000);
  const claims = {
    iss: o.client_id,
    sub: o.client_id,
    aud: audience === 'issuer' ? (target.issuer as string) : target.endpoint,
    jti: settings.randomBytes(16).toString('base64url'),
    iat,
    exp: iat + settings.lifetime,
  };
  const header = { alg: o.alg, ...(o.kid && !settings.omitKid ? { kid: o.kid } : {}) };
  const assertion = await new SignJWT({ jti: claims.jti }).setProtectedHeader(header).setIssuer(claims.iss).setSubject(claims.sub).setAudience(claims.aud).setIssuedAt(claims.iat).setExpirationTime(claims.exp).sign(o.key);
  request.body.set('client_id', o.client_id);
  request.body.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
  request.body.set('client_assertion', assertion);
  return { assertion, sent: { header, claims, audience } };
}

/** The alg a key signs with when none is given: the one its type allows or prefers. */
export function defaultAlg(key: KeyObject): string | undefined {
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'RS256';
    case 'rsa-pss':
      return 'PS256';
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      return curve === 'prime256v1' ? 'ES256' : curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : undefined;
    }
    case 'ed25519':
      return 'EdDSA';
    default:
      return undefined;
  }
}
