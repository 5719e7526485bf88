/**
 * `userinfo` against real providers, as a user runs it: oidc-provider (its /me endpoint) with an
 * access token from a real login, refusals read through the WWW-Authenticate challenge, and Django
 * OAuth Toolkit's OIDC userinfo (/o/userinfo/).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDot, type RunningDot } from './helpers/dot.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { CONFIDENTIAL, HTTP_BROWSER, SERVICE, startProvider, type RunningProvider } from './helpers/provider.js';
import { freePort } from './helpers/server.js';

let provider: RunningProvider;
let dot: RunningDot;
let dotPort: number;
const DOT_WEB = { client_id: 'web', client_secret: 'web-secret-0123456789abcdef' };
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-userinfo-'));
const files: Record<string, string> = {};

/** A login through the HTTP browser, its token response saved to a file. */
async function login(name: string, scope: string): Promise<string> {
  const file = join(dir, `${name}.json`);
  const r = await runCli(['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--scope', scope, '--save', file], {
    env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    timeoutMs: 30_000,
  });
  expect(r.code).toBe(0);
  return file;
}

const tokenIn = (file: string, member: string): string => JSON.parse(readFileSync(file, 'utf8'))[member] as string;

beforeAll(async () => {
  dotPort = await freePort();
  [provider, dot] = await Promise.all([startProvider(), startDot([{ ...DOT_WEB, redirect_uris: [`http://127.0.0.1:${dotPort}/callback`] }])]);
  files.openid = await login('openid', 'openid profile');
  files.noOpenid = await login('no-openid', 'profile');
}, 90_000);
afterAll(async () => {
  await provider?.close();
  await dot?.close();
});

describe('userinfo', () => {
  it('shows the claims for the access token login saved, and checks sub against the ID token beside it', async () => {
    const r = await runCli(['userinfo', '--json', '--issuer', provider.issuer, '--from', files.openid as string]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'userinfo', ok: true, issuer: provider.issuer, userinfo_endpoint: `${provider.issuer}/me`, status: 200, format: 'json', findings: [] });
    expect(out.access_token_source).toBe(`${files.openid} (access_token)`);
    expect(typeof out.claims.sub).toBe('string');
    expect(out.sub_check).toEqual({ id_token_sub: out.claims.sub, userinfo_sub: out.claims.sub, match: true });
    for (const member of ['access_token', 'id_token']) expect(r.stdout + r.stderr).not.toContain(tokenIn(files.openid as string, member));
  });

  it('in text: where, the answer, the claims, sub the same as the ID token\'s', async () => {
    const r = await runCli(['userinfo', '--issuer', provider.issuer, '--from', files.openid as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Userinfo endpoint\s+http:\/\/127\.0\.0\.1:\d+\/me/);
    expect(r.stdout).toMatch(/Answer\s+HTTP 200\s+application\/json/);
    expect(r.stdout).toMatch(/Claims\n\s+sub\s+\S+/);
    expect(r.stdout).toContain("the same as the ID token's (OpenID Connect Core §5.3.2)");
    expect(r.stderr).toContain(`→ GET ${provider.issuer}/me`);
  });

  it('a garbled token: invalid_token, read from the Bearer challenge', async () => {
    const garbled = 'garbled-access-token-0123456789';
    const r = await runCli(['userinfo', '--json', '--issuer', provider.issuer], { env: { OAUTH_ACCESS_TOKEN: garbled } });
    expect(r.code).toBe(1);
    const first = r.json().findings[0];
    expect(first).toMatchObject({ id: 'invalid_token', severity: 'error' });
    expect(first.evidence.www_authenticate).toMatchObject({ scheme: 'Bearer', error: 'invalid_token' });
    expect(r.stdout + r.stderr).not.toContain(garbled);
  });

  it('a token without the openid scope: insufficient_scope, read from the challenge of a 403', async () => {
    const r = await runCli(['userinfo', '--json', '--issuer', provider.issuer, '--from', files.noOpenid as string]);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ status: 403, claims: null });
    expect(r.json().findings[0]).toMatchObject({ id: 'insufficient_scope', severity: 'error' });
  });

  it("a client-credentials JWT (audience: the demo API) is another audience's token: said so", async () => {
    const cc = await runCli(['client-credentials', '--json', '--show-tokens', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    const jwt = cc.json().tokens.access_token as string;
    const r = await runCli(['userinfo', '--json', '--issuer', provider.issuer, '--access-token-stdin'], { input: `${jwt}\n` });
    expect(r.code).toBe(1);
    const first = r.json().findings[0];
    expect(first).toMatchObject({ id: 'invalid_token', title: 'The access token is for another audience (https://api.example.test), not for userinfo' });
    expect(r.stdout).not.toContain(jwt);
  });

  it('an ID token of another user: sub_mismatch (OpenID Connect Core §5.3.2)', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const other = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: provider.issuer, sub: 'mallory', aud: CONFIDENTIAL.client_id })}.c2lnbmF0dXJl`;
    const r = await runCli(['userinfo', '--json', '--issuer', provider.issuer, '--id-token-env', 'OTHER'], { env: { OAUTH_ACCESS_TOKEN: tokenIn(files.openid as string, 'access_token'), OTHER: other } });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.sub_check).toMatchObject({ id_token_sub: 'mallory', match: false });
    expect(out.findings[0]).toMatchObject({ id: 'sub_mismatch', severity: 'error' });
  });

  it('a wrong URL and a dead one: wrong_endpoint and network_error', async () => {
    const env = { OAUTH_ACCESS_TOKEN: 'some-access-token-0123456789' };
    const notFound = await runCli(['userinfo', '--json', '--userinfo-endpoint', `${provider.issuer}/nothing-here`], { env });
    expect(notFound.code).toBe(1);
    expect(notFound.json().findings[0]).toMatchObject({ id: 'wrong_endpoint' });
    const dead = await runCli(['userinfo', '--json', '--userinfo-endpoint', `http://127.0.0.1:${await freePort()}/userinfo`, '--timeout', '3'], { env });
    expect(dead.code).toBe(1);
    expect(dead.json().findings[0]).toMatchObject({ id: 'network_error', title: expect.stringMatching(/^The userinfo endpoint could not be reached/) });
  });

  it('refuses what it cannot do before any request', async () => {
    const none = await runCli(['userinfo', '--issuer', provider.issuer], { env: { OAUTH_ACCESS_TOKEN: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^oauth-doctor: no access token: set OAUTH_ACCESS_TOKEN, or use --access-token-stdin or --from FILE\n$/);
    const nowhere = await runCli(['userinfo'], { env: { OAUTH_ACCESS_TOKEN: 'x' } });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^oauth-doctor: no userinfo endpoint: pass --issuer \(discovery\) or --userinfo-endpoint\n$/);
  });

  it('against Django OAuth Toolkit: its OIDC userinfo answers for a token from a real login', async () => {
    const file = join(dir, 'dot.json');
    const login = await runCli(['login', '--json', '--issuer', dot.issuer, '--client-id', DOT_WEB.client_id, '--browser', HTTP_BROWSER, '--port', String(dotPort), '--login-timeout', '20', '--save', file], {
      env: { OAUTH_CLIENT_SECRET: DOT_WEB.client_secret },
      timeoutMs: 30_000,
    });
    expect(login.code).toBe(0);
    const r = await runCli(['userinfo', '--json', '--issuer', dot.issuer, '--from', file]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.userinfo_endpoint).toMatch(/\/o\/userinfo\/$/);
    expect(out.sub_check).toMatchObject({ match: true });
    const refused = await runCli(['userinfo', '--json', '--issuer', dot.issuer], { env: { OAUTH_ACCESS_TOKEN: 'not-a-dot-token-0123456789' } });
    expect(refused.code).toBe(1);
    expect(refused.json().findings[0]).toMatchObject({ id: 'invalid_token', severity: 'error' });
  });
});
