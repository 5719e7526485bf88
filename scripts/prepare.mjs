#!/usr/bin/env node
/**
 * `prepare`: builds dist/ (npm runs it after `npm install` in a clone, and when installing from a
 * git URL, before packing).
 *
 * A global install from git (`npm install -g git+https://…`) prepares the clone with `global=true`
 * inherited by the inner `npm install`, which then never installs the devDependencies the build
 * needs (esbuild, typescript): npm/cli#8440, fixed in pacote by passing --global=false
 * (npm/pacote#494) but not in every npm people have. Here the devDependencies are installed into
 * the clone as npm meant to, and the build goes on. Anywhere else a missing esbuild is one clear line.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const hasEsbuild = () => {
  try {
    createRequire(new URL('package.json', root)).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
};

if (!hasEsbuild()) {
  if (process.env.npm_config_global !== 'true' || !process.env.npm_execpath) {
    process.stderr.write('oauth-doctor: the build needs the devDependencies (esbuild, typescript): run `npm install` without --omit=dev first\n');
    process.exit(1);
  }
  process.stderr.write('oauth-doctor: preparing a global install from git: installing the build tools into the clone first\n');
  execFileSync(
    process.execPath,
    [process.env.npm_execpath, 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
}
execFileSync(process.execPath, [new URL('build.mjs', import.meta.url).pathname], { cwd: root, stdio: 'inherit' });
