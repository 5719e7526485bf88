/**
 * private_key_jwt and client_secret_jwt (RFC 7523, OpenID Connect Core §9) end to end: login, probe
 * and client-credentials against a real oidc-provider with clients registered for each, and each
 * way a provider refuses an assertion reproduced for real and diagnosed: an audience it does not
 * take, a clock that is off, a kid it does not know, an alg it does not list, a lifetime too long.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as spawnCli, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { HTTP_BROWSER, KEY_JWT, SECRET_JWT, startProvider, type RunningProvider } from './helpers/provider.js';

const ALL_METHODS = ['client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt', 'client_secret_jwt'];
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-jwt-'));
const jwkFile = join(dir, 'key.json');
const pemFile = join(dir, 'key.pem');
const PEM = createPrivateKey({ key: KEY_JWT.private_jwk, format: 'jwk' }).export({ format: 'pem', type: 'pkcs8' }).toString();
writeFileSync(jwkFile, JSON.stringify(KEY_JWT.private_jwk));
writeFileSync(pemFile, PEM);

const providers: RunningProvider[] = [];
let provider: RunningProvider;
let issuerOnly: RunningProvider;
let tokenEndpointOnly: RunningProvider;
let ahead: RunningProvider;
let rsaOnly: RunningProvider;
let shortAssertions: RunningProvider;

beforeAll(async () => {
  const start = async (o: Parameters<typeof startProvider>[0] = {}) => {
    const p = await startProvider({ authMethods: ALL_METHODS, ...o });
    providers.push(p);
    return p;
  };
  provider = await start();
  issuerOnly = await start({ assertion: { audience: 'issuer' } });
  tokenEndpointOnly = await start({ assertion: { audience: 'token_endpoint' } });
  ahead = await start({ dateOffsetSeconds: 300 });
  rsaOnly = await start({ assertionAlgs: ['RS256', 'PS256', 'HS256'] });
  shortAssertions = await start({ assertion: { maxLifetime: 300 } });
}, 60_000);
afterAll(async () => {
  await Promise.all(providers.map((p) => p.close()));
});

const secretEnv = { OAUTH_CLIENT_SECRET: SECRET_JWT.client_secret };
const keyArgs = (p: RunningProvider, ...more: string[]) => ['client-credentials', '--json', '--issuer', p.issuer, '--client-id', KEY_JWT.client_id, '--client-key', jwkFile, '--scope', 'read', ...more];
const ids = (out: { findings: Array<{ id: string }> }) => out.findings.map((f) => f.id);

/** Nothing of the private key, in any form, reaches the user. */
function expectNoKey(text: string): void {
  expect(text).not.toContain(KEY_JWT.private_jwk.d);
  for (const line of PEM.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(text).not.toContain(line);
  expect(text).not.toContain(SECRET_JWT.client_secret);
}

describe('private_key_jwt and client_secret_jwt work', () => {
  it('login with private_key_jwt: auto picks it when a key is given and discovery advertises it', async () => {
    const r = await spawnCli(['login', '--json', '--issuer', provider.issuer, '--client-id', KEY_JWT.client_id, '--client-key', pemFile, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--scope', 'openid offline_access'], { timeoutMs: 30_000 });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ ok: true, auth_method: 'private_key_jwt' });
    expect(out.claims.id_token.sub).toBeTruthy();
    expectNoKey(r.stdout + r.stderr);
  });

  it('login with client_secret_jwt', async () => {
    const r = await spawnCli(
      ['login', '--json', '--issuer', provider.issuer, '--client-id', SECRET_JWT.client_id, '--auth-method', 'client_secret_jwt', '--browser', HTTP_BROWSER, '--login-timeout', '20'],
      { env: secretEnv, timeoutMs: 30_000 },
    );
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, auth_method: 'client_secret_jwt' });
    expectNoKey(r.stdout + r.stderr);
  });

  it('client-credentials with a key in an environment variable, in text: which method works and what to configure', async () => {
    const r = await spawnCli(['client-credentials', '--issuer', provider.issuer, '--client-id', KEY_JWT.client_id, '--client-key-env', 'CLIENT_KEY', '--scope', 'read'], { env: { CLIENT_KEY: PEM } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/private_key_jwt\s+HTTP 200\s+tokens/);
    expect(r.stdout).toContain('private_key_jwt worked: a fresh assertion signed for each request.');
    expectNoKey(r.stdout + r.stderr);
  });

  it('client-credentials with client_secret_jwt: auto tries it after the secret methods when discovery advertises it', async () => {
    const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--client-id', SECRET_JWT.client_id, '--scope', 'read'], { env: secretEnv });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.attempts.map((a: { auth_method: string }) => a.auth_method)).toEqual(['client_secret_basic', 'client_secret_post', 'client_secret_jwt']);
    expect(out.auth_method).toBe('client_secret_jwt');
  });

  it('probe checks a private_key_jwt client and a client_secret_jwt client', async () => {
    const k = await spawnCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', KEY_JWT.client_id, '--client-key', jwkFile, '--check', 'client_credentials', '--scope', 'read']);
    expect(k.code).toBe(0);
    const check = k.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
    expect(check).toMatchObject({ status: 'pass' });
    expect(check.summary).toMatch(/private_key_jwt ok; token issued/);
    expectNoKey(k.stdout + k.stderr);
    const s = await runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', SECRET_JWT.client_id, '--expect-auth-method', 'client_secret_jwt', '--check', 'client_credentials', '--scope', 'read'], { env: secretEnv });
    const sc = s.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
    expect(sc.summary).toMatch(/jwt ok/);
    // The client is registered for client_secret_jwt only: basic and post are refused, which is a warning here.
    expect(sc.status).toBe('warn');
  });

  it('probe reads the key a config target names', async () => {
    const config = join(dir, 'probe.json');
    writeFileSync(config, JSON.stringify({ targets: [{ name: 'jwt', issuer: provider.issuer, client_id: KEY_JWT.client_id, client_key_env: 'JWT_KEY', checks: ['client_credentials'], scope: 'read' }] }));
    const r = await runCli(['probe', '--json', '--config', config], { env: { JWT_KEY: JSON.stringify(KEY_JWT.private_jwk) } });
    expect(r.code).toBe(0);
    expect(r.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials')).toMatchObject({ status: 'pass', summary: expect.stringMatching(/^private_key_jwt ok/) });
    expectNoKey(r.stdout + r.stderr);
  });
});

describe('a refused assertion is diagnosed', () => {
  it('aud: a provider that takes only the issuer; auto tries the token endpoint, then the issuer, and says which works', async () => {
    const r = await runCli(keyArgs(issuerOnly));
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.attempts.map((a: { status: number; retry?: string }) => [a.status, a.retry])).toEqual([[401, undefined], [200, 'aud = the issuer']]);
    const f = out.findings.find((x: { id: string }) => x.id === 'client_assertion_audience');
    expect(f).toMatchObject({ severity: 'warning', title: `The provider refuses aud ${issuerOnly.issuer}/token in the client assertion; aud ${issuerOnly.issuer} works` });
  });

  it('aud: --client-assertion-aud issuer where only the token endpoint is taken fails, naming the one that works', async () => {
    const r = await runCli(keyArgs(tokenEndpointOnly, '--client-assertion-aud', 'issuer'));
    expect(r.code).toBe(1);
    const f = r.json().findings.find((x: { id: string }) => x.id === 'client_assertion_audience');
    expect(f.severity).toBe('error');
    expect(f.fixes[0]).toBe(`Set the assertion's aud to ${tokenEndpointOnly.issuer}/token in your client (here: --client-assertion-aud endpoint).`);
  });

  it('a provider whose clock is 5 minutes ahead: says how far off, from its Date header', async () => {
    const r = await runCli(keyArgs(ahead));
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('clock_skew');
    expect(f.title).toMatch(/^The provider's clock is (29[89]|30[012]) s ahead of this machine's/);
    expect(f.evidence.skew_seconds).toBeGreaterThan(290);
  });

  it('a kid the provider does not know: the same key without a kid is found', async () => {
    const r = await runCli(keyArgs(provider, '--client-key-id', 'rotated-2026'));
    expect(r.code).toBe(0);
    const f = r.json().findings.find((x: { id: string }) => x.id === 'client_assertion_kid');
    expect(f.title).toBe('The provider does not know kid "rotated-2026"; the same key without a kid works');
    expect(f.evidence.thumbprint).toMatch(/^[\w-]{43}$/);
  });

  it('an alg the provider does not list: no retry, the algs it takes', async () => {
    const r = await runCli(keyArgs(rsaOnly));
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts).toHaveLength(1);
    expect(ids(out)[0]).toBe('client_assertion_alg');
    expect(out.findings[0].fixes[0]).toMatch(/^Sign with RS256 or PS256/);
    expect(ids(out)).not.toContain('invalid_client');
  });

  it('a lifetime the provider finds too long', async () => {
    const r = await runCli(keyArgs(shortAssertions, '--client-assertion-lifetime', '3600'));
    expect(r.code).toBe(1);
    expect(r.json().findings[0]).toMatchObject({ id: 'client_assertion_lifetime', title: 'The provider refuses a client assertion that lives 3600 s; one of 60 s works' });
  });

  it('a key the provider does not hold: every retry refused, the key named by its thumbprint', async () => {
    const other = join(dir, 'other.pem');
    const { generateKeyPairSync } = await import('node:crypto');
    writeFileSync(other, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--client-id', KEY_JWT.client_id, '--client-key', other, '--scope', 'read']);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.findings[0]).toMatchObject({ id: 'invalid_client', title: 'The client assertion was refused, and still was with aud = the issuer' });
    expect(out.findings[0].fixes[0]).toMatch(/RFC 7638 thumbprint is [\w-]{43}/);
  });

  it('usage errors are one line: a public key, no key for private_key_jwt', async () => {
    const pub = join(dir, 'pub.json');
    writeFileSync(pub, JSON.stringify(KEY_JWT.public_jwk));
    const a = await runCli(['client-credentials', '--issuer', provider.issuer, '--client-id', 'x', '--client-key', pub]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/the JWK has no private part/);
    const b = await runCli(['client-credentials', '--issuer', provider.issuer, '--client-id', 'x', '--auth-method', 'private_key_jwt']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/needs the client's private key/);
  });
});
