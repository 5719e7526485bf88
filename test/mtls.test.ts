/**
 * Mutual-TLS client authentication (RFC 8705) end to end: the built CLI against oidc-provider
 * behind an HTTPS front that asks for client certificates on its mTLS host
 * (scripts/demo/mtls-provider.mjs), with certificates made by openssl in the test.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MTLS_CLIENT, SELF_SIGNED_CLIENT, startMtlsProvider } from '../scripts/demo/mtls-provider.mjs';
import { runCli } from './helpers/cli.js';
import { HTTP_BROWSER } from './helpers/provider.js';
import { makeClientCerts, makePki, startOpensslMtlsServer, type KeyPair, type Pki } from './helpers/tls.js';

let pki: Pki;
let certs: ReturnType<typeof makeClientCerts>;
let provider: Awaited<ReturnType<typeof startMtlsProvider>>;
let strict: Awaited<ReturnType<typeof startMtlsProvider>>;

const jwkOf = (pem: string) => {
  const x509 = new X509Certificate(pem);
  return { ...(x509.publicKey.export({ format: 'jwk' }) as object), x5c: [x509.raw.toString('base64')] };
};
const certArgs = (pair: KeyPair) => ['--client-cert', pair.certFile, '--client-cert-key', pair.keyFile];
/** Every line of a private key's base64 body: none may appear in any output. */
const keyLines = (pair: KeyPair) => pair.key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
const noKeyIn = (text: string, ...pairs: KeyPair[]) => {
  for (const pair of pairs) for (const line of keyLines(pair)) expect(text).not.toContain(line);
};
const ids = (out: { findings: Array<{ id: string }> }) => out.findings.map((f) => f.id);

beforeAll(async () => {
  pki = makePki();
  certs = makeClientCerts(pki);
  const o = { server: pki.good, clientCa: await import('node:fs').then((fs) => fs.readFileSync(pki.caFile, 'utf8')), subjectDn: certs.mappedSubject, selfSignedJwk: jwkOf(certs.selfSigned.cert) };
  provider = await startMtlsProvider(o);
  strict = await startMtlsProvider({ ...o, strict: true });
}, 60_000);
afterAll(async () => {
  await provider?.close();
  await strict?.close();
});

const cc = (args: string[], issuer = provider.issuer) => runCli(['client-credentials', '--ca', pki.caFile, '--issuer', issuer, ...args]);

describe('mutual-TLS client authentication (RFC 8705)', () => {
  it('tls_client_auth: the certificate goes to the mtls_endpoint_aliases token endpoint and a bound token comes back', async () => {
    const r = await cc(['--json', '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped)]);
    expect(r.stderr).toBe(r.stderr); // progress only
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ ok: true, auth_method: 'tls_client_auth' });
    expect(out.attempts[0].url).toBe(`${provider.mtlsBase}/token`);
    expect(out.claims.access_token.cnf['x5t#S256']).toMatch(/^[\w-]{43}$/);
    noKeyIn(r.stdout + r.stderr, certs.mapped);
  });

  it('self_signed_tls_client_auth with --auth-method self-signed-tls, in text', async () => {
    const r = await cc(['--client-id', SELF_SIGNED_CLIENT.client_id, '--auth-method', 'self-signed-tls', ...certArgs(certs.selfSigned)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/self_signed_tls_client_auth\s+HTTP 200\s+tokens/);
    noKeyIn(r.stdout + r.stderr, certs.selfSigned);
  });

  it('aliases ignored (the plain token endpoint given): no certificate reached the provider, and the alias is named', async () => {
    const r = await cc(['--json', '--token-endpoint', `${provider.issuer}/token`, '--client-id', MTLS_CLIENT.client_id, '--auth-method', 'tls', ...certArgs(certs.mapped)]);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(ids(out)[0]).toBe('client_certificate_not_sent');
    expect(out.findings[0].detail).toContain(`${provider.mtlsBase}/token`);
    noKeyIn(r.stdout + r.stderr, certs.mapped);
  });

  it('a certificate whose subject is not the registered one: not mapped, and the subject sent is shown', async () => {
    const r = await cc(['--client-id', MTLS_CLIENT.client_id, '--auth-method', 'tls', ...certArgs(certs.unmapped)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('client_certificate_not_mapped');
    expect(r.stdout).toContain('CN=someone-else,O=oauth-doctor test');
    expect(r.stdout).toContain('tls_client_auth_subject_dn');
    noKeyIn(r.stdout + r.stderr, certs.unmapped);
  });

  it('a self-signed certificate not in the client\'s jwks: not mapped, with the JWK to register', async () => {
    const r = await cc(['--json', '--client-id', SELF_SIGNED_CLIENT.client_id, '--auth-method', 'self-signed-tls', ...certArgs(certs.otherSelfSigned)]);
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('client_certificate_not_mapped');
    expect(f.title).toMatch(/not one of the client's registered keys/);
    expect(f.fixes[0]).toContain(new X509Certificate(certs.otherSelfSigned.cert).raw.toString('base64').slice(0, 40));
    noKeyIn(r.stdout + r.stderr, certs.otherSelfSigned);
  });

  it('a certificate from a CA a TLS terminator does not trust: its unknown_ca alert, read and explained', async () => {
    const terminator = await startOpensslMtlsServer(pki);
    try {
      const r = await runCli(['client-credentials', '--json', '--ca', pki.caFile, '--token-endpoint', `${terminator.base}/token`, '--client-id', MTLS_CLIENT.client_id, '--auth-method', 'tls', ...certArgs(certs.foreign)]);
      expect(r.code).toBe(1);
      const f = r.json().findings[0];
      expect(f.id).toBe('client_certificate_rejected');
      expect(f.title).toContain('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA');
      expect(f.detail).toContain('issued by "CN=some other CA"');
      noKeyIn(r.stdout + r.stderr, certs.foreign);
    } finally {
      await terminator.close();
    }
  });

  it('a server that checks the certificate after the handshake and just closes: read as a refusal of it', async () => {
    const r = await cc(['--json', '--client-id', MTLS_CLIENT.client_id, '--auth-method', 'tls', ...certArgs(certs.foreign)], strict.issuer);
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('client_certificate_rejected');
    expect(f.title).toMatch(/closed the connection right after the handshake/);
  });

  it('no certificate at an endpoint that requires one: the certificate_required alert says so', async () => {
    const r = await runCli(['client-credentials', '--json', '--ca', pki.caFile, '--token-endpoint', `${strict.mtlsBase}/token`, '--client-id', MTLS_CLIENT.client_id, '--auth-method', 'basic'], {
      env: { OAUTH_CLIENT_SECRET: 'not-a-real-secret-1234' },
    });
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('client_certificate_not_sent');
    expect(f.fixes[0]).toContain('--client-cert');
  });

  it('a key that is not the certificate\'s is a usage error, in one line', async () => {
    const r = await cc(['--client-id', MTLS_CLIENT.client_id, '--client-cert', certs.mapped.certFile, '--client-cert-key', certs.unmapped.keyFile]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('is not the private key of the certificate');
    noKeyIn(r.stdout + r.stderr, certs.unmapped);
  });

  it('--auth-method tls without a certificate is a usage error', async () => {
    const r = await cc(['--client-id', MTLS_CLIENT.client_id, '--auth-method', 'tls']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs the client certificate: pass --client-cert FILE --client-cert-key FILE/);
  });

  it('the certificate and key may come from files the environment names', async () => {
    const r = await runCli(['client-credentials', '--json', '--ca', pki.caFile, '--issuer', provider.issuer, '--client-id', MTLS_CLIENT.client_id], {
      env: { OAUTH_CLIENT_CERT: certs.mapped.certFile, OAUTH_CLIENT_CERT_KEY: certs.mapped.keyFile },
    });
    expect(r.code).toBe(0);
    expect(r.json().auth_method).toBe('tls_client_auth');
  });
});

describe('probe, login and decode with mutual TLS', () => {
  it('probe: the client_credentials check passes with tls_client_auth at the alias', async () => {
    const r = await runCli(['probe', '--json', '--ca', pki.caFile, '--issuer', provider.issuer, '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped), '--check', 'client_credentials']);
    expect(r.code).toBe(0);
    const check = r.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
    expect(check).toMatchObject({ status: 'pass' });
    expect(check.summary).toMatch(/^tls_client_auth ok; token issued/);
    noKeyIn(r.stdout + r.stderr, certs.mapped);
  });

  it('probe: an unmapped certificate fails the check with the subject sent', async () => {
    const r = await runCli(['probe', '--ca', pki.caFile, '--issuer', provider.issuer, '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.unmapped), '--check', 'client_credentials']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('client_certificate_not_mapped');
    expect(r.stdout).toContain('CN=someone-else,O=oauth-doctor test');
  });

  it('login: the code is redeemed at the mTLS alias with tls_client_auth', async () => {
    const r = await runCli(['login', '--json', '--ca', pki.caFile, '--issuer', provider.issuer, '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped), '--scope', 'openid', '--browser', HTTP_BROWSER, '--login-timeout', '20'], {
      env: { NODE_EXTRA_CA_CERTS: pki.caFile },
      timeoutMs: 30_000,
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, auth_method: 'tls_client_auth' });
    noKeyIn(r.stdout + r.stderr, certs.mapped);
  });

  it('decode: a certificate-bound token shows cnf.x5t#S256, and --client-cert says whether it is bound to that certificate', async () => {
    const issued = await cc(['--json', '--show-tokens', '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped)]);
    const token = issued.json().tokens.access_token as string;
    const plain = await runCli(['decode', '--json'], { input: token });
    const bound = plain.json().findings.find((f: { id: string }) => f.id === 'certificate_bound_token');
    expect(bound).toMatchObject({ severity: 'info' });
    expect(bound.title).toMatch(/^Bound to a client certificate \(cnf\.x5t#S256 [\w-]{43}\)/);

    const same = await runCli(['decode', '--client-cert', certs.mapped.certFile], { input: token });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Bound to this certificate (CN=mtls-app,O=oauth-doctor test)');

    const other = await runCli(['decode', '--json', '--client-cert', certs.unmapped.certFile], { input: token });
    expect(other.code).toBe(1);
    const mismatch = other.json().findings[0];
    expect(mismatch).toMatchObject({ id: 'certificate_bound_token', severity: 'error' });
    expect(mismatch.title).toBe('Bound to another certificate, not to CN=someone-else,O=oauth-doctor test');
  });
});

describe('introspection with mutual TLS', () => {
  it('authenticates at the mtls_endpoint_aliases introspection endpoint', async () => {
    const issued = await cc(['--json', '--show-tokens', '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped)]);
    const token = issued.json().tokens.access_token as string;
    const r = await runCli(['introspect', '--json', '--ca', pki.caFile, '--issuer', provider.issuer, '--client-id', MTLS_CLIENT.client_id, ...certArgs(certs.mapped)], { env: { OAUTH_TOKEN: token } });
    const attempt = r.json().attempts[0];
    expect(attempt).toMatchObject({ auth_method: 'tls_client_auth', url: `${provider.mtlsBase}/token/introspection` });
    // The client authenticated: oidc-provider introspects no JWT access tokens, and says so.
    expect(attempt.error).toBe('unsupported_token_type');
    noKeyIn(r.stdout + r.stderr, certs.mapped);
  });
});
