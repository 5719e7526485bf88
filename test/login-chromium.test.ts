/**
 * The main login path with a real browser: Debian's Chromium, headless, driven by playwright-core.
 * It opens the URL that `login --no-open` prints, signs in on oidc-provider's pages, consents, and
 * lands on the loopback listener, whose page must say the sign-in worked.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnLogin, STACK_TRACE } from './helpers/cli.js';
import { CONFIDENTIAL, startProvider, type RunningProvider } from './helpers/provider.js';

let provider: RunningProvider;
let browser: Browser;

beforeAll(async () => {
  provider = await startProvider();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await provider?.close();
});

describe('login in headless Chromium', () => {
  it('signs in end to end: provider pages, consent, loopback page, verified ID token', async () => {
    const login = spawnLogin(['--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--no-open', '--login-timeout', '60'], {
      OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret,
    });
    const url = await login.url;

    const page = await browser.newPage();
    await page.goto(url);
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('button[type="submit"]'); // the consent page
    expect(await page.textContent('body')).toContain('openid');
    await page.click('button[type="submit"]');
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await page.waitForSelector('h1');
    expect(await page.textContent('h1')).toBe('Signed in');
    const pageText = (await page.textContent('body')) ?? '';
    expect(pageText).toContain('You can close this tab');
    await page.close();

    const { code, stdout, stderr } = await login.done;
    expect(code).toBe(0);
    expect(stderr).not.toMatch(STACK_TRACE);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ ok: true, stage: 'done', auth_method: 'client_secret_basic' });
    expect(out.id_token_verification).toMatchObject({ attempted: true, signature_valid: true });
    expect(out.claims.id_token).toMatchObject({ sub: 'alice', aud: CONFIDENTIAL.client_id, iss: provider.issuer });
    expect(stdout + stderr).not.toContain(CONFIDENTIAL.client_secret);
  }, 60_000);
});
