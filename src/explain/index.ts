import type { Finding } from '../findings.js';
import { KNOWLEDGE, wordModel } from '../knowledge/index.js';
import { classify, type GuessFromWords } from './classify.js';
import { observe, type ContextFlag, type Observation } from './observation.js';
import { guessFromWords } from './word-guess.js';

export interface Explanation {
  observation: Observation;
  findings: Finding[];
}

/**
 * Error codes registered for OAuth and OpenID Connect (RFC 6749, 6750, 7009, 7591, 8628, 8707,
 * 9126, 9449, OpenID Connect Core 3.1.2.6) besides those the knowledge base matches on: a word
 * written anywhere in the input is read as a code when it is one of these.
 */
const REGISTERED_CODES = [
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope',
  'access_denied', 'unsupported_response_type', 'server_error', 'temporarily_unavailable', 'invalid_token', 'insufficient_scope',
  'unsupported_token_type', 'invalid_redirect_uri', 'invalid_client_metadata', 'authorization_pending', 'slow_down',
  'expired_token', 'invalid_target', 'invalid_request_uri', 'invalid_request_object', 'request_not_supported',
  'request_uri_not_supported', 'registration_not_supported', 'invalid_dpop_proof', 'use_dpop_nonce', 'interaction_required',
  'login_required', 'account_selection_required', 'consent_required', 'invalid_authorization_details',
];

let vocabulary: Set<string> | undefined;

/** Every unprefixed code the knowledge base matches on, and the registered ones. */
function knownCodes(): Set<string> {
  if (!vocabulary) {
    vocabulary = new Set(REGISTERED_CODES);
    for (const entry of KNOWLEDGE) for (const m of entry.match) for (const c of m.code ?? []) if (!c.includes(':')) vocabulary.add(c.toLowerCase());
  }
  return vocabulary;
}

/**
 * explain's whole logic: text in, findings out, primary first. `context` is what the caller knows
 * that the text may not say (the endpoint and grant of a request login or probe just made).
 * `guess`: when no knowledge entry reads the text, say which causes its wording is closest to
 * (explain/word-guess.ts). For what a user pastes; not for the answers login and probe read, where a
 * server's own words are known or the finding says so.
 */
export function explainText(text: string, context?: readonly ContextFlag[], o: { guess?: boolean | GuessFromWords } = {}): Explanation {
  const observation = observe(text, { vocabulary: knownCodes(), ...(context ? { context } : {}) });
  const guess = typeof o.guess === 'function' ? o.guess : o.guess ? (t: string) => guessFromWords(wordModel(), t) : undefined;
  return { observation, findings: classify(observation, KNOWLEDGE, guess) };
}
