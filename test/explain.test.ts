/**
 * `explain` end to end: every input form, multi-clue ordering, the unknown fallback, exit codes.
 * The per-entry table lives in knowledge.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli as spawnCli, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';

const first = (r: { json(): any }) => r.json().findings[0];
const ids = (r: { json(): any }) => (r.json().findings as Array<{ id: string }>).map((f) => f.id);

describe.concurrent('explain', () => {
  it('explains a bare code with meaning, fixes and sources; exit 1', async () => {
    const r = await runCli(['explain', 'invalid_client']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[invalid_client]');
    expect(r.stdout).toContain('What to do:');
    expect(r.stdout).toMatch(/Sources:\n\s+RFC 6749 §5\.2  https:\/\/www\.rfc-editor\.org\/rfc\/rfc6749#section-5\.2\n/);
  });

  it('reads a whole curl -i response from stdin: the challenge says expired', async () => {
    const response = [
      'HTTP/1.1 401 Unauthorized',
      'Content-Type: application/json',
      'WWW-Authenticate: Bearer realm="example", error="invalid_token", error_description="The access token expired"',
      '',
      '{"message":"Unauthorized"}',
    ].join('\r\n');
    const r = await runCli(['explain', '--json'], { input: response });
    expect(r.code).toBe(1);
    const out = r.json();
    expect(out.input).toMatchObject({ form: 'http', status: 401, www_authenticate: { scheme: 'Bearer' } });
    expect(first(r).id).toBe('expired_token');
    expect(first(r).evidence.www_authenticate.error).toBe('invalid_token');
  });

  it('puts the provider answer first and the library wrapper after it', async () => {
    const trace = `InternalOAuthError: Failed to obtain access token
    at OAuth2Strategy._createOAuthError (/app/node_modules/passport-oauth2/lib/strategy.js:423:17)
    at /app/node_modules/passport-oauth2/lib/strategy.js:177:45
  oauthError: { statusCode: 401, data: '{"error":"invalid_client","error_description":"Client authentication failed"}' }`;
    const r = await runCli(['explain', '--json'], { input: trace });
    expect(ids(r)[0]).toBe('invalid_client');
    expect(ids(r)).toContain('wrapped_token_error');
    expect(first(r).detail).toContain('Client authentication failed');
  });

  it('explains a lone InternalOAuthError as a wrapper and says how to see the real answer', async () => {
    const r = await runCli(['explain', '--json', 'InternalOAuthError: Failed to obtain access token']);
    expect(first(r).id).toBe('wrapped_token_error');
    expect(first(r).fixes.join(' ')).toContain('oauthError');
  });

  it("flags GitHub's HTTP 200 error answer as a spec deviation besides the diagnosis", async () => {
    const response = 'HTTP/2 200\r\ncontent-type: application/json\r\n\r\n{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.","error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}';
    const r = await runCli(['explain', '--json'], { input: response });
    expect(ids(r)[0]).toBe('authorization_code_rejected');
    expect(ids(r)).toContain('spec_deviation');
  });

  it('reads a redirect URL with error=access_denied', async () => {
    const r = await runCli(['explain', '--json', 'http://127.0.0.1:8000/callback?error=access_denied&error_description=The+user+denied+the+request&state=abc']);
    expect(r.json().input.form).toBe('url');
    expect(first(r).id).toBe('access_denied');
  });

  it('answers unrecognised input with unknown and the general triage, never empty; exit 1 (it is no success)', async () => {
    const r = await runCli(['explain', '--json', 'something odd happened in my app']);
    expect(r.code).toBe(1);
    expect(first(r).id).toBe('unknown');
    expect(first(r).fixes.length).toBeGreaterThan(0);
  });

  it('redacts tokens pasted along with the error', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';
    const r = await runCli(['explain', '--json'], { input: `HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token", error_description="token ${jwt} is revoked"\r\n\r\n` });
    expect(r.stdout).not.toContain(jwt);
    expect(first(r).id).toBe('invalid_token');
  });

  it('refuses an empty argument with one line and exit 2', async () => {
    const r = await runCli(['explain', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: no error .* given: the argument is empty\n$/);
  });

  it('refuses an empty input with one line and exit 2', async () => {
    const r = await runCli(['explain'], { input: '   \n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^oauth-doctor: no error .* given/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe.concurrent('help and conventions', () => {
  it.each([['decode'], ['explain'], []])('%s --help shows examples and exits 0', async (...cmd) => {
    const r = await runCli([...cmd.filter(Boolean), '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });

  it('lists every command with its arguments, though only the command run builds its options', async () => {
    const r = await runCli(['--help']);
    for (const term of ['decode [options] [token]', 'explain [options] [text]', 'login [options]', 'probe [options]', 'completion [options] <shell>', 'help [command]']) {
      expect(r.stdout).toContain(term);
    }
    // A global option's value that names another command does not take the place of the command run.
    const run = await runCli(['--ca', 'decode', 'explain', 'invalid_client']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^oauth-doctor: cannot read decode: no such file/);
  });

  it('suggests the closest command for a typo', async () => {
    const r = await runCli(['explian', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean explain?');
  });

  it('prints no colour when stdout is not a terminal, even without NO_COLOR', async () => {
    const r = await runCli(['explain', 'invalid_client'], { env: { NO_COLOR: undefined } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints colour when forced, and none with NO_COLOR', async () => {
    expect((await runCli(['explain', 'invalid_client'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['explain', 'invalid_client'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('prints the version of package.json, whether the entry answers it or the bundle (built in)', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout).toBe(`${version}\n`);
    expect((await runCli(['--no-color', '--version'])).stdout).toBe(`${version}\n`);
  });
});
