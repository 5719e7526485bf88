/**
 * Property-based: decode and explain never crash, whatever they are given. Exit 0, 1 or 2;
 * never a stack trace; exit 2 comes with one line; --json is always one JSON document.
 * Many cases run in-process through main(); a smaller sample runs the built CLI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { runCli, STACK_TRACE } from '../helpers/cli.js';
import { fakeDeps } from '../helpers/in-process.js';

// A fixed seed keeps CI deterministic; FC_SEED=<n> npm run test:hardening explores other cases.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v) ?? 'null').toString('base64url');

/** Tokens of every shape: arbitrary text, token-alphabet strings, JWT-shaped with hostile parts. */
const tokenish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.stringMatching(/^[A-Za-z0-9._~+/=-]{0,400}$/),
  fc.tuple(fc.jsonValue(), fc.jsonValue(), fc.string({ maxLength: 40 })).map(([h, p, s]) => `${b64(h)}.${b64(p)}.${s}`),
  fc.tuple(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue()), fc.dictionary(fc.constantFrom('exp', 'iat', 'nbf', 'aud', 'iss', 'auth_time'), fc.jsonValue()))
    .map(([h, p]) => `${b64({ alg: 'RS256', ...h })}.${b64(p)}.c2ln`),
  fc.tuple(fc.constantFrom('exp', 'iat', 'nbf'), fc.oneof(fc.double(), fc.integer(), fc.constant(1e300), fc.constant(-1e20)))
    .map(([k, v]) => `${b64({ alg: 'HS256' })}.${b64({ [k]: v })}.c2ln`),
  fc.nat({ max: 200_000 }).map((n) => `eyJhbGciOiJIUzI1NiJ9.${'A'.repeat(n)}.sig`),
  fc.string({ maxLength: 200 }).map((s) => `Bearer ${s}\r\n${s}`),
  fc.constantFrom('eyJ', 'eyJ.eyJ.', '....', 'eyJhbGciOiJub25lIn0..', '"', "''", 'Authorization:', '{"access_token": 5}', '{"id_token": "eyJ"}'),
);

/** Errors of every shape: text, JSON (deeply nested too), HTTP-response-like, challenges, URLs. */
const errorish = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc.nat({ max: 5000 }).map((n) => `${'{"error":'.repeat(n)}"x"${'}'.repeat(n)}`),
  fc.nat({ max: 5000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 60 })), fc.string({ maxLength: 300 }))
    .map(([status, headers, body]) => `HTTP/1.1 ${status} X\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`),
  fc.string({ maxLength: 300 }).map((s) => `WWW-Authenticate: Bearer ${s}`),
  fc.string({ maxLength: 200 }).map((s) => `https://app.example/cb?error=${s}&error_description=${s}`),
  fc.dictionary(fc.constantFrom('error', 'error_description', 'error_codes', 'errors', 'type', 'code', 'message', 'data', 'ok', 'status', 'errorCode'), fc.jsonValue())
    .map((o) => JSON.stringify(o)),
  fc.string({ maxLength: 100 }).map((s) => `InternalOAuthError: Failed to obtain access token\n    at x (y.js:1:2)\n  oauthError: { statusCode: 401, data: '${s}' }`),
);

async function check(args: string[], stdin?: string) {
  const { deps, stdout, stderr } = fakeDeps({ stdin });
  const started = performance.now();
  const code = await main(args, deps);
  const elapsed = performance.now() - started;
  expect([0, 1, 2]).toContain(code);
  expect(stderr()).not.toMatch(STACK_TRACE);
  expect(stderr()).not.toMatch(/internal error, please report/);
  // A bare `oauth-doctor` shows the whole help on stderr (exit 2); every other usage error is one line.
  if (code === 2 && args.length > 0) {
    expect(stderr()).toMatch(/^oauth-doctor: .+\n$/);
    expect(stderr().trim().split('\n')).toHaveLength(1);
  }
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (options.includes('--json')) expect(() => JSON.parse(stdout())).not.toThrow();
  expect(elapsed).toBeLessThan(1000);
}

describe('decode never crashes', () => {
  it('on arbitrary tokens given as an argument, text and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(tokenish, fc.boolean(), async (token, asJson) => {
        await check(['decode', ...(asJson ? ['--json'] : []), '--', token]);
      }),
      { numRuns: 400 },
    );
  });
  it('on arbitrary tokens on standard input', async () => {
    await fc.assert(fc.asyncProperty(tokenish, async (token) => check(['decode', '--json'], token)), { numRuns: 200 });
  });
});

describe('explain never crashes', () => {
  it('on arbitrary errors given as an argument, text and JSON', async () => {
    await fc.assert(
      fc.asyncProperty(errorish, fc.boolean(), async (text, asJson) => {
        await check(['explain', ...(asJson ? ['--json'] : []), '--', text]);
      }),
      { numRuns: 400 },
    );
  });
  it('on arbitrary errors on standard input', async () => {
    await fc.assert(fc.asyncProperty(errorish, async (text) => check(['explain', '--json'], text)), { numRuns: 200 });
  });
});

// Issue 14: what a server or a token says must not drive the terminal, in text or JSON.
const DRIVES_TERMINAL = /[\u001b\u0007\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const hostile = fc
  .array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('\u001b]0;TITLE\u0007', '\u001b[2J', '\u001b]8;;https://evil.example\u001b\\', '\u009b31m', '\u202eevil', '\u2066x\u2069', '\u2028', '\u2029', '\u0085')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

describe('nothing a token or a server says drives the terminal', () => {
  it('decode, text and JSON, with hostile claim names, values, header and kid', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (name, value, kid) => {
        const token = `${b64({ alg: 'HS256', kid, typ: value })}.${b64({ [name]: value, sub: value, iss: name, exp: 2_000_000_000 })}.${Buffer.alloc(32).toString('base64url')}`;
        for (const json of [false, true]) {
          const { deps, stdout, stderr } = fakeDeps();
          await main(['decode', ...(json ? ['--json'] : []), '--show-tokens', token], deps);
          expect(stdout()).not.toMatch(DRIVES_TERMINAL);
          expect(stderr()).not.toMatch(DRIVES_TERMINAL);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('explain, text and JSON, with hostile error bodies', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (code, description) => {
        const input = JSON.stringify({ error: code, error_description: description, [description]: code });
        for (const json of [false, true]) {
          const { deps, stdout, stderr } = fakeDeps();
          await main(['explain', ...(json ? ['--json'] : []), input], deps);
          expect(stdout()).not.toMatch(DRIVES_TERMINAL);
          expect(stderr()).not.toMatch(DRIVES_TERMINAL);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('flags never crash', () => {
  it('on arbitrary argv', async () => {
    const flag = fc.constantFrom('--json', '--file', '--issuer', '--jwks-uri', '--key', '--secret-env', '--audience', '--clock-tolerance', '--timeout', '--bogus', '-f', '--', '-');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('decode', 'explain', 'decdoe', ''), fc.array(fc.oneof(flag, fc.string({ maxLength: 30 })), { maxLength: 6 }), async (command, rest) => {
        await check([command, ...rest].filter((a) => a !== ''), 'invalid_client');
      }),
      { numRuns: 300 },
    );
  });
});

describe('login and probe flags never crash', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('http://127.0.0.1:9', 'https://idp.example.test', 'not a url', '-1', '0', '65536', '8000,18000', 'key=value', '=x', '/callback', 'ftp://x', ''),
  );
  const loginFlags = fc.constantFrom(
    '--issuer', '--authorization-endpoint', '--token-endpoint', '--jwks-uri', '--client-id', '--client-secret-env', '--client-secret-stdin',
    '--auth-method', '--scope', '--param', '--no-pkce', '--host', '--port', '--callback-path', '--redirect-uri', '--no-open', '--browser',
    '--timeout', '--login-timeout', '--request-timeout', '--clock-tolerance', '--show-tokens', '--save', '--ca', '--json', '--bogus',
  );
  const probeFlags = fc.constantFrom(
    '--issuer', '--config', '--name', '--client-id', '--client-secret-env', '--scope', '--param', '--token-endpoint', '--redirect-uri',
    '--refresh-token-env', '--resource', '--token-env', '--check', '--expect-auth-method', '--concurrency', '--timeout', '--max-time',
    '--strict', '--junit', '--json', '--bogus',
  );
  it.each([
    ['login', loginFlags],
    ['probe', probeFlags],
  ] as const)('%s on arbitrary flags', async (command, flags) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(flags, value), { maxLength: 6 }), fc.boolean(), async (pairs, withIssuer) => {
        const args = [command, ...(withIssuer ? ['--issuer', 'http://127.0.0.1:9', '--client-id', 'a'] : []), ...pairs.flat()];
        await check(args);
      }),
      { numRuns: 250 },
    );
  });
});

describe('the built CLI on a sample of the same inputs', () => {
  it('exits 0, 1 or 2 without a stack trace', async () => {
    const samples = [
      ...fc.sample(tokenish, { numRuns: 12, seed: 7 }).map((t) => ['decode', '--json', '--', t]),
      ...fc.sample(errorish, { numRuns: 12, seed: 7 }).map((t) => ['explain', '--json', '--', t]),
    ];
    for (const args of samples) {
      const r = await runCli(args);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
  });

  it('decode refuses 10 MB on standard input quickly, with one line', async () => {
    const started = Date.now();
    const r = await runCli(['decode'], { input: Buffer.alloc(10 * 1024 * 1024, 'a') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: standard input is larger than 1024 KiB/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('explain reads 10 MB of one line on standard input as a log, quickly, and finds no error in it', async () => {
    const started = Date.now();
    const r = await runCli(['explain', '--json'], { input: Buffer.alloc(10 * 1024 * 1024, 'a') });
    expect(r.code).toBe(0);
    expect(r.json().log).toMatchObject({ lines: 1, bytes: 10 * 1024 * 1024, groups: [] });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
