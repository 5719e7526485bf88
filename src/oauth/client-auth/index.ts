/**
 * The client authentication methods by name, and which of them to try in what order: the
 * fallback a human would try next is the same request with the other secret method.
 * @see RFC 6749 §2.3.1, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import { clientSecretBasic } from './client-secret-basic.js';
import { clientSecretJwt } from './client-secret-jwt.js';
import { clientSecretPost } from './client-secret-post.js';
import { noClientAuth } from './none.js';
import { privateKeyJwt } from './private-key-jwt.js';
import { SECRET_METHODS, type Client, type ClientAuth, type ClientAuthMethod } from './types.js';

export * from './types.js';
export { basicCredentials } from './client-secret-basic.js';

const BUILDERS: Record<ClientAuthMethod, (client: Client) => ClientAuth> = {
  client_secret_basic: clientSecretBasic,
  client_secret_post: clientSecretPost,
  none: noClientAuth,
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
  if (chosen !== undefined && chosen !== 'none') return [chosen];
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
