/**
 * The evaluation (npm run eval) as a guard: the top-1 figure of each set may not fall below what
 * was reached, and no finding title may name a provider or library the input does not show. Runs
 * the classifier in-process over every recorded case (eval/README.md says how they were gathered
 * and split); the held-out set is scored here, never read for tuning.
 */
import { describe, expect, it } from 'vitest';
import { explainText } from '../src/explain/index.js';
import { readCases } from '../scripts/eval/cases.mjs';
import { score } from '../scripts/eval/score.mjs';
import { makeModel, trainingTexts } from '../scripts/eval/word-model.mjs';
import { wordsOf } from '../src/explain/word-guess.js';
import { wordModel } from '../src/knowledge/index.js';

/** What each set reached when these floors were set (eval/README.md has the history). */
const FLOORS: Record<string, number> = { tuning: 83, heldout: 67, documented: 95 };

const report = score(readCases(), (text: string) => explainText(text, undefined, { guess: true }).findings);

describe('the evaluation sets', () => {
  it('has every set, each with enough cases to mean something', () => {
    expect(report.map((r: { set: string }) => r.set).sort()).toEqual(Object.keys(FLOORS).sort());
    for (const r of report) expect(r.n, r.set).toBeGreaterThanOrEqual(200);
  });

  it.each(Object.entries(FLOORS))('keeps %s top-1 at or above %d%%', (set, floor) => {
    const r = report.find((x: { set: string }) => x.set === set);
    expect(r?.top1).toBeGreaterThanOrEqual(floor);
  });

  it('names no provider or library in a title unless the input shows it', () => {
    expect(report.flatMap((r: { unshown: unknown[] }) => r.unshown)).toEqual([]);
  });
});

describe('the word model behind the last reading', () => {
  it('is the model the training texts make (run node scripts/eval/word-model.mjs after changing them)', async () => {
    const model = makeModel(await trainingTexts(), wordsOf);
    expect(model).toEqual(wordModel());
  });

  it('is made without a single held-out text', async () => {
    const heldout = new Set(readCases().filter((c: { set: string }) => c.set === 'heldout').map((c: { text: string }) => c.text));
    const texts = await trainingTexts();
    expect(texts.length).toBeGreaterThan(1000);
    expect(texts.filter((t: { text: string }) => heldout.has(t.text))).toEqual([]);
  });
});
