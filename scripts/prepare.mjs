#!/usr/bin/env node
/**
 * `prepare`: builds dist/. npm runs it after `npm install` in a clone, and when installing from a
 * git URL, in a temporary clone, before packing that clone and installing the package.
 *
 * A global install from git (`npm install -g git+https://…`) is broken in npm up to at least 11.19:
 * the temporary clone is prepared by an inner `npm install` that inherits `global=true`, so it
 * installs none of the devDependencies the build needs (esbuild, typescript; npm/cli#8440) and
 * links the clone itself into the global prefix, a link left pointing at a deleted folder
 * (npm/cli#4148, #6984). npm/pacote#494 fixes both by passing --global=false; until every npm
 * has it, this script does what that flag would: it installs the devDependencies into the clone,
 * builds, and puts back the folder the link replaced: the one npm is installing the package into,
 * which by then holds its dependencies.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { name, bin } = createRequire(import.meta.url)('../package.json');
const env = process.env;
/** npm is preparing this folder as part of `npm install -g <git URL>` (a clone in npm's cache). */
const globalGitPreparation = env.npm_config_global === 'true' && /[\\/]_cacache[\\/]tmp[\\/]git-clone/.test(root);

const hasEsbuild = () => {
  try {
    createRequire(join(root, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
};

if (!hasEsbuild()) {
  if (!globalGitPreparation || !env.npm_execpath) {
    process.stderr.write(`${name}: the build needs the devDependencies (esbuild, typescript): run \`npm install\` without --omit=dev first\n`);
    process.exit(1);
  }
  execFileSync(process.execPath, [env.npm_execpath, 'install', '--global=false', '--include=dev', '--ignore-scripts', '--no-save', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (globalGitPreparation && env.npm_config_prefix) unlinkGlobalLinkToHere(env.npm_config_prefix);

/**
 * The global link to this very clone, and the command links through it (never anything else),
 * give way to the folder npm was installing the package into: the preparation's install set it
 * aside as `.<name>-<hash>` (npm's "retired" folder), with the dependencies npm had unpacked into
 * it meanwhile. Without it, an empty folder, which npm unpacks the package into.
 */
function unlinkGlobalLinkToHere(prefix) {
  const modules = process.platform === 'win32' ? join(prefix, 'node_modules') : join(prefix, 'lib', 'node_modules');
  const link = join(modules, name);
  if (!isLinkTo(link, root)) return;
  for (const command of Object.keys(bin ?? {})) {
    const commandLink = process.platform === 'win32' ? undefined : join(prefix, 'bin', command);
    if (commandLink && isSymlink(commandLink) && resolve(join(prefix, 'bin'), readlinkSync(commandLink)).startsWith(link)) unlinkSync(commandLink);
  }
  unlinkSync(link);
  const retired = readdirSync(modules).filter((entry) => entry.startsWith(`.${name}-`) && /^[A-Za-z0-9]{8}$/.test(entry.slice(name.length + 2)));
  if (retired.length === 1) renameSync(join(modules, retired[0]), link);
  else mkdirSync(link);
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isLinkTo(path, target) {
  try {
    return isSymlink(path) && realpathSync(path) === realpathSync(target);
  } catch {
    return false;
  }
}
