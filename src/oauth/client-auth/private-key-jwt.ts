/**
 * private_key_jwt: a JWT assertion signed with the client's private key; the provider checks it
 * with the public key registered for the client (its jwks or jwks_uri).
 * @see OpenID Connect Core 1.0 §9, RFC 7523 §2.2
 */
import { signAssertion } from './assertion.js';
import type { Client, ClientAuth, SentAssertion } from './types.js';

export function privateKeyJwt(client: Client): ClientAuth {
  let last: SentAssertion | undefined;
  return {
    method: 'private_key_jwt',
    async apply(request, target) {
      const settings = client.assertion;
      const key = settings?.key;
      // methodsToTry never picks this method without a key; a caller that does is a bug.
      if (!settings || !key) throw new Error('private_key_jwt: the client has no private key');
      const alg = settings.alg ?? key.alg;
      if (!alg) throw new Error('private_key_jwt: no alg for this key');
      const { assertion, sent } = await signAssertion(request, target, { client_id: client.client_id, settings, key: key.key, alg, ...(key.kid ? { kid: key.kid } : {}) });
      last = sent;
      return [assertion];
    },
    sent: () => last,
    advice: () => [
      'Authenticate with a JWT signed by the client\'s private key: client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion, a fresh one per request (iss = sub = client_id, aud, jti, iat, exp a minute ahead).',
      'openid-client / oauth4webapi: PrivateKeyJwt(key, { kid }); Spring Security: client-authentication-method: private_key_jwt with a JWK resolver; MSAL: a certificate credential.',
    ],
  };
}
