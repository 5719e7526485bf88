/**
 * PAR (RFC 9126) and DPoP (RFC 9449) against the real oidc-provider, as a user runs them: the
 * built CLI, a real browser-less sign-in (HTTP_BROWSER), and each failure reproduced for real: an
 * unregistered redirect_uri at the PAR endpoint, a provider that requires nonces, a proxy that
 * changes the URL the proof names, a provider behind a proxy that drops the DPoP header.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CONFIDENTIAL, HTTP_BROWSER, SERVICE, startProvider, startTokenWrapper, type RunningProvider } from './helpers/provider.js';
import { PAR_CLIENT } from '../scripts/demo/provider.mjs';

let provider: RunningProvider;
let strict: RunningProvider;
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-dpop-'));

beforeAll(async () => {
  provider = await startProvider();
  // Requires PAR of every client and a DPoP nonce in every proof.
  strict = await startProvider({ requirePar: true, dpopNonce: true });
}, 60_000);
afterAll(async () => {
  await provider?.close();
  await strict?.close();
});

const login = (issuer: string, client: { client_id: string; client_secret: string }, args: string[] = []) =>
  runCli(['login', '--issuer', issuer, '--client-id', client.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', ...args], { env: { OAUTH_CLIENT_SECRET: client.client_secret }, timeoutMs: 40_000 });
const ids = (out: { findings: Array<{ id: string }> }) => out.findings.map((f) => f.id);

describe('login --par', () => {
  it('pushes the authorization request; the browser carries only client_id and request_uri; tokens come back', async () => {
    const r = await login(provider.issuer, CONFIDENTIAL, ['--par', '--json']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out).toMatchObject({ ok: true, stage: 'done', par: { pushed_authorization_request_endpoint: `${provider.issuer}/request`, required: false, auth_method: 'client_secret_basic' } });
    expect(out.par.expires_in).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/Pushing the authorization request to \S+\/request/);
    // The URL the browser was given: client_id and request_uri, nothing else.
    const url = new URL(/^(http:\S+\/auth\?\S+)$/m.exec(r.stderr)?.[1] ?? 'http://none');
    expect([...url.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri']);
  });

  it('a provider that requires PAR is pushed to without --par, and says so', async () => {
    const r = await login(strict.issuer, CONFIDENTIAL);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PAR\s+pushed to \S+\/request with client_secret_basic; request_uri valid \d+ s \(the provider requires PAR\)/);
  });

  it('a client registered with require_pushed_authorization_requests is pushed for when the authorization endpoint says so', async () => {
    const r = await login(provider.issuer, PAR_CLIENT, ['--json']);
    expect(r.code).toBe(0);
    expect(r.json().par).toMatchObject({ required: true, auth_method: 'client_secret_basic' });
    expect(r.stderr).toContain('this client must push its authorization requests (PAR)');
  });

  it('an unregistered redirect_uri is refused at the PAR endpoint: diagnosed, and no browser started', async () => {
    const r = await login(provider.issuer, CONFIDENTIAL, ['--par', '--redirect-uri', 'http://127.0.0.1:1/elsewhere', '--json']);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.stage).toBe('par');
    expect(ids(out)[0]).toBe('redirect_uri_mismatch');
    expect(out.findings[0].detail).toContain('before any browser opened');
    expect(out.findings[0].fixes[0]).toContain('Register exactly http://127.0.0.1:1/elsewhere');
    expect(r.stderr).not.toContain('Running');
  });

  it('no PAR endpoint: missing_endpoint, before any browser', async () => {
    const none = await startProvider({ par: false });
    try {
      const r = await login(none.issuer, CONFIDENTIAL, ['--par']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/names no pushed_authorization_request_endpoint\s+\[missing_endpoint\]/);
      expect(r.stderr).not.toContain('Running');
    } finally {
      await none.close();
    }
  });
});

describe('--dpop', () => {
  it('client-credentials --dpop: token_type DPoP, and the access token is bound to the key (cnf.jkt); decode shows the binding', async () => {
    const r = await runCli(['client-credentials', '--json', '--show-tokens', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--dpop'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.tokens.token_type).toBe('DPoP');
    expect(out.dpop).toMatchObject({ alg: 'ES256', token_type: 'DPoP', nonce_retries: 0 });
    expect(out.claims.access_token.cnf.jkt).toBe(out.dpop.jkt);
    const d = await runCli(['decode', out.tokens.access_token]);
    expect(d.stdout).toContain(`Bound to  a DPoP key, cnf.jkt ${out.dpop.jkt}`);
    expect(d.stdout).toContain('Authorization: DPoP');
    const dj = await runCli(['decode', '--json', out.tokens.access_token]);
    expect(dj.json().token.dpop_binding).toMatchObject({ method: 'dpop', jkt: out.dpop.jkt });
  });

  it('a provider that requires its nonce: use_dpop_nonce is answered with one retry, and said', async () => {
    const r = await runCli(['client-credentials', '--issuer', strict.issuer, '--client-id', SERVICE.client_id, '--dpop'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/token_type DPoP, bound to this key; the provider asked for its nonce once \(use_dpop_nonce\)/);
    expect(r.stdout).toMatch(/asked for its DPoP nonce \(use_dpop_nonce\); the request was sent again with it\s+\[use_dpop_nonce\]/);
  });

  it('login --dpop at a provider that requires PAR and nonces: pushed, DPoP-bound tokens, and --save keeps the key (0600) for a later run', async () => {
    const save = join(dir, 'tokens.json');
    const r = await login(strict.issuer, CONFIDENTIAL, ['--dpop', '--scope', 'openid offline_access', '--param', 'prompt=consent', '--save', save, '--json']);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.tokens.token_type).toBe('DPoP');
    expect(out.dpop).toMatchObject({ token_type: 'DPoP', nonce_retries: 1, key_saved_to: `${save}.dpop.jwk` });
    expect(ids(out)).toContain('use_dpop_nonce');
    expect(statSync(`${save}.dpop.jwk`).mode & 0o777).toBe(0o600);
    const key = JSON.parse(readFileSync(`${save}.dpop.jwk`, 'utf8'));
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(r.stdout + r.stderr).not.toContain(key.d);
    // The refresh token of a confidential client is not bound; the new access token is, to the kept key.
    const refreshed = await runCli(['refresh', '--json', '--issuer', strict.issuer, '--client-id', CONFIDENTIAL.client_id, '--from', save, '--dpop', '--dpop-key', `${save}.dpop.jwk`], {
      env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    });
    expect(refreshed.code, refreshed.stdout + refreshed.stderr).toBe(0);
    expect(refreshed.json().dpop).toMatchObject({ jkt: out.dpop.jkt, token_type: 'DPoP' });
    expect(refreshed.stdout + refreshed.stderr).not.toContain(key.d);
  });

  it('a proxy in front of the token endpoint: invalid_dpop_proof, htu compared with the endpoint the provider names', async () => {
    const w = await startTokenWrapper(provider.issuer, 'dpop-proxy');
    try {
      const r = await runCli(['client-credentials', '--json', '--issuer', provider.issuer, '--token-endpoint', w.tokenEndpoint, '--client-id', SERVICE.client_id, '--dpop'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
      expect(r.code).toBe(1);
      const f = r.json().findings[0];
      expect(f.id).toBe('invalid_dpop_proof');
      expect(f.title).toBe("The DPoP proof was refused: htu names another URL than the provider's own endpoint");
      expect(f.evidence.proof.claims).toMatchObject({ htm: 'POST', htu: w.tokenEndpoint });
      expect(f.evidence.advertised_endpoint).toBe(`${provider.issuer}/token`);
      expect(f.fixes[0]).toContain(`Send the request to ${provider.issuer}/token`);
      // The proof itself never shows, only its claims.
      const proofs = w.exchanges.map((x: { dpop?: string }) => x.dpop).filter(Boolean) as string[];
      expect(proofs.length).toBeGreaterThan(0);
      for (const proof of proofs) expect(r.stdout + r.stderr).not.toContain(proof.split('.')[2]);
    } finally {
      await w.close();
    }
  });

  it('a provider that ignores DPoP (a proxy drops the header): the Bearer token that came back is dpop_not_bound', async () => {
    const w = await startTokenWrapper(provider.issuer, 'passthrough');
    try {
      const r = await runCli(['client-credentials', '--issuer', provider.issuer, '--token-endpoint', w.tokenEndpoint, '--client-id', SERVICE.client_id, '--dpop'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/DPoP was asked for, but the token came back as token_type "Bearer"\s+\[dpop_not_bound\]/);
    } finally {
      await w.close();
    }
  });

  it('--dpop-key without --dpop, or a file that is no private JWK, is a usage error', async () => {
    const a = await runCli(['client-credentials', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--dpop-key', '/nonexistent'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect([a.code, a.stderr.trim()]).toEqual([2, 'oauth-doctor: --dpop-key only means something with --dpop']);
    const b = await runCli(['client-credentials', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--dpop', '--dpop-key', '/nonexistent'], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^oauth-doctor: .*\/nonexistent/);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
  });
});
