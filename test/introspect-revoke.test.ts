/**
 * `introspect` (RFC 7662) and `revoke` (RFC 7009), the built CLI spawned as a user runs it, against
 * oidc-provider (the demo's: opaque tokens for the resource-server client and for logins, JWT
 * access tokens for the service client) and Django OAuth Toolkit (whose discovery names neither
 * endpoint, and whose introspection refuses a client with an empty 403).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE } from './helpers/cli.js';
import { startDot, type RunningDot } from './helpers/dot.js';
import { CONFIDENTIAL, HTTP_BROWSER, RESOURCE_SERVER, SERVICE, startProvider, type RunningProvider } from './helpers/provider.js';
import { freePort } from './helpers/server.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-introspect-'));
let provider: RunningProvider;
let bare: RunningProvider;
let dot: RunningDot;
const DOT_SVC = { client_id: 'svc', client_secret: 'svc-secret-0123456789abcdef' };
const rs = { OAUTH_CLIENT_SECRET: RESOURCE_SERVER.client_secret };

beforeAll(async () => {
  provider = await startProvider();
  bare = await startProvider({ tokenEndpoints: false });
  dot = await startDot([{ ...DOT_SVC, grant: 'client-credentials', algorithm: '' }]);
}, 60_000);
afterAll(async () => {
  await provider?.close();
  await bare?.close();
  await dot?.close();
});

/** A fresh client_credentials token, from the CLI itself. */
async function ccToken(issuer: string, client: { client_id: string; client_secret: string }): Promise<string> {
  const r = await runCli(['client-credentials', '--json', '--show-tokens', '--issuer', issuer, '--client-id', client.client_id], { env: { OAUTH_CLIENT_SECRET: client.client_secret } });
  expect(r.code).toBe(0);
  return r.json().tokens.access_token as string;
}

const introspect = (args: string[], env: Record<string, string>) => runCli(['introspect', ...args], { env, timeoutMs: 30_000 });
const revoke = (args: string[], env: Record<string, string>) => runCli(['revoke', ...args], { env, timeoutMs: 30_000 });
const ids = (out: { findings: Array<{ id: string; severity: string }> }) => out.findings.filter((f) => f.severity !== 'info').map((f) => f.id);

describe('introspect and revoke against oidc-provider', () => {
  it('introspects an active token: the JSON document, times in human time, the token never printed', async () => {
    const token = await ccToken(provider.issuer, RESOURCE_SERVER);
    const r = await introspect(['--json', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { ...rs, OAUTH_TOKEN: token });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(Object.keys(out).sort()).toEqual(
      ['active', 'advice', 'attempts', 'auth_method', 'command', 'findings', 'introspection_endpoint', 'issuer', 'ok', 'response', 'times', 'token', 'token_source', 'token_type_hint'].sort(),
    );
    expect(out).toMatchObject({ command: 'introspect', ok: true, active: true, issuer: provider.issuer, introspection_endpoint: `${provider.issuer}/token/introspection`, auth_method: 'client_secret_basic', token_source: 'OAUTH_TOKEN', token_type_hint: null });
    expect(out.response).toMatchObject({ active: true, client_id: RESOURCE_SERVER.client_id, iss: provider.issuer, token_type: 'Bearer' });
    expect(out.times.map((t: { name: string }) => t.name).sort()).toEqual(['exp', 'iat']);
    expect(out.times.find((t: { name: string }) => t.name === 'exp').relative).toMatch(/^in \d+ min/);
    expect(out.token).toMatch(/…\[redacted, \d+ chars\]$/);
    for (const text of [r.stdout, r.stderr]) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(RESOURCE_SERVER.client_secret);
    }

    const text = await introspect(['--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { ...rs, OAUTH_TOKEN: token });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Introspection response\n\s+active\s+true\n/);
    expect(text.stdout).toMatch(/exp\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+\(in /);
    expect(text.stdout).not.toContain(token);
  });

  it('revoke --check: the provider accepts, a 200 proves nothing alone, and the token is then inactive; introspect says it cannot tell why', async () => {
    const token = await ccToken(provider.issuer, RESOURCE_SERVER);
    const r = await revoke(['--json', '--check', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { ...rs, OAUTH_TOKEN: token });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'revoke', ok: true, revoked: true, revocation_endpoint: `${provider.issuer}/token/revocation`, check: { active: false, introspection_endpoint: `${provider.issuer}/token/introspection` } });
    expect(out.findings[0]).toMatchObject({ id: 'success', severity: 'info' });
    expect(out.findings[0].detail).toMatch(/does not prove the token existed/);
    expect(r.stdout).not.toContain(token);

    const after = await introspect(['--json', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { ...rs, OAUTH_TOKEN: token });
    expect(after.code).toBe(1);
    const inactive = after.json();
    expect(inactive).toMatchObject({ ok: false, active: false, response: { active: false }, times: [] });
    expect(inactive.findings[0]).toMatchObject({ id: 'invalid_token', severity: 'error', title: 'The provider says the token is not active' });
    expect(inactive.findings[0].detail).toMatch(/cannot tell which/);
    expect(inactive.findings[0].detail).toMatch(/not a JWT/);
  });

  it('a login --save file: introspect takes its access token, revoke its refresh token (the hint follows), and a resource server may introspect the app\'s token', async () => {
    const file = join(dir, 'tokens.json');
    const port = await freePort();
    const login = await runCli(
      ['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--scope', 'openid offline_access', '--param', 'prompt=consent', '--browser', HTTP_BROWSER, '--port', String(port), '--login-timeout', '20', '--save', file],
      { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret }, timeoutMs: 40_000 },
    );
    expect(login.code).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(typeof saved.refresh_token).toBe('string');

    const asApi = await introspect(['--json', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id, '--from', file], rs);
    expect(asApi.code).toBe(0);
    expect(asApi.json()).toMatchObject({ active: true, token_type_hint: 'access_token', token_source: `${file} (access_token)`, response: { client_id: CONFIDENTIAL.client_id, sub: expect.any(String) } });

    const r = await revoke(['--json', '--check', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--from', file], { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ revoked: true, token_type_hint: 'refresh_token', check: { active: false } });
    for (const t of [saved.access_token, saved.refresh_token, saved.id_token]) expect(r.stdout + r.stderr + asApi.stdout).not.toContain(t);
    // Revoking the refresh token ended its grant: the access token of the same login is inactive too.
    const access = await introspect(['--json', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id, '--from', file], rs);
    expect(access.json().active).toBe(false);
  }, 60_000);

  it('a wrong client secret: invalid_client after both methods, said for introspection (a resource server\'s own credentials)', async () => {
    const token = await ccToken(provider.issuer, RESOURCE_SERVER);
    const r = await introspect(['--json', '--issuer', provider.issuer, '--client-id', RESOURCE_SERVER.client_id], { OAUTH_CLIENT_SECRET: 'not-the-right-secret-value', OAUTH_TOKEN: token });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out).toMatchObject({ ok: false, active: null, response: null, auth_method: null });
    expect(out.attempts.map((a: { error: string }) => a.error)).toEqual(['invalid_client', 'invalid_client']);
    expect(out.findings[0].id).toBe('invalid_client');
    expect(out.findings[0].detail).toMatch(/^The introspection endpoint did not accept/);
    expect(out.findings[0].detail).toMatch(/resource server's own credentials/);
    expect(r.stdout).not.toContain(token);
  });

  it('a provider without the endpoints: a missing_endpoint finding, exit 1, nothing sent', async () => {
    const env = { ...rs, OAUTH_TOKEN: 'an-opaque-token-value-0123456789' };
    const r = await introspect(['--json', '--issuer', bare.issuer, '--client-id', RESOURCE_SERVER.client_id], env);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ ok: false, introspection_endpoint: null, attempts: [], findings: [{ id: 'missing_endpoint', severity: 'error' }] });
    const rv = await revoke(['--json', '--issuer', bare.issuer, '--client-id', RESOURCE_SERVER.client_id], env);
    expect(rv.code).toBe(1);
    expect(rv.json().findings[0]).toMatchObject({ id: 'missing_endpoint', title: 'No revocation_endpoint: the provider\'s discovery document does not name one' });
  });

  it('a JWT access token: the provider will not revoke it (unsupported_token_type)', async () => {
    const jwt = await ccToken(provider.issuer, SERVICE);
    const r = await revoke(['--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { OAUTH_CLIENT_SECRET: SERVICE.client_secret, OAUTH_TOKEN: jwt });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out).toMatchObject({ revoked: false, attempts: [{ status: 400, error: 'unsupported_token_type' }] });
    expect(ids(out)).toEqual(['unsupported_token_type']);
    expect(r.stdout).not.toContain(jwt);
  });

  it('an endpoint nothing answers at: network_error, exit 1', async () => {
    const r = await introspect(['--json', '--introspection-endpoint', 'http://127.0.0.1:9/introspect', '--client-id', 'x', '--timeout', '2'], { OAUTH_TOKEN: 'an-opaque-token-value-0123456789' });
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ active: null, attempts: [{ status: null, error: 'ECONNREFUSED' }], findings: [{ id: 'network_error', title: 'The introspection endpoint could not be reached (ECONNREFUSED)' }] });
  });

  it('refuses what it cannot do before any request: one line, exit 2', async () => {
    const none = await introspect(['--issuer', provider.issuer, '--client-id', 'x'], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('oauth-doctor: no token: set OAUTH_TOKEN, or use --token-stdin or --from FILE\n');
    const noEndpoint = await revoke(['--client-id', 'x'], { OAUTH_TOKEN: 'abcdefghijklmnop' });
    expect(noEndpoint.code).toBe(2);
    expect(noEndpoint.stderr).toBe('oauth-doctor: no endpoint: pass --issuer (discovery) or --revocation-endpoint\n');
    const hint = await introspect(['--issuer', provider.issuer, '--client-id', 'x', '--token-type-hint', 'id_token'], { OAUTH_TOKEN: 'abcdefghijklmnop' });
    expect(hint.code).toBe(2);
    expect(hint.stderr).toMatch(/^oauth-doctor: option '--token-type-hint <type>' argument 'id_token' is invalid/);
  });
});

describe('introspect and revoke against Django OAuth Toolkit', () => {
  const env = { OAUTH_CLIENT_SECRET: DOT_SVC.client_secret };
  const endpoints = () => ({ introspection: `${dot.base}/o/introspect/`, revocation: `${dot.base}/o/revoke_token/` });

  it('its discovery names neither endpoint: missing_endpoint, and the way out is the flag', async () => {
    const r = await introspect(['--json', '--issuer', dot.issuer, '--client-id', DOT_SVC.client_id], { ...env, OAUTH_TOKEN: 'an-opaque-token-value-0123456789' });
    expect(r.code).toBe(1);
    expect(r.json().findings[0]).toMatchObject({ id: 'missing_endpoint' });
    expect(r.json().findings[0].fixes[0]).toMatch(/--introspection-endpoint URL/);
  });

  it('introspects with the client\'s credentials, revokes, and --check sees it inactive', async () => {
    const token = await ccToken(dot.issuer, DOT_SVC);
    const { introspection, revocation } = endpoints();
    const r = await introspect(['--json', '--issuer', dot.issuer, '--introspection-endpoint', introspection, '--client-id', DOT_SVC.client_id], { ...env, OAUTH_TOKEN: token });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ active: true, response: { client_id: DOT_SVC.client_id, exp: expect.any(Number) } });

    const rv = await revoke(['--json', '--check', '--issuer', dot.issuer, '--revocation-endpoint', revocation, '--introspection-endpoint', introspection, '--client-id', DOT_SVC.client_id], { ...env, OAUTH_TOKEN: token });
    expect(rv.code).toBe(0);
    expect(rv.json()).toMatchObject({ revoked: true, check: { active: false } });
    expect(rv.stdout + r.stdout).not.toContain(token);
  });

  it('a wrong secret at its introspection endpoint: an empty 403, read as the client refused', async () => {
    const r = await introspect(['--json', '--introspection-endpoint', endpoints().introspection, '--client-id', DOT_SVC.client_id], { OAUTH_CLIENT_SECRET: 'not-the-right-secret-value', OAUTH_TOKEN: 'an-opaque-token-value-0123456789' });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts.map((a: { status: number }) => a.status)).toEqual([403, 403]);
    expect(out.findings[0]).toMatchObject({ id: 'invalid_client', title: 'The introspection endpoint refused the client\'s credentials (HTTP 403 without an error code)' });
  });
});
