#!/usr/bin/env node
// The entry. CommonJS (see bin/package.json): Node starts a CommonJS script sooner than an ES module.
'use strict';
const { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');

const bundlePath = join(__dirname, '..', 'dist', 'cli.cjs');

/** The bundle's first line: `/*! oauth-doctor VERSION build ID *\/`, written by the build. */
const HEADER = /^\/\*! oauth-doctor (\S+) build ([0-9a-f]{16}) \*\//;

/** The id on the bundle's first line, which its code cache repeats. */
function buildIdOf(source) {
  return HEADER.exec(source)?.[2];
}

/** The version the bundle was built as, from its first line alone: --version reads nothing else. */
function builtVersion() {
  const head = Buffer.alloc(128);
  const fd = openSync(bundlePath, 'r');
  try {
    return HEADER.exec(head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0)))?.[1] ?? 'unknown';
  } finally {
    closeSync(fd);
  }
}

/** The Node.js version a code cache was made with, as its header holds it (16 characters). */
const nodeVersionField = (version) => version.padEnd(16, ' ').slice(0, 16);

/**
 * The code cache the build made for this very bundle and this Node.js version, or nothing. Its
 * header (build id, Node version) is read first: on another Node version V8 would refuse the cache
 * anyway, so the rest is not read (npm run bench: refusing it cost about 2 ms a start).
 */
function readCodeCache(source) {
  const id = buildIdOf(source);
  if (!id) return undefined;
  let fd;
  try {
    fd = openSync(`${bundlePath}.cache`, 'r');
    const header = Buffer.alloc(id.length + 16);
    if (readSync(fd, header, 0, header.length, 0) !== header.length) return undefined;
    if (header.toString('latin1') !== id + nodeVersionField(process.version)) return undefined;
    const { size } = fstatSync(fd);
    const data = Buffer.allocUnsafe(size - header.length);
    return readSync(fd, data, 0, data.length, header.length) === data.length ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
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

module.exports = { loadCli, bundlePath, buildIdOf, nodeVersionField };

if (require.main === module) {
  const args = process.argv.slice(2);
  const internalError = (err) => {
    process.stderr.write(`oauth-doctor: internal error, please report it: ${err && err.message}\n`);
    process.exitCode = 2;
  };
  const missingBuild = (err) => {
    if (!err || err.code !== 'ENOENT') return false;
    process.stderr.write('oauth-doctor: the build output is missing; run `npm run build` first\n');
    process.exitCode = 2;
    return true;
  };
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The most frequent CI call: the bundle's first line is all it needs. Written as src/io.ts
    // writes: a reader that has gone is no error, anything else is one line and exit 2.
    try {
      writeSync(1, `${builtVersion()}\n`);
    } catch (err) {
      if (!missingBuild(err) && err.code !== 'EPIPE') {
        try {
          writeSync(2, `oauth-doctor: cannot write the output: ${err.code}\n`);
        } catch {
          // stderr is gone too
        }
        process.exitCode = 2;
      }
    }
  } else {
    let cli;
    try {
      cli = loadCli().cli;
    } catch (err) {
      if (!missingBuild(err)) internalError(err);
    }
    // The bundle cannot import() by itself (a classic script); jose and open are ES modules only.
    if (cli) cli.runFromProcess({ importModule: (specifier) => import(specifier) }).catch(internalError);
  }
}
