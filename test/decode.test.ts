/**
 * `decode` end to end: the built CLI on tokens the tests sign themselves.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as spawnCli, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { json, startServer } from './helpers/server.js';
import { encrypted, NOW, rsaKey, signHs256, signRs256, unsigned, type Key } from './helpers/tokens.js';

let key: Key;
let otherKey: Key;
let server: Awaited<ReturnType<typeof startServer>>;
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-decode-'));

beforeAll(async () => {
  key = await rsaKey('key-2026');
  otherKey = await rsaKey('key-2025');
  server = await startServer({
    '/.well-known/openid-configuration': (_req, res, base) => json({ issuer: base, jwks_uri: `${base}/jwks` })(_req, res, base),
    '/jwks': json({ keys: [key.jwk] }),
    // A multi-tenant discovery document, as Entra's /common/v2.0 serves one: the issuer is a template.
    '/common/v2.0/.well-known/openid-configuration': (_req, res, base) => json({ issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${base}/jwks` })(_req, res, base),
    '/html-jwks': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><body>Sign in</body></html>');
    },
  });
});
afterAll(() => server.close());

const fresh = (extra: Record<string, unknown> = {}) => ({ sub: 'alice', iat: NOW() - 60, exp: NOW() + 3600, ...extra });
const ids = (r: { json(): any }) => (r.json().findings as Array<{ id: string }>).map((f) => f.id);

describe.concurrent('decode', () => {
  it('reads a valid token: exit 0, claims and human times, no error findings', async () => {
    const token = await signRs256(key, fresh({ iss: 'https://idp.example', aud: 'api' }));
    const r = await runCli(['decode', token]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/JWT \(signed, JWS\) · RS256 · kid key-2026/);
    expect(r.stdout).toMatch(/exp\s+\d{4}-\d\d-\d\dT[\d:]+Z\s+\(expires in (1 h|59 min)/);
    expect(r.stdout).toMatch(/issued ├─+●─*┤ expires/);
    expect(r.stdout).toContain('Signature  not checked');
    expect(r.stdout).not.toContain(token);
  });

  it('flags an expired token: exit 1, expired_token with how long ago', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() - 4 * 3600, exp: NOW() - 3 * 3600 - 720 });
    const r = await runCli(['decode', '--json', token]);
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.command).toBe('decode');
    expect(out.ok).toBe(false);
    expect(out.findings[0].id).toBe('expired_token');
    expect(out.findings[0].title).toBe('The token expired 3 h 12 min ago');
    expect(out.findings[0].fixes.length).toBeGreaterThan(0);
    const text = await runCli(['decode', token]);
    expect(text.stdout).toContain('expired 3 h 12 min ago');
    expect(text.stdout).toMatch(/expires ··· ● now\s+\(expired\)/);
  });

  it('flags a token that is not valid yet, and the clock skew behind it', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() + 600, nbf: NOW() + 600, exp: NOW() + 4200 });
    const r = await runCli(['decode', '--json', token]);
    expect(r.code).toBe(1);
    expect(ids(r)).toEqual(expect.arrayContaining(['not_yet_valid', 'clock_skew']));
  });

  it('flags clock skew when iat lies in the future', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() + 120, exp: NOW() + 3720 });
    const r = await runCli(['decode', '--json', token]);
    const skew = r.json().findings.find((f: any) => f.id === 'clock_skew');
    expect(skew.severity).toBe('warning');
    // the CLI runs a moment after signing: 1 min 59 s is as right as 2 min
    expect(skew.title).toMatch(/issued (1 min 5\d s|2 min( \d+ s)?) in the future/);
    expect(r.code).toBe(0);
  });

  it('tolerates skew within --clock-tolerance', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() + 20, exp: NOW() + 3600 });
    const r = await runCli(['decode', '--json', '--clock-tolerance', '60', token]);
    expect(ids(r)).not.toContain('clock_skew');
  });

  it('flags a short lifetime as the Portainer case: warning, exit 0 while valid', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() - 30, exp: NOW() + 270 });
    const r = await runCli(['decode', '--json', token]);
    expect(r.code).toBe(0);
    const f = r.json().findings.find((x: any) => x.id === 'short_token_lifetime');
    expect(f.title).toBe('The token lives only 5 min');
    expect(f.fixes.join(' ')).toMatch(/refresh token/);
    // The project's own source documents are provenance, never shown; each source shown can be opened.
    expect(JSON.stringify(f.sources)).not.toContain('001_b11ec28349281b2a.txt');
    for (const s of f.sources) expect(s.url).toMatch(/^https:\/\//);
  });

  it('flags alg "none" and a missing exp', async () => {
    const r = await runCli(['decode', '--json', unsigned({ sub: 'a', iat: NOW() })]);
    expect(r.code).toBe(1);
    expect(ids(r)).toEqual(expect.arrayContaining(['alg_none', 'missing_exp']));
  });

  it('cleans a token pasted with "Bearer " and line breaks, and says so', async () => {
    const token = await signRs256(key, fresh());
    const pasted = `Authorization: Bearer ${token.slice(0, 40)}\r\n${token.slice(40, 90)}\n${token.slice(90)}\n`;
    const r = await runCli(['decode', '--json'], { input: pasted });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.token.kind).toBe('jws');
    expect(out.token.cleaned).toEqual(
      expect.arrayContaining(['removed the "Authorization:" header name', 'removed the "Bearer" prefix', 'removed line breaks (CR/LF) inside the token']),
    );
    expect(ids(r)).toContain('token_cleaned');
  });

  it('cleans quotes around a token', async () => {
    const token = await signRs256(key, fresh());
    const r = await runCli(['decode', '--json', `"${token}"`]);
    expect(r.json().token.cleaned).toContain('removed surrounding quotes');
    expect(r.json().token.claims.sub).toBe('alice');
  });

  it('reads the token from --file', async () => {
    const file = join(dir, 'token.txt');
    writeFileSync(file, `${await signRs256(key, fresh())}\n`);
    const r = await runCli(['decode', '--json', '--file', file]);
    expect(r.code).toBe(0);
    expect(r.json().token.claims.sub).toBe('alice');
  });

  it('shows only the JWE header and says it needs the recipient key', async () => {
    const r = await runCli(['decode', '--json', await encrypted(fresh())]);
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.token.kind).toBe('jwe');
    expect(out.token.header).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM' });
    expect(out.token.claims).toBeUndefined();
    expect(ids(r)).toContain('encrypted_token');
  });

  it('says an opaque token cannot be read locally and points to introspection', async () => {
    const r = await runCli(['decode', '--json', 'gho_16C7e42F292c6912E7710c838347Ae178B4a']);
    expect(r.code).toBe(0);
    const f = r.json().findings.find((x: any) => x.id === 'opaque_token');
    expect(f.fixes.join(' ')).toMatch(/introspection/);
    expect(f.sources).toContainEqual({ title: 'RFC 7662 §2', url: 'https://www.rfc-editor.org/rfc/rfc7662#section-2' });
  });

  it('verifies against a JWKS: exit 0 and the key named', async () => {
    const token = await signRs256(key, fresh());
    const r = await runCli(['decode', '--json', '--jwks-uri', `${server.base}/jwks`, token]);
    expect(r.code).toBe(0);
    expect(r.json().verification).toMatchObject({ attempted: true, signature_valid: true });
    expect(r.json().verification.key_source).toContain('kid key-2026');
  });

  it('explains an unknown kid as rotated keys', async () => {
    const token = await signRs256(otherKey, fresh());
    const r = await runCli(['decode', '--json', '--jwks-uri', `${server.base}/jwks`, token]);
    expect(r.code).toBe(1);
    const f = r.json().findings[0];
    expect(f.id).toBe('invalid_token');
    expect(f.title).toBe('The signing key "key-2025" is not in the JWKS');
    expect(f.detail).toMatch(/rotate/);
    expect(f.evidence.jwks_kids).toEqual(['key-2026']);
  });

  it('uses a JWK Set file and skips members that are not keys', async () => {
    const file = join(dir, 'set.json');
    writeFileSync(file, JSON.stringify({ keys: [null, 'x', key.jwk] }));
    const r = await runCli(['decode', '--json', '--key', file, await signRs256(key, fresh())]);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(0);
    expect(r.json().verification.signature_valid).toBe(true);
  });

  it('reports a bad signature when the key does not match', async () => {
    const token = await signRs256(otherKey, fresh(), { kid: 'key-2026' });
    const r = await runCli(['decode', '--json', '--jwks-uri', `${server.base}/jwks`, token]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].title).toBe('The signature does not verify');
    expect(r.json().verification.signature_valid).toBe(false);
  });

  it('verifies with a PEM key file and reports a wrong key', async () => {
    const pem = join(dir, 'public.pem');
    writeFileSync(pem, otherKey.pem);
    const good = await runCli(['decode', '--json', '--key', pem, await signRs256(otherKey, fresh())]);
    expect(good.code).toBe(0);
    const bad = await runCli(['decode', '--json', '--key', pem, await signRs256(key, fresh())]);
    expect(bad.code).toBe(1);
    expect(bad.json().findings[0].title).toBe('The signature does not verify');
  });

  it('uses discovery with --issuer and checks iss and aud, each with its own finding', async () => {
    const right = await signRs256(key, fresh({ iss: server.base, aud: 'orders-api' }));
    const ok = await runCli(['decode', '--json', '--issuer', server.base, '--audience', 'orders-api', right]);
    expect(ok.code).toBe(0);
    expect(ok.json().verification.expected_issuer).toBe(server.base);

    const wrong = await signRs256(key, fresh({ iss: 'https://other.example', aud: 'billing-api' }));
    const r = await runCli(['decode', '--json', '--issuer', server.base, '--audience', 'orders-api', wrong]);
    expect(r.code).toBe(1);
    const titles = r.json().findings.map((f: any) => f.title);
    expect(titles).toEqual(expect.arrayContaining(['The token was issued by another issuer', 'The token is for another audience']));
  });

  it('verifies HS256 with a secret from the environment, and names a wrong one', async () => {
    const token = await signHs256('correct horse battery staple', fresh());
    const ok = await runCli(['decode', '--json', '--secret-env', 'HS_SECRET', token], { env: { HS_SECRET: 'correct horse battery staple' } });
    expect(ok.code).toBe(0);
    expect(ok.json().verification.signature_valid).toBe(true);
    const bad = await runCli(['decode', '--json', '--secret-env', 'HS_SECRET', token], { env: { HS_SECRET: 'wrong secret' } });
    expect(bad.code).toBe(1);
    expect(bad.json().findings[0].title).toBe('The signature does not verify');
    expect(bad.stdout + bad.stderr).not.toContain('wrong secret');
  });

  it('warns that --secret on argv is visible to others, and never prints it', async () => {
    const token = await signHs256('argv-secret-value-123', fresh());
    const r = await runCli(['decode', '--secret', 'argv-secret-value-123', token]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/visible to other users/);
    expect(r.stdout).not.toContain('argv-secret-value-123');
  });

  it('still checks the signature of an expired token', async () => {
    const token = await signRs256(key, { sub: 'a', iat: NOW() - 7200, exp: NOW() - 3600 });
    const r = await runCli(['decode', '--json', '--jwks-uri', `${server.base}/jwks`, token]);
    expect(r.code).toBe(1);
    expect(r.json().verification.signature_valid).toBe(true);
    expect(ids(r)).toEqual(['expired_token']);
  });

  it('diagnoses a JWKS URL that answers HTML', async () => {
    const token = await signRs256(key, fresh());
    const r = await runCli(['decode', '--json', '--jwks-uri', `${server.base}/html-jwks`, token]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('wrong_endpoint');
  });

  it('diagnoses an unreachable JWKS as network_error, not a crash', async () => {
    const token = await signRs256(key, fresh());
    const r = await runCli(['decode', '--json', '--jwks-uri', 'http://127.0.0.1:9/jwks', token]);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('network_error');
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('prints the token only with --show-tokens', async () => {
    const token = await signRs256(key, fresh());
    expect((await runCli(['decode', '--json', token])).stdout).not.toContain(token);
    expect((await runCli(['decode', '--json', '--show-tokens', token])).json().token.value).toBe(token);
  });

  it.each([
    ['plain words', 'hello world, this is not a token'],
    ['a sentence without punctuation', 'this is not a token'],
    ['too short', 'abc'],
    ['JSON that is not a token response', '{"foo": 1}'],
  ])('refuses input that is not a token (%s): exit 2, one line, no stack', async (_name, input) => {
    const r = await runCli(['decode', input]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^oauth-doctor: not a token/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('calls a JWT-shaped token that does not decode invalid_token (exit 1), not an input error', async () => {
    const r = await runCli(['decode', '--json', 'eyJhbGciOiJSUzI1NiJ9.not-json!!.sig']);
    expect(r.code).toBe(1);
    expect(r.json().findings[0].id).toBe('invalid_token');
  });

  it('gives a clear usage error for a missing --secret-env variable and for an HS secret on an RS token', async () => {
    const token = await signRs256(key, fresh());
    const a = await runCli(['decode', '--secret-env', 'NOPE_NOT_SET', token]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/NOPE_NOT_SET is not set/);
    const b = await runCli(['decode', '--secret-env', 'X', token], { env: { X: 'abc' } });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/signed with RS256/);
  });

  it('with --json, an input error is still one JSON document', async () => {
    const r = await runCli(['decode', '--json', 'abc']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ command: 'decode', ok: false, error: { code: 'ERR_INPUT' } });
  });
});

describe('decode: what a trial against real tokens showed (issue 13)', () => {
  it('a signature cut short is said, with or without a key, before any key is blamed', async () => {
    const token = await signRs256(key, fresh());
    const cut = token.slice(0, -6);
    const plain = await runCli(['decode', '--json', cut]);
    expect(plain.code).toBe(1);
    expect(plain.json().findings[0]).toMatchObject({ id: 'invalid_token', title: 'The signature is cut short or damaged' });
    expect(plain.json().findings[0].detail).toMatch(/a RS256 signature is as many bytes as the RSA key/);
    const keyFile = join(dir, 'cut-key.pem');
    writeFileSync(keyFile, key.pem);
    const withKey = await runCli(['decode', '--json', '--key', keyFile, cut]);
    expect(withKey.json().findings[0].title).toBe('The signature is cut short or damaged');
    expect(withKey.json().findings.map((f: { detail: string }) => f.detail).join(' ')).not.toMatch(/key is wrong|altered after signing/);
    // The whole token still verifies with the same key.
    expect((await runCli(['decode', '--json', '--key', keyFile, token])).code).toBe(0);
  });

  it('time claims in milliseconds are shown as such, not as "forever"', async () => {
    const ms = Date.now();
    const r = await runCli(['decode', unsigned({ sub: 'a', iat: ms, exp: ms + 3_600_000 })]);
    expect(r.stdout).not.toMatch(/forever/);
    expect(r.stdout).toMatch(/\(read as milliseconds\)/);
    expect(r.stdout).toContain('"exp" looks like milliseconds, not seconds');
    expect(r.stdout).toContain('"iat" looks like milliseconds, not seconds');
    expect(r.stdout).not.toMatch(/issued .* in the future/);
  });

  it('an alg "none" token is called unsigned, not "signed, JWS"', async () => {
    const r = await runCli(['decode', unsigned(fresh())]);
    expect(r.stdout).toContain('JWT (unsigned: alg "none")');
    expect(r.stdout).not.toContain('signed, JWS');
  });

  it('a JWT header alone is a cut token, not an opaque one', async () => {
    const r = await runCli(['decode', '--json', 'eyJhbGciOiJub25lIn0']);
    expect(r.code).toBe(1);
    expect(r.json().token.kind).toBe('jws');
    expect(r.json().findings[0].detail).toMatch(/only the header of a JWT is here .* the payload and the signature are missing/);
  });
});

describe('decode: issuers that are not one fixed string (documented by their providers)', () => {
  it('a multi-tenant discovery document: the template is noted, and the token\'s tenant must be its tid', async () => {
    const tenant = '9188040d-6c67-4c5b-b112-36a304b66dad';
    const good = await signRs256(key, fresh({ iss: `${server.base}/${tenant}/v2.0`, tid: tenant }), { kid: 'key-2026' });
    const r = await runCli(['decode', '--json', '--issuer', `${server.base}/common/v2.0`, good]);
    expect(r.code).toBe(0);
    const titles = r.json().findings.map((f: { title: string }) => f.title);
    expect(titles).toContain('A multi-tenant discovery document: its issuer is a template');
    expect(titles).toContain(`The issuer is a multi-tenant template; this token is from tenant ${tenant}`);
    const wrongTid = await signRs256(key, fresh({ iss: `${server.base}/${tenant}/v2.0`, tid: 'another-tenant' }), { kid: 'key-2026' });
    const bad = await runCli(['decode', '--json', '--issuer', `${server.base}/common/v2.0`, wrongTid]);
    expect(bad.code).toBe(1);
    expect(bad.json().findings[0].detail).toMatch(/the tenant in "iss" \(9188040d-[^)]+\) is not the token's "tid" \(another-tenant\)/);
  });

  it('accounts.google.com without a scheme is one of the two forms Google documents', async () => {
    const keyFile = join(dir, 'google-key.pem');
    writeFileSync(keyFile, key.pem);
    const token = await signRs256(key, fresh({ iss: 'accounts.google.com' }));
    const r = await runCli(['decode', '--json', '--key', keyFile, '--expect-issuer', 'https://accounts.google.com', token]);
    expect(r.code).toBe(0);
    expect(r.json().findings.map((f: { title: string }) => f.title)).toContain('"iss" is "accounts.google.com", the other of the two forms this issuer documents');
    const other = await runCli(['decode', '--json', '--key', keyFile, '--expect-issuer', 'https://accounts.example.com', token]);
    expect(other.code).toBe(1);
  });
});

describe('decode: keys over plain http', () => {
  it('flags a JWKS fetched over plain http from another host', async () => {
    const token = await signRs256(key, fresh());
    const r = await runCli(['decode', '--json', '--timeout', '2', '--jwks-uri', `${server.base.replace('127.0.0.1', '[::ffff:127.0.0.1]')}/jwks`, token]);
    expect(r.json().findings.map((f: { title: string }) => f.title)).toContain('The keys were fetched over plain http:// from another host');
  });
});
