/**
 * Mutual-TLS client authentication: the client proves itself with the certificate it presents on
 * the TLS connection, and names itself with client_id in the body. tls_client_auth: the provider
 * maps the certificate's subject DN or a SAN to the client (a CA it trusts issued it);
 * self_signed_tls_client_auth: the certificate's key is one of the client's registered jwks.
 * @see RFC 8705 §2.1 (PKI), §2.2 (self-signed)
 */
import type { Client, ClientAuth } from './types.js';

function mtls(method: 'tls_client_auth' | 'self_signed_tls_client_auth', advice: (client: Client) => string[]) {
  return (client: Client): ClientAuth => ({
    method,
    ...(client.certificate ? { clientCertificate: client.certificate } : {}),
    async apply({ body }) {
      // RFC 8705 §2: the certificate does not name the client; client_id in the body does.
      body.set('client_id', client.client_id);
      return [];
    },
    advice: () => advice(client),
  });
}

export const tlsClientAuth = mtls('tls_client_auth', (client) => [
  `Present the client certificate on the TLS connection and send client_id in the body; send it to the provider's mtls_endpoint_aliases when it has them.${
    client.certificate ? ` Register tls_client_auth_subject_dn "${client.certificate.subject}" for the client (or the SAN it matches on).` : ''
  }`,
  'Node (undici): an Agent with connect: { cert, key }; openid-client: ClientSecret none + a custom fetch with the certificate; Spring Security: an SSLContext with the keystore, client-authentication-method: tls_client_auth.',
]);

export const selfSignedTlsClientAuth = mtls('self_signed_tls_client_auth', (client) => [
  `Present the self-signed certificate on the TLS connection and send client_id in the body; register its public key (with x5c) in the client's jwks.${
    client.certificate ? ` Its x5t#S256 is ${client.certificate.x5tS256}.` : ''
  }`,
]);
