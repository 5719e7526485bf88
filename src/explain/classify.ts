/**
 * The explain classifier: observation in, findings out. It knows no provider by name; all of that
 * lives in the knowledge base (src/knowledge). Pure.
 */
import { finding, type Finding } from '../findings.js';
import type { KnowledgeEntry, Matcher } from '../knowledge/types.js';
import { redactDeep, redactText } from '../redact.js';
import type { Observation } from './observation.js';
import { mightMatch } from './required-text.js';

export interface Match {
  entry: KnowledgeEntry;
  score: number;
}

/** How much a matched field says about the input; a prefixed provider code says the most. */
function matcherScore(m: Matcher, obs: Observation, codes: Set<string>): number | undefined {
  let score = 0;
  if (m.code) {
    const hit = m.code.find((c) => codes.has(c.toLowerCase()));
    if (!hit) return undefined;
    score += /[:]|^AADSTS/i.test(hit) ? 6 : 4;
  }
  if (m.status) {
    if (obs.status === undefined || !m.status.includes(obs.status)) return undefined;
    score += 1;
  }
  if (m.text) {
    // The whole input, and each description as decoded (a redirect URL carries it form-encoded).
    const re = m.text;
    const hit = [obs.text, ...obs.descriptions].some((t) => {
      if (!mightMatch(re, t)) return false;
      re.lastIndex = 0;
      return re.test(t);
    });
    if (!hit) return undefined;
    score += 3;
  }
  if (m.challenge !== undefined) {
    if (!obs.challenge || obs.challenge.scheme.toLowerCase() !== m.challenge.toLowerCase()) return undefined;
    score += 1;
  }
  if (m.hasChallenge !== undefined) {
    if (Boolean(obs.challenge) !== m.hasChallenge) return undefined;
    score += 1;
  }
  return score === 0 ? undefined : score;
}

/** Every entry that matches, best first. */
export function matchKnowledge(obs: Observation, knowledge: readonly KnowledgeEntry[]): Match[] {
  const codes = new Set(obs.codes.map((c) => c.toLowerCase()));
  const matches: Match[] = [];
  for (const entry of knowledge) {
    let best: number | undefined;
    for (const m of entry.match) {
      const s = matcherScore(m, obs, codes);
      if (s !== undefined && (best === undefined || s > best)) best = s;
    }
    if (best !== undefined) matches.push({ entry, score: best + (entry.priority ?? 0) });
  }
  return matches.sort((a, b) => b.score - a.score);
}

/**
 * Findings for an observation, primary first. One finding per finding id (the most specific entry
 * wins); general triage (`unknown`) only when nothing specific matched.
 */
export function classify(obs: Observation, knowledge: readonly KnowledgeEntry[]): Finding[] {
  const matches = matchKnowledge(obs, knowledge);
  const specific = matches.filter((m) => m.entry.finding !== 'unknown');
  const chosen = specific.length > 0 ? specific : matches.slice(0, 1);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { entry } of chosen) {
    if (seen.has(entry.finding)) continue;
    seen.add(entry.finding);
    findings.push(toFinding(entry, obs));
  }
  findings.push(...shapeFindings(obs));
  if (findings.length === 0) findings.push(unrecognised(obs));
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
          'Some providers, GitHub among them, answer HTTP 200 with an error body, so a client that only checks the status ' +
          'believes it got a token and fails later on a missing access_token.',
        fixes: [
          'Check the body for an "error" member before looking for "access_token", whatever the status.',
          'Send "Accept: application/json" to GitHub so the error arrives as JSON and not form-encoded.',
        ],
        sources: ['RFC 6749 §5.2', '003_86f37ce835789711.txt (GitHub token request errors)'],
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
        sources: ['RFC 7235 §3.1', 'RFC 6750 §3', '001_b11ec28349281b2a.txt (401 and WWW-Authenticate)'],
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
      'For a library error, print the wrapped provider answer (for passport-oauth2: `err.oauthError`) and explain that.',
      'Decode the token you sent with `oauth-doctor decode` to check its expiry, audience and issuer.',
    ],
    sources: ['RFC 6749 §5.2', 'RFC 6750 §3.1', '001_b11ec28349281b2a.txt (400/401/403/404 guidance)'],
    evidence: evidenceOf(obs),
  });
}
