/**
 * The one loop over client authentication methods: send the grant with each method in turn, read
 * each answer into one kind (tokens, client refused, grant refused, other, network), and stop
 * where a human would. login and probe (and every token command) go through it.
 * @see RFC 6749 §2.3.1, §5.2
 */
import type { Deps } from '../deps.js';
import { NetworkError } from '../errors.js';
import type { Finding } from '../findings.js';
import { networkFinding } from '../http/diagnose.js';
import { clientAuth, type Client, type ClientAuthMethod } from './client-auth/index.js';
import type { Grant } from './grants.js';
import { authenticatedPost } from './authenticated-post.js';
import { processTokenResponse, type TokenResponse } from './token-request.js';

/** One request, as reports show it. */
export interface Attempt {
  auth_method: ClientAuthMethod;
  /** null when no answer arrived. */
  status: number | null;
  /** The OAuth error code, or a network error code, or null on success. */
  error: string | null;
  error_description?: string;
  elapsed_ms: number;
}

/**
 * tokens: it worked. client_refused: the client's authentication was refused. grant_refused: the
 * client authenticated, but may not use this grant. other: any other error, which another method
 * will not change. network: no answer.
 */
export type AttemptKind = 'tokens' | 'client_refused' | 'grant_refused' | 'other' | 'network';

export interface AttemptOutcome {
  attempt: Attempt;
  kind: AttemptKind;
  tokens?: TokenResponse;
  findings: Finding[];
}

/** Codes with which providers refuse the client itself (GitHub has its own). */
const CLIENT_REFUSED_CODES = new Set(['invalid_client', 'incorrect_client_credentials']);

/**
 * The one test of "the provider refused the client": a client-refusal code, an answer read as one,
 * or a 401 with no code at all (RFC 6749 §5.2 keeps 401 for failed client authentication).
 */
export function isClientRefusal(error: string | undefined, status: number, firstFindingId?: string): boolean {
  if (error !== undefined && CLIENT_REFUSED_CODES.has(error)) return true;
  // A 401 with another code (invalid_grant) is that code's problem: resending would spend the grant again.
  return firstFindingId === 'invalid_client' || (status === 401 && error === undefined);
}

export async function sendWithMethod(
  endpoint: string,
  grant: Grant,
  client: Client,
  method: ClientAuthMethod,
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const started = performance.now();
  try {
    const res = await authenticatedPost(endpoint, grant, clientAuth(method, client), deps, timeoutMs);
    const processed = processTokenResponse(res, grant.grant_type);
    const attempt: Attempt = { auth_method: method, status: res.status, error: processed.error ?? (processed.tokens ? null : `http_${res.status}`), elapsed_ms: Math.round(res.elapsedMs) };
    if (processed.error_description) attempt.error_description = processed.error_description;
    const firstId = processed.findings[0]?.id;
    const kind: AttemptKind = processed.tokens
      ? 'tokens'
      : processed.error === 'unauthorized_client' || firstId === 'unauthorized_client'
        ? 'grant_refused'
        : isClientRefusal(processed.error, res.status, firstId)
          ? 'client_refused'
          : 'other';
    return { attempt, kind, findings: processed.findings, ...(processed.tokens ? { tokens: processed.tokens } : {}) };
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    return {
      attempt: { auth_method: method, status: null, error: err.causeCode ?? err.code, elapsed_ms: Math.round(performance.now() - started) },
      kind: 'network',
      findings: [networkFinding(err, 'The token endpoint')],
    };
  }
}

export interface MethodTrial {
  outcomes: AttemptOutcome[];
  attempts: Attempt[];
  /** The first tokens issued, and the method that got them. */
  tokens?: TokenResponse;
  auth_method: ClientAuthMethod | null;
  /** Methods the provider authenticated the client with (tokens, or only the grant refused). */
  authenticated: ClientAuthMethod[];
  /** The findings of the attempt that decided the outcome (the last one). */
  findings: Finding[];
}

/**
 * Sends the grant with each method in turn. By default it moves on only when the client was
 * refused, since any other answer will not change with the method; `every` tries every method
 * (probe's question is which methods work, not whether one does), stopping only when no answer came.
 */
export async function tryMethods(
  endpoint: string,
  grant: Grant,
  client: Client,
  methods: readonly ClientAuthMethod[],
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
  o: { every?: boolean; onAttempt?: (a: Attempt) => void } = {},
): Promise<MethodTrial> {
  const outcomes: AttemptOutcome[] = [];
  for (const method of methods) {
    const outcome = await sendWithMethod(endpoint, grant, client, method, deps, timeoutMs);
    outcomes.push(outcome);
    o.onAttempt?.(outcome.attempt);
    if (outcome.kind === 'network') break;
    if (!o.every && outcome.kind !== 'client_refused') break;
  }
  const first = outcomes.find((x) => x.tokens);
  return {
    outcomes,
    attempts: outcomes.map((x) => x.attempt),
    ...(first?.tokens ? { tokens: first.tokens } : {}),
    auth_method: first?.attempt.auth_method ?? null,
    authenticated: outcomes.filter((x) => x.kind === 'tokens' || x.kind === 'grant_refused').map((x) => x.attempt.auth_method),
    findings: first?.findings ?? outcomes.at(-1)?.findings ?? [],
  };
}

/** Tokens that came back are secrets of this run from now on. */
export function rememberTokens(tokens: TokenResponse | undefined, secrets: Deps['secrets']): void {
  for (const member of ['access_token', 'refresh_token', 'id_token']) secrets.add(tokens?.[member], 'token');
}
