/**
 * `client-credentials` against real providers: oidc-provider (JWT access tokens for its API) and
 * Django OAuth Toolkit (opaque ones), as a user runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDot, type RunningDot } from './helpers/dot.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { API_AUDIENCE, SERVICE, startProvider, startTokenWrapper, type RunningProvider } from './helpers/provider.js';

let provider: RunningProvider;
let dot: RunningDot;
const DOT_SVC = { client_id: 'svc', client_secret: 'svc-secret-0123456789abcdef' };

beforeAll(async () => {
  provider = await startProvider();
  dot = await startDot([{ ...DOT_SVC, grant: 'client-credentials', algorithm: '' }]);
}, 60_000);
afterAll(async () => {
  await provider?.close();
  await dot?.close();
});

describe('client-credentials', () => {
  it('gets a token, shows its claims, and says which method works', async () => {
    const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--scope', 'read'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ command: 'client-credentials', ok: true, auth_method: 'client_secret_basic', issuer: provider.issuer });
    expect(out.tokens.access_token).toMatch(/redacted/);
    expect(out.claims.access_token.aud).toBe(API_AUDIENCE);
    expect(out.advice[0]).toMatch(/^client_secret_basic worked, the first method tried/);
    expect(out.findings.map((f: { id: string }) => f.id)).not.toContain('no_refresh_token');
    expect(r.stdout).not.toContain(SERVICE.client_secret);
  });

  it('sends --resource (RFC 8707), --audience and --param: the token is for that API', async () => {
    const w = await startTokenWrapper(provider.issuer, 'passthrough');
    try {
      const r = await runCli(
        ['client-credentials', '--json', '--issuer', provider.issuer, '--token-endpoint', w.tokenEndpoint, '--client-id', SERVICE.client_id, '--resource', API_AUDIENCE, '--audience', 'orders', '--param', 'tenant=t1'],
        { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } },
      );
      expect(r.code).toBe(0);
      expect(r.json().claims.access_token.aud).toBe(API_AUDIENCE);
      const sent = new URLSearchParams(w.exchanges[0]?.request);
      expect([sent.get('resource'), sent.get('audience'), sent.get('tenant')]).toEqual([API_AUDIENCE, 'orders', 't1']);
    } finally {
      await w.close();
    }
  });

  it('in text: the token request, the token redacted, its claims', async () => {
    const r = await runCli(['client-credentials', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/client_credentials\n\s+client_secret_basic\s+HTTP 200\s+tokens/);
    expect(r.stdout).toContain('Access token claims');
    expect(r.stdout).toMatch(/access_token\s+\S+…\[redacted, \d+ chars\]/);
  });

  it('a wrong secret: both methods refused, the method is not the problem', async () => {
    const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: 'wrong-secret-value' } });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts.map((a: { error: string }) => a.error)).toEqual(['invalid_client', 'invalid_client']);
    expect(out.findings[0].detail).toMatch(/Both client_secret_basic and client_secret_post were refused/);
  });

  it('against Django OAuth Toolkit, through its redirecting discovery: an opaque token', async () => {
    const r = await runCli(['client-credentials', '--json', '--issuer', dot.issuer, '--client-id', DOT_SVC.client_id], { env: { OAUTH_CLIENT_SECRET: DOT_SVC.client_secret } });
    expect(r.code).toBe(0);
    expect(r.json().claims.access_token).toBeUndefined();
    expect(r.json().tokens.token_type).toBe('Bearer');
  });

  it('refuses what it cannot do before any request', async () => {
    const none = await runCli(['client-credentials', '--client-id', 'x']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^oauth-doctor: no token endpoint: pass --issuer \(discovery\) or --token-endpoint\n$/);
    const reserved = await runCli(['client-credentials', '--token-endpoint', `${provider.issuer}/token`, '--client-id', 'x', '--param', 'grant_type=password']);
    expect(reserved.code).toBe(2);
    expect(reserved.stderr).toMatch(/--param grant_type=… would repeat a parameter the request sets itself/);
  });
});
