/**
 * A certificate-bound access token (RFC 8705 §3): its cnf claim holds the x5t#S256 of the client
 * certificate it was issued to, and a resource server accepts it only on a TLS connection with
 * that certificate. Compared with a certificate when one is given. Pure.
 * @see RFC 8705 §3.1 (JWT cnf "x5t#S256"), RFC 7800 (cnf)
 */
import { finding, type Finding } from '../findings.js';

const SOURCES = ['RFC 8705 §3 (certificate-bound access tokens)', 'RFC 7800 (cnf)'];

export function certificateBindingFindings(claims: Record<string, unknown> | undefined, certificate?: { subject: string; x5tS256: string }): Finding[] {
  const cnf = claims?.cnf;
  const bound = cnf && typeof cnf === 'object' ? (cnf as Record<string, unknown>)['x5t#S256'] : undefined;
  if (typeof bound !== 'string') return [];
  const evidence = { 'cnf.x5t#S256': bound, ...(certificate ? { certificate: { subject: certificate.subject, 'x5t#S256': certificate.x5tS256 } } : {}) };
  if (!certificate) {
    return [
      finding({
        id: 'certificate_bound_token',
        severity: 'info',
        title: `Bound to a client certificate (cnf.x5t#S256 ${bound})`,
        detail:
          'The provider issued this token to a client that presented a certificate with this SHA-256 thumbprint. A resource server that checks the binding accepts it only on a TLS connection with that same certificate: sent without it (a plain Bearer call, another client), it is refused as invalid_token.',
        fixes: ['Call the API over mutual TLS with the certificate the token was issued to; pass that certificate here (--client-cert FILE) to compare.'],
        sources: SOURCES,
        evidence,
      }),
    ];
  }
  const matches = certificate.x5tS256 === bound;
  return [
    finding({
      id: 'certificate_bound_token',
      severity: matches ? 'info' : 'error',
      title: matches ? `Bound to this certificate (${certificate.subject})` : `Bound to another certificate, not to ${certificate.subject}`,
      detail: matches
        ? `cnf.x5t#S256 ${bound} is the thumbprint of the certificate given: a call over mutual TLS with it is what the resource server expects.`
        : `cnf.x5t#S256 is ${bound}; the certificate given has ${certificate.x5tS256}. A resource server that checks the binding refuses the token on a connection with this certificate.`,
      fixes: matches ? [] : ['Call the API with the certificate the token was issued to, or get a new token while presenting this certificate (a renewed certificate has a new thumbprint).'],
      sources: SOURCES,
      evidence,
    }),
  ];
}
