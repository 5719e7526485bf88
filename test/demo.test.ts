/**
 * A newcomer's path: README's demo command, headless, logs in against the built-in provider and
 * diagnoses the failures it shows. (`npm run demo` builds first; the test run has built already.)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STACK_TRACE } from './helpers/cli.js';

describe('npm run demo -- --headless', () => {
  it('signs in, shows the client-authentication fallback and the redirect_uri mismatch', () => {
    const r = spawnSync(process.execPath, [fileURLToPath(new URL('../scripts/demo.mjs', import.meta.url)), '--headless'], {
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/login succeeded:\s+yes/);
    expect(r.stderr).toMatch(/client authentication mismatch diagnosed:\s+yes/);
    expect(r.stderr).toMatch(/redirect_uri mismatch diagnosed:\s+yes/);
    expect(r.stdout).toContain('client_secret_basic is refused for this client; client_secret_post works');
    expect(r.stdout).toContain('[redirect_uri_mismatch]');
  }, 90_000);
});
