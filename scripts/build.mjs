#!/usr/bin/env node
/**
 * `npm run build`: type-check with tsc, bundle src/ (with commander and chalk) into one script,
 * dist/cli.cjs with its source map, then give that script a V8 code cache (dist/cli.cjs.cache)
 * made by running the frequent commands once (scripts/build/code-cache.mjs).
 *
 * Why: on Node 20 most of what `decode`, `explain` and `--help` cost is Node starting and V8
 * compiling JavaScript (npm run bench). One CommonJS script is loaded faster than a graph of ES
 * modules, and with the cache its hot functions arrive compiled. jose, undici and open stay
 * external, loaded only when a command needs them.
 *
 * It also builds the library entry (scripts/build/api.mjs): dist/api.mjs, dist/api.cjs and their
 * declarations.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { importTs } from './build/import-ts.mjs';
import { buildApi } from './build/api.mjs';

const root = new URL('..', import.meta.url);
const bundle = new URL('dist/cli.cjs', root).pathname;
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
/**
 * The first line of the bundle: the version (which bin/oauth-doctor.js answers --version with) and
 * a build id, which the code cache carries too, so a cache never meets another build.
 */
const BUILD_ID_PLACEHOLDER = `/*! oauth-doctor ${version} build 0000000000000000 */`;

/** commander's eager require('node:child_process') becomes a lazy one (see the shim's comment). */
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: new URL('build/lazy-child-process.cjs', import.meta.url).pathname } : undefined,
    );
  },
};

/** In the bundle, src/knowledge/index.ts (the entries as code) becomes src/knowledge/shipped.ts (read from the files written below). */
const knowledgeFromFiles = {
  name: 'knowledge-from-files',
  setup(b) {
    b.onResolve({ filter: /[\\/]knowledge[\\/]index\.js$/ }, () => ({ path: new URL('src/knowledge/shipped.ts', root).pathname }));
  },
};

/**
 * Evaluates the knowledge entries (TypeScript) and writes them as the files shipped.ts reads;
 * returns the required text of the patterns in explain/observation.ts, for the bundle.
 */
async function writeKnowledgeFiles() {
  const { KNOWLEDGE, knowledgeToFiles, FREE_TEXT_PATTERNS, requiredTextTable, PROVIDERS } = await importTs([
    "export { KNOWLEDGE } from './src/knowledge/index.ts';",
    "export { knowledgeToFiles } from './src/knowledge/serialize.ts';",
    "export { FREE_TEXT_PATTERNS } from './src/explain/observation.ts';",
    "export { requiredTextTable } from './src/explain/required-text.ts';",
    "export { PROVIDERS } from './src/knowledge/providers.ts';",
  ]);
  const { heads, words } = knowledgeToFiles(KNOWLEDGE);
  mkdirSync(new URL('dist', root), { recursive: true });
  writeFileSync(new URL('dist/knowledge.json', root), heads);
  writeFileSync(new URL('dist/knowledge-words.json', root), words);
  copyFileSync(new URL('src/knowledge/word-model.json', root), new URL('dist/word-model.json', root));
  return requiredTextTable([...FREE_TEXT_PATTERNS, ...PROVIDERS.map((p) => p.text)]);
}

// src/ and test/ together: the tests are type-checked too (tsconfig.test.json extends tsconfig.json).
execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', 'tsconfig.test.json'], { cwd: root, stdio: 'inherit' });
rmSync(new URL('dist', root), { recursive: true, force: true });
const freeTextRequired = await writeKnowledgeFiles();
await build({
  entryPoints: [new URL('src/cli.ts', root).pathname],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: true,
  external: ['jose', 'undici', 'open', 'qrcode-generator'],
  // Node's built-ins and the bundle's own lazy parts are require()d on first use; a classic
  // script cannot import(). jose, undici and open come through src/lazy-modules.ts.
  supported: { 'dynamic-import': false },
  // Worked out here rather than at every start: the version, the text the code's patterns need,
  // and the bundle's own URL only when asked (the knowledge files).
  define: {
    'import.meta.url': '__bundle.url',
    PACKAGE_VERSION: JSON.stringify(version),
    BUILT_REQUIRED_TEXT: JSON.stringify(freeTextRequired),
  },
  // The bundle is CommonJS's module function itself, which bin/oauth-doctor.js compiles and calls:
  // wrapping it at run time would copy the whole source once more.
  banner: {
    js: `${BUILD_ID_PLACEHOLDER}\n(function (exports, require, module, __filename, __dirname) {\n'use strict';\nconst __bundle = { get url() { return require('node:url').pathToFileURL(__filename).href; } };`,
  },
  footer: { js: '})' },
  plugins: [lazyChildProcessForCommander, knowledgeFromFiles],
  logLevel: 'warning',
});

// The library (src/api/): its own bundles and declarations, with the same knowledge files.
await buildApi({ root, define: { BUILT_REQUIRED_TEXT: JSON.stringify(freeTextRequired) }, plugins: [knowledgeFromFiles] });

// Stamp the build id over the placeholder (same length, so the source map still lines up).
const source = readFileSync(bundle, 'utf8');
// bin/oauth-doctor.js reads the bundle as latin1, which is right only for ASCII.
const nonAscii = source.search(/[^\x00-\x7f]/);
if (nonAscii >= 0) throw new Error(`dist/cli.cjs is not ASCII at offset ${nonAscii}: ${JSON.stringify(source.slice(nonAscii - 40, nonAscii + 10))}`);
const id = createHash('sha256').update(source).digest('hex').slice(0, 16);
writeFileSync(bundle, source.replace(BUILD_ID_PLACEHOLDER, BUILD_ID_PLACEHOLDER.replace('0000000000000000', id)));
try {
  execFileSync(process.execPath, [new URL('build/code-cache.mjs', import.meta.url).pathname], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
} catch (err) {
  process.stderr.write(`${err.stdout ?? ''}${err.stderr ?? ''}`);
  throw new Error('making the code cache failed (scripts/build/code-cache.mjs), see above');
}
