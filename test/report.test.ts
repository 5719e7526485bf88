/**
 * --report FILE: a real login, a failing probe and an explain write reports that a reader (and a
 * parser) can use, in Markdown, HTML (opened in headless Chromium) and HAR (validated against the
 * HAR 1.2 schema), and that hold none of the run's secrets, codes or tokens.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/report-document.js';
import { runCli, STACK_TRACE } from './helpers/cli.js';
import { CONFIDENTIAL, HTTP_BROWSER, startProvider, type RunningProvider } from './helpers/provider.js';
import { rsaKey, signRs256 } from './helpers/tokens.js';

import * as harValidator from 'har-validator';

let provider: RunningProvider;
let dir: string;

beforeAll(async () => {
  provider = await startProvider();
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-report-'));
});
afterAll(async () => {
  await provider?.close();
});

/** A real login that saves its tokens (to know what must not be in the report) and writes a report. */
async function loginWithReport(file: string) {
  const saved = join(dir, `tokens-${file}.json`);
  const r = await runCli(
    ['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--scope', 'openid offline_access', '--param', 'prompt=consent', '--browser', HTTP_BROWSER, '--save', saved, '--report', join(dir, file)],
    { env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } },
  );
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`→ Report written to ${join(dir, file)}`);
  const tokens = JSON.parse(readFileSync(saved, 'utf8')) as Record<string, string>;
  const secrets = [CONFIDENTIAL.client_secret, tokens.access_token, tokens.refresh_token, tokens.id_token].filter((s): s is string => typeof s === 'string');
  expect(secrets.length).toBe(4);
  return { text: readFileSync(join(dir, file), 'utf8'), secrets, path: join(dir, file) };
}

function expectNoSecret(text: string, secrets: readonly string[]) {
  for (const s of secrets) {
    expect(text).not.toContain(s);
    // Not even the signature of a JWT: the claims are shown decoded, the signature never.
    const signature = s.split('.')[2];
    if (signature && signature.length > 20) expect(text).not.toContain(signature);
  }
}

describe('login --report', () => {
  it('writes Markdown ready for an issue: the command, the findings, each exchange, tokens decoded without signature', async () => {
    const { text, secrets, path } = await loginWithReport('login.md');
    expectNoSecret(text, secrets);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(text).toMatch(/^# oauth-doctor login report\n/);
    expect(text).toContain('- **Result:** nothing wrong found');
    expect(text).toContain(`| issuer | ${provider.issuer} |`);
    for (const heading of ['## Context', '## Findings', '## HTTP exchanges']) expect(text).toContain(`\n${heading}\n`);
    expect(text).toContain(`### 1. GET ${provider.issuer}/.well-known/openid-configuration → HTTP 200`);
    expect(text).toMatch(new RegExp(`### \\d\\. POST ${provider.issuer}/token → HTTP 200`));
    // The token request as sent, with the code, the verifier and the Basic credentials redacted.
    expect(text).toMatch(/grant_type=authorization_code&code=\[redacted, \d+ chars\]&redirect_uri=.*&code_verifier=\[redacted, \d+ chars\]/);
    expect(text).toMatch(/authorization: Basic \[redacted, \d+ chars\]/);
    expect(text).toContain('A JWT in the response body, decoded (signature removed):');
    expect(text).toContain('"aud": "confidential-app"');
    // Every fence is closed.
    expect((text.match(/^```/gm) ?? []).length % 2).toBe(0);
  }, 30_000);

  it('writes a self-contained HTML page that headless Chromium shows, with a timeline, loading nothing else', async () => {
    const { text, secrets, path } = await loginWithReport('login.html');
    expectNoSecret(text, secrets);
    expect(text).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const requested: string[] = [];
      page.on('request', (req) => requested.push(req.url()));
      await page.goto(pathToFileURL(path).href);
      expect(await page.title()).toBe('oauth-doctor login report');
      const body = (await page.textContent('body')) ?? '';
      expect(body).toContain('nothing wrong found');
      expect(body).toContain('HTTP exchanges');
      expect(body).toContain('A JWT in the response body, decoded (signature removed)');
      const exchanges = await page.locator('h3[id^="exchange-"]').count();
      expect(exchanges).toBeGreaterThanOrEqual(3);
      expect(await page.locator('table.timeline tr').count()).toBe(exchanges + 1);
      expect(requested).toEqual([pathToFileURL(path).href]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('writes HAR that validates against the HAR 1.2 schema, one entry per request', async () => {
    const { text, secrets } = await loginWithReport('login.har');
    expectNoSecret(text, secrets);
    const har = JSON.parse(text);
    await expect(harValidator.har(har)).resolves.toEqual(har);
    const urls = har.log.entries.map((e: { request: { url: string } }) => e.request.url);
    expect(urls[0]).toBe(`${provider.issuer}/.well-known/openid-configuration`);
    const token = har.log.entries.find((e: { request: { url: string } }) => e.request.url === `${provider.issuer}/token`);
    expect(token.request.method).toBe('POST');
    expect(token.request.postData.text).toMatch(/code=\[redacted/);
    expect(token.response.status).toBe(200);
    expect(har.log.creator.name).toBe('oauth-doctor');
    // A schema that accepts anything would make this test useless: a broken HAR is refused.
    await expect(harValidator.har({ log: { ...har.log, entries: [{ request: {} }] } })).rejects.toBeTruthy();
  }, 30_000);
});

describe('probe and explain --report', () => {
  it('reports a failing probe: the checks table, the refusal and the exchanges, without the secret', async () => {
    const wrong = 'wrong-Canary-Secret-4d2e9b7c13';
    const file = join(dir, 'probe.md');
    const r = await runCli(['probe', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--report', file], { env: { OAUTH_CLIENT_SECRET: wrong } });
    expect(r.code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(wrong);
    expect(text).toContain('- **Result:** problems found');
    expect(text).toMatch(/\| [^|]+ \| client_credentials \| fail \|/);
    expect(text).toContain('(`invalid_client`)');
    expect(text).toMatch(new RegExp(`POST ${provider.issuer}/token → HTTP 401`));
  }, 30_000);

  it('reports what explain was given, with a token in it redacted and decoded', async () => {
    const key = await rsaKey('k1');
    const jwt = await signRs256(key, { sub: 'bob', email: 'bob@example.test', exp: 1_700_000_000 });
    const input = `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"\r\n\r\nAuthorization: Bearer ${jwt}`;
    const file = join(dir, 'explain.md');
    const r = await runCli(['explain', '--report', file, '--redact-claims'], { input });
    expect(r.code).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(jwt);
    expect(text).not.toContain(jwt.split('.')[2]);
    expect(text).toContain('## Input');
    expect(text).toContain('WWW-Authenticate: Bearer error="invalid_token"');
    expect(text).toContain('No HTTP request was made.');
  });

  it('refuses a report file of an unknown kind, and --redact-claims alone, in one line', async () => {
    const bad = await runCli(['explain', 'invalid_client', '--report', join(dir, 'r.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(`oauth-doctor: --report ${join(dir, 'r.txt')}: name a .md, .html or .har file (the extension says the format)`);
    const alone = await runCli(['explain', 'invalid_client', '--redact-claims']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim()).toBe('oauth-doctor: --redact-claims only means something with --report FILE');
  });
});

describe('the report document', () => {
  it('hides the claims that name a person with redactClaims, keeps the others', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'u1', email: 'ann@example.test', name: 'Ann', scope: 'read' })).toString('base64url');
    const jwt = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
    const exchange = { started: 0, method: 'POST', url: 'https://idp.example.test/token', request_headers: {}, status: 200, response_headers: {}, response_body: `{"id_token":"${jwt}"}`, elapsed_ms: 5 };
    const doc = buildReport({ command: 'login', argv: [], result: { ok: true, findings: [] }, exchanges: [exchange], generatedAt: 0, version: 'x' }, (s) => s.split(jwt).join('[token]'), { redactClaims: true });
    expect(doc.exchanges[0]?.tokens[0]?.claims).toEqual({ sub: 'u1', email: '[redacted: personal data]', name: '[redacted: personal data]', scope: 'read' });
    expect(doc.exchanges[0]?.response_body).toBe('{"id_token":"[token]"}');
  });
});
