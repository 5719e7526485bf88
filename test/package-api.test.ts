/**
 * The package as an application gets it: the packed tarball installed into an empty project, used
 * from an ES module and from CommonJS, type-checked against its shipped declarations, and its
 * Express handler in a real Express + passport-oauth2 app whose token exchange fails. Then the
 * install paths README names: the tarball installed globally, and (OAUTH_DOCTOR_TEST_GIT_INSTALL=1,
 * set by .ci/run) `npm install -g git+file://` of a clone.
 *
 * The installs take the dependencies from npm's cache when it has them, else from the registry;
 * without either the tests are skipped, saying so.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-api-'));
const app = join(dir, 'app');
const CLIENT_SECRET = 'sample-app-secret+/=value-4f9a';
const NPM_OPTIONS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

let tarball = '';
/** Why the installs could not be done, when they could not (no registry and no cache). */
let unavailable: string | undefined;

/** npm install, waited for without blocking the worker (vitest's RPC times out after a minute of a blocked event loop). */
async function npmInstall(args: string[], cwd: string): Promise<void> {
  const child = spawn('npm', ['install', ...NPM_OPTIONS, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (status === 0) return;
  if (/ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ENOTCACHED|ENETUNREACH/.test(output)) {
    unavailable = `npm could not fetch the dependencies (no registry and not in npm's cache): ${output.split('\n').find((l) => /E[A-Z]{4,}/.test(l)) ?? ''}`;
    return;
  }
  throw new Error(`npm install ${args.join(' ')} failed:\n${output}`);
}

const skipWithout = (ctx: TestContext) => ctx.skip(unavailable !== undefined, unavailable);

beforeAll(async () => {
  // --ignore-scripts: the test run built dist/ already (pretest).
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as Array<{ filename: string }>;
  tarball = join(dir, pack!.filename);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"empty-app","version":"1.0.0","private":true}');
  // The sample app's own dependencies come in the same install.
  await npmInstall(['--omit=dev', tarball, 'express@^4', 'passport@^0.7', 'passport-oauth2@^1.8'], app);
}, 320_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** passport-oauth2's InternalOAuthError, as it wraps a token endpoint's 401 (lib/errors/internaloautherror.js). */
const INTERNAL_OAUTH_ERROR = `Object.assign(new Error('Failed to obtain access token'), { name: 'InternalOAuthError', oauthError: { statusCode: 401, data: '{"error":"invalid_client","error_description":"Client authentication failed"}' } })`;

describe('the installed package, from an application', () => {
  it('import() and require() both work and explain an InternalOAuthError the same way', (ctx) => {
    skipWithout(ctx);
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `import { explain } from 'oauth-doctor'; process.stdout.write(JSON.stringify(await explain(${INTERNAL_OAUTH_ERROR})));`], { cwd: app }).toString();
    const cjs = execFileSync(process.execPath, ['-e', `require('oauth-doctor').explain(${INTERNAL_OAUTH_ERROR}).then((r) => process.stdout.write(JSON.stringify(r)));`], { cwd: app }).toString();
    expect(JSON.parse(esm).findings.map((f: { id: string }) => f.id)).toEqual(['invalid_client', 'wrapped_token_error']);
    expect(cjs).toBe(esm);
    // The CLI of the same install still runs.
    expect(spawnSync('npx', ['--no-install', 'oauth-doctor', 'explain', 'invalid_client'], { cwd: app, env: { ...process.env, NO_COLOR: '1' } }).stdout.toString()).toContain('[invalid_client]');
  });

  it('type-checks a consumer, ES module and CommonJS, against the shipped declarations alone', (ctx) => {
    skipWithout(ctx);
    const consumer = `
      import { decode, explain, FINDING_IDS, oauthErrorHandler, type ExplainResult, type Finding, type FindingId } from 'oauth-doctor';
      export async function diagnose(err: unknown): Promise<FindingId | undefined> {
        const result: ExplainResult = await explain(err instanceof Error ? err : String(err));
        const first: Finding | undefined = result.findings[0];
        if (first?.id === 'invalid_client') return first.id;
        // @ts-expect-error a finding id that does not exist is a type error
        const wrong: FindingId = 'no_such_finding';
        const { token, verification } = await decode('eyJ...', { issuer: 'https://idp.example.com', clockToleranceSeconds: 30 });
        void [wrong, token.claims?.sub, verification.signature_valid, FINDING_IDS.invalid_client];
        return first?.id;
      }
      export const handler: (err: unknown, req: unknown, res: unknown, next: (err?: unknown) => void) => void = oauthErrorHandler({ secrets: [process.env.CLIENT_SECRET] });
      declare const process: { env: Record<string, string | undefined> };
    `;
    writeFileSync(join(app, 'consumer.mts'), consumer);
    writeFileSync(join(app, 'consumer.cts'), consumer);
    // No @types/node and no lib.dom: the declarations must stand on their own.
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false }, files: ['consumer.mts', 'consumer.cts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    // And a mistake in the consumer is caught: the types are not `any`.
    writeFileSync(join(app, 'consumer.mts'), `${consumer}\nexport const n: number = (await explain('x')).findings[0]!.title;\n`);
    expect(spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' }).stdout).toMatch(/consumer\.mts.*TS2322/);
  });
});

describe('a real Express + passport-oauth2 app whose token exchange fails', () => {
  let provider: ReturnType<typeof createServer>;
  let server: ChildProcess | undefined;
  let appUrl = '';
  let log = '';

  beforeAll(async () => {
    if (unavailable) return;
    // The token endpoint refuses the client and, as some do, echoes the request in error_description.
    provider = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.url === '/moved/token') res.writeHead(404, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><head><title>Page not found</title></head><body>Not found</body></html>');
        else res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: `Client authentication failed: ${body}` }));
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const idp = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    writeFileSync(
      join(app, 'server.cjs'),
      `
      const express = require('express');
      const passport = require('passport');
      const OAuth2Strategy = require('passport-oauth2');
      const { oauthErrorHandler } = require('oauth-doctor');
      const options = (tokenURL) => ({ authorizationURL: '${idp}/authorize', tokenURL, clientID: 'sample-app', clientSecret: process.env.CLIENT_SECRET, callbackURL: 'http://127.0.0.1/callback' });
      const verify = (accessToken, refreshToken, profile, done) => done(null, { id: 'user' });
      passport.use('idp', new OAuth2Strategy(options('${idp}/token'), verify));
      passport.use('moved', new OAuth2Strategy(options('${idp}/moved/token'), verify));
      const app = express();
      app.get('/callback', passport.authenticate('idp', { session: false }), (req, res) => res.send('welcome'));
      app.get('/moved/callback', passport.authenticate('moved', { session: false }), (req, res) => res.send('welcome'));
      app.use(oauthErrorHandler({ secrets: [process.env.CLIENT_SECRET] }));
      app.use((err, req, res, next) => res.status(500).send('login failed: ' + err.name));
      const listener = app.listen(0, '127.0.0.1', () => process.stdout.write(listener.address().port + '\\n'));
      `,
    );
    server = spawn(process.execPath, ['server.cjs'], { cwd: app, env: { ...process.env, CLIENT_SECRET } });
    server.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    const port = await new Promise<string>((resolve, reject) => {
      server!.stdout!.once('data', (c: Buffer) => resolve(c.toString().trim()));
      server!.once('exit', () => reject(new Error(`the sample app ended: ${log}`)));
    });
    appUrl = `http://127.0.0.1:${port}`;
  }, 30_000);
  afterAll(() => {
    server?.kill();
    provider?.close();
  });

  it('logs the explained cause once, without the secret, and the app still answers with its own handler', async (ctx) => {
    skipWithout(ctx);
    const first = await fetch(`${appUrl}/callback?code=SplxlOBeZQQYbYS6WxSbIA`);
    expect(first.status).toBe(500);
    // passport-oauth2 turned the JSON error into a TokenError; the app's handler got it unchanged.
    expect(await first.text()).toBe('login failed: TokenError');
    await fetch(`${appUrl}/callback?code=another-code-1234567`);
    const moved = await fetch(`${appUrl}/moved/callback?code=SplxlOBeZQQYbYS6WxSbIA`);
    expect(await moved.text()).toBe('login failed: InternalOAuthError');
    await new Promise((r) => setTimeout(r, 200));
    const lines = log.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^oauth-doctor \[invalid_client\] .+ Fix: /);
    expect(lines[1]).toMatch(/^oauth-doctor \[wrong_endpoint\] .+\(read: HTTP 404/);
    for (const secret of [CLIENT_SECRET, encodeURIComponent(CLIENT_SECRET), 'SplxlOBeZQQYbYS6WxSbIA', 'another-code-1234567']) expect(log).not.toContain(secret);
  });
});

describe('install paths README names', () => {
  it('npm install -g of the packed tarball, with a prefix', async (ctx) => {
    skipWithout(ctx);
    const prefix = join(dir, 'global');
    await npmInstall(['-g', '--prefix', prefix, tarball], dir);
    skipWithout(ctx);
    const bin = join(prefix, 'bin', 'oauth-doctor');
    expect(execFileSync(bin, ['--version']).toString().trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spawnSync(bin, ['explain', 'invalid_client'], { env: { ...process.env, NO_COLOR: '1' } }).stdout.toString()).toContain('[invalid_client]');
  }, 300_000);

  it.runIf(process.env.OAUTH_DOCTOR_TEST_GIT_INSTALL === '1')('npm install -g git+file:// of a clone: prepare builds it (npm/cli#8440, #4148)', async (ctx) => {
    skipWithout(ctx);
    // The clone holds what is committed, as a git URL would give it.
    const clone = join(dir, 'clone');
    execFileSync('git', ['clone', '--quiet', root, clone]);
    const prefix = join(dir, 'global-git');
    await npmInstall(['-g', '--prefix', prefix, `git+file://${clone}`], dir);
    skipWithout(ctx);
    const bin = join(prefix, 'bin', 'oauth-doctor');
    expect(existsSync(join(prefix, 'lib', 'node_modules', 'oauth-doctor', 'dist', 'api.cjs'))).toBe(true);
    expect(execFileSync(bin, ['--version']).toString().trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spawnSync(bin, ['explain', 'invalid_client'], { env: { ...process.env, NO_COLOR: '1' } }).stdout.toString()).toContain('[invalid_client]');
  }, 900_000);
});
