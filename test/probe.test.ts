/**
 * `probe` end to end: the built CLI against a real oidc-provider, a bearer-protected API, the
 * token-endpoint wrapper for strict servers, and small fault servers on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as spawnCli, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { startBearerApi } from './helpers/bearer-api.js';
import { CONFIDENTIAL, HTTP_BROWSER, RESOURCE_SERVER, type RunningProvider, startProvider, startTokenWrapper } from './helpers/provider.js';
import { json, startServer } from './helpers/server.js';
import { API_AUDIENCE, SERVICE } from '../scripts/demo/provider.mjs';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-probe-'));
const closers: Array<() => Promise<void>> = [];
let provider: RunningProvider;
let shortLived: RunningProvider;
let skewed: RunningProvider;
let bare: RunningProvider;
let api: { base: string };
let shortApi: { base: string };
let bareApi: { base: string };
let faults: { base: string; hits: string[] };

const serviceEnv = { OAUTH_CLIENT_SECRET: SERVICE.client_secret };

beforeAll(async () => {
  provider = await startProvider();
  shortLived = await startProvider({ accessTokenTtl: 1 });
  skewed = await startProvider({ dateOffsetSeconds: 600 });
  bare = await startProvider({ tokenEndpoints: false });
  const a = await startBearerApi({ issuer: provider.issuer, audience: API_AUDIENCE, scope: 'write' });
  const b = await startBearerApi({ issuer: shortLived.issuer, audience: API_AUDIENCE, scope: 'read' });
  const c = await startBearerApi({ issuer: provider.issuer, audience: API_AUDIENCE, scope: 'read', bare401: true });
  api = a;
  shortApi = b;
  bareApi = c;
  faults = await startServer({
    '/html/.well-known/openid-configuration': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body><h1>Welcome to our portal</h1></body></html>');
    },
    '/mismatch/.well-known/openid-configuration': (req, res, base) =>
      json({ issuer: 'https://login.example.test', authorization_endpoint: `${base}/a`, token_endpoint: `${base}/t`, jwks_uri: `${base}/mismatch/jwks`, code_challenge_methods_supported: ['S256'] })(req, res, base),
    '/mismatch/jwks': json({ keys: [] }),
    '/badjwks/.well-known/openid-configuration': (req, res, base) =>
      json({ issuer: `${base}/badjwks`, authorization_endpoint: `${base}/a`, token_endpoint: `${base}/t`, jwks_uri: `${base}/badjwks/jwks`, code_challenge_methods_supported: ['S256'] })(req, res, base),
    '/badjwks/jwks': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"keys": [ {"kty": "RSA", "kid": "k1"');
    },
    '/hang/.well-known/openid-configuration': (req, res, base) =>
      json({ issuer: `${base}/hang`, authorization_endpoint: `${base}/a`, token_endpoint: `${base}/hang/token`, code_challenge_methods_supported: ['S256'] })(req, res, base),
    '/hang/token': () => {
      // never answers
    },
    '/reset/.well-known/openid-configuration': (req) => req.socket.destroy(),
  });
  closers.push(provider.close, shortLived.close, skewed.close, bare.close, a.close, b.close, c.close, (faults as unknown as { close(): Promise<void> }).close);
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c()));
});

const probe = (args: string[], env: Record<string, string> = {}) => runCli(['probe', '--json', ...args], { env, timeoutMs: 30_000 });
const check = (out: any, name: string, target?: string) => (target ? out.targets.find((t: any) => t.name === target) : out.targets[0]).checks.find((c: any) => c.name === name);

describe.concurrent('probe against oidc-provider', () => {
  it('passes a healthy provider and client, and records each check\'s latency', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--scope', 'write', '--resource', `${api.base}/orders`], serviceEnv);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'probe', ok: true, strict: false });
    expect(out.targets[0].checks.map((c: any) => [c.name, c.status])).toEqual([
      ['discovery', 'pass'],
      ['clock', 'pass'],
      ['jwks', 'pass'],
      ['client_credentials', 'pass'],
      ['resource', 'pass'],
      // The service client's tokens are JWTs, which oidc-provider does not introspect.
      ['introspection', 'skip'],
    ]);
    expect(check(out, 'introspection').summary).toMatch(/does not introspect JWT access tokens \(unsupported_token_type\)/);
    for (const c of out.targets[0].checks) expect(typeof c.elapsed_ms).toBe('number');
    expect(r.stdout).not.toContain(SERVICE.client_secret);
  });

  it('fails a wrong secret after both methods, as invalid_client', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', SERVICE.client_id], { OAUTH_CLIENT_SECRET: 'wrong-secret-value' });
    expect(r.code).toBe(1);
    const cc = check(r.json(), 'client_credentials');
    expect(cc.status).toBe('fail');
    expect(cc.findings[0].id).toBe('invalid_client');
    expect(cc.findings[0].detail).toMatch(/Both client_secret_basic and client_secret_post were refused/);
  });

  it('warns when an advertised method is refused for this client, and names the one that works', async () => {
    const wrapper = await startTokenWrapper(provider.issuer, 'basic-only');
    closers.push(wrapper.close);
    const args = ['--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--token-endpoint', wrapper.tokenEndpoint];
    const r = await probe(args, serviceEnv);
    expect(r.code).toBe(0);
    const cc = check(r.json(), 'client_credentials');
    expect(cc.status).toBe('warn');
    expect(cc.findings.find((f: any) => f.id === 'invalid_client').title).toBe('client_secret_post is refused for this client; client_secret_basic works');
    expect((await probe([...args, '--strict'], serviceEnv)).code).toBe(1);
    const expected = await probe([...args, '--expect-auth-method', 'client_secret_post'], serviceEnv);
    expect(expected.code).toBe(1);
    expect(check(expected.json(), 'client_credentials').status).toBe('fail');
  });

  it('introspects the client_credentials token: active, issued to this client', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { OAUTH_CLIENT_SECRET: RESOURCE_SERVER.client_secret });
    expect(r.code).toBe(0);
    const introspection = check(r.json(), 'introspection');
    expect(introspection).toMatchObject({ status: 'pass', findings: [] });
    expect(introspection.summary).toMatch(/^active, client_id api-gateway, exp in \d+ min/);
    // Asked for alone, it runs the client_credentials check it takes its token from.
    const alone = await probe(['--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id, '--check', 'introspection'], { OAUTH_CLIENT_SECRET: RESOURCE_SERVER.client_secret });
    expect(alone.json().targets[0].checks.map((c: any) => [c.name, c.status])).toEqual([
      ['discovery', 'pass'],
      ['client_credentials', 'pass'],
      ['introspection', 'pass'],
    ]);
  });

  it('skips introspection with a reason when there is no token to introspect or no endpoint', async () => {
    const noToken = await probe(['--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id], { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret });
    expect(check(noToken.json(), 'introspection')).toMatchObject({ status: 'skip', summary: 'no token to introspect: needs a client_credentials token from this client' });
    const noEndpoint = await probe(['--issuer', bare.issuer, '--check', 'introspection'], {});
    expect(noEndpoint.code).toBe(0);
    expect(check(noEndpoint.json(), 'introspection')).toMatchObject({ status: 'skip', summary: 'no introspection_endpoint' });
  });

  it('says when the credentials are valid but the client may not use client_credentials', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id], { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret });
    expect(r.code).toBe(0);
    const cc = check(r.json(), 'client_credentials');
    expect(cc.status).toBe('pass');
    expect(cc.findings.map((f: any) => f.title)).toContain('The credentials are valid, but this client may not use client_credentials');
  });

  it('checks redirect_uri registration with the login preflight', async () => {
    const r = await probe([
      '--issuer', provider.issuer,
      '--client-id', CONFIDENTIAL.client_id,
      '--redirect-uri', 'http://127.0.0.1:8000/callback',
      '--redirect-uri', 'https://app.example.test/oauth/callback',
    ]);
    expect(r.code).toBe(1);
    const ru = check(r.json(), 'redirect_uri');
    expect(ru.summary).toBe('1/2 accepted');
    expect(ru.findings[0].id).toBe('redirect_uri_mismatch');
    expect(ru.findings[0].evidence.redirect_uri).toBe('https://app.example.test/oauth/callback');
  });

  it('reads an under-scoped token from the API as insufficient_scope', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--scope', 'read', '--resource', `${api.base}/orders`], serviceEnv);
    expect(r.code).toBe(1);
    const res = check(r.json(), 'resource');
    expect(res.status).toBe('fail');
    expect(res.findings[0].id).toBe('insufficient_scope');
  });

  it('reads an expired token from the API as expired_token', async () => {
    const issued = await runCli(['probe', '--json', '--issuer', shortLived.issuer, '--client-id', SERVICE.client_id, '--scope', 'read'], { env: serviceEnv });
    expect(issued.code).toBe(0);
    // a token from the 1-second provider, used after it expired
    const token = await fetch(`${shortLived.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${SERVICE.client_id}:${SERVICE.client_secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials&scope=read',
    }).then((x) => x.json() as Promise<{ access_token: string }>);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const r = await probe(['--issuer', shortLived.issuer, '--resource', `${shortApi.base}/orders`, '--token-env', 'API_TOKEN'], { API_TOKEN: token.access_token });
    expect(r.code).toBe(1);
    expect(check(r.json(), 'resource').findings[0].id).toBe('expired_token');
    expect(r.stdout).not.toContain(token.access_token);
  });

  it('flags a 401 without WWW-Authenticate', async () => {
    const r = await probe(['--issuer', provider.issuer, '--resource', `${bareApi.base}/orders`, '--token-env', 'API_TOKEN'], { API_TOKEN: 'not-a-valid-token-at-all' });
    expect(r.code).toBe(1);
    const titles = check(r.json(), 'resource').findings.map((f: any) => f.title);
    expect(titles).toContain('HTTP 401 without a WWW-Authenticate header');
  });

  it('checks a refresh token, and warns that rotation used it up', async () => {
    const saved = join(dir, 'tokens.json');
    const login = await runCli(
      ['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--scope', 'openid offline_access', '--param', 'prompt=consent', '--save', saved],
      { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } },
    );
    expect(login.code).toBe(0);
    const { refresh_token } = JSON.parse(readFileSync(saved, 'utf8'));
    const env = { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret, REFRESH: refresh_token };
    const r = await probe(['--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--refresh-token-env', 'REFRESH', '--check', 'refresh'], env);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const refresh = check(r.json(), 'refresh');
    expect(['pass', 'warn']).toContain(refresh.status);
    expect(r.stdout).not.toContain(refresh_token);
    const bad = await probe(['--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--refresh-token-env', 'REFRESH', '--check', 'refresh'], { ...env, REFRESH: 'not-a-refresh-token' });
    expect(bad.code).toBe(1);
    expect(check(bad.json(), 'refresh').findings[0].id).toBe('refresh_token_rejected');
  });

  it('catches a provider clock 10 minutes ahead', async () => {
    const r = await probe(['--issuer', skewed.issuer]);
    expect(r.code).toBe(1);
    const clock = check(r.json(), 'clock');
    expect(clock.status).toBe('fail');
    expect(clock.findings[0].id).toBe('clock_skew');
    // the Date header has whole seconds: 9 min 59 s to 10 min 1 s
    expect(clock.findings[0].title).toMatch(/^The provider's clock is (9 min 5\d s|10 min( \d s)?) ahead of this machine's$/);
  });
});

describe.concurrent('probe against faulty servers', () => {
  it.each([
    ['a discovery 404', '/nothing-here', 'discovery', 'wrong_endpoint'],
    ['HTML instead of JSON', '/html', 'discovery', 'wrong_endpoint'],
    ['an issuer mismatch', '/mismatch', 'discovery', 'issuer_mismatch'],
    ['a JWKS that does not parse', '/badjwks', 'jwks', 'wrong_endpoint'],
    ['a connection reset', '/reset', 'discovery', 'network_error'],
  ])('%s is a finding, not a crash', async (_name, path, checkName, id) => {
    const r = await probe(['--issuer', `${faults.base}${path}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const c = check(r.json(), checkName);
    expect(c.status).toBe('fail');
    expect(c.findings[0].id).toBe(id);
  });

  it('ends a token endpoint that hangs at --timeout', async () => {
    const started = Date.now();
    const r = await probe(['--issuer', `${faults.base}/hang`, '--client-id', 'x', '--timeout', '1'], { OAUTH_CLIENT_SECRET: 's' });
    const elapsed = Date.now() - started;
    expect(r.code).toBe(1);
    const cc = check(r.json(), 'client_credentials');
    expect(cc.findings[0].id).toBe('network_error');
    expect(cc.findings[0].title).toMatch(/did not answer in time/);
    expect(elapsed).toBeLessThan(1000 + 4000);
  });
});

describe.concurrent('probe bounds and misconfiguration', () => {
  it('ends at --max-time even while a request hangs, and says so', async () => {
    const started = Date.now();
    const r = await probe(['--issuer', `${faults.base}/hang`, '--client-id', 'x', '--timeout', '8', '--max-time', '1'], { OAUTH_CLIENT_SECRET: 's' });
    expect(Date.now() - started).toBeLessThan(1000 + 3000);
    expect(r.code).toBe(1);
    expect(check(r.json(), 'client_credentials').summary).toMatch(/time limit/);
  });

  it('fails, not skips, when a client_id is given but its secret variable is unset', async () => {
    const r = await probe(['--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--client-secret-env', 'MISSPELLED_SECRET']);
    expect(r.code).toBe(1);
    expect(check(r.json(), 'client_credentials').findings[0].title).toBe('The client secret variable MISSPELLED_SECRET is not set');
  });

  it.each([
    ['target flags with --config', ['--config', 'x.json', '--client-id', 'a'], /--client-id describe one target and do not apply with --config/],
    ['--junit into a missing folder', ['--issuer', 'http://127.0.0.1:9', '--junit', '/nonexistent-folder/r.xml'], /--junit .* the folder \/nonexistent-folder does not exist/],
  ])('refuses %s up front', async (_name, args, message) => {
    const r = await runCli(['probe', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    ['an unknown expect key', { expect: { token_endpoint_auth_methd: 'client_secret_basic' } }, /unknown key "expect.token_endpoint_auth_methd"/],
    ['params as an array', { params: ['a'] }, /"params" must be an object of strings/],
    ['params that set grant_type', { params: { grant_type: 'password' } }, /may not set "grant_type"/],
    ['an empty name', { name: ' ' }, /"name" must not be empty/],
  ])('refuses a config with %s', async (_name, extra, message) => {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ targets: [{ issuer: provider.issuer, ...extra }] }));
    const r = await runCli(['probe', '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a discovery document with unusable values is findings, not an internal error', async () => {
    const odd = await startServer({
      '/.well-known/openid-configuration': (req, res, base) =>
        json({ issuer: base, authorization_endpoint: 'not a url', token_endpoint: 123, jwks_uri: `${base}/jwks`, id_token_signing_alg_values_supported: [5, null, 'RS256'], code_challenge_methods_supported: ['S256'] })(req, res, base),
      '/jwks': json({ keys: [] }),
    });
    closers.push(odd.close);
    const r = await probe(['--issuer', odd.base, '--client-id', 'x', '--redirect-uri', 'http://127.0.0.1:8000/cb'], { OAUTH_CLIENT_SECRET: 's' });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const out = r.json();
    expect(out.targets[0].checks.map((c: any) => c.name)).toEqual(expect.arrayContaining(['discovery', 'jwks']));
    expect(out.findings.map((f: any) => f.id)).not.toContain('unknown');
    expect(check(out, 'discovery').findings[0].title).toMatch(/lacks a usable authorization_endpoint, token_endpoint/);
  });
});

describe('probe with several targets, JUnit and CI output', () => {
  it('runs a config concurrently; one failure does not stop the others; JUnit parses; JSON has the documented shape', async () => {
    const config = join(dir, 'probe.json');
    writeFileSync(
      config,
      JSON.stringify({
        targets: [
          { name: 'main', issuer: provider.issuer, client_id: SERVICE.client_id, client_secret_env: 'SERVICE_SECRET', scope: 'write', resource: `${api.base}/orders` },
          { name: 'broken', issuer: `${faults.base}/html` },
          { name: 'skewed', issuer: skewed.issuer, checks: ['discovery', 'jwks'] },
        ],
      }),
    );
    const junit = join(dir, 'report.xml');
    const r = await runCli(['probe', '--json', '--config', config, '--junit', junit, '--concurrency', '2'], {
      env: { SERVICE_SECRET: SERVICE.client_secret, GITHUB_ACTIONS: 'true' },
    });
    expect(r.code).toBe(1);
    const out = r.json();
    // the documented shape
    expect(Object.keys(out).sort()).toEqual(['command', 'elapsed_ms', 'findings', 'junit_file', 'ok', 'strict', 'targets']);
    expect(out.targets.map((t: any) => [t.name, t.ok])).toEqual([
      ['main', true],
      ['broken', false],
      ['skewed', true],
    ]);
    for (const t of out.targets) {
      expect(Object.keys(t).sort()).toEqual(['checks', 'elapsed_ms', 'issuer', 'name', 'ok']);
      for (const c of t.checks) {
        expect(Object.keys(c).sort()).toEqual(['elapsed_ms', 'findings', 'name', 'status', 'summary']);
        for (const f of c.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'severity', 'title', 'detail', 'fixes', 'sources', 'evidence']));
      }
    }
    expect(out.targets.find((t: any) => t.name === 'skewed').checks.map((c: any) => c.name)).toEqual(['discovery', 'jwks']);

    const xml = readFileSync(junit, 'utf8');
    expect(statSync(junit).mode & 0o777).toBe(0o600);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => s['@_name'])).toEqual(['main', 'broken', 'skewed']);
    const failure = suites[1].testcase.find((c: any) => c['@_name'] === 'discovery').failure;
    expect(failure['@_type']).toBe('wrong_endpoint');
    expect(failure['#text']).toMatch(/HTML page instead of JSON/);
    expect(doc.testsuites['@_failures']).toBe('1');
    expect(xml).not.toContain(SERVICE.client_secret);

    expect(r.stderr).toMatch(/^::error title=oauth-doctor probe%3A broken \/ discovery::/m);
  });

  it('refuses secrets written into the config file', async () => {
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ targets: [{ issuer: provider.issuer, client_id: 'a', client_secret: 'oops' }] }));
    const r = await runCli(['probe', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"client_secret" must not be in a file; .* "client_secret_env"/);
    expect(r.stderr).not.toContain('oops');
  });

  it('gives one line and exit 2 for usage errors', async () => {
    for (const args of [['probe'], ['probe', '--issuer', 'not a url'], ['probe', '--config', join(dir, 'missing.json')], ['probe', '--issuer', provider.issuer, '--concurrency', '0']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('prints a readable table without --json', async () => {
    const r = await runCli(['probe', '--issuer', provider.issuer]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TARGET\s+CHECK\s+RESULT\s+TIME\s+FINDING$/m);
    expect(r.stdout).toMatch(/discovery\s+pass\s+\d+ ms/);
  });
});

