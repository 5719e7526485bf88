/**
 * One run of each command as a user runs it: the built CLI in a child process (bin/oauth-doctor.js
 * and its bundle), against a real provider where the command needs one. Everything else about the
 * commands is tested in-process (helpers/in-process.ts); this is what proves the bundle is the same program.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from './helpers/cli.js';
import { CONFIDENTIAL, HTTP_BROWSER, type RunningProvider, SERVICE, startProvider } from './helpers/provider.js';
import { NOW, signHs256 } from './helpers/tokens.js';

let provider: RunningProvider;
const saved = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-smoke-')), 'tokens.json');

beforeAll(async () => {
  provider = await startProvider();
});
afterAll(async () => {
  await provider?.close();
});

describe('the built CLI, one run of each command', () => {
  it('decode', async () => {
    const token = await signHs256('a-secret-of-32-bytes-for-hs256-ok', { sub: 'alice', exp: NOW() - 60 });
    const r = await runCli(['decode', token]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expired/i);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('explain', async () => {
    const r = await runCli(['explain', '--json', '{"error":"invalid_client"}']);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('invalid_client');
  });

  it('probe', async () => {
    const r = await runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    expect(r.json().targets[0].checks.map((c: { name: string; status: string }) => `${c.name} ${c.status}`)).toContain('client_credentials pass');
  });

  it('login', async () => {
    const r = await runCli(['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--scope', 'openid offline_access', '--param', 'prompt=consent', '--save', saved], {
      env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
      timeoutMs: 30_000,
    });
    expect(r.code).toBe(0);
    expect(r.json().stage).toBe('done');
  });

  it('client-credentials', async () => {
    const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    expect(r.json().auth_method).toBe('client_secret_basic');
  });

  it('refresh, from what login saved', async () => {
    const r = await runCli(['refresh', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--from', saved], { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } });
    expect(r.code).toBe(0);
    expect(r.json().command).toBe('refresh');
  });

  it('introspect, from what login saved', async () => {
    const r = await runCli(['introspect', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--from', saved], { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.json()).toMatchObject({ command: 'introspect', auth_method: 'client_secret_basic', active: expect.any(Boolean) });
  });

  it('revoke, from what login saved', async () => {
    const r = await runCli(['revoke', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--from', saved], { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ command: 'revoke', revoked: true, token_type_hint: 'refresh_token' });
  });

  it('completion', async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('_oauth_doctor');
  });
});
