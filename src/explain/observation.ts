/**
 * Turns what a user pastes into `explain` (a bare code, a message, a JSON body, a raw HTTP response,
 * a WWW-Authenticate header, a redirect URL, a library stack trace, a log line) into one
 * Observation the classifier can match. Pure: no I/O, never throws on any string.
 *
 * Codes arrive inside other text far more often than as clean JSON, so they are read wherever they
 * are: JSON anywhere in the text (escaped in a log line too), the object literals that Python,
 * Node, Ruby and PHP print, key=value log fields, and any code the knowledge base knows written
 * anywhere as a word. Only codes: a word is taken as a code when it is written as codes are
 * (snake_case) or the knowledge base knows it, never `Uncaught`, `Invalid` or `Error`.
 */
import { parseWwwAuthenticate, type Challenge } from './challenge.js';
import { htmlToText, looksLikeHtml } from './html-text.js';
import { findLooseObjects, phpArrayFields } from './loose-literal.js';
import { mightMatch } from './required-text.js';
import { timeWindowFlags } from './time-window.js';

export type InputForm = 'code' | 'json' | 'http' | 'challenge' | 'form' | 'url' | 'text';

/**
 * What the input says about where it happened: which grant was being used, at which endpoint.
 * Context decides between diagnoses that share a code (invalid_grant for a code or a refresh token).
 */
export type ContextFlag =
  | 'refresh'
  | 'code_exchange'
  | 'device'
  | 'client_credentials'
  | 'assertion'
  | 'password'
  | 'token_exchange'
  | 'token_endpoint'
  | 'authorize'
  | 'resource'
  | 'discovery'
  | 'id_token'
  // From the times the input prints (explain/time-window.ts).
  | 'window_passed'
  | 'window_ahead'
  | 'window_whole_hours';

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
  /** Where it happened, as far as the input tells. */
  context: ContextFlag[];
  /** The input is a successful answer (a token response, an active introspection, a 2xx without an error). */
  success: boolean;
  /** The whole input, for message matchers. */
  text: string;
}

/** What the caller knows that the text may not say (login and probe know the endpoint and grant). */
export interface ObservationHints {
  context?: readonly ContextFlag[];
  /** Codes the knowledge base knows, lower-cased: a word written anywhere is taken as a code when it is one of these. */
  vocabulary?: ReadonlySet<string>;
}

const MAX_TEXT = 256 * 1024;
const MAX_EMBEDDED_JSON = 20;
const MAX_WALK_DEPTH = 6;
const SNAKE_CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;

export function observe(input: string, hints: ObservationHints = {}): Observation {
  const text = input.length > MAX_TEXT ? input.slice(0, MAX_TEXT) : input;
  const trimmed = text.trim();
  const vocabulary = hints.vocabulary ?? new Set<string>();
  const obs: Observation = { form: 'text', headers: {}, codes: [], descriptions: [], context: [], success: false, text: trimmed };
  const codes = new Set<string>();
  const addCode = (c: unknown) => {
    if (typeof c === 'string' && c.trim() && c.length <= 120) codes.add(c.trim());
    else if (typeof c === 'number' && Number.isFinite(c)) codes.add(String(c));
  };
  /** A word from free text: a code only when it is written as one, or known as one. */
  const addWord = (w: string) => {
    if (SNAKE_CODE.test(w) || (/^[a-z]+$/.test(w) && vocabulary.has(w))) addCode(w);
  };
  const addDescription = (d: unknown) => {
    if (typeof d !== 'string') return;
    const t = d.trim();
    if (t && t.length <= 4000 && !obs.descriptions.includes(t) && obs.descriptions.length < 20) obs.descriptions.push(t);
  };
  // passport's TokenError and AuthorizationError carry `status: 500`, their default, not the provider's.
  const passportDefault = mightMatch(PASSPORT_DEFAULT_STATUS, trimmed) && PASSPORT_DEFAULT_STATUS.test(trimmed);
  const setStatus = (s: unknown) => {
    const n = typeof s === 'string' && /^\d{3}$/.test(s) ? Number(s) : s;
    if (passportDefault && n === 500) return;
    if (obs.status === undefined && typeof n === 'number' && Number.isInteger(n) && n >= 200 && n <= 599) obs.status = n;
  };
  const apiShapes = { seen: false };
  const sinks: Sinks = { addCode, addDescription, setStatus, addWord, apiShape: () => void (apiShapes.seen = true) };

  let body = trimmed;
  const http = parseRawHttp(trimmed);
  if (http) {
    obs.form = 'http';
    obs.status = http.status;
    obs.headers = http.headers;
    obs.body = http.body;
    body = http.body.trim();
    // A redirect's Location carries the authorization error (error=...&error_description=...).
    const location = http.headers.location;
    if (location && /[?#&]error=/.test(location)) readErrorParams(location, sinks);
  }

  // A WWW-Authenticate header: from raw HTTP headers, a pasted header line, or a bare challenge.
  const challengeValue = obs.headers['www-authenticate'] ?? headerLineValue(trimmed, 'www-authenticate') ?? bareChallenge(trimmed);
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

  // JSON: the whole body, else objects embedded in the text (stack traces, logs), else the object
  // literals other languages print, and JSON escaped inside a string of a log line.
  const whole = tryJson(body);
  let objects = 0;
  if (whole !== undefined) {
    if (obs.form === 'text') obs.form = 'json';
    walkJson(whole, 0, sinks);
    objects += 1;
  } else {
    for (const embedded of findEmbeddedJson(body)) {
      walkJson(embedded, 0, sinks);
      objects += 1;
    }
    if (body.includes('\\"')) {
      for (const embedded of findEmbeddedJson(body.replace(/\\\\"/g, '"').replace(/\\"/g, '"'))) {
        walkJson(embedded, 0, sinks);
        objects += 1;
      }
    }
    if (objects === 0 && body.includes('{')) for (const loose of findLooseObjects(body)) walkJson(loose, 0, sinks);
    if (body.includes('] => ')) walkJson(phpArrayFields(body), 0, sinks);
  }

  // Form-encoded bodies (GitHub without Accept: application/json) and redirect URLs carrying error=.
  const url = tryUrl(trimmed);
  if (url) {
    obs.form = 'url';
    readErrorParams(trimmed, sinks);
  } else if (isFormWithError(body)) {
    if (obs.form === 'text') obs.form = 'form';
    readErrorParams(`?${body}`, sinks);
  } else if (/[?&]error=[a-z]/.test(body)) readErrorParams(body, sinks);

  // An HTML page: what it says is the error (an authorization server's error page).
  if (looksLikeHtml(body)) {
    const words = htmlToText(body);
    if (words) addDescription(words.slice(0, 1000));
  }

  // A bare code typed alone: `invalid_client`, `AADSTS50011`, `601`.
  if (obs.form === 'text' && /^[A-Za-z0-9][\w.:/-]{0,80}$/.test(trimmed)) {
    obs.form = 'code';
    addCode(trimmed);
  }

  scanText(trimmed, sinks, vocabulary);
  obs.codes = [...codes];
  obs.context = contextOf(trimmed, obs, apiShapes.seen ? [...(hints.context ?? []), 'resource'] : hints.context);
  obs.success = isSuccess(obs, whole);
  return obs;
}

interface Sinks {
  /** The body has the shape of an API's error (errorType, error_type): an answer from a resource. */
  apiShape(): void;
  addCode(c: unknown): void;
  addWord(w: string): void;
  addDescription(d: unknown): void;
  setStatus(s: unknown): void;
}

/** error / error_description from a query string, a fragment or a form body. */
function readErrorParams(text: string, sinks: Sinks): void {
  for (const part of text.split(/[?#]/).slice(1, 4)) {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(part.split(/\s/)[0]);
    } catch {
      continue;
    }
    sinks.addCode(params.get('error'));
    sinks.addDescription(params.get('error_description'));
  }
}

/** The value of a header written on its own line (`WWW-Authenticate: Bearer ...`), folded lines joined. */
function headerLineValue(text: string, name: string): string | undefined {
  // Case-insensitive on the text itself: lowercasing first can change lengths (İ) and shift indices.
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^[ \\t]*${escaped}[ \\t]*:[ \\t]*([^\\n]*)((?:\\n[ \\t]+\\S[^\\n]*){0,19})`, 'im');
  const m = line.exec(text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text);
  if (!m) return undefined;
  // Obsolete line folding (RFC 9112 §5.2): continuation lines start with whitespace.
  const value = [m[1] ?? '', ...(m[2] ?? '').split('\n').slice(1)].map((l) => l.trim()).filter(Boolean).join(' ');
  return value || undefined;
}

function bareChallenge(text: string): string | undefined {
  return /^(Bearer|DPoP|Basic|Digest|Negotiate)\s+[\w-]+\s*=/i.test(text) ? text : undefined;
}

/** `error=...&error_description=...` (checked by splitting: a regex over a large body backtracks). */
function isFormWithError(body: string): boolean {
  if (body.length > 16 * 1024 || /\s/.test(body)) return false;
  const parts = body.split('&');
  return parts.some((p) => p.startsWith('error=') && p.length > 6) && parts.every((p) => /^[\w.%-]+=[^&]*$/.test(p));
}

const DESCRIPTION_KEYS = [
  'error_description',
  'errorDescription',
  'error_summary',
  'errorSummary',
  'error_message',
  'errorMessage',
  'error_string',
  'message',
  'msg',
  'detail',
  'details',
  'title',
  'reason',
  'faultstring',
  'exceptionMessage',
];

function walkJson(value: unknown, depth: number, sinks: Sinks): void {
  if (depth > MAX_WALK_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) walkJson(item, depth + 1, sinks);
    return;
  }
  const o = value as Record<string, unknown>;
  const { addCode, addDescription, setStatus, addWord } = sinks;

  if (typeof o.error === 'string') {
    addCode(o.error);
    // Slack answers {"ok": false, "error": "invalid_auth"}.
    if (o.ok === false) addCode(`slack:${o.error}`);
    // Some servers put the sentence in "error" (Spring's {"error": "Unauthorized"}): the words in it still count.
    if (/\s/.test(o.error)) addDescription(o.error);
  }
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
  // (requestId is what makes it Marketo's: {"success": false, "errors": [...]} alone is Fitbit's too.)
  if (Array.isArray(o.errors) && 'requestId' in o) {
    for (const e of o.errors.slice(0, 20)) {
      const code = e && typeof e === 'object' ? (e as Record<string, unknown>).code : undefined;
      if (typeof code === 'string' || typeof code === 'number') addCode(`marketo:${code}`);
    }
  }
  // Okta: {"errorCode": "E0000011", "errorSummary": "Invalid token provided"}
  if (typeof o.errorCode === 'string') {
    if (/^E\d{7}$/.test(o.errorCode)) addCode(`okta:${o.errorCode}`);
    else addWord(o.errorCode.toLowerCase());
    addCode(o.errorCode);
  }
  // Appwrite: {"message", "code": 401, "type": "user_jwt_invalid", "version"}
  if (typeof o.type === 'string' && typeof o.code === 'number' && typeof o.message === 'string') {
    addCode(`appwrite:${o.type}`);
    setStatus(o.code);
  }
  if (typeof o.errorType === 'string' || typeof o.error_type === 'string') sinks.apiShape();
  // Codes under other names: error_type (Yandex), errorType (Fitbit), error_code, code, __type (AWS), type.
  for (const key of ['error_type', 'errorType', 'ErrorCode', 'code', 'type']) {
    const v = o[key];
    if (typeof v === 'string') addWord(v.trim());
  }
  // AWS names the exception, sometimes behind its service: "com.amazonaws.cognito#NotAuthorizedException".
  if (typeof o.__type === 'string') addCode(o.__type.slice(o.__type.lastIndexOf('#') + 1));
  if (typeof o.error_code === 'number' || typeof o.error_code === 'string') addCode(String(o.error_code));
  // Validation errors that name a field and what is wrong with it (GitHub, Strava): "client_id invalid".
  if (typeof o.field === 'string' && typeof o.code === 'string') addDescription(`${o.field} ${o.code}`);
  if (typeof o.Error === 'string') addDescription(o.Error);

  for (const key of DESCRIPTION_KEYS) {
    const d = o[key];
    addDescription(d);
    // SDKs that wrap the provider's JSON body as a string (node-auth0, Google's RefreshError).
    if (typeof d === 'string' && d.trim().startsWith('{')) {
      const inner = tryJson(d);
      if (inner !== undefined) walkJson(inner, depth + 1, sinks);
    }
  }
  setStatus(o.statusCode);
  setStatus(o.status);
  setStatus(o.httpStatus);
  setStatus(o.status_code);
  // passport's err.oauthError keeps the provider's raw body as a string in `data`.
  if (typeof o.data === 'string') {
    const inner = tryJson(o.data.trim());
    if (inner !== undefined) walkJson(inner, depth + 1, sinks);
    else if (/(^|&)error=/.test(o.data)) readErrorParams(`?${o.data}`, sinks);
  }
  for (const [k, v] of Object.entries(o)) {
    if (k !== 'data' && v && typeof v === 'object') walkJson(v, depth + 1, sinks);
  }
}

type Sink = Pick<Sinks, 'addCode' | 'setStatus' | 'addWord' | 'addDescription'>;

/**
 * Codes that show up in free text (stack traces, log lines, library messages): a pattern (global)
 * and what a match adds. Kept here, compiled once, and checked with mightMatch first: for short
 * input, compiling the patterns is most of what reading it costs.
 */
const TEXT_CODES: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray, sink: Sink) => void]> = [
  [/\bAADSTS(\d{4,9})\b/g, (m, s) => s.addCode(`AADSTS${m[1]}`)],
  [/\bAADB2C(\d{5})\b/g, (m, s) => s.addCode(`AADB2C${m[1]}`)],
  [/\b(E0000\d{3})\b/g, (m, s) => s.addCode(`okta:${m[1]}`)],
  [/\b(InternalOAuthError|TokenError|AuthorizationError)\b/g, (m, s) => s.addCode(`passport:${m[1]}`)],
  [/\b(TokenExpiredError|JsonWebTokenError|NotBeforeError)\b/g, (m, s) => s.addCode(`jsonwebtoken:${m[1]}`)],
  [
    /\b(ExpiredSignatureError|InvalidSignatureError|InvalidAudienceError|InvalidIssuerError|ImmatureSignatureError|DecodeError|InvalidTokenError|MissingRequiredClaimError|InvalidAlgorithmError)\b/g,
    (m, s) => s.addCode(`pyjwt:${m[1]}`),
  ],
  [/\b(ERR_J(?:WT|WS|WK|WKS|WE|OSE)_[A-Z_]+)\b/g, (m, s) => s.addCode(`jose:${m[1]}`)],
  [/\b(ID[XW]\d{5})\b/g, (m, s) => s.addCode(m[1])],
  // AWS SDKs: `An error occurred (InvalidIdentityToken) when calling the AssumeRoleWithWebIdentity operation`.
  [/\bAn error occurred \(([A-Za-z][A-Za-z0-9.]{2,60})\) when calling\b/g, (m, s) => s.addCode(m[1])],
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
  // `error: invalid_grant`, `error=invalid_grant`, `"error":"invalid_grant"`, `error_code: 'x'` in logs;
  // the word must be written as a code (addWord): `Error: Invalid` is no code.
  [/\berror(?:[ _]?code|[ _]?type)?["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z0-9_]{2,60})\b/gi, (m, s) => s.addWord(m[1] as string)],
  // Python's reprs and Node's inspect: `code: 'invalid_grant'`.
  [/\bcode:\s*'([a-z][a-z0-9_]{2,60})'/g, (m, s) => s.addWord(m[1] as string)],
  [/\bError code:? (\d{3,6})\b/gi, (m, s) => s.addCode(m[1])],
  // key=value and key: "value" log fields that carry the sentence: reason="Invalid refresh token".
  [
    /\b(?:error_description|errorDescription|reason|description|msg|message|detail)\s*[:=]\s*(?:"([^"\n]{3,300})"|'([^'\n]{3,300})')/g,
    (m, s) => s.addDescription(m[1] ?? m[2]),
  ],
];

/** Any snake_case word: a code when the knowledge base knows it (the vocabulary). */
const SNAKE_WORDS = /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g;

/** Where a status code shows up in free text, most explicit first. */
const STATUS_EXPLICIT = /\bstatus(?:Code|_code| code)["']?[ \t]{0,3}[:=]?[ \t]{0,3}["']?(\d{3})\b/i;
const STATUS_FIELD = /\bstatus["']?[ \t]{0,3}[:=][ \t]{0,3}["']?(\d{3})\b/i;
const STATUS_LINE = /\b(?:HTTP(?:\/[\d.]+)?|code=)[ \t]{0,3}(\d{3})\b/i;
const STATUS_REASON =
  /\b(\d{3})[ \t]{1,3}(?:Unauthorized|Forbidden|Bad Request|Not Found|Too Many Requests|Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout|Proxy Authentication Required)\b/i;
/** "HTTP error 403", "HttpError 403", "returned 401", "received 401 HTTP response", "(code: 401)", "Response code 404", "got 404". */
const STATUS_WORDED = /(?:\b(?:http ?error|returned|received|response code|got|code|error)|\(code:?)[ \t:]{1,3}([2-5]\d\d)\b(?![.:/]\d)/i;
/** An access log: `"GET /api HTTP/1.1" 401`. */
const STATUS_ACCESS_LOG = /HTTP\/[\d.]+"[ \t]{1,3}([1-5]\d\d)\b/;
const PASSPORT_DEFAULT_STATUS = /\b(TokenError|AuthorizationError)\b/;


const execIfPossible = (re: RegExp, text: string) => (mightMatch(re, text) ? re.exec(text) : null);

/** Codes and statuses that show up in free text: stack traces, log lines, library messages. */
function scanText(text: string, sink: Sink, vocabulary: ReadonlySet<string>): void {
  const sample = text.slice(0, 64 * 1024);
  for (const [re, add] of TEXT_CODES) {
    if (!mightMatch(re, sample)) continue;
    for (const m of sample.matchAll(re)) add(m, sink);
  }
  if (vocabulary.size > 0 && sample.includes('_')) {
    for (const m of sample.matchAll(SNAKE_WORDS)) {
      const w = m[0].toLowerCase();
      if (vocabulary.has(w)) sink.addCode(w);
    }
  }
  const statusMatch =
    execIfPossible(STATUS_EXPLICIT, sample) ??
    execIfPossible(STATUS_FIELD, sample) ??
    execIfPossible(STATUS_LINE, sample) ??
    execIfPossible(STATUS_REASON, sample) ??
    execIfPossible(STATUS_ACCESS_LOG, sample) ??
    execIfPossible(STATUS_WORDED, sample);
  if (statusMatch) sink.setStatus(Number(statusMatch[1]));
}

/**
 * The signs of where it happened. Each is a plain phrase or parameter a log or a library prints;
 * `hints` adds what the caller knows (login and probe know their endpoint and grant).
 */
const CONTEXT_SIGNS: ReadonlyArray<readonly [ContextFlag, RegExp]> = [
  // golang.org/x/oauth2 fetching a token in the middle of an API call is a refresh.
  ['refresh', /grant_type["']?\s*[=:]\s*["']?refresh_token|\brefresh[_ -]?token|\brefresh(?:ing|ed)?\b[^.\n]{0,30}\btokens?\b|(?:Get|Post|Put|Patch|Delete) "?https?:\/\/\S+"?: oauth2: cannot fetch token|RefreshError|TokenRefresh|refreshAccessToken|refresh_grant|\.refresh\(|token refresh|while refreshing|failed to refresh/i],
  ['code_exchange', /grant_type["']?\s*[=:]\s*["']?authorization_code|\bauthori[sz]ation[_ ]code\b|\bauth code\b|code[_ ]verifier|\bredeem(?:ing)?(?: the)? code|exchang(?:e|ing) (?:the |an |authorization )?code|code exchange|callback/i],
  ['device', /device_code|grant-type:device_code|device[ _-]?(?:authorization|flow)|\buser_code\b|verification_uri/i],
  ['client_credentials', /grant_type["']?\s*[=:]\s*["']?client_credentials|client[_ ]credentials/i],
  ['assertion', /jwt-bearer|client_assertion|\bassertion\b|service[_ -]?account|\bInvalid JWT\b/i],
  // Only the grant's own words: "token exchange failed" in a library's log is a code exchange.
  ['token_exchange', /grant-type:token-exchange|\b(?:subject|actor)_token(?:_type)?\b|token-type:(?:access_token|refresh_token|id_token|jwt)\b/i],
  ['password', /grant_type["']?\s*[=:]\s*["']?password\b|resource owner password|\bROPC\b/i],
  ['token_endpoint', /\/token\b|\boauth2: |token endpoint|token_endpoint|cannot fetch token|access token response|\/oauth\/access_token|token request|redeem/i],
  ['authorize', /\/authori[sz]e\b|authorization endpoint|authorization request|\/auth\?|[?&]response_type=/i],
  ['discovery', /\.well-known\/openid-configuration|\.well-known\/oauth-authorization-server|discovery document|\bdiscover(?:y|ing)?\b/i],
  ['id_token', /\bid[_ ]?token\b/i],
];

/** Every pattern of this module that reads input, for the build to work out what text each needs (explain/required-text.ts). */
export const FREE_TEXT_PATTERNS: readonly RegExp[] = [
  ...TEXT_CODES.map(([re]) => re),
  STATUS_EXPLICIT,
  STATUS_FIELD,
  STATUS_LINE,
  STATUS_REASON,
  STATUS_WORDED,
  STATUS_ACCESS_LOG,
  PASSPORT_DEFAULT_STATUS,
  ...CONTEXT_SIGNS.map(([, re]) => re),
];

function contextOf(text: string, obs: Observation, hints: readonly ContextFlag[] = []): ContextFlag[] {
  const flags = new Set<ContextFlag>(hints);
  const sample = text.slice(0, 64 * 1024);
  for (const [flag, re] of CONTEXT_SIGNS) if (mightMatch(re, sample) && re.test(sample)) flags.add(flag);
  for (const flag of timeWindowFlags(sample)) flags.add(flag);
  if (obs.challenge && /^(bearer|dpop)$/i.test(obs.challenge.scheme) && !flags.has('token_endpoint')) flags.add('resource');
  return [...flags];
}

/** A token response, an active introspection answer, or a 2xx status without any error code. */
function isSuccess(obs: Observation, whole: unknown): boolean {
  if (obs.codes.length > 0) return false;
  if (whole && typeof whole === 'object' && !Array.isArray(whole)) {
    const o = whole as Record<string, unknown>;
    if (typeof o.access_token === 'string' && !('error' in o)) return true;
    if (o.active === true) return true;
    // An inactive token, or an error under another name, is no success whatever the status.
    if (o.active === false || 'error' in o || 'errors' in o) return false;
  }
  const body = obs.body ?? '';
  // HTML where an OAuth endpoint's JSON was expected is a finding even with 200 OK.
  return obs.form === 'http' && obs.status !== undefined && obs.status >= 200 && obs.status < 300 && !/\berror\b/i.test(body) && !looksLikeHtml(body);
}

export interface RawHttp {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A response as `curl -i` prints it. With several (redirects, 100 Continue) the last one counts. */
export function parseRawHttp(text: string): RawHttp | undefined {
  const normalised = text.replace(/\r\n/g, '\n');
  const starts = [...normalised.matchAll(/^HTTP\/[\d.]+[ \t]+(\d{3})[^\n]*$/gm)];
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
  // Pasted on one line (`HTTP/1.1 401 Unauthorized {"error": ...}`): the body is what follows the reason.
  const body = rest.length > 0 ? rest.join('\n\n') : (head ?? '').split('\n').length === 1 ? (head ?? '').replace(/^HTTP\/[\d.]+[ \t]+\d{3}[^{[<]*/, '') : '';
  return { status: Number(last[1]), headers, body };
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
