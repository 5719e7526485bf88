#!/usr/bin/env node
/**
 * `npm run build`: type-check with tsc, then bundle src/ (with commander and chalk) into
 * dist/cli.js and a few chunks, with source maps. Fewer, larger modules start faster than a tree
 * of ES modules (npm run bench), and splitting keeps each command's code, the knowledge base
 * included, out of the others' start-up; jose, undici and open stay external, loaded only when a
 * command needs them.
 */
import { rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
execFileSync(process.execPath, [new URL('node_modules/typescript/bin/tsc', root).pathname, '-p', 'tsconfig.json', '--noEmit'], { cwd: root, stdio: 'inherit' });
rmSync(new URL('dist', root), { recursive: true, force: true });
await build({
  entryPoints: [new URL('src/cli.ts', root).pathname],
  outdir: new URL('dist', root).pathname,
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  sourcesContent: true,
  external: ['jose', 'undici', 'open'],
  // commander is CommonJS: give the bundle a require() of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
