/**
 * Mutual TLS (RFC 8705), the pure parts: which method auto picks with a certificate, where a
 * request with a certificate goes (mtls_endpoint_aliases), how a refusal reads, a token's binding,
 * and the DN form tls_client_auth_subject_dn registers.
 */
import { describe, expect, it } from 'vitest';
import { rfc4514, type ClientCertificate } from '../../src/oauth/client-auth/certificate.js';
import { methodsToTry, type Client } from '../../src/oauth/client-auth/index.js';
import { mtlsRefusalFinding, tlsAlertFinding } from '../../src/oauth/mtls-findings.js';
import { createSession, mtlsEndpointOf } from '../../src/oauth/session.js';
import { certificateBindingFindings } from '../../src/token/certificate-binding.js';

const cert = (o: Partial<ClientCertificate> = {}): ClientCertificate => ({
  cert: 'PEM',
  key: 'KEY',
  subject: 'CN=app,O=Example',
  issuer: 'CN=Example CA',
  san: [],
  x5tS256: 'A'.repeat(43),
  selfSigned: false,
  notAfter: '2030-01-01T00:00:00.000Z',
  jwk: { kty: 'EC' },
  ...o,
});
const BOTH = ['tls_client_auth', 'self_signed_tls_client_auth', 'client_secret_basic'];

describe('methodsToTry with a client certificate', () => {
  it.each([
    ['a CA-issued certificate, both advertised', { client_id: 'a', certificate: cert() }, BOTH, ['tls_client_auth']],
    ['a self-signed certificate', { client_id: 'a', certificate: cert({ selfSigned: true }) }, BOTH, ['self_signed_tls_client_auth']],
    ['only the other one advertised', { client_id: 'a', certificate: cert() }, ['self_signed_tls_client_auth'], ['self_signed_tls_client_auth']],
    ['nothing advertised', { client_id: 'a', certificate: cert() }, undefined, ['tls_client_auth']],
    ['a secret too: the secret methods after', { client_id: 'a', client_secret: 's', certificate: cert() }, BOTH, ['tls_client_auth', 'client_secret_basic', 'client_secret_post']],
    ['no mTLS advertised: the secret methods', { client_id: 'a', client_secret: 's', certificate: cert() }, ['client_secret_basic'], ['client_secret_basic', 'client_secret_post']],
  ] as Array<[string, Client, string[] | undefined, string[]]>)('auto, %s', (_name, client, advertised, expected) => {
    expect(methodsToTry('auto', client, advertised)).toEqual(expected);
  });

  it('--auth-method tls without a certificate is a usage error', () => {
    expect(() => methodsToTry('tls', { client_id: 'a' }, undefined)).toThrow(/needs the client certificate/);
  });
});

describe('mtls_endpoint_aliases (RFC 8705 §5)', () => {
  const metadata = {
    issuer: 'https://idp.example.com',
    token_endpoint: 'https://idp.example.com/token',
    introspection_endpoint: 'https://idp.example.com/introspect',
    mtls_endpoint_aliases: { token_endpoint: 'https://mtls.idp.example.com/token', introspection_endpoint: 'https://mtls.idp.example.com/introspect', revocation_endpoint: 42 },
  };
  const deps = {} as never;

  it('a request with a certificate goes to the alias of an endpoint from the metadata', () => {
    const s = createSession({ metadata, client: { client_id: 'a' }, deps, timeoutMs: 1000 });
    expect(mtlsEndpointOf(s, 'token')).toEqual({ mtlsUrl: 'https://mtls.idp.example.com/token' });
    expect(mtlsEndpointOf(s, 'introspection')).toEqual({ mtlsUrl: 'https://mtls.idp.example.com/introspect' });
    expect(mtlsEndpointOf(s, 'revocation')).toEqual({});
  });

  it('an endpoint given on the command line is used as given, and the alias it bypasses is kept for the diagnosis', () => {
    const s = createSession({ metadata, overrides: { token: 'https://gateway.example.com/token' }, client: { client_id: 'a' }, deps, timeoutMs: 1000 });
    expect(mtlsEndpointOf(s, 'token')).toEqual({ mtlsAliasNotUsed: 'https://mtls.idp.example.com/token' });
  });
});

describe('a refusal of a client that presented a certificate', () => {
  const base = { method: 'tls_client_auth' as const, certificate: cert(), client_id: 'app', url: 'https://mtls.idp.example.com/token' };

  it.each([
    ['the alias was bypassed', { ...base, url: 'https://idp.example.com/token', aliasNotUsed: 'https://mtls.idp.example.com/token' }, 'client_certificate_not_sent', /publishes mtls_endpoint_aliases/],
    ['plain HTTP', { ...base, url: 'http://127.0.0.1:8080/token' }, 'client_certificate_not_sent', /plain HTTP/],
    ['the provider says no certificate came', { ...base, error_description: 'Client certificate missing' }, 'client_certificate_not_sent', /Client certificate missing/],
    ['otherwise: not mapped, with the subject sent', base, 'client_certificate_not_mapped', /subject "CN=app,O=Example"/],
  ] as const)('%s', (_name, o, id, detail) => {
    const f = mtlsRefusalFinding(undefined, o);
    expect(f.id).toBe(id);
    expect(f.detail).toMatch(detail);
    expect(JSON.stringify(f)).not.toContain('KEY');
  });

  it('self_signed_tls_client_auth: the JWK to register, with x5c', () => {
    const f = mtlsRefusalFinding(undefined, { ...base, method: 'self_signed_tls_client_auth', certificate: cert({ selfSigned: true, jwk: { kty: 'EC', x5c: ['MIIB'] } }) });
    expect(f.fixes[0]).toBe('Register the certificate in the client\'s jwks, with x5c: {"kty":"EC","x5c":["MIIB"]}');
  });

  it.each([
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', cert(), 'client_certificate_rejected'],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', undefined, 'client_certificate_not_sent'],
    ['UND_ERR_SOCKET', cert(), 'client_certificate_rejected'],
  ] as const)('TLS: %s', (code, c, id) => {
    expect(tlsAlertFinding(code, 'The token endpoint', 'https://mtls.idp.example.com/token', c)?.id).toBe(id);
  });

  it('a connection that broke without a certificate is no mTLS finding', () => {
    expect(tlsAlertFinding('UND_ERR_SOCKET', 'The token endpoint', 'https://idp.example.com/token')).toBeUndefined();
    expect(tlsAlertFinding('ECONNREFUSED', 'The token endpoint', 'https://idp.example.com/token', cert())).toBeUndefined();
  });
});

describe('certificate-bound tokens (RFC 8705 §3)', () => {
  const claims = { cnf: { 'x5t#S256': 'A'.repeat(43) } };
  it.each([
    ['no cnf: nothing', {}, undefined, []],
    ['bound, no certificate given', claims, undefined, ['info']],
    ['bound to the certificate given', claims, { subject: 'CN=app', x5tS256: 'A'.repeat(43) }, ['info']],
    ['bound to another certificate', claims, { subject: 'CN=app', x5tS256: 'B'.repeat(43) }, ['error']],
  ] as const)('%s', (_name, c, certificate, severities) => {
    expect(certificateBindingFindings(c, certificate).map((f) => f.severity)).toEqual(severities);
  });
});

describe('rfc4514: the DN as tls_client_auth_subject_dn registers it', () => {
  it.each([
    ['C=DE\nO=Example\nCN=app', 'CN=app,O=Example,C=DE'],
    ['O=Example, Inc.\nCN=app', 'CN=app,O=Example\\, Inc.'],
  ])('%j → %s', (node, expected) => expect(rfc4514(node)).toBe(expected));
});
