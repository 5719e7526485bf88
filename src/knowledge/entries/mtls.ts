import type { KnowledgeEntry } from '../types.js';

/**
 * Mutual-TLS client authentication and certificate-bound tokens (RFC 8705): what providers and
 * TLS stacks say when the client certificate is missing, not mapped to the client, refused in the
 * handshake, or not the one a token is bound to.
 */

const P = 3;
const MTLS = 'RFC 8705 §2 (mutual-TLS client authentication)';
const ALIASES = 'RFC 8705 §5 (mtls_endpoint_aliases)';
const BOUND = 'RFC 8705 §3 (certificate-bound access tokens)';
const KEYCLOAK_HOK = 'Keycloak source: MtlsHoKTokenUtil';
const OIDC_PROVIDER = 'oidc-provider source: client authentication';
const SEND_IT = 'Present the certificate on the TLS connection of the request (Node/undici: an Agent with connect: { cert, key }; curl --cert FILE --key FILE; Java: a KeyManager with the keystore).';
const DIAGNOSE = 'Run `oauth-doctor client-credentials --client-cert FILE --client-cert-key FILE` against the provider: it uses mtls_endpoint_aliases and shows the subject and thumbprint the provider got.';

export const mtlsEntries: readonly KnowledgeEntry[] = [
  {
    key: 'mtls.hok_certificate_missing',
    finding: 'client_certificate_not_sent',
    severity: 'error',
    title: 'No client certificate on a token request whose tokens must be bound to one',
    meaning:
      'The client is configured for certificate-bound tokens (Keycloak: "Use OAuth 2.0 Certificate Bound Access Tokens"; RFC 8705 tls_client_certificate_bound_access_tokens), so the provider binds each token to the client certificate of the request; this request came without one, so there was nothing to bind to.',
    causes: [
      'The request went to the endpoint that does not ask for a certificate, not to the mtls_endpoint_aliases one, or the server is not set to request client certificates (Keycloak: https-client-auth=request).',
      'A load balancer or proxy ends TLS in front of the provider and does not forward the certificate (Keycloak: the x509 client certificate lookup provider and its header).',
      'The client does not send its certificate at all.',
    ],
    fixes: [
      SEND_IT,
      'Send the token request to the provider\'s mtls_endpoint_aliases.token_endpoint when its discovery document has one.',
      'Behind a proxy: configure it to ask for client certificates and forward them (Keycloak: spi-x509cert-lookup-provider and the header it reads).',
      DIAGNOSE,
    ],
    sources: [BOUND, ALIASES, KEYCLOAK_HOK],
    match: [{ text: /Client Certification missing for MTLS HoK Token Binding/i }],
    priority: P,
  },
  {
    key: 'mtls.bound_token_certificate_mismatch',
    finding: 'certificate_bound_token',
    severity: 'error',
    title: 'The token is bound to a client certificate that this request did not present',
    meaning:
      'The token (or refresh token) carries the thumbprint of the certificate it was issued to (cnf.x5t#S256); the server accepts it only on a connection that presents that same certificate, and this one presented none, or another.',
    causes: [
      'The call went without the client certificate (a plain HTTPS client, or the endpoint that does not ask for it instead of its mtls_endpoint_aliases one).',
      'The certificate was renewed or replaced since the token was issued: a new certificate has a new thumbprint.',
      'Another client, or another instance with its own certificate, uses the token.',
    ],
    fixes: [
      'Make the call with the certificate the token was issued to; compare with `oauth-doctor decode TOKEN --client-cert FILE`.',
      'After a certificate change, get new tokens (sign in again) while presenting the new certificate.',
      SEND_IT,
    ],
    sources: [BOUND, KEYCLOAK_HOK, OIDC_PROVIDER],
    match: [{ text: /Client certificate missing, or its thumbprint and one in the (?:refresh )?token did NOT match|failed x5t#S256 verification|\bthumbprint mismatch\b/i }],
    priority: P,
  },
  {
    key: 'mtls.certificate_not_provided',
    finding: 'client_certificate_not_sent',
    severity: 'error',
    title: 'The provider got no client certificate',
    meaning:
      'The client authenticates with mutual TLS (tls_client_auth or self_signed_tls_client_auth), so the provider looks for the certificate of the TLS connection, and there was none.',
    causes: [
      'The request went to the endpoint that does not ask for a certificate instead of its mtls_endpoint_aliases entry.',
      'A proxy or load balancer ends TLS and does not pass the certificate on.',
      'The client was not given the certificate, or its HTTP library drops it (a shared agent without cert/key).',
    ],
    fixes: [
      'Use the provider\'s mtls_endpoint_aliases (discovery) for every request that authenticates with the certificate.',
      SEND_IT,
      DIAGNOSE,
    ],
    sources: [MTLS, ALIASES, OIDC_PROVIDER],
    match: [{ text: /client certificate was not provided|\bno client certificate (?:was )?(?:provided|presented|found|sent)\b|\bclient certificate (?:is )?(?:missing|required)\b|mTLS client certificate (?:not provided|required)|\b(?:TLS|client) certificate (?:was )?not (?:found|present|provided) in the request\b/i }],
    priority: P,
  },
  {
    key: 'mtls.certificate_not_mapped',
    finding: 'client_certificate_not_mapped',
    severity: 'error',
    title: 'The client certificate is not the one registered for the client',
    meaning:
      'The provider got a certificate but does not tie it to this client_id. With tls_client_auth it checks that a CA it trusts issued it and that its subject DN (or a SAN) equals the registered tls_client_auth_subject_dn (or tls_client_auth_san_*); with self_signed_tls_client_auth it looks for the certificate\'s key, by its x5t#S256, in the client\'s jwks.',
    causes: [
      'The registered subject DN differs from the certificate\'s: order of the attributes (RFC 4514 writes the most specific first: "CN=app,O=Example"), spacing, or a renewed certificate with another subject.',
      'The certificate was issued by a CA the provider does not trust for client certificates, or is self-signed while the client is registered for tls_client_auth.',
      'A self-signed certificate was replaced and the new one is not in the client\'s jwks (x5c).',
    ],
    fixes: [
      'Print the certificate\'s subject (`openssl x509 -in client.pem -noout -subject -nameopt RFC2253`) and register exactly that as tls_client_auth_subject_dn.',
      'For self_signed_tls_client_auth, register the certificate\'s public key with its x5c in the client\'s jwks (oauth-doctor prints the JWK when it is refused).',
      DIAGNOSE,
    ],
    sources: [MTLS, OIDC_PROVIDER],
    match: [{ text: /certificate subject value does not match the registered one|unregistered client certificate provided|client certificate was not verified|Certificate'?s? Subject ?DN (?:does ?n[o']t match|mismatch)/i }],
    priority: P,
  },
  {
    key: 'mtls.tls_certificate_required',
    finding: 'client_certificate_not_sent',
    severity: 'error',
    title: 'The TLS handshake failed: the server requires a client certificate',
    meaning:
      'The server asked for a client certificate in the TLS handshake (mutual TLS) and the client sent none, so it ended the connection with the certificate_required alert before any HTTP request.',
    causes: [
      'The client has no certificate configured for this host, or its HTTP library was not given it.',
      'The endpoint is the mTLS one (an mtls_endpoint_aliases entry, a gateway with client certificates required) and the client meant to use another way to authenticate.',
    ],
    fixes: [SEND_IT, 'Check that the certificate and key files are the ones the client loads (paths, permissions, the key matching the certificate).'],
    sources: ['RFC 8446 §4.4.2.4 (certificate_required)', MTLS],
    match: [{ text: /alert certificate required|ALERT_CERTIFICATE_REQUIRED|tls: certificate required|fatal alert: certificate_required|peer did not return a certificate/i }],
    priority: P,
  },
  {
    key: 'mtls.tls_certificate_refused',
    finding: 'client_certificate_rejected',
    severity: 'error',
    title: 'The TLS handshake failed: the server refused the client certificate',
    meaning:
      'The server checked the client certificate in the handshake and refused it (unknown_ca: it does not trust the CA that issued it; bad_certificate / certificate_expired / unsupported_certificate: it cannot use it), and ended the connection before any HTTP request.',
    causes: [
      'The certificate was issued by a CA that is not in the server\'s client CA list (a self-signed certificate, a test CA, an intermediate missing from the chain sent).',
      'The certificate has expired, or lacks extendedKeyUsage clientAuth.',
    ],
    fixes: [
      'Present a certificate from a CA the server trusts for clients, with its intermediates in the file (leaf first), or add the CA to the server\'s client CA list.',
      'Check the validity dates and key usage: `openssl x509 -in client.pem -noout -dates -ext extendedKeyUsage`.',
    ],
    sources: ['RFC 8446 §6.2 (alerts)', MTLS],
    match: [{ text: /alert (?:unknown ca|bad certificate|certificate expired|unsupported certificate)|ALERT_(?:UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_EXPIRED|UNSUPPORTED_CERTIFICATE)|remote error: tls: (?:unknown certificate authority|bad certificate|expired certificate)|fatal alert: (?:unknown_ca|bad_certificate|certificate_expired)/i }],
    priority: P,
  },
];
