/**
 * `explain` on what comes in next: the cases issue 11 quotes (each the class its thread
 * established, no provider named that the input does not show), codes read wherever they are,
 * context deciding between readings, honesty when the evidence is thin, and exit codes that mean
 * something. Run through the built CLI, as a user would.
 */
import { describe, expect, it } from 'vitest';
import { runCli as spawnCli } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';

interface Expect {
  input: string;
  /** The first finding's id. */
  first: string;
  /** Words no title may carry (a provider the input does not show). */
  notNamed?: string[];
  /** Ids that must also be listed. */
  also?: string[];
  /** Ids that must not be listed at all. */
  never?: string[];
  /** Codes the input must be read as carrying. */
  codes?: string[];
}

const titles = (findings: Array<{ title: string }>) => findings.map((f) => f.title).join(' | ');

async function check(c: Expect) {
  const r = await runCli(['explain', '--json'], { input: c.input });
  const out = r.json();
  const ids: string[] = out.findings.map((f: { id: string }) => f.id);
  expect(ids[0], `${c.input}\n→ ${ids.join(', ')}: ${titles(out.findings)}`).toBe(c.first);
  for (const name of c.notNamed ?? []) expect(titles(out.findings)).not.toMatch(new RegExp(`\\b${name}\\b`, 'i'));
  for (const id of c.also ?? []) expect(ids).toContain(id);
  for (const id of c.never ?? []) expect(ids).not.toContain(id);
  for (const code of c.codes ?? []) expect(out.input.codes).toContain(code);
  expect(r.code).toBe(c.first === 'success' ? 0 : 1);
  return out;
}

describe.concurrent('explain: the cases the issue quotes', () => {
  it.each<[string, Expect]>([
    ['a Spotify code refusal is not titled Auth0', { input: '{"error":"invalid_grant","error_description":"Invalid authorization code"}', first: 'authorization_code_rejected', notNamed: ['Auth0'] }],
    ['a refresh failure is not titled Keycloak', { input: '{"error":"invalid_grant","error_description":"Invalid refresh token"}', first: 'refresh_token_rejected', notNamed: ['Keycloak'] }],
    ['Salesforce invalid_client_id is not titled Slack', { input: '{"error":"invalid_client_id","error_description":"client identifier invalid"}', first: 'invalid_client', notNamed: ['Slack'] }],
    [
      'a service-account clock skew is clocks, not a fresh code',
      { input: '{"error":"invalid_grant","error_description":"Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."}', first: 'clock_skew', notNamed: ['Google'] },
    ],
    [
      'AADSTS650053 inside invalid_client is the scope, not the secret',
      { input: '{"error":"invalid_client","error_description":"AADSTS650053: The application \'web\' asked for scope \'Files.ReadWrite.Everything\' that doesn\'t exist on the resource \'00000003-0000-0000-c000-000000000000\'."}', first: 'invalid_scope' },
    ],
    ['Token used too early', { input: 'Token used too early, 1691058380 < 1691058403', first: 'clock_skew' }],
    ['oidc: token is expired', { input: 'oidc: token is expired', first: 'expired_token' }],
    ['x509: certificate signed by unknown authority', { input: 'x509: certificate signed by unknown authority', first: 'network_error' }],
    ['csrf_detected', { input: 'csrf_detected', first: 'state_mismatch' }],
    ['a 403 whose description names the expiry is the expiry', { input: 'HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nJwt is expired', first: 'expired_token' }],
  ])('%s', async (_name, c) => {
    await check(c);
  });
});

describe.concurrent('explain: codes wherever they are, and only codes', () => {
  it.each<[string, Expect]>([
    ['status: code', { input: '403: insufficient_scope', first: 'insufficient_scope', codes: ['insufficient_scope'] }],
    ['a library error class before the code', { input: 'OAuth2RequestError: invalid_request', first: 'invalid_request', codes: ['invalid_request'] }],
    ['an Okta code inside a Java exception message', { input: 'com.okta.sdk.resource.ResourceException: HTTP 401, Okta E0000011 (Invalid token provided), ErrorId oaeXYZ', first: 'invalid_token', codes: ['okta:E0000011'] }],
    ['a Flutter PlatformException', { input: 'PlatformException(token_failed, Failed to get token: invalid_grant: Invalid authorization code, null, null)', first: 'authorization_code_rejected', codes: ['invalid_grant'] }],
    ['a Ruby OAuth2::Error', { input: 'OAuth2::Error, invalid_grant: The provided authorization grant is invalid, expired or revoked', first: 'authorization_code_rejected', codes: ['invalid_grant'], also: ['refresh_token_rejected'] }],
    ['a Python exception tuple', { input: "AuthorizationError: ('invalid_client', 'Client authentication failed.')", first: 'invalid_client', codes: ['invalid_client'], notNamed: ['passport'] }],
    ['a key=value log field', { input: 'time="2024-05-01T10:00:00Z" level=warn msg="token request failed" error="invalid_client_credentials"', first: 'invalid_client', codes: ['invalid_client_credentials'] }],
    [
      'Keycloak event fields: reason and grant_type',
      { input: 'WARN [org.keycloak.events] type=REFRESH_TOKEN_ERROR, realmId=acme, clientId=web, error=invalid_token, reason="Invalid refresh token", grant_type="refresh_token"', first: 'refresh_token_rejected' },
    ],
    ['escaped JSON inside a log line', { input: 'time=2024-05-01T10:00:00Z level=error msg="exchange failed: {\\"error\\": \\"unauthorized_client\\", \\"error_description\\": \\"grant not allowed\\"}"', first: 'unauthorized_client', codes: ['unauthorized_client'] }],
    ['a Python repr', { input: "{u'errors': [{u'errorType': u'expired_token', u'message': u'Access token expired'}], u'success': False}", first: 'expired_token', codes: ['expired_token'], never: ['device_code_expired'] }],
    ["Node's printed error properties", { input: "TokenError: Client authentication failed\n    at OAuth2Strategy.parseErrorResponse (/app/node_modules/passport-oauth2/lib/strategy.js:373:12) {\n  code: 'invalid_client',\n  uri: undefined,\n  status: 500\n}", first: 'invalid_client', codes: ['invalid_client'] }],
    ['a code nobody has an entry for, read by its words (camel case)', { input: '{"error":"UnauthorizedClientApplicationDisabled"}', first: 'unauthorized_client' }],
    ['a code nobody has an entry for, read by its words (snake case)', { input: '{"error":"refresh_token_reused","error_description":"This refresh token was already used"}', first: 'refresh_token_rejected' }],
    ['a provider code without the provider shown is read by its words, and the provider not named', { input: '{"ok":false,"error":"bad_client_secret"}', first: 'invalid_client', notNamed: ['Slack'] }],
    [
      "Go's oauth2 error with the response",
      { input: 'oauth2: cannot fetch token: 401 Unauthorized\nResponse: {"error":"invalid_client","error_description":"Invalid client secret"}', first: 'invalid_client', codes: ['invalid_client'] },
    ],
  ])('%s', async (_name, c) => {
    await check(c);
  });

  it('takes no ordinary word for a code: Uncaught, Bad, Invalid, Error, RPError, The, map, null, MainThread', async () => {
    const r = await runCli(['explain', '--json'], { input: 'Exception in thread MainThread: Uncaught RPError: Bad thing. Error: Invalid value; The map was null' });
    const codes: string[] = r.json().input.codes;
    for (const word of ['Uncaught', 'Bad', 'Invalid', 'Error', 'RPError', 'The', 'map', 'null', 'MainThread']) expect(codes).not.toContain(word);
  });

  it('a bare AuthorizationError does not make the input a passport error', async () => {
    const r = await runCli(['explain', '--json'], { input: 'AuthorizationError: The user denied access' });
    expect(titles(r.json().findings)).not.toMatch(/passport/i);
    expect(r.json().findings[0].id).toBe('access_denied');
  });
});

describe.concurrent('explain: context decides', () => {
  it('invalid_grant while refreshing is the refresh token', async () => {
    await check({ input: "google.auth.exceptions.RefreshError: ('invalid_grant: Bad Request', {'error': 'invalid_grant', 'error_description': 'Bad Request'})", first: 'refresh_token_rejected' });
  });

  it('invalid_grant with nothing to say which: both readings, and how to tell', async () => {
    const out = await check({ input: '{"error":"invalid_grant"}', first: 'authorization_code_rejected', also: ['refresh_token_rejected'] });
    expect(out.findings[0].detail).toMatch(/grant_type/);
  });

  it("passport's own statusCode 500 is not the provider's status", async () => {
    const out = await check({ input: "TokenError: Invalid authorization code\n    at OAuth2Strategy.parseErrorResponse (/app/node_modules/passport-oauth2/lib/strategy.js:373:12) {\n  code: 'invalid_grant',\n  status: 500\n}", first: 'authorization_code_rejected', never: ['server_error'] });
    expect(out.input.status).toBeNull();
  });
});

describe.concurrent('explain: honest when the evidence is thin', () => {
  it("oauthlib's catch-all is invalid_token with the possibilities, not an expiry", async () => {
    const out = await check({
      input: 'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token provided is expired, revoked, malformed, or invalid for other reasons."',
      first: 'invalid_token',
      never: ['expired_token'],
    });
    expect(out.findings[0].causes.join(' ')).toMatch(/expired/);
  });

  it('a 403 with an empty body and no challenge does not claim the credentials were valid; it says how to tell', async () => {
    const out = await check({ input: 'HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n', first: 'unknown' });
    expect(out.findings[0].detail).toMatch(/does not prove the credentials were good/);
    expect(out.findings[0].fixes.join(' ')).toMatch(/Tell the cases apart/);
  });

  it("a token endpoint's 401 with Bearer error=\"invalid_client\" is client authentication, not a missing bearer token", async () => {
    await check({
      input: 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_client"\r\nContent-Type: application/json\r\n\r\n{"error": "invalid_client"}',
      first: 'invalid_client',
      never: ['invalid_token'],
    });
  });

  it("an authorization endpoint's HTML error page is read for its message", async () => {
    await check({
      input: 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n\r\n<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Sorry...</h1><p>Invalid client_id parameter value.</p></body></html>',
      first: 'invalid_client',
      never: ['wrong_endpoint'],
    });
  });

  it('a 5xx ranks above "HTML instead of JSON" when the HTML is the 5xx page', async () => {
    await check({ input: 'HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\n\r\n<html><head><title>Bad gateway</title></head><body>upstream failed</body></html>', first: 'server_error', never: ['wrong_endpoint'] });
  });

  it('a redirect_uri mismatch does not also get the general invalid_request', async () => {
    await check({ input: '{"error":"invalid_request","error_description":"The redirect_uri does not match the registered redirect URIs"}', first: 'redirect_uri_mismatch', never: ['invalid_request'] });
  });
});

describe.concurrent('explain: every code the tool itself speaks', () => {
  it.each<[string, Expect]>([
    ['its own finding id', { input: 'login_timeout', first: 'login_timeout' }],
    ['authorization_pending', { input: '{"error":"authorization_pending"}', first: 'authorization_pending' }],
    ['slow_down', { input: '{"error":"slow_down"}', first: 'slow_down' }],
    ['expired_token from the device flow', { input: '{"error":"expired_token","error_description":"The device code has expired"}', first: 'device_code_expired' }],
    ['invalid_dpop_proof', { input: 'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"error":"invalid_dpop_proof"}', first: 'invalid_dpop_proof' }],
    ['use_dpop_nonce', { input: 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: DPoP error="use_dpop_nonce"\r\nDPoP-Nonce: n-0S6_WzA2Mj\r\n\r\n', first: 'use_dpop_nonce' }],
    ['a nonce mismatch', { input: 'nonce mismatch, expected "abc", got: "xyz"', first: 'nonce_mismatch' }],
  ])('%s', async (_name, c) => {
    await check(c);
  });

  it('recognises a successful token response as success: exit 0', async () => {
    const out = await check({ input: '{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln","token_type":"Bearer","expires_in":3600}', first: 'success' });
    expect(JSON.stringify(out)).not.toContain('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0');
  });
});

describe.concurrent('explain: exit 1 whenever the input describes a failure', () => {
  it.each([
    ['a rate limit', 'HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\n\r\n', 'rate_limited'],
    ['a 5xx', 'HTTP/1.1 503 Service Unavailable\r\n\r\n', 'server_error'],
    ['a wrapped library error', 'InternalOAuthError: Failed to obtain access token', 'wrapped_token_error'],
    ['unrecognised error-shaped input', 'Error: something went wrong while signing in (code 7)', 'unknown'],
  ])('%s', async (_name, input, first) => {
    await check({ input, first });
  });
});

describe('explain: the wording of an error no entry knows', () => {
  it('says which cause the words are closest to, as a reading of the wording, and the next one', async () => {
    const r = await runCli(['explain', '--json'], { input: 'Upload failed: callback address sent by the app differs from the one configured for this app' });
    const out = r.json();
    expect(r.code).toBe(1);
    const first = out.findings[0];
    expect(first.id).toBe('redirect_uri_mismatch');
    expect(first.severity).toBe('warning');
    expect(first.title).toMatch(/^Possibly: .*\(read from the wording; not a known error\)$/);
    expect(first.detail).toMatch(/No known error matched this text/);
    expect(first.evidence.reading).toBe('wording');
    expect(first.evidence.words.length).toBeGreaterThan(0);
    expect(out.findings.map((f: { id: string }) => f.id)).toContain('unknown');
  });

  it('works in the built CLI, which reads the shipped model (dist/word-model.json): the reading on stdout, exit 1', async () => {
    const input = 'Upload failed: callback address sent by the app differs from the one configured for this app';
    const r = await spawnCli(['explain'], { input });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Possibly: .*\(read from the wording; not a known error\)\s+\[redirect_uri_mismatch\]/);
    expect(r.stdout).toMatch(/Not recognised/);
    expect(r.stderr).not.toMatch(/Error|at /);
  });

  it('does not guess from a text with too few telling words, nor over a general triage entry', async () => {
    for (const input of ['Error: something went wrong while signing in (code 7)', 'HTTP/1.1 403 Forbidden\r\n\r\n']) {
      const out = (await runCli(['explain', '--json'], { input })).json();
      expect(out.findings.filter((f: { evidence: { reading?: string } }) => f.evidence.reading === 'wording'), input).toEqual([]);
      expect(out.findings[0].id).toBe('unknown');
    }
  });

  it('is not used on a log, where unknown lines are left out', async () => {
    const line = (n: number) => `2026-12-01T10:00:0${n}Z ERROR upload failed: callback address sent by the app differs from the one configured for this app`;
    const out = (await runCli(['explain', '--json', '--log'], { input: [1, 2, 3].map(line).join('\n') })).json();
    expect(JSON.stringify(out)).not.toMatch(/read from the wording/);
  });
});
