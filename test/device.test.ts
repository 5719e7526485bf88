/**
 * `login --device` (RFC 8628) against oidc-provider's device flow: a real headless Chromium
 * approves on the verification page, and each way the flow ends is diagnosed (refused, expired,
 * never approved, slow_down, a client or a provider without the device grant). The provider gives
 * a 1 s interval (as real ones give 5) so the polling runs fast; a documented wrapper in front of
 * its token endpoint answers slow_down as GitHub does.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawQr } from '../src/report/qr.js';
import { BIN, runCli, spawnLogin, STACK_TRACE } from './helpers/cli.js';
import { startDot, type RunningDot } from './helpers/dot.js';
import { CONFIDENTIAL, PUBLIC, WEB, startProvider, startTokenWrapper, type RunningProvider } from './helpers/provider.js';

const COMPLETE_URI = /or open (http:\/\/127\.0\.0\.1:\d+\/device\?user_code=\S+)/;
const SECRET_ENV = { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret };

let provider: RunningProvider;
let expiring: RunningProvider;
let dot: RunningDot;
let browser: Browser;

beforeAll(async () => {
  [provider, expiring, dot, browser] = await Promise.all([
    startProvider({ deviceInterval: 1 }),
    startProvider({ deviceInterval: 1, deviceCodeTtl: 3 }),
    startDot([{ client_id: 'dot-device', grant: 'authorization-code', redirect_uris: ['http://127.0.0.1/callback'], client_type: 'public' }]),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    }),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([provider?.close(), expiring?.close(), dot?.close()]);
});

/** Enters nothing: the code is in the complete URI. Confirms, signs in as alice, then consents or aborts. */
async function approve(page: Page, url: string, o: { abort?: boolean } = {}): Promise<string> {
  await page.goto(url);
  expect(await page.textContent('body')).toContain('Confirm Device');
  if (o.abort) {
    await page.click('button[name="abort"]');
    await page.waitForLoadState();
    return (await page.textContent('body')) ?? '';
  }
  await page.click('button[autofocus]');
  await page.fill('input[name="login"]', 'alice');
  await page.fill('input[name="password"]', 'any password');
  await page.click('button[type="submit"]');
  await page.waitForSelector('text=Authorize');
  await page.click('button[type="submit"]');
  await page.waitForSelector('text=Sign-in Success');
  return (await page.textContent('body')) ?? '';
}

describe('login --device', () => {
  it('signs in with the device flow, approved in headless Chromium on the verification page', async () => {
    const login = spawnLogin(['--device', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--scope', 'openid offline_access'], SECRET_ENV, COMPLETE_URI);
    const url = await login.url;
    const page = await browser.newPage();
    expect(await approve(page, url)).toContain('successful');
    await page.close();

    const { code, stdout, stderr } = await login.done;
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code).toBe(0);
    // What the user reads on the terminal: where to go and the code to enter.
    const userCode = new URL(url).searchParams.get('user_code') ?? '';
    expect(stderr).toContain(`open ${provider.issuer}/device on any device and enter the code\n\n    ${userCode}`);
    expect(stderr).toMatch(/The code expires in 10 minutes/);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, flow: 'device_code', stage: 'done', auth_method: 'client_secret_basic', findings: [] });
    expect(out.device).toMatchObject({ device_authorization_endpoint: `${provider.issuer}/device/auth`, verification_uri: `${provider.issuer}/device`, interval: 1, interval_given: true, slow_downs: 0 });
    expect(out.device.polls).toBeGreaterThanOrEqual(2);
    expect(out.device.answers.authorization_pending).toBe(out.device.polls - 1);
    expect(out.id_token_verification).toMatchObject({ signature_valid: true });
    expect(out.claims.id_token).toMatchObject({ sub: 'alice', aud: CONFIDENTIAL.client_id });
    expect(Object.keys(out.tokens)).toEqual(expect.arrayContaining(['access_token', 'refresh_token', 'id_token']));
    // Nothing secret: the client secret, the tokens (redacted), and the device code.
    expect(stdout + stderr).not.toContain(CONFIDENTIAL.client_secret);
    expect(stdout).toMatch(/"access_token": "[^"]{6}…\[redacted, \d+ chars\]"/);
    expect(stdout).not.toMatch(/"device_code":/);
  }, 60_000);

  it('says the sign-in was refused when the user aborts on the verification page (access_denied)', async () => {
    const login = spawnLogin(['--device', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id], {}, COMPLETE_URI);
    const page = await browser.newPage();
    await approve(page, await login.url, { abort: true });
    await page.close();
    const { code, stdout } = await login.done;
    expect(code).toBe(1);
    expect(stdout).toContain('The sign-in was refused at the verification page (access_denied)  [access_denied]');
    expect(stdout).toContain('Reached       stopped at polling');
  }, 60_000);

  it('says how long the device code had when it expires unapproved (expired_token)', async () => {
    const r = await runCli(['login', '--device', '--json', '--issuer', expiring.issuer, '--client-id', PUBLIC.client_id]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings[0]).toMatchObject({ id: 'device_code_expired', title: 'The device code expired before anyone approved it (it had 3 s)' });
    expect(out.device).toMatchObject({ expires_in: 3, answers: { expired_token: 1 } });
    expect(out.stage).toBe('polling');
  }, 30_000);

  it('stops at --login-timeout while nobody approves, and says so (authorization_pending)', async () => {
    const r = await runCli(['login', '--device', '--json', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--login-timeout', '3']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.findings[0]).toMatchObject({ id: 'authorization_pending', title: 'Nobody approved the device code within 3 s' });
    expect(out.device.polls).toBeGreaterThanOrEqual(2);
    expect(out.device.answers).toEqual({ authorization_pending: out.device.polls });
  }, 30_000);

  it('adds 5 s to the interval on slow_down, and says the provider asked', async () => {
    const wrapper = await startTokenWrapper(provider.issuer, 'slow-down-once');
    try {
      // With a 1 s interval and 8 s to wait: one poll (slow_down), then one 6 s later, then the deadline.
      const r = await runCli(['login', '--device', '--json', '--issuer', provider.issuer, '--token-endpoint', wrapper.tokenEndpoint, '--client-id', PUBLIC.client_id, '--login-timeout', '8']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.device).toMatchObject({ slow_downs: 1, interval: 6, polls: 2, answers: { slow_down: 1, authorization_pending: 1 } });
      expect(out.findings.map((f: { id: string }) => f.id)).toEqual(['authorization_pending', 'slow_down']);
      expect(out.findings[1].title).toBe('The provider asked to poll more slowly once (slow_down)');
    } finally {
      await wrapper.close();
    }
  }, 30_000);

  it('names a client that may not use the device grant (unauthorized_client), before any code is shown', async () => {
    const r = await runCli(['login', '--device', '--issuer', provider.issuer, '--client-id', WEB.client_id], { env: { OAUTH_CLIENT_SECRET: WEB.client_secret } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[unauthorized_client]');
    expect(r.stdout).toContain('Reached       stopped at device_authorization');
    expect(r.stderr).not.toContain('enter the code');
    expect(r.stdout + r.stderr).not.toContain(WEB.client_secret);
  });

  it('says a provider without a device flow has none: Django OAuth Toolkit', async () => {
    const r = await runCli(['login', '--device', '--json', '--issuer', dot.issuer, '--client-id', 'dot-device']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const finding = out.findings.find((f: { severity: string }) => f.severity === 'error');
    expect(finding).toMatchObject({ id: 'missing_endpoint', title: 'The provider has no device authorization endpoint' });
    expect(finding.detail).toContain(`Discovery at ${dot.issuer} lists no device_authorization_endpoint`);
  });

  it('refuses flags of the browser flow next to --device, and --no-qr without it, in one line', async () => {
    for (const [args, message] of [
      [['--device', '--port', '8000'], '--device has no browser or redirect on this machine: leave out --port'],
      [['--device', '--redirect-uri', 'https://app.example.test/cb'], 'leave out --redirect-uri'],
      [['--no-qr'], '--no-qr only mean something with --device'],
    ] as const) {
      const r = await runCli(['login', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('draws the complete verification URI as a QR code on a terminal, and not when stderr is piped', async () => {
    const args = ['login', '--device', '--issuer', provider.issuer, '--client-id', PUBLIC.client_id, '--login-timeout', '1'];
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const child = spawn('script', ['-qec', `stty cols 200; ${quoted}`, '/dev/null'], { env: { ...process.env, NO_COLOR: '1' } });
    let screen = '';
    child.stdout.on('data', (c: Buffer) => (screen += c));
    await new Promise((resolve) => child.on('close', resolve));
    const url = COMPLETE_URI.exec(screen)?.[1] ?? '';
    expect(url).not.toBe('');
    // The art on the screen is the QR code of exactly that URL.
    const { default: qrcode } = await import('qrcode-generator');
    const qr = qrcode(0, 'L');
    qr.addData(url);
    qr.make();
    expect(screen.replace(/\r/g, '')).toContain(drawQr(qr.getModuleCount(), (r, c) => qr.isDark(r, c)));

    const piped = await runCli(args);
    expect(piped.stderr).toContain('or open http://');
    expect(piped.stderr).not.toContain('█');
  }, 30_000);

  it('is checked by probe --check device_authorization: a client with the grant passes, one without fails, a provider without the flow fails', async () => {
    const ok = await runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--check', 'device_authorization'], { env: SECRET_ENV });
    expect(ok.code).toBe(0);
    const check = JSON.parse(ok.stdout).targets[0].checks.find((c: { name: string }) => c.name === 'device_authorization');
    expect(check).toMatchObject({ status: 'pass', summary: 'a user code came back (client_secret_basic): expires in 10 min, polling every 1 s, complete URI given' });

    const refused = await runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', WEB.client_id, '--check', 'device_authorization'], { env: { OAUTH_CLIENT_SECRET: WEB.client_secret } });
    expect(refused.code).toBe(1);
    const failed = JSON.parse(refused.stdout).targets[0].checks.find((c: { name: string }) => c.name === 'device_authorization');
    expect(failed.status).toBe('fail');
    expect(failed.findings[0].id).toBe('unauthorized_client');

    const none = await runCli(['probe', '--json', '--issuer', dot.issuer, '--client-id', 'dot-device', '--check', 'device_authorization'], { env: { OAUTH_CLIENT_SECRET: 'unused' } });
    expect(none.code).toBe(1);
    expect(JSON.parse(none.stdout).findings.map((f: { id: string }) => f.id)).toContain('missing_endpoint');

    // Without --check it is not run: most clients are not allowed the device grant.
    const plain = await runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', WEB.client_id], { env: { OAUTH_CLIENT_SECRET: WEB.client_secret } });
    expect(JSON.parse(plain.stdout).targets[0].checks.map((c: { name: string }) => c.name)).not.toContain('device_authorization');
  }, 30_000);
});
