#!/usr/bin/env node
/**
 * How the word reading (src/explain/word-guess.ts) would do on texts it never saw, measured on the
 * tuning set alone: each source's cases are left out of the model in turn, and guessed where the
 * knowledge base said nothing. Prints how often the first guess and the first two are right for
 * each share threshold: what chose the threshold in word-guess.ts. The held-out set takes no part.
 *
 *   node scripts/eval/word-trial.mjs
 *   node scripts/eval/word-trial.mjs --all    the model alone, on every tuning case
 */
import { importTs } from '../build/import-ts.mjs';
import { makeModel, trainingTexts } from './word-model.mjs';

const { wordsOf, guessFromWords, explainText } = await importTs([
  "export { wordsOf, guessFromWords } from './src/explain/word-guess.ts';",
  "export { explainText } from './src/explain/index.ts';",
]);
const all = await trainingTexts();
const tuning = (await import('./cases.mjs')).readCases().filter((c) => c.set === 'tuning');
const sources = [...new Set(tuning.map((c) => c.source))];
const trials = [];
for (const source of sources) {
  const model = makeModel(all.filter((t) => t.source !== source), wordsOf);
  for (const c of tuning.filter((x) => x.source === source)) {
    let guesses;
    // The guess is asked for only where no knowledge entry matched (with --all, on every case: the model alone).
    if (process.argv.includes('--all')) guesses = guessFromWords(model, c.text);
    else explainText(c.text, undefined, { guess: (text) => (guesses = guessFromWords(model, text)) });
    if (guesses) trials.push({ label: c.class, guesses });
  }
}
process.stdout.write(`tuning cases no knowledge entry matches: ${trials.length}\n`);
for (const threshold of [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
  const fired = trials.filter((t) => t.guesses[0] && t.guesses[0].share >= threshold);
  const right = fired.filter((t) => t.guesses[0].finding === t.label).length;
  const inTwo = fired.filter((t) => t.guesses.slice(0, 2).some((g) => g.finding === t.label)).length;
  process.stdout.write(
    `  share >= ${threshold.toFixed(1)}: guesses ${String(fired.length).padStart(3)}, first right ${String(right).padStart(3)} (${((100 * right) / Math.max(1, fired.length)).toFixed(0)}%), ` +
      `one of two right ${inTwo} (${((100 * inTwo) / Math.max(1, fired.length)).toFixed(0)}%)\n`,
  );
}
