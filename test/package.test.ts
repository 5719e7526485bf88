/**
 * The package as users get it: `npm pack` holds only what runs, and the tarball installed into an
 * empty folder with production dependencies works without the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the packed package', () => {
  it('contains only bin, dist, README and package.json, and works from an empty folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-pack-'));
    // --ignore-scripts: the test run already built dist/ (pretest).
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString()) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const paths = pack!.files.map((f) => f.path);
    expect(paths).toContain('bin/oauth-doctor.js');
    expect(paths).toEqual(expect.arrayContaining(['bin/package.json', 'dist/cli.cjs', 'dist/cli.cjs.cache']));
    expect(paths).toContain('README.md');
    expect(paths.filter((p) => !/^(bin\/|dist\/|README\.md$|package\.json$)/.test(p))).toEqual([]);
    expect(paths.some((p) => /test|fixture/i.test(p))).toBe(false);

    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"empty-app","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(dir, pack!.filename)], { cwd: app, stdio: 'ignore' });
    // explain exits 1 on a diagnosed error: read stdout whatever the code.
    const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'oauth-doctor', ...args], { cwd: app, env: { ...process.env, NO_COLOR: '1' } }).stdout.toString();
    expect(npx('--version').trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const token = ['{"alg":"HS256"}', '{"sub":"pack-test","exp":4102444800}'].map((p) => Buffer.from(p).toString('base64url')).join('.') + '.c2ln';
    expect(JSON.parse(npx('decode', '--json', token)).token.claims.sub).toBe('pack-test');
    expect(npx('explain', 'invalid_client')).toContain('[invalid_client]');
    // The code cache made by the build is the one V8 uses there (same Node), not silently refused.
    expect(cacheRejected(join(app, 'node_modules', 'oauth-doctor', 'bin', 'oauth-doctor.js'))).toBe('false');
  }, 120_000);

  it('uses the code cache of its own build, and runs without one', () => {
    const bin = join(root, 'bin', 'oauth-doctor.js');
    expect(cacheRejected(bin)).toBe('false');
    // Other V8 flags (as another Node version would) make V8 refuse it; the script is compiled as usual.
    expect(cacheRejected(bin, ['--max-old-space-size=300'])).toBe('true');
    expect(spawnSync(process.execPath, ['--max-old-space-size=300', bin, 'explain', 'invalid_client']).stdout.toString()).toContain('[invalid_client]');
    // Another build's cache (same length, other id) is not used; the script is compiled as usual.
    const cacheFile = join(root, 'dist', 'cli.cjs.cache');
    const cache = readFileSync(cacheFile);
    try {
      writeFileSync(cacheFile, Buffer.concat([Buffer.from('0123456789abcdef'), cache.subarray(16)]));
      expect(cacheRejected(bin)).toBe('no cache');
      expect(spawnSync(process.execPath, [bin, 'explain', 'invalid_client']).stdout.toString()).toContain('[invalid_client]');
      // A cache made with another Node.js version is not even read (V8 would refuse it).
      writeFileSync(cacheFile, Buffer.concat([cache.subarray(0, 16), Buffer.from('v99.0.0'.padEnd(16, ' ')), cache.subarray(32)]));
      expect(cacheRejected(bin)).toBe('no cache');
      rmSync(cacheFile);
      expect(spawnSync(process.execPath, [bin, 'explain', 'invalid_client']).stdout.toString()).toContain('[invalid_client]');
    } finally {
      writeFileSync(cacheFile, cache);
    }
  });

  it('maps stack traces to src/ under --enable-source-maps', () => {
    const bin = join(root, 'bin', 'oauth-doctor.js');
    // main() without its edges fails inside src/cli.ts: where does the stack say it failed?
    const probe = `require(${JSON.stringify(bin)}).loadCli().cli.main(['decode', 'x'], null).catch((e) => process.stdout.write(e.stack))`;
    expect(execFileSync(process.execPath, ['--enable-source-maps', '-e', probe]).toString()).toMatch(/\(.*[\\/]src[\\/]cli\.ts:\d+:\d+\)/);
    expect(execFileSync(process.execPath, ['-e', probe]).toString()).toMatch(/\(.*[\\/]dist[\\/]cli\.cjs:\d+:\d+\)/);
  });
});

/** Loads the bundle through the entry as a run would, and says whether V8 refused its code cache. */
function cacheRejected(bin: string, nodeFlags: string[] = []): string {
  const probe = `const { script } = require(${JSON.stringify(bin)}).loadCli(); process.stdout.write(script.cachedDataRejected === undefined ? 'no cache' : String(script.cachedDataRejected));`;
  return execFileSync(process.execPath, [...nodeFlags, '-e', probe]).toString();
}
