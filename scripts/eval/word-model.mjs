#!/usr/bin/env node
/**
 * Makes src/knowledge/word-model.json, the model behind explain's last reading (src/explain/
 * word-guess.ts), from real error texts whose cause is known: the recorded case of every knowledge
 * entry (test/fixtures/explain) and the tuning and documented evaluation sets. Never the held-out
 * set: it is what measures whether the reading holds on texts nobody trained on.
 *
 *   node scripts/eval/word-model.mjs            write the model
 *   node scripts/eval/word-model.mjs --check    exit 1 when the model is not the one the texts make
 *   node scripts/eval/word-model.mjs --without-source S   (leave-one-source-out trials; prints, writes nothing)
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { importTs } from '../build/import-ts.mjs';
import { readCases } from './cases.mjs';

const MODEL = new URL('../../src/knowledge/word-model.json', import.meta.url);
/** Labels that are no cause to guess. */
const NOT_A_CAUSE = new Set(['unknown', 'success', 'spec_deviation']);

/** The training texts: [{text, label, source}]. */
export async function trainingTexts() {
  const fixtureFiles = readdirSync(new URL('../../test/fixtures/explain/', import.meta.url)).filter((f) => f.endsWith('.ts') && f !== 'types.ts');
  const fixtures = await importTs(fixtureFiles.map((f, i) => `export { cases as c${i} } from './test/fixtures/explain/${f}';`));
  const texts = [];
  for (const cases of Object.values(fixtures)) for (const c of cases) if (!c.rank) texts.push({ text: c.input, label: c.finding, source: `fixture:${c.entry}` });
  for (const c of readCases()) {
    if (c.set === 'heldout') continue;
    texts.push({ text: c.text, label: c.class, source: c.source });
  }
  return texts.filter((t) => !NOT_A_CAUSE.has(t.label));
}

/** Counts the words of each class (each word once a text); prunes words seen in fewer than two texts. */
export function makeModel(texts, wordsOf) {
  const classes = [...new Set(texts.map((t) => t.label))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const perWord = new Map();
  for (const t of texts) {
    const c = index.get(t.label);
    for (const w of wordsOf(t.text)) {
      let counts = perWord.get(w);
      if (!counts) perWord.set(w, (counts = new Map()));
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  const vocabulary = {};
  const words = classes.map(() => 0);
  for (const w of [...perWord.keys()].sort()) {
    const counts = perWord.get(w);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total < 2) continue;
    vocabulary[w] = [...counts].sort((a, b) => a[0] - b[0]).flat();
    for (const [c, n] of counts) words[c] += n;
  }
  const textsPerClass = classes.map((c) => texts.filter((t) => t.label === c).length);
  return { classes, texts: textsPerClass, words, vocabulary };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { wordsOf } = await importTs(["export { wordsOf } from './src/explain/word-guess.ts';"]);
  const model = makeModel(await trainingTexts(), wordsOf);
  const json = `${JSON.stringify(model)}\n`;
  if (process.argv.includes('--check')) {
    const current = readFileSync(MODEL, 'utf8');
    if (current !== json) {
      process.stderr.write('src/knowledge/word-model.json is not the model the texts make: run node scripts/eval/word-model.mjs\n');
      process.exit(1);
    }
  } else {
    writeFileSync(MODEL, json);
    process.stdout.write(`${model.classes.length} classes, ${model.texts.reduce((a, b) => a + b, 0)} texts, ${Object.keys(model.vocabulary).length} words\n`);
  }
}
