/**
 * `login` end to end against a real oidc-provider on 127.0.0.1. The provider's pages are walked by
 * an HTTP "browser" (scripts/demo/http-browser.mjs) given to `--browser`; the main path is also
 * driven by a real headless Chromium in login-chromium.test.ts.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as spawnCli, spawnLogin, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { API_AUDIENCE, CONFIDENTIAL, HTTP_BROWSER, PUBLIC, type RunningProvider, startProvider, startTokenWrapper, WEB } from './helpers/provider.js';
import { walk } from '../scripts/demo/http-browser.mjs';

const DENY = `${HTTP_BROWSER} --deny`;
const secretEnv = { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret };

let provider: RunningProvider;
let postOnlyProvider: RunningProvider;
const wrappers: Array<{ close(): Promise<void> }> = [];
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-login-'));

beforeAll(async () => {
  provider = await startProvider();
  postOnlyProvider = await startProvider({ authMethods: ['client_secret_post', 'none'] });
});
afterAll(async () => {
  await Promise.all([provider.close(), postOnlyProvider.close(), ...wrappers.map((w) => w.close())]);
});

async function wrapper(p: RunningProvider, mode: 'basic-only' | 'post-only' | 'github' | 'html-404' | 'redirect' | 'sloppy' | 'passthrough' | 'escapes' | 'empty-scope'): Promise<string> {
  const w = await startTokenWrapper(p.issuer, mode);
  wrappers.push(w);
  return w.tokenEndpoint;
}

const login = (args: string[], env: Record<string, string> = secretEnv, input?: string) =>
  runCli(['login', '--json', '--issuer', provider.issuer, '--login-timeout', '20', ...args], { env, input, timeoutMs: 30_000 });

describe.concurrent('login against oidc-provider', () => {
  it('signs in with a confidential client: auto starts with client_secret_basic, verifies the ID token', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'login', ok: true, stage: 'done', issuer: provider.issuer, auth_method: 'client_secret_basic' });
    expect(out.attempts).toEqual([expect.objectContaining({ auth_method: 'client_secret_basic', status: 200, error: null })]);
    expect(out.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(out.claims.id_token).toMatchObject({ sub: 'alice', iss: provider.issuer, aud: CONFIDENTIAL.client_id });
    expect(out.tokens.access_token).toMatch(/…\[redacted, \d+ chars\]$/);
    expect(out.findings.map((f: any) => f.id)).toContain('no_refresh_token');
  });

  it('reads the secret from standard input and listens on localhost when asked', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--client-secret-stdin', '--host', 'localhost'], {}, `${CONFIDENTIAL.client_secret}\n`);
    expect(r.code).toBe(0);
    expect(r.json().redirect_uri).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    expect(r.stdout + r.stderr).not.toContain(CONFIDENTIAL.client_secret);
  });

  it('signs in with client_secret_post when asked', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--auth-method', 'post']);
    expect(r.code).toBe(0);
    expect(r.json().auth_method).toBe('client_secret_post');
  });

  it('signs in with a public client and PKCE', async () => {
    const r = await login(['--client-id', PUBLIC.client_id, '--browser', HTTP_BROWSER], {});
    expect(r.code).toBe(0);
    expect(r.json().auth_method).toBe('none');
  });

  it('gets a refresh token with offline_access', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--scope', 'openid offline_access', '--param', 'prompt=consent']);
    expect(r.code).toBe(0);
    expect(r.json().tokens.refresh_token).toMatch(/redacted/);
    expect(r.json().findings.map((f: any) => f.id)).not.toContain('no_refresh_token');
  });

  it('auto falls back from basic to post when a strict server refuses Basic', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', await wrapper(provider, 'post-only')]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.attempts.map((a: any) => [a.auth_method, a.status, a.error])).toEqual([
      ['client_secret_basic', 401, 'invalid_client'],
      ['client_secret_post', 200, null],
    ]);
    expect(out.auth_method).toBe('client_secret_post');
    const f = out.findings.find((x: any) => x.title === 'client_secret_basic is refused for this client; client_secret_post works');
    expect(f.severity).toBe('warning');
  });

  it('auto starts with post where discovery advertises only post, and falls back to basic', async () => {
    const r = await runCli(
      ['login', '--json', '--issuer', postOnlyProvider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--token-endpoint', await wrapper(postOnlyProvider, 'basic-only')],
      { env: secretEnv },
    );
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.attempts.map((a: any) => [a.auth_method, a.status, a.error])).toEqual([
      ['client_secret_post', 401, 'invalid_client'],
      ['client_secret_basic', 200, null],
    ]);
    const f = out.findings.find((x: any) => x.title === 'client_secret_post is refused for this client; client_secret_basic works');
    expect(f.fixes.join(' ')).toMatch(/passport-oauth2/);
  });

  it('diagnoses a wrong secret after trying both methods', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER], { OAUTH_CLIENT_SECRET: 'not-the-secret' });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts.map((a: any) => a.error)).toEqual(['invalid_client', 'invalid_client']);
    expect(out.findings[0].id).toBe('invalid_client');
    expect(out.stage).toBe('exchange');
  });

  it("reads GitHub's HTTP 200 error answer as an error, with the spec deviation", async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', await wrapper(provider, 'github')], { OAUTH_CLIENT_SECRET: 'wrong' });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts.map((a: any) => [a.status, a.error])).toEqual([
      [200, 'incorrect_client_credentials'],
      [200, 'incorrect_client_credentials'],
    ]);
    const ids = out.findings.map((f: any) => f.id);
    expect(ids[0]).toBe('invalid_client');
    expect(ids).toContain('spec_deviation');
  });

  it('diagnoses a token endpoint that answers an HTML 404 as wrong_endpoint', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', await wrapper(provider, 'html-404')]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('wrong_endpoint');
    expect(r.json().attempts).toHaveLength(1);
  });

  it('never follows a redirect of the token request, and diagnoses it', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', await wrapper(provider, 'redirect')]);
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('wrong_endpoint');
    expect(f.title).toMatch(/redirect \(HTTP 302\)/);
    expect(f.evidence.location).toBe('https://idp.example.test/login?next=/token');
  });

  it('uses a token response with expires_in as a string and token_type in lower case, and reports both', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', await wrapper(provider, 'sloppy')]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.stage).toBe('done');
    const titles = out.findings.filter((f: any) => f.id === 'spec_deviation').map((f: any) => f.title);
    expect(titles).toEqual(expect.arrayContaining(['token response "expires_in" must be a number, got "3600"', 'token_type is "bearer", not "Bearer"']));
  });

  it('catches an unregistered redirect_uri in the preflight, before any browser', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--callback-path', '/oauth/callback/']);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.stage).toBe('preflight');
    const f = out.findings[0];
    expect(f.id).toBe('redirect_uri_mismatch');
    // regression: oidc-provider's invalid_redirect_uri was once explained as a Keycloak error page
    expect(f.evidence.knowledge_entry).toBe('general.redirect_uri_mismatch');
    expect(f.evidence.redirect_uri).toMatch(/\/oauth\/callback\/$/);
    expect(f.fixes.join(' ')).toMatch(/trailing slash/);
    expect(r.stderr).not.toContain('Running');
  });

  it('catches an unknown client in the preflight', async () => {
    const r = await login(['--client-id', 'no-such-client', '--browser', HTTP_BROWSER]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('invalid_client');
  });

  it('catches an invalid scope in the preflight', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--scope', 'openid email']);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('invalid_scope');
  });

  it('diagnoses a person who denies consent as access_denied', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', DENY]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('access_denied');
    expect(r.json().stage).toBe('callback');
  });

  it('refuses a tampered state, keeps waiting, and completes with the genuine callback', async () => {
    const login = spawnLogin(['--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--no-open', '--login-timeout', '20'], secretEnv);
    const url = await login.url;
    const redirect = new URL(url).searchParams.get('redirect_uri') as string;
    const forged = await fetch(`${redirect}?code=forged-code&state=not-the-state`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This callback was refused');
    const result = await walk(url);
    expect(result.delivered).toBe(true);
    expect(result.page).toContain('Signed in');
    const { code, stdout } = await login.done;
    expect(code).toBe(0); // signed in; the forged callback is reported as a warning
    const out = JSON.parse(stdout);
    expect(out.stage).toBe('done');
    expect(out.findings[0]).toMatchObject({ id: 'state_mismatch', severity: 'warning' });
  });

  it('ends the wait at --login-timeout with a diagnosis', async () => {
    const started = Date.now();
    const r = await runCli(['login', '--json', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--no-open', '--login-timeout', '2']);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('login_timeout');
    // The demo provider has a device flow, so the way around a browser that cannot reach back is offered.
    expect(r.json().findings[0].fixes).toContain('This provider has the device flow: `login --device` signs in from a browser on any other device, with nothing to forward.');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('says which port is in use, with exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runCli(['login', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--no-open', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^oauth-doctor: port ${port} on 127.0.0.1 is already in use`, 'm'));
      expect(r.stderr).not.toMatch(STACK_TRACE);
    } finally {
      blocker.close();
    }
  });

  it('tries the next port of a list when the first is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as { port: number }).port;
    try {
      const r = await login(['--client-id', PUBLIC.client_id, '--browser', HTTP_BROWSER, '--port', `${busy},0`], {});
      expect(r.code).toBe(0);
      expect(r.json().redirect_uri).not.toContain(`:${busy}/`);
    } finally {
      blocker.close();
    }
  });

  it('carries on from a pasted URL when the redirect_uri is not loopback', async () => {
    const login = spawnLogin(['--json', '--issuer', provider.issuer, '--client-id', WEB.client_id, '--redirect-uri', WEB.redirect_uri, '--login-timeout', '20'], {
      OAUTH_CLIENT_SECRET: WEB.client_secret,
    });
    const url = await login.url;
    const { finalUrl, delivered } = await walk(url);
    expect(delivered).toBe(false);
    expect(finalUrl).toMatch(/^https:\/\/app\.example\.test\/callback\?code=/);
    login.child.stdin.end(`${finalUrl}\n`);
    const { code, stdout } = await login.done;
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ stage: 'done', redirect_uri: WEB.redirect_uri });
  });

  it('shows the access token\'s claims in text too, and flags an empty granted scope', async () => {
    const w = await startTokenWrapper(provider.issuer, 'empty-scope');
    wrappers.push(w);
    const r = await runCli(
      ['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--param', `resource=${API_AUDIENCE}`, '--token-endpoint', w.tokenEndpoint],
      { env: secretEnv },
    );
    expect(r.stdout).toContain('Access token claims');
    expect(r.stdout).toMatch(new RegExp(`aud\\s+${API_AUDIENCE.replace(/\./g, '\\.')}`));
    expect(r.stdout).toContain('The token response grants an empty scope');
  });

  it('signs in without discovery, GitHub-style: endpoints given, no issuer, no ID token asked for', async () => {
    const r = await runCli(
      ['login', '--json', '--login-timeout', '20', '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--scope', 'profile', '--authorization-endpoint', `${provider.issuer}/auth`, '--token-endpoint', await wrapper(provider, 'github')],
      { env: secretEnv },
    );
    const out = r.json();
    expect(out.stage).toBe('done');
    expect(out.issuer).toBeNull();
    expect(r.code).toBe(0);
  });

  it('refuses to send credentials over plain http to another host (not loopback by the tool\'s own test), before any browser', async () => {
    const w = await startTokenWrapper(provider.issuer, 'passthrough');
    wrappers.push(w);
    const remote = w.tokenEndpoint.replace('127.0.0.1', '[::ffff:127.0.0.1]');
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--token-endpoint', remote]);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.findings[0]).toMatchObject({ id: 'spec_deviation', severity: 'error', title: 'Plain http:// for the token endpoint on another host' });
    expect(out.stage).toBe('discovery');
    expect(out.attempts).toEqual([]);
    expect(w.exchanges).toEqual([]);
  });

  it('prints no escape sequence, bidi control or line separator a token response carries, in text or JSON', async () => {
    const w = await startTokenWrapper(provider.issuer, 'escapes');
    wrappers.push(w);
    for (const json of [false, true]) {
      const r = await runCli(['login', ...(json ? ['--json'] : []), '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--token-endpoint', w.tokenEndpoint], { env: secretEnv });
      expect(r.code).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
      expect(r.stdout).toContain(json ? '\\u001b]0;TITLE' : '\\u001b]0;TITLE');
    }
  });

  it('refuses a callback without iss when the provider says it always sends one (RFC 9207)', async () => {
    const r = await login(['--client-id', CONFIDENTIAL.client_id, '--browser', `${HTTP_BROWSER} --drop=iss`]);
    expect(r.code).toBe(1);
    expect(r.json().findings.find((f: { severity: string }) => f.severity === 'error')).toMatchObject({ id: 'issuer_mismatch', title: 'The callback has no "iss", although the provider says it always sends one' });
    expect(r.json().attempts).toEqual([]);
  });

  it('asks again after a paste that is not the URL (an empty line, a word, another login\'s URL), a few times', async () => {
    const login = spawnLogin(['--json', '--issuer', provider.issuer, '--client-id', WEB.client_id, '--redirect-uri', WEB.redirect_uri, '--login-timeout', '20'], {
      OAUTH_CLIENT_SECRET: WEB.client_secret,
    });
    const { finalUrl } = await walk(await login.url);
    const otherLogin = finalUrl.replace(/state=[^&]+/, 'state=another-login');
    login.child.stdin.end(`hello\n${otherLogin}\n${finalUrl}\n`);
    const { code, stdout, stderr } = await login.done;
    expect(code).toBe(0);
    expect(stderr).toContain('That is not a URL. Paste the whole address the browser ended on, starting with https://app.example.test (2 tries left):');
    expect(stderr).toContain('That URL belongs to another login (its state differs); the genuine one is still awaited. Paste the URL of this sign-in (1 try left):');
    const out = JSON.parse(stdout);
    expect(out.stage).toBe('done');
    expect(out.findings.find((f: { id: string }) => f.id === 'state_mismatch')).toMatchObject({ severity: 'warning' });
  });

  it('gives up after three pastes that are not URLs, exit 2', async () => {
    const login = spawnLogin(['--issuer', provider.issuer, '--client-id', WEB.client_id, '--redirect-uri', WEB.redirect_uri, '--login-timeout', '20'], { OAUTH_CLIENT_SECRET: WEB.client_secret });
    await login.url;
    login.child.stdin.end('\nhello\nstill not\n');
    const { code, stderr } = await login.done;
    expect(code).toBe(2);
    expect(stderr).toMatch(/oauth-doctor: the pasted text is not a URL: paste the whole address the browser ended on, starting with https:\/\/app\.example\.test\n$/);
  });

  it('saves the token response with mode 0600 when asked, and prints tokens only with --show-tokens', async () => {
    const file = join(dir, 'tokens.json');
    const r = await login(['--client-id', PUBLIC.client_id, '--browser', HTTP_BROWSER, '--save', file], {});
    expect(r.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.access_token.length).toBeGreaterThan(20);
    expect(r.stdout).not.toContain(saved.access_token);
    const shown = await login(['--client-id', PUBLIC.client_id, '--browser', HTTP_BROWSER, '--show-tokens'], {});
    expect(shown.json().tokens.access_token).not.toMatch(/redacted/);
  });

  it('never prints the secret, the code, the verifier or a token without --show-tokens, in text or JSON', async () => {
    const w = await startTokenWrapper(provider.issuer, 'passthrough');
    wrappers.push(w);
    for (const json of [false, true]) {
      const r = await runCli(
        ['login', ...(json ? ['--json'] : []), '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--scope', 'openid offline_access', '--param', 'prompt=consent', '--token-endpoint', w.tokenEndpoint],
        { env: secretEnv },
      );
      expect(r.code).toBe(0);
      const exchange = w.exchanges.at(-1) as { request: string; response: string };
      const sent = new URLSearchParams(exchange.request);
      const got = JSON.parse(exchange.response) as Record<string, string>;
      const secrets = [CONFIDENTIAL.client_secret, sent.get('code'), sent.get('code_verifier'), got.access_token, got.id_token, got.refresh_token];
      expect(secrets.every((x) => typeof x === 'string' && x.length > 10)).toBe(true);
      for (const secret of secrets) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
  });

  it('prints the authorization URL even when the browser command does nothing', async () => {
    const r = await runCli(['login', '--json', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--browser', '/bin/true', '--login-timeout', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\?\S*client_id=public-app/m);
    expect(r.json().findings[0].id).toBe('login_timeout');
  });

  it('says an unknown client_id is unknown, without a state mismatch', async () => {
    const r = await login(['--client-id', 'nope-app', '--browser', HTTP_BROWSER]);
    const out = r.json();
    expect(out.findings.map((f: any) => f.id)).toEqual(['invalid_client']);
    expect(out.findings[0].title).toBe('The provider does not know this client_id');
  });

  it.each([
    ['a reserved --param', ['--param', 'response_type=token'], /--param response_type=… would repeat a parameter/],
    ['--auth-method basic without a secret', ['--auth-method', 'basic'], /--auth-method basic needs a client secret/],
    ['--redirect-uri with --port', ['--redirect-uri', 'http://127.0.0.1:8123/callback', '--port', '8000'], /--redirect-uri fixes host, port and path already/],
    ['--save into a missing folder', ['--save', '/nonexistent-folder/tokens.json'], /the folder \/nonexistent-folder does not exist/],
  ])('refuses %s before starting: exit 2, one line', async (_name, extra, message) => {
    const r = await runCli(['login', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--no-open', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
