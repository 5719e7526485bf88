/**
 * What a refusal means when the client authenticated with its certificate (RFC 8705): the
 * provider's answer alone rarely says (oidc-provider answers "client authentication failed" for
 * every case), so the reading adds what the run knows: where the request went and which
 * mtls_endpoint_aliases entry it did not use, and the certificate that was presented (subject,
 * issuer, thumbprint: public). Pure.
 * @see RFC 8705 §2, §5
 */
import { finding, type Finding } from '../findings.js';
import type { ClientAuthMethod, ClientCertificate } from './client-auth/index.js';

export interface MtlsContext {
  method: ClientAuthMethod;
  certificate: ClientCertificate;
  client_id: string;
  /** Where the request went. */
  url: string;
  /** The provider's mtls_endpoint_aliases entry for this endpoint, when it was not used (the endpoint was given). */
  aliasNotUsed?: string;
  error_description?: string;
}

const SOURCES = ['RFC 8705 §2 (mutual-TLS client authentication)', 'RFC 8705 §5 (mtls_endpoint_aliases)'];

/** Providers' words for "no certificate arrived" (Keycloak "Client certificate missing", oidc-provider's detail, Spring's). */
const MISSING = /\b(?:client )?certificate (?:is )?(?:missing|was not provided|not provided|not present|required)|no (?:client )?certificate/i;

function certificateEvidence(c: ClientCertificate) {
  return { subject: c.subject, issuer: c.issuer, san: c.san, 'x5t#S256': c.x5tS256, self_signed: c.selfSigned, not_after: c.notAfter };
}

function shown(c: ClientCertificate): string {
  return `subject "${c.subject}", issued by "${c.issuer}"${c.san.length ? `, SAN ${c.san.join(', ')}` : ''}, x5t#S256 ${c.x5tS256}`;
}

/** The provider refused the client that presented a certificate (invalid_client): which of the three it most likely is. */
export function mtlsRefusalFinding(refusal: Finding | undefined, o: MtlsContext): Finding {
  const c = o.certificate;
  const answered = refusal ? `The provider refused the client (${refusal.title}). ` : 'The provider refused the client. ';
  const evidence = { auth_method: o.method, url: o.url, ...(o.aliasNotUsed ? { mtls_endpoint_alias: o.aliasNotUsed } : {}), certificate: certificateEvidence(c), ...(o.error_description ? { error_description: o.error_description } : {}) };
  const plainHttp = o.url.startsWith('http:');
  if (o.aliasNotUsed || plainHttp || (o.error_description && MISSING.test(o.error_description))) {
    return finding({
      id: 'client_certificate_not_sent',
      severity: 'error',
      title: `${o.method}: no client certificate reached the provider`,
      detail:
        answered +
        (plainHttp
          ? `The request went over plain HTTP to ${o.url}: there is no TLS connection to present a certificate on.`
          : o.aliasNotUsed
            ? `The request went to ${o.url}, but the provider publishes mtls_endpoint_aliases with ${o.aliasNotUsed} for it: providers ask for the client certificate only at the alias, so the certificate was never asked for.`
            : `The provider says: "${o.error_description}". The endpoint did not ask for the certificate, or a proxy in front of the provider ended TLS and did not pass it on.`),
      fixes: [
        ...(o.aliasNotUsed ? [`Send requests that authenticate with the certificate to ${o.aliasNotUsed} (mtls_endpoint_aliases in the discovery document); here, leave out the endpoint flag so the alias is used.`] : []),
        'Make sure the client presents the certificate: in Node (undici) an Agent with connect: { cert, key }; curl --cert FILE --key FILE.',
        'If a load balancer or proxy ends TLS in front of the provider, it must ask for the certificate and forward it (Keycloak: proxy-ssl-header / the X-Forwarded-Client-Cert header).',
      ],
      sources: SOURCES,
      evidence,
    });
  }
  const selfSigned = o.method === 'self_signed_tls_client_auth';
  return finding({
    id: 'client_certificate_not_mapped',
    severity: 'error',
    title: selfSigned ? 'self_signed_tls_client_auth: the certificate is not one of the client\'s registered keys' : `tls_client_auth: the provider does not map this certificate to ${o.client_id}`,
    detail:
      answered +
      `The certificate presented has ${shown(c)}. ` +
      (selfSigned
        ? `With self_signed_tls_client_auth the provider looks for a key with this x5t#S256 in the client's jwks (or jwks_uri); it found none.${c.selfSigned ? '' : ' This certificate is issued by a CA, not self-signed: the client may be registered for tls_client_auth instead.'}`
        : `With tls_client_auth the provider checks that a CA it trusts issued the certificate and that its subject DN (or the SAN registered) is the one registered for the client in tls_client_auth_subject_dn (or tls_client_auth_san_*).${c.selfSigned ? ' This certificate is self-signed: no CA vouches for it, so use self_signed_tls_client_auth with it in the client\'s jwks, or get it issued by the CA the provider trusts.' : ''}`),
    fixes: selfSigned
      ? [`Register the certificate in the client's jwks, with x5c: ${JSON.stringify(c.jwk)}`, 'Or present the certificate that is registered; a renewed certificate has a new thumbprint and needs registering again.']
      : [
          `Register tls_client_auth_subject_dn "${c.subject}" for the client, character for character (RFC 4514 order: most specific first), or present the certificate whose subject is registered.`,
          `Make sure the provider trusts "${c.issuer}" as an issuer of client certificates (Keycloak: the truststore; a gateway: its client CA list).`,
        ],
    sources: SOURCES,
    evidence,
  });
}

/** OpenSSL's alerts for a client certificate refused in the handshake, as Node names them. */
const ALERTS: Record<string, string> = {
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a client certificate and none was sent',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'the server does not trust the CA that issued the client certificate',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server found the client certificate unusable',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'the server says the client certificate has expired',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE: 'the server does not accept this kind of certificate for client authentication',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'the server refused the client certificate',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'the handshake failed (often: a client certificate was required and none was sent)',
};

/**
 * A TLS alert about the client certificate, as a finding; undefined for any other network failure.
 * With a certificate presented, a connection closed mid-request without any alert reads as a
 * refusal too: servers that check the certificate after the handshake (Node's rejectUnauthorized)
 * just close it.
 */
export function tlsAlertFinding(code: string | undefined, what: string, url: string, certificate?: ClientCertificate): Finding | undefined {
  const closed = certificate && code === 'UND_ERR_SOCKET' && url.startsWith('https:');
  const meaning = closed ? 'the server closed the connection right after the handshake, without saying why; most likely it refused the client certificate' : code ? ALERTS[code] : undefined;
  if (!code || !meaning) return undefined;
  const noneSent = code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || (!certificate && code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
  return finding({
    id: noneSent ? 'client_certificate_not_sent' : 'client_certificate_rejected',
    severity: 'error',
    title: `${what}: the TLS handshake failed: ${meaning} (${code})`,
    detail: certificate
      ? `The client certificate presented has ${shown(certificate)}. ${noneSent ? 'It was not sent: the client certificate must be given on this connection.' : 'The server ended the handshake before any HTTP request.'}`
      : `This endpoint wants mutual TLS and no client certificate was given.`,
    fixes: certificate
      ? noneSent
        ? ['Check the certificate and key files and that the request carries them (--client-cert, --client-cert-key).']
        : [
            `Present a certificate issued by a CA the server trusts for client certificates (this one is issued by "${certificate.issuer}"), or add that CA to the server's client CA list.`,
            'Check that the certificate is in its validity period and has extendedKeyUsage clientAuth (or none).',
          ]
      : ['Give the client certificate and key: --client-cert FILE --client-cert-key FILE (or OAUTH_CLIENT_CERT / OAUTH_CLIENT_CERT_KEY naming the files), with --auth-method tls or self-signed-tls.'],
    sources: ['RFC 8446 §6.2 (alerts)', SOURCES[0] as string],
    evidence: { url, code, ...(certificate ? { certificate: certificateEvidence(certificate) } : {}) },
  });
}
