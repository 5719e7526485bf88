/**
 * The library API (src/api/): explain() reads an error in the shapes applications hold it, decode()
 * is the decode command's core, both give what `--json` prints, and the Express handler logs one
 * redacted paragraph per distinct cause and passes the error on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { decode, explain, FINDING_IDS, oauthErrorHandler, type DecodeResult, type ExplainResult, type Finding } from '../src/api/index.js';
import type { DecodeResult as DecodeCommandResult } from '../src/commands/decode/run.js';
import type { ExplainResult as ExplainCommandResult } from '../src/commands/explain/run.js';
import type { Finding as InternalFinding } from '../src/findings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = `${root}bin/oauth-doctor.js`;
const cliJson = (...args: string[]) => JSON.parse(spawnSync(process.execPath, [bin, ...args, '--json'], { env: { ...process.env, NO_COLOR: '1' } }).stdout.toString());

/** passport-oauth2's InternalOAuthError as lib/errors/internaloautherror.js builds it. */
function internalOAuthError(statusCode: number, data: string): Error {
  const err = new Error('Failed to obtain access token') as Error & { oauthError: unknown };
  err.name = 'InternalOAuthError';
  err.oauthError = { statusCode, data };
  return err;
}

/** passport-oauth2's TokenError: the provider's error in `code`, error_uri in `uri`, and status 500 whatever the provider said. */
function tokenError(message: string, code: string, uri?: string): Error {
  const err = new Error(message) as Error & { code: string; uri?: string; status: number };
  err.name = 'TokenError';
  err.code = code;
  err.uri = uri;
  err.status = 500;
  return err;
}

describe('the public types', () => {
  it('are the very documents --json prints', () => {
    expectTypeOf<ExplainResult>().toEqualTypeOf<ExplainCommandResult>();
    expectTypeOf<DecodeResult>().toEqualTypeOf<DecodeCommandResult>();
    expectTypeOf<Finding>().toEqualTypeOf<InternalFinding>();
    expect(Object.keys(FINDING_IDS)).toContain('wrapped_token_error');
  });
});

describe('explain(input)', () => {
  it('a string gives what `oauth-doctor explain --json` prints', async () => {
    const text = 'InternalOAuthError: Failed to obtain access token (status: 400 data: { "error": "invalid_client" })';
    expect(await explain(text)).toEqual(cliJson('explain', text));
  });

  it("passport's InternalOAuthError: the provider's status and body it hides in oauthError", async () => {
    const r = await explain(internalOAuthError(401, '{"error":"invalid_client","error_description":"Client authentication failed"}'));
    expect(r.findings.map((f) => f.id)).toEqual(['invalid_client', 'wrapped_token_error']);
    expect(r.input).toMatchObject({ status: 401, codes: expect.arrayContaining(['invalid_client', 'passport:InternalOAuthError']) });
    expect(r.ok).toBe(false);
  });

  it("passport's TokenError: its code, not its default status 500", async () => {
    const r = await explain(tokenError('Invalid authorization code', 'invalid_grant', 'https://idp.example.com/docs/errors#invalid_grant'));
    expect(r.findings[0]?.id).toBe('authorization_code_rejected');
    expect(r.input.status).toBeNull();
  });

  it('an Error with a cause chain: the network error fetch wraps', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8082'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
    const r = await explain(new Error('token request failed', { cause: new TypeError('fetch failed', { cause: refused }) }));
    expect(r.findings[0]?.id).toBe('network_error');
  });

  it('a fetch Response, read from a clone: the caller can still read its body', async () => {
    const response = new Response('{"error":"invalid_grant","error_description":"refresh token revoked","grant_type":"refresh_token"}', {
      status: 400,
      statusText: 'Bad Request',
      headers: { 'content-type': 'application/json' },
    });
    const r = await explain(response);
    expect(r.input).toMatchObject({ form: 'http', status: 400, codes: ['invalid_grant'] });
    expect(r.findings[0]?.id).toBe('refresh_token_rejected');
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it("an undici Response from a real server, its WWW-Authenticate challenge read", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/me`);
      const r = await explain(response);
      expect(r.input).toMatchObject({ status: 401, www_authenticate: { scheme: 'Bearer', params: { error: 'invalid_token' } } });
      expect(r.findings[0]?.id).toBe('expired_token');
    } finally {
      server.close();
    }
  });

  it('an axios error: err.response.status, .data (parsed) and .headers', async () => {
    const axiosError = Object.assign(new Error('Request failed with status code 400'), {
      name: 'AxiosError',
      isAxiosError: true,
      code: 'ERR_BAD_REQUEST',
      // What axios keeps, with the request's own secrets in it: they must not matter.
      config: { url: 'https://idp.example.com/oauth/token', headers: { Authorization: 'Basic bXktYXBwOnMzY3IzdA==' } },
      response: {
        status: 400,
        statusText: 'Bad Request',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        data: { error: 'redirect_uri_mismatch', error_description: 'The redirect_uri does not match' },
      },
    });
    const r = await explain(axiosError);
    expect(r.findings[0]?.id).toBe('redirect_uri_mismatch');
    expect(r.input.status).toBe(400);
    expect(JSON.stringify(r)).not.toContain('bXktYXBwOnMzY3IzdA');
  });

  it('scrubs the secrets it is given, in every encoding, from what it returns', async () => {
    const secret = 'Zx9-unusual-VALUE+7/';
    const err = internalOAuthError(401, JSON.stringify({ error: 'invalid_client', error_description: `unknown credentials my-app / ${secret} (${encodeURIComponent(secret)})` }));
    // A bare secret does not look like one: only naming it keeps it out.
    expect(JSON.stringify(await explain(err))).toContain(secret);
    const scrubbed = JSON.stringify(await explain(err, { secrets: [secret] }));
    expect(scrubbed).not.toContain(secret);
    expect(scrubbed).not.toContain(encodeURIComponent(secret));
    expect(scrubbed).toContain('[redacted, 20 chars]');
  });

  it('a parsed error body (a plain object)', async () => {
    expect((await explain({ error: 'invalid_scope', error_description: 'scope "admin" is not allowed' })).findings[0]?.id).toBe('invalid_scope');
  });
});

describe('decode(token, options)', () => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const secret = 'an-hs256-secret-of-32-bytes-long!';
  const signed = (claims: object) => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };

  it('judges the token at the time given, and verifies with a secret', async () => {
    const token = signed({ sub: 'api-test', iat: 1_700_000_000, exp: 1_700_003_600 });
    const fresh = await decode(`Bearer ${token}`, { secret, now: 1_700_000_600_000 });
    expect(fresh).toMatchObject({ ok: true, token: { kind: 'jws', claims: { sub: 'api-test' }, cleaned: [expect.stringContaining('Bearer')] }, verification: { signature_valid: true } });
    expect(fresh.token.value).toBeUndefined();
    const late = await decode(token, { now: 1_700_007_200_000 });
    expect(late.ok).toBe(false);
    expect(late.findings.map((f) => f.id)).toContain('expired_token');
  });

  it('gives the findings `oauth-doctor decode --json` gives', async () => {
    const token = signed({ sub: 'api-test', exp: 4_102_444_800 });
    const cli = cliJson('decode', token) as DecodeResult;
    const api = await decode(token);
    expect(api.findings).toEqual(cli.findings);
    expect({ ...api, now: undefined, token: { ...api.token, times: undefined } }).toEqual({ ...cli, now: undefined, token: { ...cli.token, times: undefined } });
  });

  it('rejects what is not a token with code ERR_INPUT', async () => {
    await expect(decode('   ')).rejects.toMatchObject({ code: 'ERR_INPUT' });
  });
});

describe('oauthErrorHandler', () => {
  const clientSecret = 'S3cr3t-client-value+/=';
  let provider: ReturnType<typeof createServer>;
  let app: ReturnType<typeof createServer>;
  let appUrl = '';
  const logged: string[] = [];
  const passedOn: unknown[] = [];

  beforeAll(async () => {
    // A token endpoint that refuses the client and echoes what it was sent (some do, in error_description).
    provider = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: `Client authentication failed for request ${body}` }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const tokenUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/token`;

    // The application: its callback exchanges the code as passport-oauth2 does and, on failure,
    // hands an InternalOAuthError to the error handlers, as Express would.
    const handler = oauthErrorHandler({ secrets: [clientSecret], log: (p) => logged.push(p) });
    const finalHandler = (err: unknown, _req: IncomingMessage, res: ServerResponse) => {
      passedOn.push(err);
      res.writeHead(500).end('login failed');
    };
    app = createServer(async (req, res) => {
      const code = new URL(req.url ?? '/', 'http://app').searchParams.get('code') ?? '';
      const answer = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'my-app', client_secret: clientSecret }),
      });
      const err = internalOAuthError(answer.status, await answer.text());
      handler(err, req, res, (e) => finalHandler(e, req, res));
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    provider.close();
    app.close();
  });

  it('logs one redacted paragraph per distinct cause and passes the error on unchanged', async () => {
    const first = await fetch(`${appUrl}/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz`);
    expect(first.status).toBe(500);
    await fetch(`${appUrl}/callback?code=another-code-value-1234&state=xyz`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^oauth-doctor \[invalid_client\] .+\. Fix: .+\(read: HTTP 401; invalid_client/);
    expect(passedOn).toHaveLength(2);
    expect((passedOn[0] as Error).name).toBe('InternalOAuthError');
    expect((passedOn[0] as { oauthError: { data: string } }).oauthError.data).toContain(encodeURIComponent(clientSecret));
    for (const secret of [clientSecret, encodeURIComponent(clientSecret), 'SplxlOBeZQQYbYS6WxSbIA']) expect(logged.join('\n')).not.toContain(secret);
  });

  it('logs nothing for an error that is not an OAuth one, and still passes it on', async () => {
    const seen: unknown[] = [];
    const lines: string[] = [];
    const err = new TypeError("Cannot read properties of undefined (reading 'map')");
    await new Promise<void>((resolve) => oauthErrorHandler({ log: (p) => lines.push(p) })(err, {}, {}, (e) => resolve(void seen.push(e))));
    expect(seen).toEqual([err]);
    expect(lines).toEqual([]);
  });
});

describe('importing the built library', () => {
  it('loads nothing but itself, has no side effects, and needs neither commander nor chalk', () => {
    const probe = `
      const before = process.listenerCount('exit') + process.listenerCount('beforeExit') + process.listenerCount('uncaughtException');
      const api = require(${JSON.stringify(`${root}dist/api.cjs`)});
      const loaded = () => Object.keys(require.cache).map((p) => p.replace(${JSON.stringify(root)}, ''));
      const atImport = loaded();
      const listeners = process.listenerCount('exit') + process.listenerCount('beforeExit') + process.listenerCount('uncaughtException') - before;
      api.explain('invalid_client').then((r) => process.stdout.write(JSON.stringify({ atImport, afterExplain: loaded(), listeners, id: r.findings[0].id })));`;
    const out = spawnSync(process.execPath, ['-e', probe]);
    expect(out.stderr.toString()).toBe('');
    const seen = JSON.parse(out.stdout.toString());
    expect(seen).toEqual({ atImport: ['dist/api.cjs'], afterExplain: ['dist/api.cjs'], listeners: 0, id: 'invalid_client' });
    // The ES module build is one file too: nothing of commander or chalk was bundled into either.
    for (const file of ['dist/api.cjs', 'dist/api.mjs']) {
      const text = execFileSync('cat', [`${root}${file}`]).toString();
      expect(text).not.toMatch(/node_modules\/(commander|chalk)\//);
      expect(text).not.toContain('CommanderError');
    }
  });
});
