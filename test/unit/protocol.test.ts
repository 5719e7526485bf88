/**
 * Pure protocol halves, table-tested on responses built in memory.
 */
import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../src/http/client.js';
import { checkCallback } from '../../src/oauth/callback.js';
import { processPreflightResponse } from '../../src/oauth/preflight.js';
import { basicCredentials, methodsToTry } from '../../src/oauth/client-auth/index.js';
import { processTokenResponse } from '../../src/oauth/token-request.js';
import { authorizationCodeGrant } from '../../src/oauth/grants.js';
import { tokenEndpointFor, tryMethods } from '../../src/oauth/method-trial.js';
import { KnownSecrets } from '../../src/redact.js';
import { splitCommand } from '../../src/io.js';

const res = (status: number, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpResponse => ({
  url: 'https://idp.example.test/token',
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  elapsedMs: 5,
});

describe('processTokenResponse', () => {
  it.each([
    ['a good response', res(200, { access_token: 'at', token_type: 'Bearer', expires_in: 3600 }), { tokens: true, ids: [] }],
    ['an RFC error', res(400, { error: 'invalid_grant', error_description: 'Code not valid' }), { error: 'invalid_grant', first: 'authorization_code_rejected' }],
    ['GitHub form-encoded error with 200', res(200, 'error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.', { 'content-type': 'application/x-www-form-urlencoded' }), { error: 'bad_verification_code', first: 'authorization_code_rejected' }],
    ['HTML', res(200, '<!doctype html><html><body>Login</body></html>', { 'content-type': 'text/html' }), { first: 'wrong_endpoint' }],
    ['a redirect', res(302, '', { location: 'https://elsewhere/' }), { first: 'wrong_endpoint' }],
    ['a 503', res(503, 'upstream down', { 'content-type': 'text/plain' }), { first: 'server_error' }],
    ['a JSON array', res(200, [1, 2]), { first: 'wrong_endpoint' }],
    ['access_token as a number', res(200, { access_token: 5, token_type: 'Bearer' }), { first: 'spec_deviation' }],
    ['no token_type', res(200, { access_token: 'at' }), { tokens: true, ids: ['spec_deviation'] }],
  ] as const)('%s', (_name, response, expected) => {
    const out = processTokenResponse(response);
    if ('tokens' in expected) expect(Boolean(out.tokens)).toBe(expected.tokens);
    if ('ids' in expected) expect(out.findings.map((f) => f.id)).toEqual(expected.ids);
    if ('error' in expected) expect(out.error).toBe(expected.error);
    if ('first' in expected) expect(out.findings[0]?.id).toBe(expected.first);
  });

  it.each([
    ['refresh_token', { error: 'invalid_grant' }, 'refresh_token_rejected'],
    ['authorization_code', { error: 'invalid_grant' }, 'authorization_code_rejected'],
    ['urn:ietf:params:oauth:grant-type:device_code', { error: 'authorization_pending' }, 'authorization_pending'],
    ['client_credentials', { error: 'invalid_scope' }, 'invalid_scope'],
  ])('reads the answer to a %s grant as that grant’s', (grantType, body, first) => {
    expect(processTokenResponse(res(400, body), grantType).findings[0]?.id).toBe(first);
  });
});

describe('checkCallback', () => {
  const expected = { state: 's1', issuer: 'https://idp.example.test' };
  it.each([
    ['the genuine callback', 'code=c1&state=s1&iss=https%3A%2F%2Fidp.example.test', 'code'],
    ['a wrong state, even with error=', 'error=access_denied&state=zz', 'ignore'],
    ['no state', 'code=c1', 'ignore'],
    ['another issuer', 'code=c1&state=s1&iss=https%3A%2F%2Fevil.example', 'fail'],
    ['an error', 'error=access_denied&state=s1', 'fail'],
    ['no code', 'state=s1', 'fail'],
    ['a repeated code', 'code=a&code=b&state=s1', 'fail'],
    // Issue 14: a forged callback with repeated parameters and a wrong state must not end the wait.
    ['a repeated code with a forged state', 'code=x&code=y&state=forged', 'ignore'],
    ['a repeated state without the right one', 'code=x&state=a&state=b', 'ignore'],
  ])('%s', (_name, query, kind) => {
    expect(checkCallback(new URLSearchParams(query), expected).kind).toBe(kind);
  });

  it('requires iss when the provider says it sends it (RFC 9207)', () => {
    const strict = { ...expected, requireIss: true };
    expect(checkCallback(new URLSearchParams('code=c1&state=s1'), strict).kind).toBe('fail');
    expect(checkCallback(new URLSearchParams('code=c1&state=s1&iss=https%3A%2F%2Fidp.example.test'), strict).kind).toBe('code');
    expect(checkCallback(new URLSearchParams('code=c1&state=s1'), expected).kind).toBe('code');
  });
});

describe('methodsToTry', () => {
  const secret = { client_id: 'a', client_secret: 'b' };
  it.each([
    ['auto, nothing advertised', 'auto', secret, undefined, ['client_secret_basic', 'client_secret_post']],
    ['auto, both advertised', 'auto', secret, ['client_secret_post', 'client_secret_basic'], ['client_secret_basic', 'client_secret_post']],
    ['auto, only post advertised', 'auto', secret, ['client_secret_post', 'none'], ['client_secret_post', 'client_secret_basic']],
    ['auto, public client', 'auto', { client_id: 'a' }, undefined, ['none']],
    ['forced basic', 'basic', secret, ['client_secret_post'], ['client_secret_basic']],
  ] as const)('%s', (_name, choice, client, advertised, methods) => {
    expect(methodsToTry(choice, client, advertised as string[] | undefined)).toEqual(methods);
  });
});

describe('basicCredentials', () => {
  it('form-encodes id and secret before base64 (RFC 6749 Appendix B)', () => {
    const header = basicCredentials({ client_id: 'my app', client_secret: 'p:a%s' });
    expect(Buffer.from(header.replace('Basic ', ''), 'base64').toString()).toBe('my+app:p%3Aa%25s');
  });
});

describe('processPreflightResponse', () => {
  const redirect = 'http://127.0.0.1:8000/callback';
  it('passes a redirect to the login page', () => {
    expect(processPreflightResponse(res(303, '', { location: '/interaction/abc' }), redirect).passed).toBe(true);
  });
  it('diagnoses an error redirected back to the client', () => {
    const out = processPreflightResponse(res(303, '', { location: `${redirect}?error=invalid_scope&error_description=requested+scope+is+not+allowed&state=x` }), redirect);
    expect(out.findings[0]?.id).toBe('invalid_scope');
  });
  it('diagnoses an error page naming the redirect_uri, with near-misses', () => {
    const out = processPreflightResponse(res(400, '<html><body><pre>error: invalid_redirect_uri\nerror_description: redirect_uri did not match any of the client\'s registered redirect_uris</pre></body></html>', { 'content-type': 'text/html' }), redirect);
    expect(out.findings[0]?.id).toBe('redirect_uri_mismatch');
    expect(out.findings[0]?.fixes.join(' ')).toMatch(/localhost vs 127\.0\.0\.1/);
  });
  it('diagnoses a 200 error page that names the redirect_uri', () => {
    const out = processPreflightResponse(res(200, '<html><body>Error 400: redirect_uri_mismatch. The redirect URI in the request does not match the ones authorized</body></html>', { 'content-type': 'text/html' }), redirect);
    expect(out.passed).toBe(false);
    expect(out.findings[0]?.id).toBe('redirect_uri_mismatch');
  });
});

describe('splitCommand (--browser)', () => {
  it.each([
    ["open -a 'Google Chrome'", ['open', '-a', 'Google Chrome']],
    ['node "/tmp/a b/walk.mjs" --deny', ['node', '/tmp/a b/walk.mjs', '--deny']],
    ['firefox', ['firefox']],
    ['a\\ b c', ['a b', 'c']],
  ])('%s', (command, words) => expect(splitCommand(command)).toEqual(words));
});

describe('tryMethods (the one loop over client authentication methods)', () => {
  const answering = (status: number, body: object) => {
    const bodies: string[] = [];
    const deps = {
      secrets: new KnownSecrets(),
      http: {
        request: async (req: { url: string; body?: string }): Promise<HttpResponse> => {
          bodies.push(String(req.body));
          return { url: req.url, status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), elapsedMs: 1 } as HttpResponse;
        },
      },
    };
    return { deps, bodies };
  };
  const client = { client_id: 'app', client_secret: 's3cret-value' };
  const grant = authorizationCodeGrant({ code: 'one-time-code', redirectUri: 'http://127.0.0.1:1/cb' });

  it.each([
    ['invalid_client', 401, { error: 'invalid_client' }, 2],
    ['a 401 without a code', 401, {}, 2],
    ['a 401 with invalid_grant: the code is spent, not resent', 401, { error: 'invalid_grant' }, 1],
    ['invalid_grant', 400, { error: 'invalid_grant' }, 1],
    ['unauthorized_client: the client authenticated', 401, { error: 'unauthorized_client' }, 1],
  ])('%s: %d answers → %d request(s)', async (_name, status, body, requests) => {
    const { deps, bodies } = answering(status, body);
    const trial = await tryMethods(tokenEndpointFor('http://127.0.0.1:1/token', grant), grant, client, ['client_secret_basic', 'client_secret_post'], deps, 1000);
    expect(bodies).toHaveLength(requests);
    expect(trial.attempts.map((a) => a.auth_method)).toEqual(['client_secret_basic', 'client_secret_post'].slice(0, requests));
  });
});

describe('discovery locations and issuer templates (review of issue 13)', () => {
  it('reads the RFC 8414 segment only as a whole path segment', async () => {
    const { discoveryLocations } = await import('../../src/oidc/discovery.js');
    expect(discoveryLocations('https://a.example/.well-known/oauth-authorization-server/t1').issuer).toBe('https://a.example/t1');
    expect(discoveryLocations('https://a.example/.well-known/oauth-authorization-server-x').urls).toHaveLength(2);
  });

  it('matches a tenant template only with one placeholder, a plain tenant, and the token\'s tid', async () => {
    const { issuerMatches } = await import('../../src/oidc/issuer.js');
    const template = 'https://login.example/{tenantid}/v2.0';
    expect(issuerMatches('https://login.example/t-1/v2.0', template, { tid: 't-1' }, { token: true })).toMatchObject({ match: true, tenant: 't-1' });
    expect(issuerMatches('https://login.example/t-1/v2.0', template, {}, { token: true }).match).toBe(false);
    expect(issuerMatches('https://login.example/../v2.0', template, { tid: '..' }, { token: true }).match).toBe(false);
    expect(issuerMatches('https://login.example/a%2Fb/v2.0', template, { tid: 'a%2Fb' }, { token: true }).match).toBe(false);
    expect(issuerMatches('https://a/X/b/', 'https://a/{tenant}/b/{tenant}/c', { tid: 'X' }, { token: true }).match).toBe(false);
  });
});

describe('signature lengths (review of issue 13)', () => {
  const jws = (alg: string, sig: Buffer) => `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.${sig.toString('base64url')}`;
  it('accepts Ed448 and tells a DER-encoded ECDSA signature from a cut one', async () => {
    const { parseToken } = await import('../../src/token/parse.js');
    expect(parseToken(jws('EdDSA', Buffer.alloc(114, 1))).signatureProblem).toBeUndefined();
    expect(parseToken(jws('ES256', Buffer.concat([Buffer.from([0x30, 0x45]), Buffer.alloc(69, 1)]))).signatureProblem).toMatch(/DER \(ASN\.1\)/);
    expect(parseToken(jws('ES256', Buffer.alloc(50, 1))).signatureProblem).toMatch(/cut/);
  });
});

describe('a discovery redirect loop', () => {
  it('stops at once, and no finding says the document is served somewhere', async () => {
    const { discover } = await import('../../src/oidc/discovery.js');
    const seen: string[] = [];
    const http = {
      request: async (req: { url: string }): Promise<HttpResponse> => {
        seen.push(req.url);
        return { url: req.url, status: 301, headers: { location: req.url }, body: '', elapsedMs: 1 };
      },
    };
    const result = await discover('https://idp.example.test', { http }, 1000);
    expect(result.value).toBeUndefined();
    expect(seen).toHaveLength(2);
    expect(result.findings.some((f) => /is served at/.test(f.title))).toBe(false);
  });
});
