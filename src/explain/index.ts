import type { Finding } from '../findings.js';
import { KNOWLEDGE } from '../knowledge/index.js';
import { classify } from './classify.js';
import { observe, type Observation } from './observation.js';

export interface Explanation {
  observation: Observation;
  findings: Finding[];
}

/** explain's whole logic: text in, findings out, primary first. */
export function explainText(text: string): Explanation {
  const observation = observe(text);
  return { observation, findings: classify(observation, KNOWLEDGE) };
}
