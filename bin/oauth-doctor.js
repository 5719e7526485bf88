#!/usr/bin/env node
// The entry. CommonJS (see bin/package.json): Node starts a CommonJS script sooner than an ES module.
'use strict';
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const bundlePath = join(__dirname, '..', 'dist', 'cli.cjs');

/** The id on the bundle's first line, which its code cache repeats. */
function buildIdOf(source) {
  return /^\/\*! oauth-doctor build ([0-9a-f]{16}) \*\//.exec(source)?.[1];
}

/** The code cache the build made for this very bundle, or nothing. */
function readCodeCache(source) {
  try {
    const cache = readFileSync(`${bundlePath}.cache`);
    const id = buildIdOf(source);
    return id && cache.subarray(0, id.length).toString('latin1') === id ? cache.subarray(id.length) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads dist/cli.cjs as CommonJS would, but with the V8 code cache the build made, so the
 * functions the frequent commands run arrive compiled. V8 itself refuses a cache from another Node
 * version or other V8 flags; the script is then compiled as usual.
 */
function loadCli({ useCache = true } = {}) {
  // The build checks that the bundle is ASCII, so latin1 reads it faster and to the same string.
  const source = readFileSync(bundlePath, 'latin1');
  let script;
  let moduleFunction;
  if (process.sourceMapsEnabled) {
    // --enable-source-maps: compiled as a CommonJS module is, so Node maps stack traces to src/.
    const Module = require('node:module');
    const loader = new Module(bundlePath);
    loader._compile(`module.exports = ${source}`, bundlePath);
    moduleFunction = loader.exports;
  } else {
    const { Script } = require('node:vm');
    script = new Script(source, { filename: bundlePath, cachedData: useCache ? readCodeCache(source) : undefined });
    moduleFunction = script.runInThisContext();
  }
  const module = { exports: {} };
  // The bundle is a CommonJS module function (the build wraps it). It requires only Node's
  // built-ins and this package's dependencies, which resolve from bin/ exactly as from dist/;
  // node:module's createRequire would cost milliseconds to load.
  moduleFunction.call(module.exports, module.exports, require, module, bundlePath, dirname(bundlePath));
  return { cli: module.exports, script, source };
}

module.exports = { loadCli, bundlePath, buildIdOf };

if (require.main === module) {
  const args = process.argv.slice(2);
  const internalError = (err) => {
    process.stderr.write(`oauth-doctor: internal error, please report it: ${err && err.message}\n`);
    process.exitCode = 2;
  };
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The most frequent CI call needs nothing but package.json.
    process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
  } else {
    let cli;
    try {
      cli = loadCli().cli;
    } catch (err) {
      if (err && err.code === 'ENOENT') {
        process.stderr.write('oauth-doctor: the build output is missing; run `npm run build` first\n');
        process.exitCode = 2;
      } else internalError(err);
    }
    // The bundle cannot import() by itself (a classic script); jose and open are ES modules only.
    if (cli) cli.runFromProcess({ importModule: (specifier) => import(specifier) }).catch(internalError);
  }
}
