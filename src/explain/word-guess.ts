/**
 * The last reading before "not recognised": which cause the words of an error are closest to, from
 * a naive Bayes model of the words of real errors whose cause is known (the recorded cases of the
 * knowledge base and the tuning and documented evaluation sets; scripts/eval/word-model.mjs makes
 * it). It answers only what no knowledge entry did, and says that it is a reading of the wording,
 * with the next likeliest cause beside it. Pure: the model is passed in.
 */

/** Words that say nothing of a cause. */
const STOP = new Set(
  ('the a an to of is was be been are and or in on at for with by from as it its this that these there not no can could ' +
    'please you your we our i my me he she they them their has have had do does did will would should may might must ' +
    'if then than but so when while which who what where why how into out up over under about after before again also ' +
    'http https www com org net html json null true false undefined string object error errors exception message status ' +
    'code line file at java js ts py go rb lib src main node modules index function anonymous line col column')
    .split(/\s+/),
);

/**
 * The words of a text, as the model counts them: lower case, camelCase and snake_case split.
 * Single words: pairs of neighbours made the first reading right less often (scripts/eval/word-trial.mjs).
 */
export function wordsOf(text: string): Set<string> {
  const spaced = text.slice(0, 4000).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const out = new Set<string>();
  for (const match of spaced.matchAll(/[a-z][a-z0-9_]{1,29}|\b[1-5]\d\d\b/g)) {
    const word = match[0];
    // Ids, hashes and base64: no cause is spelled in them.
    if ((/\d.*\d.*\d/.test(word) && !/^[1-5]\d\d$/.test(word)) || STOP.has(word)) continue;
    out.add(word);
    if (word.includes('_')) for (const part of word.split('_')) if (part.length > 1 && !STOP.has(part)) out.add(part);
  }
  return out;
}

/**
 * The model: for each class, how many training texts it had and how many words they held; for each
 * word, in how many texts of each class it appeared.
 */
export interface WordModel {
  classes: string[];
  /** Texts per class. */
  texts: number[];
  /** Word occurrences per class (each word once a text). */
  words: number[];
  /** word -> [classIndex, count, classIndex, count, ...] */
  vocabulary: Record<string, number[]>;
}

export interface WordGuess {
  finding: string;
  /** Share of the probability among all classes, 0..1. */
  share: number;
  /** The words that spoke most for it. */
  words: string[];
}

/** Words of the text the model knows, fewer than this, and it does not guess. */
const MIN_KNOWN_WORDS = 2;
const SMOOTHING = 0.5;

/** The classes the words point to, likeliest first; empty when the text says too little. */
export function guessFromWords(model: WordModel, text: string): WordGuess[] {
  const known = [...wordsOf(text)].filter((w) => Object.hasOwn(model.vocabulary, w));
  if (known.length < MIN_KNOWN_WORDS) return [];
  const vocabularySize = Object.keys(model.vocabulary).length;
  const scores = model.classes.map((_, c) => {
    // No prior: the sets' mix of causes is not the world's, and leaving it out was right more often.
    let score = 0;
    const denominator = Math.log((model.words[c] as number) + SMOOTHING * vocabularySize);
    for (const w of known) score += Math.log(countIn(model.vocabulary[w] as number[], c) + SMOOTHING) - denominator;
    return score;
  });
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.classes
    .map((finding, c) => ({ finding, share: (exp[c] as number) / sum, c }))
    .sort((a, b) => b.share - a.share)
    .slice(0, 3)
    .map(({ finding, share, c }) => ({ finding, share, words: tellingWords(model, known, c) }));
}

function countIn(counts: number[], c: number): number {
  for (let i = 0; i < counts.length; i += 2) if (counts[i] === c) return counts[i + 1] as number;
  return 0;
}

/** The known words most particular to class c (seen in its texts far more than in others'). */
function tellingWords(model: WordModel, known: string[], c: number): string[] {
  const totalTexts = model.texts.reduce((a, b) => a + b, 0);
  return known
    .map((w) => {
      const counts = model.vocabulary[w] as number[];
      let all = 0;
      for (let i = 1; i < counts.length; i += 2) all += counts[i] as number;
      const inClass = countIn(counts, c);
      return { w, lift: (inClass / (model.texts[c] as number)) / (all / totalTexts), inClass };
    })
    .filter((x) => x.inClass >= 2 && x.lift > 2)
    .sort((a, b) => b.lift - a.lift)
    .slice(0, 4)
    .map((x) => x.w);
}
