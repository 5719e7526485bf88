/**
 * processUserinfoResponse and the sub check, table-tested on answers built in memory: the shapes
 * real providers give that the end-to-end tests do not reach (a JWT answer, an encrypted one, a
 * 401 with no challenge, an HTML page, a DOT-style refusal labelled text/html).
 */
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/client.js';
import { processUserinfoResponse, subCheck } from '../../src/oidc/userinfo.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jws = (claims: object) => `${b64({ alg: 'RS256', kid: 'k1' })}.${b64(claims)}.c2lnbmF0dXJl`;
const res = (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpResponse => ({ url: 'https://idp.example.test/userinfo', status, headers, body, elapsedMs: 3 });
const ctx = { accessToken: 'opaque-access-token-0123', issuer: 'https://idp.example.test' };

describe('processUserinfoResponse', () => {
  it.each([
    ['JSON claims', res(200, JSON.stringify({ sub: 'u1', name: 'Ann' })), { format: 'json', sub: 'u1', ids: [] }],
    ['a signed JWT (application/jwt), decoded', res(200, jws({ sub: 'u2', email: 'a@example.test' }), { 'content-type': 'application/jwt' }), { format: 'jwt', sub: 'u2', ids: [] }],
    ['an encrypted JWT', res(200, `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a.b.c.d`, { 'content-type': 'application/jwt' }), { format: 'jwt', sub: undefined, ids: ['encrypted_token'] }],
    ['no sub', res(200, JSON.stringify({ name: 'Ann' })), { format: 'json', sub: undefined, ids: ['spec_deviation'] }],
    ['a 401 with no challenge', res(401, ''), { format: null, sub: undefined, first: 'invalid_token' }],
    ['a refusal labelled text/html but with a challenge (DOT)', res(401, '{"error": "invalid_token"}', { 'content-type': 'text/html; charset=utf-8', 'www-authenticate': 'Bearer error="invalid_token"' }), { format: null, sub: undefined, first: 'invalid_token' }],
    ['a 403 insufficient_scope challenge', res(403, '', { 'www-authenticate': 'Bearer error="insufficient_scope", scope="openid"' }), { format: null, sub: undefined, first: 'insufficient_scope' }],
    ['an HTML login page', res(200, '<!doctype html><html><body>Sign in</body></html>', { 'content-type': 'text/html' }), { format: null, sub: undefined, first: 'wrong_endpoint' }],
    ['a 404', res(404, 'Not Found', { 'content-type': 'text/plain' }), { format: null, sub: undefined, first: 'wrong_endpoint' }],
  ])('%s', (_name, response, expected) => {
    const r = processUserinfoResponse(response, ctx);
    expect(r.format).toBe(expected.format);
    expect(r.claims?.sub).toBe(expected.sub);
    if ('ids' in expected) expect(r.findings.map((f) => f.id)).toEqual(expected.ids);
    if ('first' in expected) expect(r.findings[0]).toMatchObject({ id: expected.first, severity: 'error' });
  });

  it('names the audience of a JWT access token refused at userinfo', () => {
    const r = processUserinfoResponse(res(401, '', { 'www-authenticate': 'Bearer error="invalid_token"' }), { accessToken: jws({ aud: 'https://api.example.test' }), issuer: 'https://idp.example.test' });
    expect(r.findings[0]?.title).toBe('The access token is for another audience (https://api.example.test), not for userinfo');
    expect(r.findings.filter((f) => f.id === 'invalid_token')).toHaveLength(1);
  });
});

describe('subCheck (OpenID Connect Core §5.3.2)', () => {
  it('matches, differs, or has nothing to compare', () => {
    expect(subCheck({ sub: 'u1' }, jws({ sub: 'u1' }))).toEqual({ check: { id_token_sub: 'u1', userinfo_sub: 'u1', match: true } });
    expect(subCheck({ sub: 'u2' }, jws({ sub: 'u1' })).finding).toMatchObject({ id: 'sub_mismatch', severity: 'error' });
    expect(subCheck({ sub: 'u1' }, undefined)).toEqual({ check: null });
    expect(subCheck(null, jws({ sub: 'u1' }))).toEqual({ check: null });
  });
});
