/**
 * Network faults: each is a finding with exit 1, never a crash or a hang, and the run ends within
 * its timeout plus a margin. Small servers of the tests' own on 127.0.0.1 play the faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STACK_TRACE } from '../helpers/cli.js';
import { runInProcess as runCli } from '../helpers/in-process.js';
import { HTTP_BROWSER, type RunningProvider, startProvider } from '../helpers/provider.js';
import { json, startServer } from '../helpers/server.js';
import { makePki, startTlsIssuer, type Pki } from '../helpers/tls.js';
import { CONFIDENTIAL, SERVICE } from '../../scripts/demo/provider.mjs';

const MARGIN_MS = 4000;
let pki: Pki;
let provider: RunningProvider;
let faults: Awaited<ReturnType<typeof startServer>>;
const tls: Record<string, { issuer: string; close(): Promise<void> }> = {};

const tokenAnswer =
  (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, headers);
      res.end(body);
    });
  };

beforeAll(async () => {
  pki = makePki();
  for (const [name, pair] of Object.entries({ good: pki.good, wrongHost: pki.wrongHost, expired: pki.expired, selfSigned: pki.selfSigned })) {
    tls[name] = await startTlsIssuer(pair);
  }
  provider = await startProvider();
  faults = await startServer({
    '/slow/.well-known/openid-configuration': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 300);
      res.on('close', () => clearInterval(timer));
    },
    '/huge/.well-known/openid-configuration': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"issuer": "x", "padding": "${'a'.repeat(2 * 1024 * 1024)}"}`);
    },
    '/badjson/.well-known/openid-configuration': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"issuer": "http://127.0.0.1", "token_endpoint": ');
    },
    '/array/.well-known/openid-configuration': json([1, 2, 3]),
    '/token/array': tokenAnswer(200, '[]'),
    '/token/string': tokenAnswer(200, '"a token"'),
    '/token/number': tokenAnswer(200, '{"access_token": 12345, "token_type": "Bearer"}'),
    '/token/newlines': tokenAnswer(401, `{"error":"invalid_client","error_description":"x${'\n'.repeat(250_000)}"}`),
    '/token/deep': tokenAnswer(200, `{"access_token": "at-0123456789", "token_type": "Bearer", "x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
    '/token/deep-error': tokenAnswer(400, `{"error": "invalid_request", "x": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`),
    '/token/html': tokenAnswer(200, '<!DOCTYPE html><html><body>Sign in to continue</body></html>', { 'content-type': 'text/html' }),
    '/token/redirect': tokenAnswer(302, '', { location: 'https://login.example.test/' }),
    '/token/429': tokenAnswer(429, '', { 'retry-after': '120' }),
    '/token/503': tokenAnswer(503, 'Service Unavailable', { 'content-type': 'text/plain' }),
    '/token/reset': (req) => req.socket.destroy(),
    '/token/hang': () => {},
  });
});
afterAll(async () => {
  await Promise.all([provider.close(), faults.close(), ...Object.values(tls).map((t) => t.close())]);
});

async function timed(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = await runCli(args, { env, timeoutMs: 30_000 });
  return { ...r, elapsed: Date.now() - started };
}

function expectDiagnosis(r: Awaited<ReturnType<typeof timed>>, id: string, budgetMs: number) {
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.code).toBe(1);
  const ids = (r.json().findings as Array<{ id: string }>).map((f) => f.id);
  expect(ids).toContain(id);
  expect(r.elapsed).toBeLessThan(budgetMs + MARGIN_MS);
}

describe.concurrent('TLS faults', () => {
  it('a self-signed certificate: network_error that explains NODE_EXTRA_CA_CERTS and --ca', async () => {
    const r = await timed(['probe', '--json', '--issuer', tls.selfSigned!.issuer, '--timeout', '3']);
    expectDiagnosis(r, 'network_error', 3000);
    const f = r.json().findings[0];
    expect(f.title).toMatch(/not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    expect(f.fixes.join(' ')).toMatch(/--ca .*NODE_EXTRA_CA_CERTS/);
  });

  it('an unknown CA: network_error; with --ca the same server passes', async () => {
    const r = await timed(['probe', '--json', '--issuer', tls.good!.issuer, '--timeout', '3']);
    expectDiagnosis(r, 'network_error', 3000);
    expect(r.json().findings[0].title).toMatch(/not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    const trusted = await timed(['probe', '--json', '--issuer', tls.good!.issuer, '--timeout', '3', '--check', 'discovery', '--ca', pki.caFile]);
    expect(trusted.json().targets[0].checks[0].status).not.toBe('fail');
  });

  it('--ca adds to NODE_EXTRA_CA_CERTS, it does not drop it', async () => {
    const other = makePki();
    const r = await timed(['probe', '--json', '--issuer', tls.good!.issuer, '--timeout', '3', '--check', 'discovery', '--ca', other.caFile], { NODE_EXTRA_CA_CERTS: pki.caFile });
    expect(r.json().targets[0].checks[0].status).not.toBe('fail');
  });

  it('an expired certificate', async () => {
    const r = await timed(['probe', '--json', '--issuer', tls.expired!.issuer, '--timeout', '3', '--ca', pki.caFile]);
    expectDiagnosis(r, 'network_error', 3000);
    expect(r.json().findings[0].title).toMatch(/certificate has expired/);
  });

  it('a certificate for another host name', async () => {
    const r = await timed(['probe', '--json', '--issuer', tls.wrongHost!.issuer, '--timeout', '3', '--ca', pki.caFile]);
    expectDiagnosis(r, 'network_error', 3000);
    expect(r.json().findings[0].title).toMatch(/certificate is for another host name/);
  });
});

describe.concurrent('connection faults', () => {
  it('connection refused', async () => {
    expectDiagnosis(await timed(['probe', '--json', '--issuer', 'http://127.0.0.1:9', '--timeout', '3']), 'network_error', 3000);
  });

  it('a DNS name that does not resolve', async () => {
    const r = await timed(['probe', '--json', '--issuer', 'http://oauth-doctor-test.invalid', '--timeout', '3']);
    expectDiagnosis(r, 'network_error', 3000);
  });

  it('a server that answers one byte at a time, forever: the timeout fires', async () => {
    const r = await timed(['probe', '--json', '--issuer', `${faults.base}/slow`, '--timeout', '1']);
    expectDiagnosis(r, 'network_error', 1000);
    expect(r.json().findings[0].title).toMatch(/did not answer in time/);
  });

  it('a body over 1 MiB: reading stops, wrong_endpoint', async () => {
    expectDiagnosis(await timed(['probe', '--json', '--issuer', `${faults.base}/huge`, '--timeout', '5']), 'wrong_endpoint', 5000);
  });

  it('invalid JSON', async () => {
    expectDiagnosis(await timed(['probe', '--json', '--issuer', `${faults.base}/badjson`, '--timeout', '3']), 'wrong_endpoint', 3000);
  });

  it('JSON of the wrong shape (an array)', async () => {
    expectDiagnosis(await timed(['probe', '--json', '--issuer', `${faults.base}/array`, '--timeout', '3']), 'wrong_endpoint', 3000);
  });
});

describe.concurrent('token endpoint faults (client_credentials through probe)', () => {
  it.each([
    ['an array', 'array', 'wrong_endpoint'],
    ['a JSON string', 'string', 'wrong_endpoint'],
    ['access_token as a number', 'number', 'spec_deviation'],
    ['HTML', 'html', 'wrong_endpoint'],
    ['a redirect, not followed', 'redirect', 'wrong_endpoint'],
    ['429 with Retry-After', '429', 'rate_limited'],
    ['503', '503', 'server_error'],
    ['a reset connection', 'reset', 'network_error'],
    ['no answer at all', 'hang', 'network_error'],
  ])('%s', async (_name, path, id) => {
    const r = await timed(
      ['probe', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--token-endpoint', `${faults.base}/token/${path}`, '--check', 'client_credentials', '--timeout', '2'],
      { OAUTH_CLIENT_SECRET: SERVICE.client_secret },
    );
    expectDiagnosis(r, id, path === 'hang' ? 2 * 2000 : 2000);
    const f = r.json().findings.find((x: any) => x.id === id);
    if (id === 'rate_limited') expect(f.detail).toMatch(/wait 120 s/);
    if (id === 'server_error') expect(f.fixes.join(' ')).toMatch(/backoff/);
  });
});

describe('depth', () => {
  it.each([['a token response', 'deep', 0], ['an error answer', 'deep-error', 1]])('%s with a member 20 000 arrays deep is read, not a crash', async (_name, path, code) => {
    for (const json of [true, false]) {
      const r = await timed(
        ['probe', ...(json ? ['--json'] : []), '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--token-endpoint', `${faults.base}/token/${path}`, '--check', 'client_credentials'],
        { OAUTH_CLIENT_SECRET: SERVICE.client_secret },
      );
      expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
      expect(r.code).toBe(code);
    }
  });

  it('a JWT claim 8 000 levels deep is decoded, in text and JSON', async () => {
    const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    const token = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(`{"sub":"a","x":${deep}}`).toString('base64url')}.${Buffer.alloc(32).toString('base64url')}`;
    for (const json of [true, false]) {
      const r = await timed(['decode', ...(json ? ['--json'] : []), token]);
      expect(r.stderr).not.toMatch(/internal error|Maximum call stack/);
      expect(r.stdout).toContain('nested deeper than 32 levels');
    }
  });
});

describe('CPU-bound reading stays within the run\'s limits', () => {
  it('a 401 whose body holds 250 000 newlines is read at once, for both methods, within --max-time', async () => {
    const r = await timed(
      ['probe', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--token-endpoint', `${faults.base}/token/newlines`, '--check', 'client_credentials', '--timeout', '2', '--max-time', '5'],
      { OAUTH_CLIENT_SECRET: SERVICE.client_secret },
    );
    expect(r.elapsed).toBeLessThan(5000);
    const cc = r.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
    // Raw newlines inside a JSON string make it invalid JSON: both answers are bare 401s, read at once.
    expect(cc.summary).toBe('basic http_401, post http_401');
  });

  it('login against the same token endpoint tries both methods and ends in seconds', async () => {
    const r = await timed(
      ['login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--timeout', '2', '--token-endpoint', `${faults.base}/token/newlines`],
      { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    );
    expect(r.elapsed).toBeLessThan(10_000);
    expect(r.json().attempts.map((a: { status: number }) => a.status)).toEqual([401, 401]);
  });
});

describe('plain http to another host', () => {
  it('probe sends no client secret to a plain http:// token endpoint on another host', async () => {
    const r = await timed(
      ['probe', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id, '--token-endpoint', `${faults.base.replace('127.0.0.1', '[::ffff:127.0.0.1]')}/token/array`, '--check', 'client_credentials'],
      { OAUTH_CLIENT_SECRET: SERVICE.client_secret },
    );
    expect(r.code).toBe(1);
    const cc = r.json().targets[0].checks.find((c: { name: string }) => c.name === 'client_credentials');
    expect(cc).toMatchObject({ status: 'fail', summary: 'not sent: plain http:// to another host' });
  });
});
