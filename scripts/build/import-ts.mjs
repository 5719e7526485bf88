/**
 * Imports TypeScript from src/ in this process: esbuild bundles a small entry of re-exports in
 * memory and the result is imported as a data: URL. The build uses it to serialise the knowledge
 * base; `npm run eval` uses it to run the classifier over thousands of cases without a process each.
 */
import { build } from 'esbuild';

const root = new URL('../..', import.meta.url);

/** `exportLines`: lines such as "export { KNOWLEDGE } from './src/knowledge/index.ts';". */
export async function importTs(exportLines) {
  const out = await build({
    stdin: { contents: exportLines.join('\n'), resolveDir: root.pathname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].contents).toString('base64')}`);
}
