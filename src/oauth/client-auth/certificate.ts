/**
 * The client's own TLS certificate for mutual-TLS client authentication: the PEM pair the
 * transport presents, and what a diagnosis may show of it (subject, SANs, issuer, thumbprint: all
 * public; the key never).
 * @see RFC 8705 §2 (client authentication), §3.1 (x5t#S256)
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { UsageError } from '../../errors.js';

export interface ClientCertificate {
  /** PEM, the certificate (and any chain after it). */
  cert: string;
  /** PEM, the private key: a secret of the run. */
  key: string;
  /** The subject DN as RFC 4514 writes it (the form tls_client_auth_subject_dn registers), e.g. "CN=my-app,O=Example". */
  subject: string;
  issuer: string;
  /** subjectAltName entries, as OpenSSL prints them ("DNS:app.example.com"). */
  san: string[];
  /** The certificate's SHA-256 thumbprint, base64url: what cnf.x5t#S256 of a bound token holds. */
  x5tS256: string;
  selfSigned: boolean;
  notAfter: string;
  /** The public key and the certificate as a JWK, for a self_signed_tls_client_auth registration (jwks). */
  jwk: Record<string, unknown>;
}

/** The base64url SHA-256 of a certificate's DER: an x5t#S256 (RFC 8705 §3.1). */
export function certificateThumbprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url');
}

/**
 * Node prints a DN one attribute a line, most general first ("C=..\nO=..\nCN=.."); RFC 4514 (and
 * tls_client_auth_subject_dn) writes it the other way round, comma-separated.
 */
export function rfc4514(nodeDn: string): string {
  return nodeDn
    .split('\n')
    .filter((line) => line !== '')
    .reverse()
    .map((rdn) => rdn.replace(/([,+"\\<>;])/g, '\\$1'))
    .join(',');
}

/** Reads a PEM certificate and its key; a key that is not the certificate's is a usage error. */
export function readClientCertificate(certPem: string, keyPem: string, names: { cert: string; key: string }): ClientCertificate {
  if (!certPem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`${names.cert}: not a PEM certificate (it must contain "-----BEGIN CERTIFICATE-----")`);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(certPem);
  } catch (err) {
    throw new UsageError(`${names.cert}: the certificate cannot be read (${(err as Error).message})`);
  }
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    // The reason OpenSSL gives can quote the file; say only what is wrong.
    throw new UsageError(`${names.key}: not a PEM private key (an unencrypted "-----BEGIN PRIVATE KEY-----" or "-----BEGIN EC/RSA PRIVATE KEY-----")`);
  }
  if (!x509.checkPrivateKey(key)) throw new UsageError(`${names.key} is not the private key of the certificate in ${names.cert} (subject ${rfc4514(x509.subject)})`);
  const x5tS256 = certificateThumbprint(x509.raw);
  const publicJwk = x509.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return {
    cert: certPem,
    key: keyPem,
    subject: rfc4514(x509.subject),
    issuer: rfc4514(x509.issuer),
    san: (x509.subjectAltName ?? '').split(', ').filter((s) => s !== ''),
    x5tS256,
    selfSigned: x509.checkIssued(x509) && x509.verify(x509.publicKey),
    notAfter: new Date(x509.validTo).toISOString(),
    jwk: { ...publicJwk, x5c: [x509.raw.toString('base64')], 'x5t#S256': x5tS256 },
  };
}

/** A PEM certificate's subject and x5t#S256, for comparing with a token's cnf (decode --client-cert); no key needed. */
export function describeCertificate(certPem: string, name: string): { subject: string; x5tS256: string } {
  if (!certPem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`${name}: not a PEM certificate (it must contain "-----BEGIN CERTIFICATE-----")`);
  try {
    const x509 = new X509Certificate(certPem);
    return { subject: rfc4514(x509.subject), x5tS256: certificateThumbprint(x509.raw) };
  } catch (err) {
    throw new UsageError(`${name}: the certificate cannot be read (${(err as Error).message})`);
  }
}
