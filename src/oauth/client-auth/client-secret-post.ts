/**
 * client_secret_post: client_id and client_secret as form parameters of the request body.
 * @see RFC 6749 §2.3.1
 */
import type { Client, ClientAuth } from './types.js';

export function clientSecretPost(client: Client): ClientAuth {
  return {
    method: 'client_secret_post',
    async apply({ body }) {
      body.set('client_id', client.client_id);
      if (client.client_secret === undefined) return [];
      body.set('client_secret', client.client_secret);
      return [client.client_secret];
    },
    advice: ({ otherRefused = false } = {}) => [
      `Send client_id and client_secret as form parameters in the body of the token request${otherRefused ? ', not in an Authorization header' : ''}.`,
      'openid-client / oauth4webapi: ClientSecretPost; Spring Security: client-authentication-method: client_secret_post; passport-oauth2 already does this by default.',
    ],
  };
}
