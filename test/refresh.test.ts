/**
 * `refresh` against Django OAuth Toolkit, which rotates refresh tokens: the new tokens, rotation
 * said, a reused old token diagnosed, and the --from / --save round trip with `login --save`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_BROWSER } from './helpers/provider.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDot, type RunningDot } from './helpers/dot.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { freePort } from './helpers/server.js';

const WEB = { client_id: 'web', client_secret: 'web-secret-0123456789abcdef' };
const env = { OAUTH_CLIENT_SECRET: WEB.client_secret };
let dot: RunningDot;
let port: number;
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-refresh-'));

beforeAll(async () => {
  port = await freePort();
  dot = await startDot([{ ...WEB, redirect_uris: [`http://127.0.0.1:${port}/callback`] }]);
}, 60_000);
afterAll(async () => {
  await dot?.close();
});

describe('refresh', () => {
  it('redeems the refresh token login saved, says it rotated, and keeps the file current; the old one is then refused as a refresh token', async () => {
    const file = join(dir, 'tokens.json');
    const login = await runCli(['login', '--json', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', '--save', file], { env });
    expect(login.code).toBe(0);
    const first = JSON.parse(readFileSync(file, 'utf8')).refresh_token as string;

    const r = await runCli(['refresh', '--json', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--from', file, '--save', file], { env });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'refresh', ok: true, rotated: true, auth_method: 'client_secret_basic', saved_to: file });
    expect(out.tokens.refresh_token).toMatch(/redacted/);
    expect(out.findings.find((f: { title: string }) => /rotated the refresh token/.test(f.title))).toMatchObject({ severity: 'info' });
    expect(r.stdout).not.toContain(first);
    const second = JSON.parse(readFileSync(file, 'utf8')).refresh_token as string;
    expect(second).not.toBe(first);

    const reused = await runCli(['refresh', '--json', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--refresh-token-env', 'OLD'], { env: { ...env, OLD: first } });
    expect(reused.code).toBe(1);
    expect(reused.json().findings.find((f: { severity: string }) => f.severity === 'error').id).toBe('refresh_token_rejected');
    expect(reused.stdout).not.toContain(first);
  });

  it('in text: rotation, the request, the new tokens redacted', async () => {
    const file = join(dir, 'tokens-text.json');
    expect((await runCli(['login', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', '--save', file], { env })).code).toBe(0);
    const r = await runCli(['refresh', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--from', file], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a new refresh token came back; the old one is used up');
    expect(r.stdout).toMatch(/refresh_token\n\s+client_secret_basic\s+HTTP 200\s+tokens/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('It was not saved');
  });

  it('flags a scope narrower than the one the refresh token was granted', async () => {
    const file = join(dir, 'tokens-scope.json');
    expect((await runCli(['login', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', '--save', file], { env })).code).toBe(0);
    // As if the saved grant had held one more scope than the provider now gives.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...saved, scope: `${saved.scope} write` }));
    const r = await runCli(['refresh', '--json', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--from', file], { env });
    expect(r.json().findings.find((f: { id: string }) => f.id === 'invalid_scope')).toMatchObject({ severity: 'warning', title: 'The refreshed token has a narrower scope: write is gone' });
  });

  it('refuses what it cannot do before any request', async () => {
    const none = await runCli(['refresh', '--issuer', dot.issuer, '--client-id', WEB.client_id], { env: { ...env, OAUTH_REFRESH_TOKEN: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^oauth-doctor: no refresh token: set OAUTH_REFRESH_TOKEN, or use --refresh-token-stdin or --from FILE\n$/);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '{"access_token":"x","token_type":"Bearer"}');
    const noRefresh = await runCli(['refresh', '--issuer', dot.issuer, '--client-id', WEB.client_id, '--from', empty], { env });
    expect(noRefresh.code).toBe(2);
    expect(noRefresh.stderr).toMatch(/holds no refresh_token/);
  });
});
