/**
 * none: a public client names itself with client_id and proves nothing; PKCE protects its codes.
 * @see RFC 6749 §2.1, RFC 7636
 */
import type { Client, ClientAuth } from './types.js';

export function noClientAuth(client: Client): ClientAuth {
  return {
    method: 'none',
    async apply({ body }) {
      body.set('client_id', client.client_id);
      return [];
    },
    advice: () => ['Public client: send client_id in the body and no secret; keep PKCE (code_verifier) on.'],
  };
}
