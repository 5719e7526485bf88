/**
 * The client authentication methods by name, and which of them to try in what order: the
 * fallback a human would try next is the same request with the other secret method.
 * @see RFC 6749 §2.3.1, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import { UsageError } from '../../errors.js';
import { clientSecretBasic } from './client-secret-basic.js';
import { clientSecretJwt } from './client-secret-jwt.js';
import { clientSecretPost } from './client-secret-post.js';
import { noClientAuth } from './none.js';
import { selfSignedTlsClientAuth, tlsClientAuth } from './tls-client-auth.js';
import { privateKeyJwt } from './private-key-jwt.js';
import { MTLS_METHODS, SECRET_METHODS, type AssertionSettings, type Client, type ClientAuth, type ClientAuthMethod } from './types.js';

export * from './types.js';
export { basicCredentials } from './client-secret-basic.js';
export type { ClientCertificate } from './certificate.js';
import type { ClientCertificate } from './certificate.js';

const BUILDERS: Record<ClientAuthMethod, (client: Client) => ClientAuth> = {
  client_secret_basic: clientSecretBasic,
  client_secret_post: clientSecretPost,
  none: noClientAuth,
  tls_client_auth: tlsClientAuth,
  self_signed_tls_client_auth: selfSignedTlsClientAuth,
  private_key_jwt: privateKeyJwt,
  client_secret_jwt: clientSecretJwt,
};

export function clientAuth(method: ClientAuthMethod, client: Client): ClientAuth {
  return BUILDERS[method](client);
}

/** What to set in the user's own client for a method the provider accepted (and, with otherRefused, the other one refused). */
export function clientConfiguration(method: ClientAuthMethod, o: { otherRefused?: boolean } = {}): string[] {
  return clientAuth(method, { client_id: '' }).advice(o);
}

/** The short names of --auth-method, and the method each one means. */
export const AUTH_METHOD_CHOICES = {
  auto: undefined,
  basic: 'client_secret_basic',
  post: 'client_secret_post',
  none: 'none',
  tls: 'tls_client_auth',
  'self-signed-tls': 'self_signed_tls_client_auth',
  private_key_jwt: 'private_key_jwt',
  client_secret_jwt: 'client_secret_jwt',
} as const;
export type AuthMethodChoice = keyof typeof AUTH_METHOD_CHOICES;

/** Whether the client has something to authenticate with: a secret or a private key. */
export function hasCredentials(client: Client): boolean {
  return client.client_secret !== undefined || client.assertion?.key !== undefined;
}

/** The methods to try, in order. */
export function methodsToTry(choice: AuthMethodChoice, client: Client, advertised: readonly string[] | undefined): ClientAuthMethod[] {
  const chosen = AUTH_METHOD_CHOICES[choice];
  if (chosen === 'tls_client_auth' || chosen === 'self_signed_tls_client_auth') {
    if (!client.certificate) throw new UsageError(`--auth-method ${choice} needs the client certificate: pass --client-cert FILE --client-cert-key FILE`);
    return [chosen];
  }
  if (chosen !== undefined && chosen !== 'none') return [chosen];
  // With a certificate, the mTLS methods the provider advertises come first (both when it says nothing).
  const { certificate, ...withoutCertificate } = client;
  // The two mTLS methods send the same request (client_id, the certificate): the provider goes by the
  // client's registration, so one try says all. A self-signed certificate means self_signed_tls_client_auth.
  const usable: ClientAuthMethod[] = certificate ? MTLS_METHODS.filter((m) => !advertised || advertised.includes(m)) : [];
  const likely: ClientAuthMethod = certificate?.selfSigned ? 'self_signed_tls_client_auth' : 'tls_client_auth';
  const mtls = usable.includes(likely) ? [likely] : usable.slice(0, 1);
  if (mtls.length > 0 && chosen === undefined) return [...mtls, ...methodsToTry(choice, withoutCertificate, advertised).filter((m) => m !== 'none')];
  // A key given means private_key_jwt, unless discovery says the provider does not take it.
  const keyMethods: ClientAuthMethod[] = client.assertion?.key && (!advertised || advertised.includes('private_key_jwt')) ? ['private_key_jwt'] : [];
  if (chosen === 'none' || client.client_secret === undefined) return keyMethods.length > 0 && chosen !== 'none' ? keyMethods : ['none'];
  const secretMethods = (advertised ?? []).filter((m) => (SECRET_METHODS as readonly string[]).includes(m));
  // RFC 6749 §2.3.1 makes Basic the one every server must support; start there unless only post is advertised.
  const first = secretMethods.length > 0 && !secretMethods.includes('client_secret_basic') ? 'client_secret_post' : 'client_secret_basic';
  // client_secret_jwt last: fewer providers take it, and only when they say so.
  const hmac: ClientAuthMethod[] = client.assertion && advertised?.includes('client_secret_jwt') ? ['client_secret_jwt'] : [];
  return [...keyMethods, first, ...SECRET_METHODS.filter((m) => m !== first), ...hmac];
}

/** The Client of a command's options: its id, and its secret, certificate and assertion settings when given. */
export function clientOf(o: { clientId: string; clientSecret?: string | undefined; clientCertificate?: ClientCertificate | undefined; clientAssertion?: AssertionSettings | undefined }): Client {
  return {
    client_id: o.clientId,
    ...(o.clientSecret !== undefined ? { client_secret: o.clientSecret } : {}),
    ...(o.clientCertificate ? { certificate: o.clientCertificate } : {}),
    ...(o.clientAssertion ? { assertion: o.clientAssertion } : {}),
  };
}
