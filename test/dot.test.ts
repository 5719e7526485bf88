/**
 * Against a second real authorization server: Django OAuth Toolkit 1.7 from Debian
 * (test/helpers/dot.ts), kept with its quirks. Each block is one point of what a trial against it
 * showed (issue 13), as a user sees it.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_BROWSER } from './helpers/provider.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from '../scripts/demo/http-browser.mjs';
import { BIN } from './helpers/cli.js';
import { startDot, type RunningDot } from './helpers/dot.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { curlI, freePort } from './helpers/server.js';

const WEB = { client_id: 'web', client_secret: 'web-secret-0123456789abcdef' };
const HS = { client_id: 'hs-app', client_secret: 'hs-secret-0123456789abcdef-0123456789' };
const SVC = { client_id: 'svc', client_secret: 'svc-secret-0123456789abcdef' };
const SPA = { client_id: 'spa' };
const WEBAPP = { client_id: 'webapp', client_secret: 'webapp-secret-0123456789abcdef', redirect_uri: 'https://app.example.test/callback' };

let dot: RunningDot;
let port: number;
let spare: number;

beforeAll(async () => {
  port = await freePort();
  spare = await freePort();
  const redirects = [`http://127.0.0.1:${port}/callback`, `http://127.0.0.1:${spare}/callback`];
  dot = await startDot([
    { ...WEB, redirect_uris: redirects },
    { ...HS, redirect_uris: redirects, algorithm: 'HS256' },
    { ...SVC, grant: 'client-credentials', algorithm: '' },
    { ...SPA, client_type: 'public', redirect_uris: redirects },
    { client_id: WEBAPP.client_id, client_secret: WEBAPP.client_secret, redirect_uris: [WEBAPP.redirect_uri] },
  ]);
}, 60_000);
afterAll(async () => {
  await dot?.close();
});

const login = (args: string[], secret = WEB.client_secret) =>
  runCli(['login', '--json', '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', ...args], { env: { OAUTH_CLIENT_SECRET: secret }, timeoutMs: 40_000 });
const ids = (findings: Array<{ id: string; severity: string }>) => findings.map((f) => `${f.id} ${f.severity}`);

describe('Django OAuth Toolkit', () => {
  describe('1. discovery that redirects (trailing slash)', () => {
    it('login follows the same-origin redirect, says so in a note, and signs in', async () => {
      const r = await login(['--issuer', dot.issuer, '--client-id', WEB.client_id]);
      expect(r.code).toBe(0);
      const out = r.json();
      expect(out.stage).toBe('done');
      expect(out.issuer).toBe(dot.issuer);
      expect(out.findings[0]).toMatchObject({ id: 'spec_deviation', severity: 'info', title: `The discovery document is served at ${dot.issuer}/.well-known/openid-configuration/` });
    });

    it('accepts the discovery URL itself as --issuer', async () => {
      const r = await login(['--issuer', `${dot.issuer}/.well-known/openid-configuration/`, '--client-id', WEB.client_id]);
      expect(r.code).toBe(0);
      expect(r.json().issuer).toBe(dot.issuer);
    });

    it('compares the issuer as the spec says: a trailing slash is a warning, not a failure', async () => {
      const r = await runCli(['probe', '--json', '--issuer', `${dot.issuer}/`, '--check', 'discovery']);
      const discovery = r.json().targets[0].checks[0];
      expect(discovery.status).toBe('warn');
      expect(ids(discovery.findings)).toContain('issuer_mismatch warning');
    });
  });

  describe('2. endpoint overrides carry on when discovery fails', () => {
    it('probe --token-endpoint checks client credentials and the clock without a discovery document', async () => {
      const r = await runCli(['probe', '--json', '--issuer', dot.base, '--client-id', SVC.client_id, '--token-endpoint', `${dot.issuer}/token/`], { env: { OAUTH_CLIENT_SECRET: SVC.client_secret } });
      const checks = Object.fromEntries(r.json().targets[0].checks.map((c: { name: string; status: string; summary: string }) => [c.name, `${c.status}: ${c.summary}`]));
      expect(checks.discovery).toMatch(/^fail/);
      expect(checks.clock).toMatch(/^pass/);
      expect(checks.client_credentials).toBe('pass: basic ok, post ok; token issued');
      expect(checks.jwks).toBe('skip: no discovery document');
    });

    it('login with the endpoints given reports the failed discovery as a warning and signs in', async () => {
      const r = await login([
        '--issuer', dot.base,
        '--authorization-endpoint', `${dot.issuer}/authorize/`,
        '--token-endpoint', `${dot.issuer}/token/`,
        '--jwks-uri', `${dot.issuer}/.well-known/jwks.json`,
        '--client-id', WEB.client_id,
      ]);
      const out = r.json();
      expect(out.stage).toBe('done');
      const discovery = out.findings.find((f: { title: string }) => /discovery document/.test(f.title));
      expect(discovery).toMatchObject({ id: 'wrong_endpoint', severity: 'warning' });
      expect(discovery.detail).toMatch(/endpoints given .* were used instead/);
      // What is left is true: the ID token's iss is BASE/o, not the BASE given.
      expect(ids(out.findings.filter((f: { severity: string }) => f.severity === 'error'))).toEqual(['invalid_token error']);
    });
  });

  describe('3. WWW-Authenticate: Bearer error="invalid_client" on the token endpoint', () => {
    it('login reads a wrong secret as client authentication, not as a missing bearer token', async () => {
      const r = await login(['--issuer', dot.issuer, '--client-id', WEB.client_id], 'not-the-secret');
      expect(r.code).toBe(1);
      const out = r.json();
      expect(out.attempts.map((a: { status: number; error: string }) => `${a.status} ${a.error}`)).toEqual(['401 invalid_client', '401 invalid_client']);
      expect(ids(out.findings)).not.toContain('invalid_token error');
      expect(out.findings.find((f: { severity: string }) => f.severity === 'error')).toMatchObject({ id: 'invalid_client' });
    });

    it('probe too', async () => {
      const r = await runCli(['probe', '--json', '--issuer', dot.issuer, '--client-id', SVC.client_id], { env: { OAUTH_CLIENT_SECRET: 'not-the-secret' } });
      const cc = r.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
      expect(cc.summary).toBe('basic invalid_client, post invalid_client');
      expect(ids(cc.findings)).toEqual(['invalid_client error']);
    });
  });

  describe('4. checks do not spend each other\'s inputs', () => {
    it('the resource is checked before the refresh that revokes its access token', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-dot-'));
      const saved = join(dir, 'tokens.json');
      expect((await login(['--issuer', dot.issuer, '--client-id', WEB.client_id, '--save', saved])).code).toBe(0);
      const tokens = JSON.parse(readFileSync(saved, 'utf8'));
      const r = await runCli(
        ['probe', '--json', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--refresh-token-env', 'RT', '--resource', `${dot.base}/api/hello`, '--token-env', 'AT', '--check', 'refresh', '--check', 'resource'],
        { env: { OAUTH_CLIENT_SECRET: WEB.client_secret, RT: tokens.refresh_token, AT: tokens.access_token } },
      );
      const checks = r.json().targets[0].checks.map((c: { name: string; status: string }) => `${c.name} ${c.status}`);
      expect(checks).toEqual(['discovery warn', 'resource pass', 'refresh warn']);
    });
  });

  describe('5. HS256 ID tokens', () => {
    it('are verified with the client secret (OIDC Core §10.1)', async () => {
      const r = await login(['--issuer', dot.issuer, '--client-id', HS.client_id], HS.client_secret);
      expect(r.code).toBe(0);
      const v = r.json().id_token_verification;
      expect(v).toMatchObject({ signature_valid: true });
      expect(r.json().claims.id_token.iss).toBe(dot.issuer);
    });
  });

  describe('6. an unknown client_id at the authorization endpoint', () => {
    it('explain reads the page DOT shows and says the client_id is unknown', async () => {
      const page = await walk(`${dot.issuer}/authorize/?response_type=code&client_id=nobody&redirect_uri=${encodeURIComponent(`http://127.0.0.1:${port}/callback`)}&scope=openid&state=s`);
      expect(page.status).toBe(400);
      const r = await runCli(['explain', '--json'], { input: `HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${page.page}` });
      expect(r.json().findings[0]).toMatchObject({ id: 'invalid_client', title: 'The provider does not know this client_id' });
    });
  });

  describe('an unknown client_id, signed in through a --browser command that fails on the error page', () => {
    it('stops waiting when the command exits non-zero, and says so', async () => {
      const started = Date.now();
      const r = await login(['--issuer', dot.issuer, '--client-id', 'nobody']);
      expect(r.code).toBe(1);
      expect(r.json().findings.find((f: { severity: string }) => f.severity === 'error')).toMatchObject({ id: 'login_timeout', title: 'The --browser command exited with code 1 before the browser came back' });
      expect(Date.now() - started).toBeLessThan(10_000);
    });
  });

  describe('7. advice after --auth-method auto', () => {
    it('says what was tried and what discovery says of the other method, without warning it off', async () => {
      const out = (await login(['--issuer', dot.issuer, '--client-id', WEB.client_id])).json();
      expect(out.attempts).toHaveLength(1);
      expect(out.advice[0]).toBe('client_secret_basic worked, the first method tried; client_secret_post was not tried, and discovery advertises it too, so either should work.');
      expect(out.advice.join(' ')).not.toMatch(/not in the body|passport-oauth2/);
    });
  });

  describe('8. a 500 ranks above its own HTML', () => {
    it('a userinfo call DOT fails on (a client-credentials token has no user) leads with server_error', async () => {
      const r = await runCli(['probe', '--json', '--issuer', dot.issuer, '--client-id', SVC.client_id, '--resource', `${dot.issuer}/userinfo/`], { env: { OAUTH_CLIENT_SECRET: SVC.client_secret } });
      const resource = r.json().targets[0].checks.find((c: { name: string }) => c.name === 'resource');
      expect(resource.findings[0]).toMatchObject({ id: 'server_error', severity: 'error' });
      expect(ids(resource.findings)).not.toContain('wrong_endpoint error');
    });
  });

  describe('9. a loopback port that moved', () => {
    let holder: Server;
    beforeAll(async () => {
      holder = createServer().listen(port, '127.0.0.1');
      await new Promise((resolve) => holder.once('listening', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

    it('says which port was taken and which is used', async () => {
      const r = await runCli(['login', '--json', '--browser', HTTP_BROWSER, '--port', `${port},${spare}`, '--login-timeout', '20', '--issuer', dot.issuer, '--client-id', WEB.client_id], {
        env: { OAUTH_CLIENT_SECRET: WEB.client_secret },
      });
      expect(r.stderr).toContain(`port ${port} (in use) passed over; listening on ${spare}`);
      const out = r.json();
      expect(out.redirect_uri).toBe(`http://127.0.0.1:${spare}/callback`);
      expect(out.findings.find((f: { id: string }) => f.id === 'redirect_uri_mismatch')).toMatchObject({ severity: 'warning', title: `Port ${port} could not be used; the redirect_uri uses port ${spare}` });
    });
  });

  describe('the other clients of a real deployment', () => {
    it('a public client with PKCE signs in with no secret (auth method none)', async () => {
      const r = await runCli(['login', '--json', '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', '--issuer', dot.issuer, '--client-id', SPA.client_id], { env: { OAUTH_CLIENT_SECRET: '' } });
      expect(r.code).toBe(0);
      expect(r.json().attempts.map((a: { auth_method: string }) => a.auth_method)).toEqual(['none']);
    });

    it('a web redirect_uri: the URL the browser ends on is pasted, and the login carries on', async () => {
      const child = spawn(process.execPath, [BIN, 'login', '--json', '--issuer', dot.issuer, '--client-id', WEBAPP.client_id, '--redirect-uri', WEBAPP.redirect_uri, '--login-timeout', '20'], {
        env: { ...process.env, NO_COLOR: '1', OAUTH_CLIENT_SECRET: WEBAPP.client_secret },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      const authorizationUrl = await new Promise<string>((resolve) =>
        child.stderr.on('data', (c: Buffer) => {
          stderr += c;
          const m = /^(http:\/\/127\.0\.0\.1:\d+\/o\/authorize\/\?\S+)$/m.exec(stderr);
          if (m) resolve(m[1] as string);
        }),
      );
      const { finalUrl, delivered } = await walk(authorizationUrl);
      expect(delivered).toBe(false);
      child.stdin.end(`${finalUrl}\n`);
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ stage: 'done', redirect_uri: WEBAPP.redirect_uri });
    });

    it('decode --issuer verifies a DOT ID token through the redirecting discovery', async () => {
      const out = (await login(['--issuer', dot.issuer, '--client-id', WEB.client_id, '--show-tokens'])).json();
      const r = await runCli(['decode', '--json', '--issuer', dot.issuer, '--audience', WEB.client_id, out.tokens.id_token]);
      expect(r.code).toBe(0);
      expect(r.json().verification).toMatchObject({ signature_valid: true, expected_issuer: dot.issuer });
    });
  });

  describe('explain, given DOT\'s raw answers as curl -i prints them', () => {

    it('a wrong secret (401 with WWW-Authenticate: Bearer error="invalid_client") is client authentication', async () => {
      const res = await fetch(`${dot.issuer}/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${SVC.client_id}:wrong`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      });
      const text = await curlI(res);
      expect(text).toMatch(/www-authenticate: Bearer .*error="invalid_client"/i);
      const r = await runCli(['explain', '--json'], { input: text });
      expect(r.code).toBe(1);
      expect(r.json().findings[0].id).toBe('invalid_client');
      expect(ids(r.json().findings)).not.toContain('invalid_token error');
    });

    it('a userinfo call it fails on (500, an HTML page) leads with server_error, not wrong_endpoint', async () => {
      const token = await fetch(`${dot.issuer}/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${SVC.client_id}:${SVC.client_secret}`).toString('base64')}` },
        body: 'grant_type=client_credentials',
      }).then((t) => t.json() as Promise<{ access_token: string }>);
      const res = await fetch(`${dot.issuer}/userinfo/`, { headers: { authorization: `Bearer ${token.access_token}` } });
      expect(res.status).toBe(500);
      const r = await runCli(['explain', '--json'], { input: await curlI(res) });
      expect(r.json().findings[0]).toMatchObject({ id: 'server_error' });
      expect(ids(r.json().findings)).not.toContain('wrong_endpoint error');
    });
  });

  describe('explain on a table of DOT\'s raw answers (the figure issue 11 asked for)', () => {
    const token = (client: { client_id: string; client_secret?: string }, body: string) =>
      fetch(`${dot.issuer}/token/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret ?? ''}`).toString('base64')}` },
        body,
      });
    const redirect = encodeURIComponent(`http://127.0.0.1:${port}/callback`);
    // Each answer as DOT gives it, the class a user needs, and the rank it must reach: a bare
    // invalid_grant says nothing of which grant was refused, so the refresh reading comes second.
    const cases: Array<[string, () => Promise<Response>, string, number]> = [
      ['a wrong client secret', () => token({ ...SVC, client_secret: 'wrong' }, 'grant_type=client_credentials'), 'invalid_client', 0],
      ['an unknown client', () => token({ client_id: 'nobody', client_secret: 'x' }, 'grant_type=client_credentials'), 'invalid_client', 0],
      ['a code that was never issued', () => token(WEB, `grant_type=authorization_code&code=bogus&redirect_uri=${redirect}`), 'authorization_code_rejected', 0],
      ['a refresh token that was never issued', () => token(WEB, 'grant_type=refresh_token&refresh_token=bogus'), 'refresh_token_rejected', 1],
      ['a wrong user password (password grant)', () => token(WEB, 'grant_type=password&username=alice&password=wrong'), 'access_denied', 0],
      ['client_credentials for a client registered for codes', () => token(WEB, 'grant_type=client_credentials'), 'unauthorized_client', 0],
      ['a grant type that does not exist', () => token(WEB, 'grant_type=magic'), 'unsupported_grant_type', 0],
      ['userinfo with a token it does not know', () => fetch(`${dot.issuer}/userinfo/`, { headers: { authorization: 'Bearer bogus' } }), 'invalid_token', 0],
    ];
    it.each(cases)('%s', async (_name, answer, expected, rank) => {
      const r = await runCli(['explain', '--json'], { input: await curlI(await answer()) });
      expect(r.code).toBe(1);
      const found = r.json().findings.map((f: { id: string }) => f.id);
      expect(found.indexOf(expected), `${found.join(', ')}`).toBeLessThanOrEqual(rank);
      expect(found.indexOf(expected)).toBeGreaterThanOrEqual(0);
    });
  });
});
