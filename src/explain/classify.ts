/**
 * The explain classifier: observation in, findings out. It knows no provider by name; all of that
 * lives in the knowledge base (src/knowledge), including what shows each provider. Pure.
 */
import { finding, type Finding } from '../findings.js';
import { shows } from '../knowledge/providers.js';
import type { KnowledgeEntry, Matcher } from '../knowledge/types.js';
import { redactDeep, redactText } from '../redact.js';
import type { Observation } from './observation.js';
import { mightMatch } from './required-text.js';
import type { WordGuess } from './word-guess.js';

/** Reads the wording of a text no entry matched (explain/word-guess.ts), likeliest cause first. */
export type GuessFromWords = (text: string) => WordGuess[];

export interface Match {
  entry: KnowledgeEntry;
  score: number;
  /** The code the best matcher matched, if it named one. */
  code?: string;
  /** The best matcher asked for more than a code (text, context, status, a challenge). */
  specific: boolean;
}

/** Whether `re` matches the whole input or one of its descriptions (a redirect URL carries them form-encoded). */
const testText = (re: RegExp, obs: Observation): boolean =>
  [obs.text, ...obs.descriptions].some((t) => {
    if (!mightMatch(re, t)) return false;
    re.lastIndex = 0;
    return re.test(t);
  });

/** How much a matched matcher says about the input; a prefixed provider code says the most. */
function matcherScore(m: Matcher, obs: Observation, codes: Set<string>, unknownCodes: readonly string[]): { score: number; code?: string; specific: boolean } | undefined {
  // The cheap conditions first: most matchers fail on a code or a status, and never reach a text.
  if (m.hasCode !== undefined && (codes.size > 0) !== m.hasCode) return undefined;
  if (m.form && !m.form.includes(obs.form)) return undefined;
  if (m.notStatus && obs.status !== undefined && m.notStatus.includes(obs.status)) return undefined;
  if (m.notCode?.some((c) => codes.has(c.toLowerCase()))) return undefined;
  if (m.notContext?.some((f) => obs.context.includes(f))) return undefined;
  let score = 0;
  let code: string | undefined;
  let specific = false;
  if (m.code) {
    code = m.code.find((c) => codes.has(c.toLowerCase()));
    if (!code) return undefined;
    score += /[:]|^AADSTS/i.test(code) ? 6 : 4;
  }
  if (m.codeLike) {
    if (unknownCodes.length === 0) return undefined;
    const re = m.codeLike;
    code = unknownCodes.find((c) => re.test(c));
    if (!code) return undefined;
    score += 3;
  }
  if (m.status) {
    if (obs.status === undefined || !m.status.includes(obs.status)) return undefined;
    score += 1;
    specific = true;
  }
  if (m.context) {
    if (!m.context.every((f) => obs.context.includes(f))) return undefined;
    score += 2;
    specific = true;
  }
  if (m.challenge !== undefined) {
    if (!obs.challenge || obs.challenge.scheme.toLowerCase() !== m.challenge.toLowerCase()) return undefined;
    score += 1;
    specific = true;
  }
  if (m.hasChallenge !== undefined) {
    if (Boolean(obs.challenge) !== m.hasChallenge) return undefined;
    score += 1;
  }
  if (m.text) {
    if (!testText(m.text, obs)) return undefined;
    score += 3;
    specific = true;
  }
  if (score === 0) return undefined;
  if (m.notText && testText(m.notText, obs)) return undefined;
  return { score, ...(code ? { code } : {}), specific };
}

/** What seeing the provider in the input adds to its entries' scores. */
const PROVIDER_SHOWN = 3;

const namedCodes = new WeakMap<readonly KnowledgeEntry[], Set<string>>();

/** Every code a general entry (one about no provider) matches by name, lower-cased. */
function codesNamed(knowledge: readonly KnowledgeEntry[]): Set<string> {
  let named = namedCodes.get(knowledge);
  if (!named) {
    named = new Set(knowledge.filter((e) => !e.provider).flatMap((e) => e.match.flatMap((m) => (m.code ?? []).map((c) => c.toLowerCase()))));
    namedCodes.set(knowledge, named);
  }
  return named;
}

/**
 * The codes no entry knows by name, as snake_case words (`UnauthorizedClientApplicationDisabled`
 * becomes `unauthorized_client_application_disabled`): what `codeLike` reads, so the codes the
 * next provider makes up are read by their words, and a code with a general entry of its own is
 * not (a provider's code is read by its words unless the input shows the provider).
 */
function unknownCodeWords(codes: readonly string[], named: Set<string>): string[] {
  return codes
    .filter((c) => !c.includes(':') && !named.has(c.toLowerCase()) && /[a-z]/i.test(c))
    .map((c) =>
      c
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    );
}

/** Every entry that matches, best first. An entry about a provider matches only when the input shows it. */
export function matchKnowledge(obs: Observation, knowledge: readonly KnowledgeEntry[]): Match[] {
  const codes = new Set(obs.codes.map((c) => c.toLowerCase()));
  const unknownCodes = unknownCodeWords(obs.codes, codesNamed(knowledge));
  const shown = new Map<string, boolean>();
  const isShown = (id: string) => {
    let s = shown.get(id);
    if (s === undefined) {
      s = shows(id, obs.text, obs.codes);
      shown.set(id, s);
    }
    return s;
  };
  const matches: Match[] = [];
  for (const entry of knowledge) {
    // An entry about a provider the input does not show is not even tried: its patterns are never compiled.
    if (entry.provider && !isShown(entry.provider)) continue;
    let best: ReturnType<typeof matcherScore>;
    for (const m of entry.match) {
      const s = matcherScore(m, obs, codes, unknownCodes);
      if (s !== undefined && (best === undefined || s.score > best.score)) best = s;
    }
    if (best === undefined) continue;
    // The input shows this provider: its own reading beats the general one.
    // A wrapper's reading is no reading: it never rises above what it wraps.
    const evidence = entry.provider && entry.finding !== 'wrapped_token_error' ? PROVIDER_SHOWN : 0;
    matches.push({ entry, score: best.score + (entry.priority ?? 0) + evidence, ...(best.code ? { code: best.code.toLowerCase() } : {}), specific: best.specific });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/**
 * Findings for an observation, primary first. One finding per finding id (the most specific entry
 * wins); general triage (`unknown`) only when nothing specific matched; an entry that matched only
 * a code is left out when a better one already read more into the same code (a redirect_uri
 * mismatch does not also get the general invalid_request), unless it is a second reading.
 */
export function classify(obs: Observation, knowledge: readonly KnowledgeEntry[], guess?: GuessFromWords): Finding[] {
  if (obs.success) return [successFinding(obs)];
  const matches = matchKnowledge(obs, knowledge);
  const specific = matches.filter((m) => m.entry.finding !== 'unknown');
  // Only where nothing matched: a general triage entry (a bare 401) already says what it could be and how to tell.
  const guesses = guess && matches.length === 0 ? guessFindings(guess(obs.text), obs, knowledge) : [];
  // A wrapper says nothing of its own either: the HTML page it wraps is the answer.
  const said = specific.filter((m) => !m.entry.fallback && m.entry.finding !== 'wrapped_token_error');
  const wrappers = specific.filter((m) => m.entry.finding === 'wrapped_token_error');
  const chosen = said.length > 0 ? [...said, ...wrappers] : specific.length > 0 ? specific : matches.slice(0, 1);
  const seen = new Set<string>();
  const readCodes = new Set<string>();
  const findings: Finding[] = [...guesses];
  for (const g of guesses) seen.add(g.id);
  for (const m of chosen) {
    if (seen.has(m.entry.finding)) continue;
    if (m.code && !m.specific && !m.entry.alternative && readCodes.has(m.code)) continue;
    seen.add(m.entry.finding);
    if (m.code) readCodes.add(m.code);
    findings.push(toFinding(m.entry, obs));
  }
  findings.push(...shapeFindings(obs).filter((f) => !seen.has(f.id)));
  // A reading of the wording is no recognition: what to paste to find out stays in the list.
  if (findings.length === 0 || guesses.length > 0) findings.push(unrecognised(obs));
  return findings;
}

function evidenceOf(obs: Observation, entry?: KnowledgeEntry): Record<string, unknown> {
  const evidence: Record<string, unknown> = {};
  if (entry) evidence.knowledge_entry = entry.key;
  evidence.input_form = obs.form;
  if (obs.status !== undefined) evidence.status = obs.status;
  if (obs.codes.length > 0) evidence.codes = obs.codes.slice(0, 10);
  if (obs.descriptions.length > 0) evidence.descriptions = obs.descriptions.slice(0, 5).map((d) => redactText(d).slice(0, 500));
  if (obs.challenge) evidence.www_authenticate = { scheme: obs.challenge.scheme, ...obs.challenge.params };
  if (obs.context.length > 0) evidence.context = obs.context;
  return redactDeep(evidence);
}

function toFinding(entry: KnowledgeEntry, obs: Observation): Finding {
  const said = obs.descriptions[0];
  const detail = said ? `${entry.meaning} The server said: "${redactText(said).slice(0, 300)}".` : entry.meaning;
  return finding({
    id: entry.finding,
    severity: entry.severity,
    title: entry.title,
    detail,
    causes: [...entry.causes],
    fixes: [...entry.fixes],
    sources: [...entry.sources],
    evidence: evidenceOf(obs, entry),
  });
}

/**
 * A first guess shares at least this much of the probability, and a second this much, or they are
 * not said (scripts/eval/word-trial.mjs: how often each threshold was right on texts left out).
 */
const FIRST_GUESS_SHARE = 0.7;
const SECOND_GUESS_SHARE = 0.15;

/**
 * The causes the wording points to, said as readings of the wording, with the general entry of
 * each cause for its causes and fixes. No provider entry: a guess names no provider.
 */
function guessFindings(guesses: WordGuess[], obs: Observation, knowledge: readonly KnowledgeEntry[]): Finding[] {
  const [first, second] = guesses;
  if (!first || first.share < FIRST_GUESS_SHARE) return [];
  const said = [first, ...(second && second.share >= SECOND_GUESS_SHARE ? [second] : [])];
  const entries = said.map((g) => generalEntryFor(g.finding, knowledge));
  return said.flatMap((g, i) => {
    const entry = entries[i];
    if (!entry) return [];
    const other = entries[1 - i];
    const words = g.words.length > 0 ? ` Its words (${g.words.map((w) => `"${w}"`).join(', ')}) are those of errors with this cause.` : '';
    return [
      finding({
        id: entry.finding,
        severity: 'warning',
        title: `${i === 0 ? 'Possibly' : 'Or'}: ${entry.title} (read from the wording; not a known error)`,
        detail:
          (i === 0
            ? 'No known error matched this text. This is a reading of its wording, and such a first reading was right about half the time on real errors it was not made from: check it before acting on it.'
            : 'The second reading of the wording, less likely than the first.') +
          `${words} ` +
          `${other ? `The other likely reading: ${other.title}. ` : ''}${entry.meaning}`,
        causes: [...entry.causes],
        fixes: [...entry.fixes],
        sources: [...entry.sources],
        evidence: { ...evidenceOf(obs, entry), reading: 'wording', share: Math.round(g.share * 100) / 100, ...(g.words.length > 0 ? { words: g.words } : {}) },
      }),
    ];
  });
}

/** The entry that speaks of a cause in general: no provider, and the RFC's or the general one first. */
function generalEntryFor(findingId: string, knowledge: readonly KnowledgeEntry[]): KnowledgeEntry | undefined {
  const general = knowledge.filter((e) => e.finding === findingId && !e.provider && !e.alternative);
  const rank = (e: KnowledgeEntry) => (/^rfc\d*\./.test(e.key) ? 0 : /^general\./.test(e.key) ? 1 : /^status\./.test(e.key) ? 3 : 2);
  return general.sort((a, b) => rank(a) - rank(b))[0];
}

/** Findings that come from the shape of the answer rather than from its words. */
function shapeFindings(obs: Observation): Finding[] {
  const out: Finding[] = [];
  const hasOAuthError = obs.codes.some((c) => /^[a-z_]+$/.test(c) && RFC_ERROR_CODES.has(c));
  if (obs.status !== undefined && obs.status >= 200 && obs.status < 300 && hasOAuthError) {
    out.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: `An error body arrived with HTTP ${obs.status}`,
        detail:
          'RFC 6749 §5.2 says a token error is answered with HTTP 400 (401 for failed client authentication). ' +
          'Some providers answer HTTP 200 with an error body, so a client that only checks the status ' +
          'believes it got a token and fails later on a missing access_token.',
        fixes: [
          'Check the body for an "error" member before looking for "access_token", whatever the status.',
          'Send "Accept: application/json" so the error arrives as JSON and not form-encoded.',
        ],
        sources: ['RFC 6749 §5.2', 'GitHub Docs: Troubleshooting OAuth app access token request errors', '003_86f37ce835789711.txt (GitHub token request errors)'],
        evidence: evidenceOf(obs),
      }),
    );
  }
  if (obs.status === 401 && obs.form === 'http' && !obs.challenge) {
    out.push(
      finding({
        id: 'spec_deviation',
        severity: 'info',
        title: 'HTTP 401 without a WWW-Authenticate header',
        detail:
          'RFC 7235 §3.1 requires a 401 to carry a WWW-Authenticate challenge naming how to authenticate; an API using bearer tokens ' +
          'also says which error it was (RFC 6750 §3: invalid_token, insufficient_scope), and a token endpoint answers Basic. ' +
          'Without it the client cannot tell a wrong credential from an expired one or from a wrong scheme.',
        fixes: [
          'Read the body for an error message instead.',
          'If you run this API: answer 401 with `WWW-Authenticate: Bearer error="invalid_token", error_description="..."`.',
        ],
        sources: ['RFC 9110 §15.5.2', 'RFC 6750 §3', '001_b11ec28349281b2a.txt (401 and WWW-Authenticate)'],
        evidence: evidenceOf(obs),
      }),
    );
  }
  return out.filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i);
}

const RFC_ERROR_CODES = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
  'bad_verification_code',
  'incorrect_client_credentials',
  'redirect_uri_mismatch',
]);

/** The input shows a successful answer: nothing to diagnose. */
function successFinding(obs: Observation): Finding {
  const body = obs.body ?? obs.text;
  const tokenResponse = /"access_token"\s*:/.test(body);
  const introspection = /"active"\s*:\s*true/.test(body);
  return finding({
    id: 'success',
    severity: 'info',
    title: tokenResponse ? 'A successful token response: nothing failed' : introspection ? 'An active token (introspection): nothing failed' : 'A successful answer: nothing failed',
    detail: tokenResponse
      ? 'This is what a token endpoint answers when the grant worked (RFC 6749 §5.1): an access_token, its token_type and usually expires_in. ' +
        'If your application still fails after this, the problem is in what it does with the token next.'
      : introspection
        ? 'The introspection endpoint says the token is active (RFC 7662 §2.2). If an API still refuses it, compare its audience and scope with what the API expects.'
        : `HTTP ${obs.status ?? '2xx'} without an error in the body is success.`,
    fixes: [
      'Decode the token with `oauth-doctor decode` to see its lifetime, audience and scope.',
      'If a call made with it fails, explain that call\'s answer (its status, WWW-Authenticate header and body).',
    ],
    sources: tokenResponse ? ['RFC 6749 §5.1'] : introspection ? ['RFC 7662 §2.2'] : ['RFC 9110 §15.3'],
    evidence: evidenceOf(obs),
  });
}

function unrecognised(obs: Observation): Finding {
  return finding({
    id: 'unknown',
    severity: 'warning',
    title: 'Not recognised',
    detail:
      'Nothing in the input matched a known error. A 400 usually means the request is malformed (a missing or repeated parameter); ' +
      'a 401 that the credentials or token were missing, expired or wrong; a 403 that they were valid but not allowed to do this.',
    causes: [],
    fixes: [
      'Paste the whole HTTP response (as `curl -i` prints it): the status, the WWW-Authenticate header and the JSON body carry the real reason.',
      'For a library error, print the provider answer it wraps (passport-oauth2 keeps it in `err.oauthError`, many SDKs in `err.response` or `err.body`) and explain that.',
      'Decode the token you sent with `oauth-doctor decode` to check its expiry, audience and issuer.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6750 §3.1', '001_b11ec28349281b2a.txt (400/401/403/404 guidance)'],
    evidence: evidenceOf(obs),
  });
}
