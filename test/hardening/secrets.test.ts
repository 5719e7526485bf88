/**
 * The canary sweep: every command and mode runs against a server whose secrets are canaries (and
 * which echoes them back in its error messages); none may appear in stdout, stderr, JSON, JUnit,
 * the callback page or a report file, unless --show-tokens asks for tokens (never for credentials).
 */
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP_BROWSER, KEY_JWT, SECRET_JWT, startProvider, startTokenWrapper, type RunningProvider } from '../helpers/provider.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnLogin, STACK_TRACE } from '../helpers/cli.js';
import { CANARY, startCanaryProvider } from '../helpers/canary-provider.js';
import { walk } from '../../scripts/demo/http-browser.mjs';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-canary-'));
/** A DPoP private key kept from an earlier run (--dpop-key): its "d" is a canary. */
const DPOP_KEY = { kty: 'EC', crv: 'P-256', x: 'TkH_TeLtxpe5MsgHDjUD7nLRV1TId_a1kw3QAhNfI6M', y: 'Ec7G74DZiguX22M_OJirMkzc1BKpPwDMFznYagKWtUs', d: 'pYoimA7JJZpv1Fn_74WPgsYhlaz8Y75-sK6cPaE_NX0' };
const dpopKeyFile = join(dir, 'dpop.jwk');
writeFileSync(dpopKeyFile, JSON.stringify(DPOP_KEY), { mode: 0o600 });
let canary: Awaited<ReturnType<typeof startCanaryProvider>>;

beforeAll(async () => {
  canary = await startCanaryProvider();
});
afterAll(() => canary.close());

/** Every canary the run may have handled: fixed ones, and the verifiers and ID tokens seen by the server. */
function canaries(options: { tokens: boolean }) {
  const credentials = [CANARY.secret, CANARY.code, ...canary.seen.verifiers, ...canary.seen.proofs, DPOP_KEY.d];
  const tokens = [CANARY.access, CANARY.refresh, CANARY.rotated, ...canary.seen.idTokens];
  return options.tokens ? [...credentials, ...tokens] : credentials;
}

function expectClean(where: string, text: string, options = { tokens: true }) {
  for (const value of canaries(options)) {
    expect(text.includes(value), `${where} contains ${value.slice(0, 16)}…`).toBe(false);
    expect(text.includes(encodeURIComponent(value)), `${where} contains ${value.slice(0, 16)}… form-encoded`).toBe(false);
  }
}

const env = { OAUTH_CLIENT_SECRET: CANARY.secret };
const login = (args: string[]) => ['login', '--issuer', canary.issuer, '--browser', HTTP_BROWSER, '--login-timeout', '20', '--scope', 'openid offline_access', ...args];

describe('canary sweep', () => {
  it.each([
    ['login, text', ['--client-id', 'app'], 0],
    ['login, JSON', ['--client-id', 'app', '--json'], 0],
    ['login, --verbose JSON', ['--client-id', 'app', '--json', '--verbose'], 0],
    ['login, basic only', ['--client-id', 'app', '--auth-method', 'basic'], 0],
    ['login failure that echoes code and verifier, text', ['--client-id', 'fail-app'], 1],
    ['login failure that echoes code and verifier, JSON', ['--client-id', 'fail-app', '--json', '--verbose'], 1],
  ] as Array<[string, string[], number]>)('%s', async (_name, args, code) => {
    const r = await runCli(login(args), { env });
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expectClean('stdout', r.stdout);
    expectClean('stderr', r.stderr);
    if (args[0] === 'login') {
      // The key login generated and kept: its "d" is nowhere else.
      const kept = JSON.parse(readFileSync(join(dir, 'dpop-tokens.json.dpop.jwk'), 'utf8')) as { d: string };
      expect(r.stdout + r.stderr).not.toContain(kept.d);
    }
  });

  it.each([
    ['a long one', 'CANARYWRONGSECRET-77'],
    // URLSearchParams (client_secret_post) writes ! ' ( ) ~ as %21 %27 %28 %29 %7E: that form too.
    ['one with characters URLSearchParams encodes', "p@ss!w0rd~(1)x'yz"],
    ['a short one (7 characters)', 'Pa55wd7'],
    // The text output cuts error descriptions at 120 characters: this one is cut inside the secret.
    ['one the text output cuts in the middle', `CANARYCUT-${'k7Qw2Zr9'.repeat(12)}`],
  ])('login with a wrong secret that the server echoes back (decoded, in its header, in the raw body): %s', async (_name, secret) => {
    for (const json of [[], ['--json']]) {
      const r = await runCli(login(['--client-id', 'app', ...json]), { env: { OAUTH_CLIENT_SECRET: secret } });
      expect(r.code).toBe(1);
      const out = r.stdout + r.stderr;
      for (const form of [secret, encodeURIComponent(secret), new URLSearchParams([['', secret]]).toString().slice(1)]) expect(out).not.toContain(form);
      // Nor most of it: a long prefix of a secret is the secret.
      if (secret.length > 40) expect(out).not.toContain(secret.slice(0, 40));
    }
  });

  it('--save keeps the tokens and drops a secret, code or verifier the server echoed into its response', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'oauth-doctor-save-')), 'tokens.json');
    const r = await runCli(login(['--client-id', 'echo-app', '--json', '--save', file]), { env });
    expect(r.code).toBe(0);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain(CANARY.access);
    expect(saved).toContain('debug');
    expectClean('--save file', saved, { tokens: false });
  });

  it('the browser command\'s environment (it would inherit the variable that holds the secret)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-env-'));
    const dump = join(dir, 'env.json');
    const script = join(dir, 'browser.cjs');
    writeFileSync(script, "require('fs').writeFileSync(process.argv[2], JSON.stringify(process.env));\n");
    const browser = `${process.execPath} ${script} ${dump}`;
    const r = await runCli(['login', '--issuer', canary.issuer, '--client-id', 'app', '--browser', browser, '--login-timeout', '2'], { env: { ...env, OTHER_VAR: 'kept' } });
    expect(r.code).toBe(1);
    const seen = JSON.parse(readFileSync(dump, 'utf8')) as Record<string, string>;
    expect(seen.OTHER_VAR).toBe('kept');
    expect(seen.OAUTH_CLIENT_SECRET).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(CANARY.secret);
  });

  it('the callback page the browser shows', async () => {
    const l = spawnLogin(['--issuer', canary.issuer, '--client-id', 'fail-app', '--no-open', '--login-timeout', '20'], env);
    const result = await walk(await l.url);
    expect(result.delivered).toBe(true);
    expect(result.page).toContain('Sign-in failed');
    expectClean('callback page', result.page ?? '');
    const done = await l.done;
    expectClean('stdout', done.stdout);
    expectClean('stderr', done.stderr);
  });

  it('--save writes the tokens the user asked for, mode 0600, and never the credentials', async () => {
    const file = join(dir, 'tokens.json');
    const r = await runCli(login(['--client-id', 'app', '--save', file]), { env });
    expect(r.code).toBe(0);
    expectClean('stdout', r.stdout);
    expectClean('stderr', r.stderr);
    const saved = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(saved).toContain(CANARY.access);
    expectClean('saved file', saved, { tokens: false });
  });

  it.each([
    ['a login', ['--client-id', 'app'], 0],
    ['a login with --show-tokens (a report redacts tokens anyway)', ['--client-id', 'app', '--show-tokens'], 0],
    ['a failing login whose server echoes the code and verifier', ['--client-id', 'fail-app'], 1],
  ] as Array<[string, string[], number]>)('--report in every format, for %s', async (_name, args, code) => {
    for (const ext of ['md', 'html', 'har']) {
      const file = join(dir, `report-${args.length}-${code}.${ext}`);
      const r = await runCli(login([...args, '--report', file]), { env });
      expect(r.code).toBe(code);
      expectClean(`the .${ext} report`, readFileSync(file, 'utf8'));
    }
  });

  it('--show-tokens shows tokens, and still no credential', async () => {
    const r = await runCli(login(['--client-id', 'app', '--json', '--show-tokens']), { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(CANARY.access);
    expectClean('stdout', r.stdout, { tokens: false });
    expectClean('stderr', r.stderr, { tokens: false });
  });

  it('probe with JSON and JUnit: client secret, refresh token, access token', async () => {
    const junit = join(dir, 'probe.xml');
    const r = await runCli(
      ['probe', '--json', '--issuer', canary.issuer, '--client-id', 'app', '--refresh-token-env', 'RT', '--resource', `${canary.issuer}/api`, '--token-env', 'AT', '--junit', junit],
      { env: { ...env, RT: CANARY.refresh, AT: CANARY.access, GITHUB_ACTIONS: 'true' } },
    );
    expect(r.code).toBe(1); // the API refuses the token
    expectClean('stdout', r.stdout);
    expectClean('stderr', r.stderr);
    expectClean('JUnit', readFileSync(junit, 'utf8'));
  });

  it('a secret with &, quotes, backslash and % echoed back (plain and as a Basic header) stays out of text, JSON, JUnit and annotations', async () => {
    const secret = `Pa&ss'w0"rd\\canary%77<x>`;
    const forms = [secret, JSON.stringify(secret).slice(1, -1), secret.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;'), encodeURIComponent(secret)];
    const basic = Buffer.from(`app:${encodeURIComponent(secret)}`).toString('base64');
    const junit = join(dir, 'special.xml');
    for (const json of [[], ['--json']]) {
      const r = await runCli(['probe', ...json, '--issuer', canary.issuer, '--client-id', 'app', '--check', 'client_credentials', '--junit', junit], {
        env: { OAUTH_CLIENT_SECRET: secret, GITHUB_ACTIONS: 'true' },
      });
      expect(r.code).toBe(1);
      const written = [r.stdout, r.stderr, readFileSync(junit, 'utf8')].join('\n');
      for (const form of forms) expect(written.includes(form), `leaked as ${form}`).toBe(false);
      expect(written).not.toContain(basic);
      expect(written).not.toContain(basic.replace(/=+$/, ''));
    }
  });

  it('probe with a revoked refresh token the server echoes', async () => {
    const r = await runCli(['probe', '--json', '--issuer', canary.issuer, '--client-id', 'app', '--refresh-token-env', 'RT', '--check', 'refresh'], {
      env: { ...env, RT: 'CANARYREVOKED-3c3c3c3c3c' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain('CANARYREVOKED-3c3c3c3c3c');
  });

  it('decode and explain', async () => {
    const idToken = canary.seen.idTokens.at(-1) as string;
    for (const args of [['decode', idToken], ['decode', '--json', idToken], ['decode', '--json', '--jwks-uri', `${canary.issuer}/jwks`, idToken]]) {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expectClean(args.join(' '), r.stdout + r.stderr);
    }
    for (const text of [
      `Authorization: Bearer ${CANARY.access}`,
      `POST /token client_id=app&client_secret=${CANARY.secret}&code=${CANARY.code}&grant_type=authorization_code`,
      `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token", error_description="token ${idToken} expired"\r\n\r\n`,
      `{"error":"invalid_grant","error_description":"refresh_token=${CANARY.refresh} is revoked"}`,
    ]) {
      for (const json of [[], ['--json']]) {
        const r = await runCli(['explain', ...json], { input: text });
        expect(r.stdout + r.stderr).not.toContain(CANARY.access);
        expect(r.stdout + r.stderr).not.toContain(CANARY.secret);
        expect(r.stdout + r.stderr).not.toContain(CANARY.code);
        expect(r.stdout + r.stderr).not.toContain(CANARY.refresh);
        expect(r.stdout + r.stderr).not.toContain(idToken);
      }
    }
  });

  it.each([
    ['client-credentials --dpop, a nonce round trip, text', ['--client-id', 'app'], 0],
    ['client-credentials --dpop, a nonce round trip, --verbose JSON', ['--client-id', 'app', '--json', '--verbose'], 0],
    ['client-credentials --dpop, a refused proof echoed back, text', ['--client-id', 'dpop-echo-app'], 1],
    ['client-credentials --dpop, a refused proof echoed back, JSON', ['--client-id', 'dpop-echo-app', '--json', '--verbose'], 1],
    // The canary server binds nothing at the code exchange: dpop_not_bound, after the nonce round trip.
    ['login --dpop, a new key, --save beside the tokens', ['login', '--client-id', 'app', '--dpop', '--json', '--save', join(dir, 'dpop-tokens.json')], 1],
  ] as Array<[string, string[], number]>)('DPoP proofs and the private key: %s', async (_name, args, code) => {
    const before = canary.seen.proofs.length;
    const r = await runCli(args[0] === 'login' ? login(args.slice(1)) : ['client-credentials', '--issuer', canary.issuer, '--dpop', '--dpop-key', dpopKeyFile, ...args], { env });
    expect(r.code).toBe(code);
    expect(canary.seen.proofs.length).toBeGreaterThan(before);
    expectClean('stdout', r.stdout);
    expectClean('stderr', r.stderr);
    if (args[0] === 'login') {
      // The key login generated and kept: its "d" is nowhere else.
      const kept = JSON.parse(readFileSync(join(dir, 'dpop-tokens.json.dpop.jwk'), 'utf8')) as { d: string };
      expect(r.stdout + r.stderr).not.toContain(kept.d);
    }
  });
});

describe('canary sweep: the client private key of mutual TLS (RFC 8705)', () => {
  let pki: import('../helpers/tls.js').Pki;
  let certs: ReturnType<typeof import('../helpers/tls.js').makeClientCerts>;
  let mtls: Awaited<ReturnType<typeof import('../../scripts/demo/mtls-provider.mjs').startMtlsProvider>>;

  beforeAll(async () => {
    const { makePki, makeClientCerts } = await import('../helpers/tls.js');
    const { startMtlsProvider } = await import('../../scripts/demo/mtls-provider.mjs');
    const { X509Certificate } = await import('node:crypto');
    pki = makePki();
    certs = makeClientCerts(pki);
    const x509 = new X509Certificate(certs.selfSigned.cert);
    mtls = await startMtlsProvider({
      server: pki.good,
      clientCa: readFileSync(pki.caFile, 'utf8'),
      subjectDn: certs.mappedSubject,
      selfSignedJwk: { ...(x509.publicKey.export({ format: 'jwk' }) as object), x5c: [x509.raw.toString('base64')] },
    });
  }, 60_000);
  afterAll(() => mtls?.close());

  /** The key as a whole, its base64 body on one line, and each line of it. */
  const keyForms = (key: string) => {
    const lines = key.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    return [key.trim(), lines.join(''), ...lines];
  };

  it.each([
    ['client-credentials, text', ['client-credentials', '--client-id', 'mtls-app'], 'mapped', 0],
    ['client-credentials, JSON --verbose --show-tokens', ['client-credentials', '--client-id', 'mtls-app', '--json', '--verbose', '--show-tokens'], 'mapped', 0],
    ['client-credentials refused (unmapped), JSON', ['client-credentials', '--client-id', 'mtls-app', '--json'], 'unmapped', 1],
    ['client-credentials refused (self-signed, not in jwks), text', ['client-credentials', '--client-id', 'mtls-self-signed-app'], 'otherSelfSigned', 1],
    ['probe, JSON', ['probe', '--client-id', 'mtls-app', '--check', 'client_credentials', '--json'], 'mapped', 0],
    ['the key given as the certificate too', ['client-credentials', '--client-id', 'mtls-app', '--json', '--client-cert', 'KEY'], 'mapped', 2],
  ] as const)('%s', async (_name, args, which, code) => {
    const pair = certs[which];
    const argv = [...args].map((a) => (a === 'KEY' ? pair.keyFile : a));
    const certFlags = argv.includes('--client-cert') ? ['--client-cert-key', pair.keyFile] : ['--client-cert', pair.certFile, '--client-cert-key', pair.keyFile];
    const r = await runCli([...argv, '--ca', pki.caFile, '--issuer', mtls.issuer, ...certFlags]);
    expect(r.code).toBe(code);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    for (const form of keyForms(pair.key)) expect((r.stdout + r.stderr).includes(form), `output contains the key (${form.slice(0, 12)}…)`).toBe(false);
  });
});

describe('canary sweep: private_key_jwt and client_secret_jwt', () => {
  // Through the recording wrapper, whose token URL oidc-provider does not take as aud: each run
  // sends a refused assertion and its retry with aud = the issuer, both recorded here.
  let jwtProvider: RunningProvider;
  let wrapper: Awaited<ReturnType<typeof startTokenWrapper>>;
  const keyFile = join(dir, 'client-key.json');
  const pemFile = join(dir, 'client-key.pem');
  const pem = createPrivateKey({ key: KEY_JWT.private_jwk, format: 'jwk' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  beforeAll(async () => {
    jwtProvider = await startProvider({ authMethods: ['client_secret_basic', 'client_secret_post', 'none', 'private_key_jwt', 'client_secret_jwt'] });
    wrapper = await startTokenWrapper(jwtProvider.issuer, 'passthrough');
    writeFileSync(keyFile, JSON.stringify(KEY_JWT.private_jwk));
    writeFileSync(pemFile, pem);
  });
  afterAll(async () => {
    await wrapper?.close();
    await jwtProvider?.close();
  });

  /** The private key in each form it was given, the HMAC secret, and every assertion the provider received. */
  function keyCanaries(): string[] {
    const jwk = KEY_JWT.private_jwk as Record<string, string>;
    const assertions = wrapper.exchanges.map((x) => new URLSearchParams(x.request).get('client_assertion')).filter((a): a is string => Boolean(a));
    const pemLines = pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    return [jwk.d as string, ...pemLines, SECRET_JWT.client_secret, ...assertions];
  }
  function expectNoKey(where: string, text: string) {
    for (const value of keyCanaries()) {
      expect(text.includes(value), `${where} contains ${value.slice(0, 12)}…`).toBe(false);
      expect(text.includes(encodeURIComponent(value)), `${where} contains ${value.slice(0, 12)}… form-encoded`).toBe(false);
    }
  }
  // The table is built before beforeAll runs: the issuer and the wrapper's URL go in when each row runs.
  const cc = (...more: string[]) => ['client-credentials', '--issuer', '', '--scope', 'read', ...more];

  it.each([
    ['client-credentials, JWK file, text', cc('--client-id', KEY_JWT.client_id, '--client-key', keyFile), {}],
    ['client-credentials, PEM file, --verbose JSON --show-tokens', cc('--client-id', KEY_JWT.client_id, '--client-key', pemFile, '--json', '--verbose', '--show-tokens'), {}],
    ['client-credentials, PEM in the environment, JSON', cc('--client-id', KEY_JWT.client_id, '--client-key-env', 'K', '--json'), { K: pem }],
    ['client-credentials, client_secret_jwt, --verbose JSON --show-tokens', cc('--client-id', SECRET_JWT.client_id, '--auth-method', 'client_secret_jwt', '--json', '--verbose', '--show-tokens'), { OAUTH_CLIENT_SECRET: SECRET_JWT.client_secret }],
    ['login, private_key_jwt, JSON', ['login', '--json', '--issuer', '', '--client-id', KEY_JWT.client_id, '--client-key', keyFile, '--browser', HTTP_BROWSER, '--login-timeout', '20'], {}],
    ['probe, private_key_jwt, JSON', ['probe', '--json', '--issuer', '', '--client-id', KEY_JWT.client_id, '--client-key', keyFile, '--check', 'client_credentials', '--scope', 'read'], {}],
  ] as Array<[string, string[], Record<string, string>]>)('%s', async (_name, args, extraEnv) => {
    const argv = args.map((a, i) => (args[i - 1] === '--issuer' ? jwtProvider.issuer : a));
    argv.splice(argv.indexOf('--client-id'), 0, '--token-endpoint', wrapper.tokenEndpoint);
    const before = wrapper.exchanges.length;
    const r = await runCli(argv, { env: { OAUTH_CLIENT_SECRET: undefined, ...extraEnv }, timeoutMs: 30_000 });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // A refused assertion (aud = the wrapper's URL) and the one that worked both reached the provider.
    expect(wrapper.exchanges.length).toBeGreaterThanOrEqual(before + 2);
    expectNoKey('stdout', r.stdout);
    expectNoKey('stderr', r.stderr);
  });

  it('a server that quotes the assertion back in its error: every assertion sent is scrubbed', async () => {
    const echo = await startTokenWrapper(jwtProvider.issuer, 'echo-assertion');
    try {
      for (const json of [[], ['--json', '--verbose']]) {
        const r = await runCli(['client-credentials', ...json, '--issuer', jwtProvider.issuer, '--token-endpoint', echo.tokenEndpoint, '--client-id', KEY_JWT.client_id, '--client-key', keyFile, '--client-key-id', 'k1', '--client-assertion-lifetime', '600']);
        expect(r.code).toBe(1);
        // The refused one and its retries (aud, no kid, lifetime) were all quoted back.
        const sent = echo.exchanges.map((x) => new URLSearchParams(x.request).get('client_assertion') as string);
        expect(sent.length).toBeGreaterThanOrEqual(4);
        // JSON keeps the whole error_description, so the assertion is there to be scrubbed; text cuts it
        // to its (unsigned, harmless) header and claims. The signature is what makes it a credential.
        if (json.length > 0) expect(r.stdout).toContain('[redacted');
        for (const value of sent) {
          expect(r.stdout + r.stderr).not.toContain(value);
          expect(r.stdout + r.stderr).not.toContain(encodeURIComponent(value));
          expect(r.stdout + r.stderr).not.toContain(value.split('.')[2]);
        }
        expectNoKey('output', r.stdout + r.stderr);
      }
    } finally {
      await echo.close();
    }
  });
});
