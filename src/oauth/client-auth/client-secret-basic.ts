/**
 * client_secret_basic: the credentials in an HTTP Basic header, each part form-urlencoded first.
 * @see RFC 6749 §2.3.1, Appendix B
 */
import type { Client, ClientAuth } from './types.js';

export function basicCredentials(client: Client): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(client.client_id)}:${enc(client.client_secret ?? '')}`).toString('base64')}`;
}

export function clientSecretBasic(client: Client): ClientAuth {
  return {
    method: 'client_secret_basic',
    async apply({ headers }) {
      headers.authorization = basicCredentials(client);
      // A server that echoes the header back must not print the credentials either.
      return [headers.authorization.slice('Basic '.length)];
    },
    advice: ({ otherRefused = false } = {}) => [
      `Send the client credentials with HTTP Basic: \`Authorization: Basic base64(urlencode(client_id):urlencode(client_secret))\`${otherRefused ? ', and not in the body' : ''}.`,
      ...(otherRefused
        ? ['passport-oauth2 sends them in the body by default: pass `customHeaders: { Authorization: "Basic " + Buffer.from(encodeURIComponent(id) + ":" + encodeURIComponent(secret)).toString("base64") }` and leave clientSecret out of the body.']
        : []),
      'openid-client / oauth4webapi: ClientSecretBasic; Spring Security: client-authentication-method: client_secret_basic.',
    ],
  };
}
