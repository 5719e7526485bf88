/**
 * The library build (`import('oauth-doctor')`, `require('oauth-doctor')`): src/api/index.ts as an
 * ES module (dist/api.mjs) and as CommonJS (dist/api.cjs), and its declarations.
 *
 * The declarations are tsc's, from src/api/ (tsconfig.api.json), keeping only the files the entry's
 * declaration reaches: src/api/types.ts writes the public types out so that closure stays small and
 * needs no Node.js, undici or jose types. They are shipped twice, as ES module declarations
 * (dist/types) and as CommonJS ones (dist/types-cjs, a package.json there says so), because
 * TypeScript reads a .d.ts as the module kind of its folder.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

/** What the library must never bring along: the CLI's own parts and its terminal dependencies. */
const FORBIDDEN_INPUT = /(^|[\\/])(node_modules[\\/](commander|chalk)[\\/]|src[\\/]cli\.ts$|src[\\/]io\.ts$)/;

export async function buildApi({ root, define, plugins }) {
  const rootPath = new URL('.', root).pathname;
  const common = {
    entryPoints: [join(rootPath, 'src/api/index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Maps for stack traces (--enable-source-maps) without the sources themselves: half the size.
    sourcemap: true,
    sourcesContent: false,
    external: ['jose', 'undici', 'open', 'qrcode-generator'],
    metafile: true,
    plugins,
    logLevel: 'warning',
  };
  const outputs = [
    await build({ ...common, format: 'esm', outfile: join(rootPath, 'dist/api.mjs'), define }),
    await build({
      ...common,
      format: 'cjs',
      outfile: join(rootPath, 'dist/api.cjs'),
      // CommonJS has no import.meta: the knowledge files are found next to this file, asked only when first read.
      define: { ...define, 'import.meta.url': '__api.url' },
      banner: { js: "const __api = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
    }),
  ];
  for (const { metafile } of outputs) {
    const forbidden = Object.keys(metafile.inputs).filter((p) => FORBIDDEN_INPUT.test(p));
    if (forbidden.length > 0) throw new Error(`the library bundle must not contain ${forbidden.join(', ')} (src/api/ imports the CLI)`);
  }
  writeDeclarations(rootPath);
}

function writeDeclarations(rootPath) {
  const out = mkdtempSync(join(tmpdir(), 'oauth-doctor-dts-'));
  try {
    execFileSync(process.execPath, [join(rootPath, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.api.json', '--outDir', out], { cwd: rootPath, stdio: 'inherit' });
    const esm = join(rootPath, 'dist/types');
    for (const file of closure(join(out, 'api/index.d.ts'))) {
      const target = join(esm, relative(out, file));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
    const cjs = join(rootPath, 'dist/types-cjs');
    cpSync(esm, cjs, { recursive: true });
    writeFileSync(join(cjs, 'package.json'), '{ "type": "commonjs" }\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The declaration files an entry's declaration reaches through its relative imports. */
function closure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.d.ts'));
      if (!existsSync(target)) throw new Error(`${file} imports ${spec}, which tsc did not emit`);
      visit(target);
    }
  };
  visit(entry);
  return [...seen];
}
