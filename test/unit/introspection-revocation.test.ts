/**
 * The readers of introspection (RFC 7662) and revocation (RFC 7009) answers, table-tested on
 * responses built in memory; and the inactive-token finding, on what a JWT's claims show.
 */
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/client.js';
import { inactiveFinding, processIntrospectionResponse } from '../../src/oauth/introspection.js';
import { processRevocationResponse } from '../../src/oauth/revocation.js';

const res = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpResponse => ({
  url: 'https://idp.example.test/introspect',
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  elapsedMs: 5,
});

describe('processIntrospectionResponse', () => {
  it.each([
    ['active', res(200, { active: true, client_id: 'app', exp: 1 }), { active: true, ids: [] }],
    ['inactive', res(200, { active: false }), { active: false, ids: [] }],
    ['"active" as a string', res(200, { active: 'true' }), { active: true, ids: ['spec_deviation'] }],
    ['no "active"', res(200, { client_id: 'app' }), { first: 'spec_deviation' }],
    ['an RFC error', res(401, { error: 'invalid_client', error_description: 'client authentication failed' }), { error: 'invalid_client', first: 'invalid_client' }],
    ['a 401 with no body', res(401, '', { 'www-authenticate': 'Basic realm="x"' }), { first: 'invalid_client' }],
    ['an empty 403 (Django OAuth Toolkit)', res(403, '', { 'content-type': 'text/html; charset=utf-8' }), { first: 'invalid_client' }],
    ['unsupported_token_type', res(400, { error: 'unsupported_token_type' }), { error: 'unsupported_token_type', first: 'unsupported_token_type' }],
    ['an HTML page', res(200, '<!doctype html><html><body>Sign in</body></html>', { 'content-type': 'text/html' }), { first: 'wrong_endpoint' }],
    ['a 404', res(404, 'Not Found', { 'content-type': 'text/plain' }), { first: 'wrong_endpoint' }],
    ['a redirect', res(302, '', { location: 'https://idp.example.test/login' }), { first: 'wrong_endpoint' }],
    ['a 503', res(503, 'down', { 'content-type': 'text/plain' }), { first: 'server_error' }],
    ['a JSON array', res(200, [true]), { first: 'wrong_endpoint' }],
  ] as const)('%s', (_name, response, expected) => {
    const out = processIntrospectionResponse(response);
    if ('active' in expected) expect(out.value?.active).toBe(expected.active);
    else expect(out.value).toBeUndefined();
    if ('ids' in expected) expect(out.findings.map((f) => f.id)).toEqual(expected.ids);
    if ('error' in expected) expect(out.error).toBe(expected.error);
    if ('first' in expected) expect(out.findings[0]?.id).toBe(expected.first);
  });

  it('says a refused client is about introspection, and that some providers want the API\'s own credentials', () => {
    const [f] = processIntrospectionResponse(res(401, { error: 'invalid_client' })).findings;
    expect(f?.detail).toMatch(/^The introspection endpoint /);
    expect(f?.detail).toMatch(/resource server's own credentials/);
  });
});

describe('processRevocationResponse', () => {
  it.each([
    ['an empty 200', res(200, '', {}), { revoked: true }],
    ['a 200 with a JSON body', res(200, {}), { revoked: true }],
    ['unsupported_token_type', res(400, { error: 'unsupported_token_type', error_description: 'Structured JWT Tokens cannot be revoked' }), { first: 'unsupported_token_type' }],
    ['invalid_client', res(401, { error: 'invalid_client' }), { first: 'invalid_client' }],
    ['a 503 (RFC 7009 §2.2.1: try later)', res(503, '', { 'retry-after': '5' }), { first: 'server_error' }],
    ['an HTML 200', res(200, '<html><body>Welcome</body></html>', { 'content-type': 'text/html' }), { first: 'wrong_endpoint' }],
  ] as const)('%s', (_name, response, expected) => {
    const out = processRevocationResponse(response);
    expect(out.value !== undefined).toBe('revoked' in expected);
    if ('first' in expected) expect(out.findings[0]?.id).toBe(expected.first);
  });
});

describe('inactiveFinding', () => {
  const jwt = (claims: Record<string, unknown>) => `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
  const now = 1_800_000_000;
  it.each([
    ['an opaque token', 'opaque-token-value', /cannot tell which.*It is not a JWT/],
    ['an expired JWT', jwt({ iss: 'https://idp.example.test', exp: now - 600 }), /exp passed 10 min ago: it expired/],
    ['a JWT from another issuer', jwt({ iss: 'https://other.example.test', exp: now + 600 }), /issued by https:\/\/other\.example\.test, not by https:\/\/idp\.example\.test/],
    ['a JWT whose claims explain nothing', jwt({ iss: 'https://idp.example.test/', exp: now + 600 }), /Its exp and iss do not explain it/],
  ])('%s', (_name, token, detail) => {
    const f = inactiveFinding(token, { issuer: 'https://idp.example.test', nowSeconds: now, source: 'OAUTH_TOKEN' });
    expect(f).toMatchObject({ id: 'invalid_token', severity: 'error' });
    expect(f.detail).toMatch(detail);
  });
});
