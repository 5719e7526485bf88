/**
 * `token-exchange` (RFC 8693) as a user runs it: against oidc-provider with the demo's own
 * token-exchange grant (scripts/demo/provider.mjs), a subject token from a real login, and against
 * Django OAuth Toolkit, which does not implement RFC 8693.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDot, type RunningDot } from './helpers/dot.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { API_AUDIENCE, CONFIDENTIAL, EXCHANGE, HTTP_BROWSER, SERVICE, startProvider, type RunningProvider } from './helpers/provider.js';
import { json, startServer } from './helpers/server.js';

let provider: RunningProvider;
let dot: RunningDot;
const DOT_WEB = { client_id: 'web', client_secret: 'web-secret-0123456789abcdef' };
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-token-exchange-'));
let file: string;
let subject: string;
const env = { OAUTH_CLIENT_SECRET: EXCHANGE.client_secret };

/** Every secret of these runs: none may appear in what the user sees. */
const canaries = () => [subject, EXCHANGE.client_secret, JSON.parse(readFileSync(file, 'utf8')).id_token as string];

beforeAll(async () => {
  [provider, dot] = await Promise.all([startProvider(), startDot([{ ...DOT_WEB, redirect_uris: ['http://127.0.0.1:1/callback'] }])]);
  file = join(dir, 'tokens.json');
  const login = await runCli(['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--save', file], {
    env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    timeoutMs: 30_000,
  });
  expect(login.code).toBe(0);
  subject = JSON.parse(readFileSync(file, 'utf8')).access_token as string;
}, 90_000);
afterAll(async () => {
  await provider?.close();
  await dot?.close();
});

const exchange = (args: string[], extra: { env?: Record<string, string>; input?: string } = {}) =>
  runCli(['token-exchange', '--issuer', provider.issuer, '--client-id', EXCHANGE.client_id, ...args], { env: { ...env, ...extra.env }, ...(extra.input !== undefined ? { input: extra.input } : {}) });

describe('token-exchange', () => {
  it("exchanges login's access token for a token for the API: the new token decoded, issued_token_type, nothing secret printed", async () => {
    const r = await exchange(['--json', '--from', file, '--audience', API_AUDIENCE, '--scope', 'read write']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({
      command: 'token-exchange',
      ok: true,
      issuer: provider.issuer,
      auth_method: 'client_secret_basic',
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      grant_type_advertised: true,
      request: { subject_token_source: `${file} (access_token)`, subject_token_type: 'urn:ietf:params:oauth:token-type:access_token', audience: API_AUDIENCE, scope: 'read write', actor_token_type: null },
      findings: [],
    });
    expect(out.tokens.access_token).toMatch(/redacted/);
    expect(out.claims.access_token).toMatchObject({ aud: API_AUDIENCE, client_id: EXCHANGE.client_id, scope: 'read write' });
    expect(typeof out.claims.access_token.sub).toBe('string');
    for (const secret of canaries()) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('in text: what was asked, the exchange, the token redacted, its claims', async () => {
    const r = await exchange(['--from', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Subject token\s+urn:ietf:params:oauth:token-type:access_token from \S+tokens\.json \(access_token\)/);
    expect(r.stdout).toMatch(/Token exchange\n\s+client_secret_basic\s+HTTP 200\s+tokens/);
    expect(r.stdout).toMatch(/access_token\s+\S+…\[redacted, \d+ chars\]/);
    expect(r.stdout).toMatch(/issued_token_type\s+urn:ietf:params:oauth:token-type:access_token/);
    expect(r.stdout).toContain('Access token claims');
  });

  it('delegation: the actor token is sent with its type and named in the act claim', async () => {
    const r = await exchange(['--json', '--subject-token-stdin', '--actor-token-env', 'ACTOR', '--actor-token-type', 'access_token'], { input: `${subject}\n`, env: { ACTOR: subject } });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.request).toMatchObject({ subject_token_source: 'standard input', actor_token_source: 'ACTOR', actor_token_type: 'urn:ietf:params:oauth:token-type:access_token' });
    expect(out.claims.access_token.act).toEqual({ sub: out.claims.access_token.sub });
  });

  it('an audience the client may not have: invalid_target', async () => {
    const r = await exchange(['--json', '--from', file, '--audience', 'https://billing.example.test']);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out).toMatchObject({ ok: false, tokens: null, issued_token_type: null });
    expect(out.attempts).toEqual([expect.objectContaining({ status: 400, error: 'invalid_target' })]);
    expect(out.findings[0]).toMatchObject({ id: 'invalid_target', severity: 'error', title: 'The audience or resource asked for is not allowed (invalid_target)' });
    for (const secret of canaries()) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('a subject token the provider does not know, and a type it does not take: invalid_request read as a token-exchange refusal', async () => {
    const garbled = 'not-a-subject-token-0123456789';
    const bad = await exchange(['--json'], { env: { OAUTH_SUBJECT_TOKEN: garbled } });
    expect(bad.code).toBe(1);
    expect(bad.json().findings[0]).toMatchObject({ id: 'invalid_request', title: expect.stringMatching(/^The token exchange was refused \(invalid_request\)/) });
    expect(bad.stdout + bad.stderr).not.toContain(garbled);
    const idToken = await exchange(['--json', '--from', file, '--subject-token-type', 'id_token']);
    expect(idToken.code).toBe(1);
    expect(idToken.json().request.subject_token_type).toBe('urn:ietf:params:oauth:token-type:id_token');
    expect(idToken.json().attempts[0].error_description).toMatch(/subject_token_type .*id_token is not supported/);
  });

  it('a client not allowed the grant: unauthorized_client', async () => {
    const r = await runCli(['token-exchange', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--from', file], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(1);
    expect(r.json().findings[0]).toMatchObject({ id: 'unauthorized_client' });
  });

  it('Django OAuth Toolkit does not do RFC 8693: unsupported_grant_type, said as such', async () => {
    const token = 'opaque-subject-token-for-dot-0123456789';
    const r = await runCli(['token-exchange', '--json', '--issuer', dot.issuer, '--client-id', DOT_WEB.client_id, '--audience', 'orders'], { env: { OAUTH_CLIENT_SECRET: DOT_WEB.client_secret, OAUTH_SUBJECT_TOKEN: token } });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.attempts[0]).toMatchObject({ status: 400, error: 'unsupported_grant_type' });
    const first = out.findings[0];
    expect(first).toMatchObject({ id: 'unsupported_grant_type', title: 'The token endpoint does not do token exchange (unsupported_grant_type)' });
    expect(first.fixes.join('\n')).toMatch(/Keycloak: enable the token-exchange feature/);
    for (const secret of [token, DOT_WEB.client_secret]) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it("warns before trying when discovery's grant_types_supported lacks token exchange, and a response without issued_token_type is a deviation", async () => {
    const server = await startServer({
      '/.well-known/openid-configuration': (req, res, base) => json({ issuer: base, token_endpoint: `${base}/token`, grant_types_supported: ['authorization_code', 'client_credentials'] })(req, res, base),
      '/token': json({ access_token: 'new-opaque-token-0123456789', token_type: 'Bearer', expires_in: 60 }),
    });
    try {
      const r = await runCli(['token-exchange', '--json', '--issuer', server.base, '--client-id', 'gw'], { env: { OAUTH_CLIENT_SECRET: 'gw-secret-0123456789', OAUTH_SUBJECT_TOKEN: 'subject-0123456789' } });
      const out = r.json();
      expect(out).toMatchObject({ grant_type_advertised: false, issued_token_type: null });
      expect(out.findings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'unsupported_grant_type', severity: 'warning', title: 'The provider does not list token exchange in grant_types_supported' }),
          expect.objectContaining({ id: 'spec_deviation', severity: 'warning', title: 'The token exchange response has no "issued_token_type"' }),
        ]),
      );
      expect(r.code).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('refuses what it cannot do before any request', async () => {
    const none = await exchange([], { env: { OAUTH_SUBJECT_TOKEN: '' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^oauth-doctor: no subject token: set OAUTH_SUBJECT_TOKEN, or use --subject-token-stdin or --from FILE\n$/);
    const type = await exchange(['--subject-token-type', 'saml'], { env: { OAUTH_SUBJECT_TOKEN: 'x' } });
    expect(type.code).toBe(2);
    expect(type.stderr).toMatch(/--subject-token-type needs access_token, refresh_token, id_token, jwt or a token type URI/);
    const actor = await exchange(['--actor-token-type', 'jwt'], { env: { OAUTH_SUBJECT_TOKEN: 'x' } });
    expect(actor.code).toBe(2);
    expect(actor.stderr).toMatch(/^oauth-doctor: --actor-token-type needs an actor token: --actor-token-env NAME\n$/);
  });
});
