/**
 * Turns what a user pastes into `explain` (a bare code, a message, a JSON body, a raw HTTP response,
 * a WWW-Authenticate header, a redirect URL, a library stack trace) into one Observation the
 * classifier can match. Pure: no I/O, never throws on any string.
 */
import { parseWwwAuthenticate, type Challenge } from './challenge.js';
import { mightMatch } from './required-text.js';

export type InputForm = 'code' | 'json' | 'http' | 'challenge' | 'form' | 'url' | 'text';

export interface Observation {
  /** What the input looked like as a whole. */
  form: InputForm;
  /** HTTP status, from a status line, or as named by a body or a library error. */
  status?: number;
  /** Response headers, names lower-cased (raw HTTP input only). */
  headers: Record<string, string>;
  body?: string;
  /** Error codes, the RFC's unprefixed and providers' prefixed (see knowledge/types.ts). Deduplicated. */
  codes: string[];
  /** error_description, message and similar human text found in the input. */
  descriptions: string[];
  /** The first Bearer challenge, else the first challenge. */
  challenge?: Challenge;
  /** The whole input, for message matchers. */
  text: string;
}

const MAX_TEXT = 256 * 1024;
const MAX_EMBEDDED_JSON = 20;
const MAX_WALK_DEPTH = 6;

export function observe(input: string): Observation {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const trimmed = text.trim();
  const obs: Observation = { form: 'text', headers: {}, codes: [], descriptions: [], text: trimmed };
  const codes = new Set<string>();
  const addCode = (c: unknown) => {
    if (typeof c === 'string' && c.trim() && c.length <= 120) codes.add(c.trim());
    else if (typeof c === 'number' && Number.isFinite(c)) codes.add(String(c));
  };
  const addDescription = (d: unknown) => {
    if (typeof d === 'string' && d.trim() && !obs.descriptions.includes(d.trim())) obs.descriptions.push(d.trim());
  };
  const setStatus = (s: unknown) => {
    const n = typeof s === 'string' && /^\d{3}$/.test(s) ? Number(s) : s;
    if (obs.status === undefined && typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599) obs.status = n;
  };

  let body = trimmed;
  const http = parseRawHttp(trimmed);
  if (http) {
    obs.form = 'http';
    obs.status = http.status;
    obs.headers = http.headers;
    obs.body = http.body;
    body = http.body.trim();
  }

  // A WWW-Authenticate header: from raw HTTP headers, a pasted header line, or a bare challenge.
  // Header values may be folded onto continuation lines that start with white space.
  const headerLine = /^\s*WWW-Authenticate\s*:\s*(.+(?:\r?\n[ \t]+.+)*)/im.exec(trimmed)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  const bareChallenge = /^(Bearer|DPoP|Basic|Digest|Negotiate)\s+[\w-]+\s*=/i.test(trimmed) ? trimmed : undefined;
  const challengeValue = obs.headers['www-authenticate'] ?? headerLine ?? bareChallenge;
  if (challengeValue) {
    const challenges = parseWwwAuthenticate(challengeValue);
    const chosen = challenges.find((c) => /^(bearer|dpop)$/i.test(c.scheme)) ?? challenges[0];
    if (chosen) {
      obs.challenge = chosen;
      if (obs.form === 'text') obs.form = 'challenge';
      addCode(chosen.params.error);
      addDescription(chosen.params.error_description);
    }
  }

  // JSON: the whole body, else objects embedded in the text (stack traces, logs, util.inspect output).
  const whole = tryJson(body);
  if (whole !== undefined) {
    if (obs.form === 'text') obs.form = 'json';
    walkJson(whole, 0, { addCode, addDescription, setStatus });
  } else {
    for (const embedded of findEmbeddedJson(body)) walkJson(embedded, 0, { addCode, addDescription, setStatus });
  }

  // Form-encoded bodies (GitHub without Accept: application/json) and redirect URLs carrying error=.
  const url = tryUrl(trimmed);
  if (url) {
    obs.form = 'url';
    for (const params of [url.searchParams, new URLSearchParams(url.hash.replace(/^#/, ''))]) {
      addCode(params.get('error'));
      addDescription(params.get('error_description'));
    }
  } else if (isFormWithError(body)) {
    if (obs.form === 'text') obs.form = 'form';
    const params = new URLSearchParams(body);
    addCode(params.get('error'));
    addDescription(params.get('error_description'));
  }

  // A bare code typed alone: `invalid_client`, `AADSTS50011`, `601`.
  if (obs.form === 'text' && /^[A-Za-z0-9][\w.:/-]{0,80}$/.test(trimmed)) {
    obs.form = 'code';
    addCode(trimmed);
  }

  scanText(trimmed, { addCode, setStatus });
  obs.codes = [...codes];
  return obs;
}

/** `error=...&error_description=...` (checked by splitting: a regex over a large body backtracks). */
function isFormWithError(body: string): boolean {
  if (body.length > 16 * 1024 || /\s/.test(body)) return false;
  const parts = body.split('&');
  return parts.some((p) => p.startsWith('error=') && p.length > 6) && parts.every((p) => /^[\w.%-]+=[^&]*$/.test(p));
}

interface Sinks {
  addCode(c: unknown): void;
  addDescription(d: unknown): void;
  setStatus(s: unknown): void;
}

function walkJson(value: unknown, depth: number, sinks: Sinks): void {
  if (depth > MAX_WALK_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) walkJson(item, depth + 1, sinks);
    return;
  }
  const o = value as Record<string, unknown>;
  const { addCode, addDescription, setStatus } = sinks;

  if (typeof o.error === 'string') {
    addCode(o.error);
    // Slack answers {"ok": false, "error": "invalid_auth"}.
    if (o.ok === false) addCode(`slack:${o.error}`);
  }
  addDescription(o.error_description);
  if (Array.isArray(o.error_codes)) for (const n of o.error_codes.slice(0, 20)) if (typeof n === 'number') addCode(`AADSTS${n}`);

  // Facebook Graph: {"error": {"message", "type": "OAuthException", "code": 190, "error_subcode": 463}}
  if (o.type === 'OAuthException' && (typeof o.code === 'number' || typeof o.code === 'string')) {
    addCode(`facebook:${o.code}`);
    if (o.error_subcode !== undefined) addCode(`facebook:${o.code}/${o.error_subcode}`);
    addCode('facebook:OAuthException');
  }
  // Google APIs: {"error": {"code": 401, "message": "...", "status": "UNAUTHENTICATED", "errors": [{"reason"}]}}
  if (typeof o.status === 'string' && /^[A-Z_]+$/.test(o.status) && typeof o.code === 'number') {
    addCode(`google:${o.status}`);
    setStatus(o.code);
  }
  if (typeof o.reason === 'string' && typeof o.domain === 'string') addCode(`google:${o.reason}`);
  // Marketo: {"requestId", "success": false, "errors": [{"code": "601", "message": "Access token invalid"}]}
  if (Array.isArray(o.errors) && ('requestId' in o || o.success === false)) {
    for (const e of o.errors.slice(0, 20)) {
      if (e && typeof e === 'object') addCode(`marketo:${(e as Record<string, unknown>).code}`);
    }
  }
  // Okta: {"errorCode": "E0000011", "errorSummary": "Invalid token provided"}
  if (typeof o.errorCode === 'string') addCode(/^E\d{7}$/.test(o.errorCode) ? `okta:${o.errorCode}` : o.errorCode);
  addDescription(o.errorSummary);
  // Appwrite: {"message", "code": 401, "type": "user_jwt_invalid", "version"}
  if (typeof o.type === 'string' && typeof o.code === 'number' && typeof o.message === 'string') {
    addCode(`appwrite:${o.type}`);
    setStatus(o.code);
  }

  // Yandex: {"errors": [{"error_type": "invalid_token"}]}, {"error_code": 53, "error_string": "..."}
  if (typeof o.error_type === 'string') addCode(o.error_type);
  if (typeof o.error_code === 'number' || typeof o.error_code === 'string') addCode(String(o.error_code));
  addDescription(o.error_string);
  addDescription(o.message);
  addDescription(o.error_message);
  // SDKs that wrap the provider's JSON body as a string in `message` (node-auth0 and others).
  for (const wrapped of [o.message, o.error_description]) {
    if (typeof wrapped === 'string' && wrapped.trim().startsWith('{')) {
      const inner = tryJson(wrapped);
      if (inner !== undefined) walkJson(inner, depth + 1, sinks);
    }
  }
  addDescription(o.detail);
  addDescription(o.title);
  setStatus(o.statusCode);
  setStatus(o.status);
  // passport's err.oauthError keeps the provider's raw body as a string in `data`.
  if (typeof o.data === 'string') {
    const inner = tryJson(o.data.trim());
    if (inner !== undefined) walkJson(inner, depth + 1, sinks);
    else if (/(^|&)error=/.test(o.data)) {
      const params = new URLSearchParams(o.data);
      addCode(params.get('error'));
      addDescription(params.get('error_description'));
    }
  }
  for (const [k, v] of Object.entries(o)) {
    if (k !== 'data' && v && typeof v === 'object') walkJson(v, depth + 1, sinks);
  }
}

type Sink = Pick<Sinks, 'addCode' | 'setStatus'>;

/**
 * Codes that show up in free text (stack traces, log lines, library messages): a pattern (global)
 * and what a match adds. Kept here, compiled once, and checked with mightMatch first: for short
 * input, compiling the patterns is most of what reading it costs.
 */
const TEXT_CODES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray, sink: Sink) => void]> = [
  [/\bAADSTS(\d{4,9})\b/g, (m, s) => s.addCode(`AADSTS${m[1]}`)],
  [/\b(InternalOAuthError|TokenError|AuthorizationError)\b/g, (m, s) => s.addCode(`passport:${m[1]}`)],
  [/\b(TokenExpiredError|JsonWebTokenError|NotBeforeError)\b/g, (m, s) => s.addCode(`jsonwebtoken:${m[1]}`)],
  [
    /\b(ExpiredSignatureError|InvalidSignatureError|InvalidAudienceError|InvalidIssuerError|ImmatureSignatureError|DecodeError|InvalidTokenError|MissingRequiredClaimError|InvalidAlgorithmError)\b/g,
    (m, s) => s.addCode(`pyjwt:${m[1]}`),
  ],
  [/\b(ERR_J(?:WT|WS|WK|WKS|WE|OSE)_[A-Z_]+)\b/g, (m, s) => s.addCode(`jose:${m[1]}`)],
  [/\b(IDX\d{5})\b/g, (m, s) => s.addCode(m[1])],
  // Google's error pages: "Error 400: redirect_uri_mismatch".
  [
    /\bError (\d{3}): ([a-z][a-z0-9_]{2,60})\b/g,
    (m, s) => {
      s.addCode(m[2]);
      s.setStatus(Number(m[1]));
    },
  ],
  // Slack's answer printed by util.inspect: `data: { ok: false, error: 'invalid_auth' }`.
  [/\bok:\s*false,\s*error:\s*'([a-z_]{3,60})'/g, (m, s) => s.addCode(`slack:${m[1]}`)],
  [/\b(JWTExpired|JWTClaimValidationFailed|JWSSignatureVerificationFailed|JWKSNoMatchingKey|JWTInvalid|JWSInvalid|JWKSTimeout|JOSEAlgNotAllowed)\b/g, (m, s) => s.addCode(`jose:${m[1]}`)],
  [
    /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPROTO|CERT_HAS_EXPIRED|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|ERR_TLS_CERT_ALTNAME_INVALID|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|UND_ERR_SOCKET)\b/g,
    (m, s) => s.addCode(`node:${m[1]}`),
  ],
  // `error: invalid_grant`, `error=invalid_grant`, `"error":"invalid_grant"`, `code: 'invalid_grant'` in logs.
  [/\berror(?:[ _]?code)?["']?\s*[:=]\s*["']?([a-z][a-z0-9_]{2,60})\b/gi, (m, s) => s.addCode(m[1])],
  // passport: `TokenError: <code or description>`; `code: 'invalid_grant'` in util.inspect output.
  [/\bcode:\s*'([a-z][a-z0-9_]{2,60})'/g, (m, s) => s.addCode(m[1])],
  [/\bError code:? (\d{3,6})\b/gi, (m, s) => s.addCode(m[1])],
];

/** Where a status code shows up in free text, most explicit first. */
const STATUS_EXPLICIT = /\bstatus(?:Code|_code| code)["']?\s*[:=]?\s*["']?(\d{3})\b/i;
const STATUS_FIELD = /\bstatus["']?\s*[:=]\s*["']?(\d{3})\b/i;
const STATUS_LINE = /\b(?:HTTP(?:\/[\d.]+)?|code=)\s*(\d{3})\b/i;
const STATUS_REASON = /\b(\d{3})\s+(?:Unauthorized|Forbidden|Bad Request|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b/i;
const PASSPORT_DEFAULT_STATUS = /\b(TokenError|AuthorizationError)\b/;

/** Every pattern above, for the build to work out what text each needs (explain/required-text.ts). */
export const FREE_TEXT_PATTERNS: readonly RegExp[] = [...TEXT_CODES.map(([re]) => re), STATUS_EXPLICIT, STATUS_FIELD, STATUS_LINE, STATUS_REASON, PASSPORT_DEFAULT_STATUS];

const execIfPossible = (re: RegExp, text: string) => (mightMatch(re, text) ? re.exec(text) : null);

/** Codes and statuses that show up in free text: stack traces, log lines, library messages. */
function scanText(text: string, sink: Sink): void {
  const sample = text.slice(0, 64 * 1024);
  for (const [re, add] of TEXT_CODES) {
    if (!mightMatch(re, sample)) continue;
    for (const m of sample.matchAll(re)) add(m, sink);
  }
  // passport's TokenError and AuthorizationError print `status: 500`, their default, not the provider's.
  const passportDefault = execIfPossible(PASSPORT_DEFAULT_STATUS, sample) !== null;
  const statusMatch =
    execIfPossible(STATUS_EXPLICIT, sample) ??
    (passportDefault ? null : execIfPossible(STATUS_FIELD, sample)) ??
    execIfPossible(STATUS_LINE, sample) ??
    execIfPossible(STATUS_REASON, sample);
  if (statusMatch) sink.setStatus(Number(statusMatch[1]));
}

export interface RawHttp {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A response as `curl -i` prints it. With several (redirects, 100 Continue) the last one counts. */
export function parseRawHttp(text: string): RawHttp | undefined {
  const normalised = text.replace(/\r\n/g, '\n');
  const starts = [...normalised.matchAll(/^HTTP\/[\d.]+\s+(\d{3})[^\n]*$/gm)];
  const last = starts.at(-1);
  if (!last || last.index === undefined) return undefined;
  const block = normalised.slice(last.index);
  const [head, ...rest] = block.split(/\n\n/);
  const headers: Record<string, string> = {};
  for (const line of (head ?? '').replace(/\n[ \t]+/g, ' ').split('\n').slice(1)) {
    const idx = line.indexOf(':');
    if (idx > 0) {
      const name = line.slice(0, idx).trim().toLowerCase();
      const value = line.slice(idx + 1).trim();
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  }
  return { status: Number(last[1]), headers, body: rest.join('\n\n') };
}

function tryJson(text: string): unknown {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

function tryUrl(text: string): URL | undefined {
  if (!/^https?:\/\/\S+$/i.test(text) && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return /[?#&]error=/.test(url.search + url.hash) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Balanced `{...}` spans that parse as JSON, found in free text. Bounded in count and size. */
export function findEmbeddedJson(text: string): unknown[] {
  const found: unknown[] = [];
  const sample = text.slice(0, 64 * 1024);
  let i = sample.indexOf('{');
  let attempts = 0;
  while (i !== -1 && found.length < MAX_EMBEDDED_JSON && attempts < 200) {
    attempts += 1;
    const end = matchingBrace(sample, i);
    if (end !== -1) {
      const parsed = tryJson(sample.slice(i, end + 1));
      if (parsed !== undefined) {
        found.push(parsed);
        i = sample.indexOf('{', end + 1);
        continue;
      }
    }
    i = sample.indexOf('{', i + 1);
  }
  return found;
}

function matchingBrace(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let j = start; j < s.length && j < start + 32 * 1024; j += 1) {
    const ch = s[j];
    if (inString) {
      if (ch === '\\') j += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}
