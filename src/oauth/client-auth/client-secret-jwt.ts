/**
 * client_secret_jwt: a JWT assertion signed with an HMAC of the client secret, so the secret itself
 * never travels.
 * @see OpenID Connect Core 1.0 §9, RFC 7523 §2.2
 */
import { signAssertion } from './assertion.js';
import type { Client, ClientAuth, SentAssertion } from './types.js';

const HS_ALGS = ['HS256', 'HS384', 'HS512'];

/** HS256 unless pinned, or unless the provider advertises only other HS algs. */
export function hmacAlg(pinned: string | undefined, advertised: readonly string[] | undefined): string {
  if (pinned) return pinned;
  const offered = (advertised ?? []).filter((a) => HS_ALGS.includes(a));
  return offered.length === 0 || offered.includes('HS256') ? 'HS256' : (offered[0] as string);
}

export function clientSecretJwt(client: Client): ClientAuth {
  let last: SentAssertion | undefined;
  return {
    method: 'client_secret_jwt',
    async apply(request, target) {
      const settings = client.assertion;
      if (!settings || client.client_secret === undefined) throw new Error('client_secret_jwt: the client has no secret');
      const alg = hmacAlg(settings.alg, settings.advertisedAlgs);
      const { assertion, sent } = await signAssertion(request, target, { client_id: client.client_id, settings, key: new TextEncoder().encode(client.client_secret), alg });
      last = sent;
      return [assertion];
    },
    sent: () => last,
    advice: () => [
      'Authenticate with a JWT signed with the client secret (HMAC): client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and client_assertion, a fresh one per request (iss = sub = client_id, aud, jti, iat, exp a minute ahead).',
      'openid-client / oauth4webapi: ClientSecretJwt(secret); Spring Security: client-authentication-method: client_secret_jwt.',
    ],
  };
}
