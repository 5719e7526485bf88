/**
 * `explain` on a whole log: every OAuth and HTTP-auth error found, repeats grouped with their count
 * and first and last line, most frequent first; streamed from a file or standard input in constant
 * memory; a pasted stack trace is still one error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLog } from '../scripts/bench/make-log.mjs';
import { spawn } from 'node:child_process';
import { BIN, runCli as spawnCli } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-log-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Group {
  count: number;
  first_line: number;
  last_line: number;
  sample: string;
  findings: Array<{ id: string; title: string }>;
}

describe.concurrent('explain on a log', () => {
  it('finds and groups each error of a pasted log, most frequent first, with line numbers', async () => {
    const log = [
      '2024-05-01T10:00:00Z INFO  GET /api/items 200 12ms',
      '2024-05-01T10:00:01Z ERROR token exchange failed: {"error":"invalid_client","error_description":"Client authentication failed"}',
      '2024-05-01T10:00:02Z INFO  GET /api/items 200 9ms',
      '2024-05-01T10:00:03Z WARN  jwt rejected: Jwt is expired status=401 path=/api/orders',
      '2024-05-01T10:00:04Z ERROR token exchange failed: {"error":"invalid_client","error_description":"Client authentication failed"}',
      '2024-05-01T10:00:05Z INFO  cache entry expired, reloading catalogue',
    ].join('\n');
    const r = await runCli(['explain', '--json'], { input: log });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.input.form).toBe('log');
    expect(out.log).toMatchObject({ lines: 6, ungrouped: 0 });
    const groups: Group[] = out.log.groups;
    expect(groups.map((g) => [g.count, g.first_line, g.last_line, g.findings[0]?.id])).toEqual([
      [2, 2, 5, 'invalid_client'],
      [1, 4, 4, 'expired_token'],
    ]);
    expect(out.findings.map((f: { id: string }) => f.id)).toEqual(['invalid_client', 'expired_token']);
  });

  it('reads a log file of any size in constant memory and finds every error in it', async () => {
    const file = join(dir, 'app.log');
    const made = makeLog(file, { bytes: 24 * 1024 * 1024, errors: 120 });
    const r = await runCli(['explain', '--json', '--file', file], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    const out = r.json();
    const groups: Group[] = out.log.groups;
    expect(groups.reduce((n, g) => n + g.count, 0) + out.log.ungrouped).toBe(made.errors);
    expect(groups).toHaveLength(made.kinds.length);
    for (const g of groups) expect(g.findings[0]?.id).not.toBe('unknown');
    expect(out.log.bytes).toBe(made.bytes);
    // The Go error and its "Response:" line are one record; so are a stack trace and its frames.
    expect(groups.some((g) => g.sample.includes('oauth2: cannot fetch token') && g.sample.includes('Response: {'))).toBe(true);
  });

  it('keeps its memory flat whatever the size (peak RSS under 150 MiB for 48 MiB of log)', async () => {
    const file = join(dir, 'big.log');
    makeLog(file, { bytes: 48 * 1024 * 1024, errors: 50 });
    const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('RSS_KB='+process.resourceUsage().maxRSS))`;
    const { stderr, code } = await new Promise<{ stderr: string; code: number | null }>((resolve) => {
      const child = spawn(process.execPath, ['--import', hook, BIN, 'explain', '--file', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c) => (err += c));
      child.on('close', (c) => resolve({ stderr: err, code: c }));
    });
    expect(code).toBe(1);
    const kib = Number(/RSS_KB=(\d+)/.exec(stderr)?.[1]);
    expect(kib / 1024).toBeLessThan(150);
  });

  it('reads a log piped on standard input beyond what one error may be (kubectl logs | oauth-doctor explain)', async () => {
    const file = join(dir, 'piped.log');
    const made = makeLog(file, { bytes: 2 * 1024 * 1024, errors: 20 });
    const r = await runCli(['explain', '--json'], { input: readFileSync(file), timeoutMs: 60_000 });
    const out = r.json();
    expect(out.log.groups.reduce((n: number, g: Group) => n + g.count, 0)).toBe(made.errors);
  });

  it('says so when a log holds no OAuth or HTTP-auth error: exit 0', async () => {
    const log = Array.from({ length: 5 }, (_, i) => `2024-05-01T10:00:0${i}Z INFO  GET /api/items/${i} 200 12ms`).join('\n');
    const r = await runCli(['explain'], { input: log });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No OAuth or HTTP-auth error found in it.');
  });

  it('shows each group with its count, lines and a redacted sample in text', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
    const log = [
      `2024-05-01T10:00:01Z ERROR call failed: 401 WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired" token=${jwt}`,
      `2024-05-01T10:00:02Z ERROR call failed: 401 WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired" token=${jwt}`,
      '2024-05-01T10:00:03Z INFO  GET /health 200',
    ].join('\n');
    const r = await runCli(['explain'], { input: log });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 error records in 1 distinct error/);
    expect(r.stdout).toMatch(/1\. 2× \(lines 1–2\)/);
    expect(r.stdout).toContain('[expired_token]');
    expect(r.stdout).not.toContain(jwt);
  });

  it('--log reads even a short input as a log', async () => {
    const r = await runCli(['explain', '--log', '--json', '{"error":"invalid_client"}']);
    expect(r.json().log.groups[0].findings[0].id).toBe('invalid_client');
  });

  it('still explains a pasted stack trace as one error, not as a log', async () => {
    const trace = [
      '2024-05-01T10:00:01Z ERROR Authentication request failed',
      'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_grant] Invalid authorization code',
      '\tat org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider.authenticate(OAuth2LoginAuthenticationProvider.java:110)',
      '\tat org.springframework.security.authentication.ProviderManager.authenticate(ProviderManager.java:182)',
    ].join('\n');
    const r = await runCli(['explain', '--json'], { input: trace });
    expect(r.json().log).toBeUndefined();
    expect(r.json().findings[0].id).toBe('authorization_code_rejected');
  });

  it('refuses an unreadable log file with one line, exit 2', async () => {
    writeFileSync(join(dir, 'empty.log'), '');
    const missing = await runCli(['explain', '--file', join(dir, 'nope.log')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^oauth-doctor: cannot read .*nope\.log: no such file\n$/);
    const empty = await runCli(['explain', '--file', join(dir, 'empty.log')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/is empty/);
  });
});
