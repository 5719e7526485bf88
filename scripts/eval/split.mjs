#!/usr/bin/env node
/**
 * Turns gathered cases into the two evaluation sets, once, before any matcher is changed:
 *
 *   node scripts/eval/split.mjs --from DIR
 *   node scripts/eval/split.mjs --from DIR --set documented
 *
 * DIR holds one JSON array of cases per family of sources (js.json, idp.json, ...), each case
 * {text, url, source, stage, class, cause, provider, shows} (eval/README.md). A case goes to the
 * held-out set when the first byte of sha256(source) is odd, so every case of one source (one
 * repository, one Q&A site, one vendor's support pages) lands in the same set, and the held-out
 * set holds libraries and providers the tuning set never showed. Cases whose text the knowledge
 * tests already use are dropped (they were tuned on), as are repeated texts.
 *
 * With --set NAME every case goes to that set instead (the `documented` set: messages read in the
 * libraries' and providers' own sources and documentation, tuned on, reported apart).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTs } from '../build/import-ts.mjs';

const from = process.argv[process.argv.indexOf('--from') + 1];
const fixedSet = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined;
if (!from || process.argv.indexOf('--from') < 0) {
  process.stderr.write('usage: node scripts/eval/split.mjs --from DIR\n');
  process.exit(2);
}
const { FINDING_IDS } = await importTs(["export { FINDING_IDS } from './src/findings.ts';"]);
/** Labels a case may carry: the finding ids, and the codes the gatherers were given for flows the tool does not run yet. */
const LABELS = new Set([...Object.keys(FINDING_IDS), 'nonce_mismatch', 'authorization_pending', 'slow_down', 'device_code_expired', 'invalid_dpop_proof', 'use_dpop_nonce']);
const STAGES = new Set(['authorize', 'token', 'resource', 'library', 'network']);

const fixtureTexts = new Set();
const fixtures = await importTs(
  readdirSync(new URL('../../test/fixtures/explain/', import.meta.url))
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
    .map((f, i) => `export { cases as c${i} } from './test/fixtures/explain/${f}';`),
);
for (const cases of Object.values(fixtures)) for (const c of cases) fixtureTexts.add(c.input.trim());

const root = new URL('../../eval/cases/', import.meta.url);
const seen = new Set();
const out = fixedSet ? { [fixedSet]: {} } : { tuning: {}, heldout: {} };
// Texts already in any set are not taken twice.
const { readCases } = await import('./cases.mjs');
for (const c of readCases()) seen.add(c.text.trim());
const dropped = [];
for (const file of readdirSync(from).filter((f) => f.endsWith('.json')).sort()) {
  const family = file.replace(/\.json$/, '');
  const cases = JSON.parse(readFileSync(join(from, file), 'utf8'));
  let n = 0;
  for (const c of cases) {
    const problem =
      typeof c.text !== 'string' || c.text.trim() === '' ? 'no text'
      : !/^https?:\/\//.test(c.url ?? '') ? 'no URL'
      : !c.source ? 'no source'
      : !LABELS.has(c.class) ? `unknown class ${c.class}`
      : !STAGES.has(c.stage) ? `unknown stage ${c.stage}`
      : seen.has(c.text.trim()) ? 'repeated text'
      : fixtureTexts.has(c.text.trim()) ? 'already a knowledge test'
      : undefined;
    if (problem) {
      dropped.push(`${family}: ${problem}: ${String(c.text).slice(0, 60)}`);
      continue;
    }
    seen.add(c.text.trim());
    n += 1;
    const set = fixedSet ?? (createHash('sha256').update(c.source.toLowerCase()).digest()[0] % 2 ? 'heldout' : 'tuning');
    (out[set][family] ??= []).push({ id: `${family}-${String(n).padStart(3, '0')}`, ...c });
  }
}
for (const [set, families] of Object.entries(out)) {
  mkdirSync(new URL(`${set}/`, root), { recursive: true });
  for (const [family, cases] of Object.entries(families)) writeFileSync(new URL(`${set}/${family}.json`, root), `${JSON.stringify(cases, null, 2)}\n`);
  process.stdout.write(`${set}: ${Object.values(families).flat().length} cases\n`);
}
if (dropped.length) process.stdout.write(`dropped ${dropped.length}:\n  ${dropped.join('\n  ')}\n`);
