/**
 * The knowledge base as the built CLI reads it: the build bundles this module in place of
 * index.ts (scripts/build.mjs) and writes the two files next to the bundle. Not used from the
 * sources, where index.ts carries the entries themselves.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { knowledgeFromFiles } from './serialize.js';
import type { WordModel } from '../explain/word-guess.js';

const wordsFile = new URL('knowledge-words.json', import.meta.url);

function readWords(offset: number, length: number): string {
  const buffer = Buffer.alloc(length);
  const fd = openSync(wordsFile, 'r');
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('latin1');
}

export const KNOWLEDGE = knowledgeFromFiles(readFileSync(new URL('knowledge.json', import.meta.url), 'latin1'), readWords);

let model: WordModel | undefined;

/** The word model (dist/word-model.json), read the first time a text is left unrecognised. */
export function wordModel(): WordModel {
  model ??= JSON.parse(readFileSync(new URL('word-model.json', import.meta.url), 'utf8')) as WordModel;
  return model;
}
