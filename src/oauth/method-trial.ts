/**
 * The one loop over client authentication methods: send a request with each method in turn, read
 * each answer into one kind (accepted, client refused, grant refused, other, network), and stop
 * where a human would. Every endpoint that authenticates the client goes through it: the token
 * endpoint (login, probe, the token commands) with its grants, and introspection, revocation and
 * device authorization with a reader of their own.
 * @see RFC 6749 §2.3.1, §5.2
 */
import type { Deps } from '../deps.js';
import { NetworkError } from '../errors.js';
import type { Finding } from '../findings.js';
import { networkFinding } from '../http/diagnose.js';
import { diagnoseAssertion } from './assertion-diagnosis.js';
import { clientAuth, type AssertionSettings, type Client, type ClientAuthMethod, type SentAssertion } from './client-auth/index.js';
import type { HttpResponse } from '../http/client.js';
import type { Grant } from './grants.js';
import { authenticatedPost } from './authenticated-post.js';
import { mtlsRefusalFinding, tlsAlertFinding } from './mtls-findings.js';
import { processTokenResponse, type TokenResponse } from './token-request.js';
import type { DpopProver } from './dpop.js';
import { dpopProofRefused } from './dpop-findings.js';

/** One request, as reports show it. */
export interface Attempt {
  auth_method: ClientAuthMethod;
  /** Where it went, when not the endpoint's own URL: its mTLS alias. */
  url?: string;
  /** null when no answer arrived. */
  status: number | null;
  /** The OAuth error code, or a network error code, or null on success. */
  error: string | null;
  error_description?: string;
  elapsed_ms: number;
  /** A diagnosis retry of a refused assertion: what it changed ("aud = the issuer", "no kid"). */
  retry?: string;
}

/**
 * ok: it worked (tokens, for a grant). client_refused: the client's authentication was refused. grant_refused: the
 * client authenticated, but may not use this grant. other: any other error, which another method
 * will not change. network: no answer.
 */
export type AttemptKind = 'ok' | 'client_refused' | 'grant_refused' | 'other' | 'network';

export interface AttemptOutcome<T = TokenResponse> {
  attempt: Attempt;
  kind: AttemptKind;
  /** What the endpoint answered when it worked: tokens, for a grant. */
  value?: T;
  findings: Finding[];
  /** For an assertion method: what the assertion said, and the provider's Date header (ms). */
  assertion?: { sent: SentAssertion; serverDate?: number; receivedAt: number };
  /** Requests sent before this one for the same method (a refused assertion, then its retries). */
  earlier?: Attempt[];
}

/** How an endpoint's answer reads: what it gave when it worked, or its error and the findings. */
export interface EndpointReading<T> {
  value?: T;
  error?: string;
  error_description?: string;
  findings: Finding[];
}

/** An endpoint that authenticates the client: where it is, what it is called in findings, how its answers read. */
export interface AuthenticatedEndpoint<T> {
  url: string;
  /** "The token endpoint", "The introspection endpoint": the subject of a network finding. */
  name: string;
  read: (res: HttpResponse) => EndpointReading<T>;
  /** The provider's issuer: an assertion's audience may be it rather than the endpoint (RFC 7523 §3). */
  issuer?: string;
  /** With DPoP: the prover whose fresh proof goes with each request (RFC 9449). */
  dpop?: DpopProver;
  /** What the provider's metadata says of DPoP and of this endpoint, to compare a refused proof with. */
  dpopContext?: { advertisedUrl?: string; algs?: readonly string[] };
  /** Where a request that authenticates with a client certificate goes instead: the endpoint's mtls_endpoint_aliases entry (RFC 8705 §5). */
  mtlsUrl?: string;
  /** The provider's alias, not used because the endpoint was given: said when the certificate is not seen. */
  mtlsAliasNotUsed?: string;
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

export async function sendWithMethod<T>(
  endpoint: AuthenticatedEndpoint<T>,
  params: Readonly<Record<string, string>>,
  client: Client,
  method: ClientAuthMethod,
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
): Promise<AttemptOutcome<T>> {
  const started = performance.now();
  const auth = clientAuth(method, client);
  const url = auth.clientCertificate && endpoint.mtlsUrl ? endpoint.mtlsUrl : endpoint.url;
  try {
    const res = await authenticatedPost(url, params, auth, deps, timeoutMs, endpoint.issuer, endpoint.dpop);
    const sent = auth.sent?.();
    const read = endpoint.read(res);
    // A refused proof is compared with what was sent: the seam knows the proof, the reader does not.
    if (endpoint.dpop?.last && read.error === 'invalid_dpop_proof') read.findings = dpopProofRefused(read.findings, endpoint.dpop.last, res, endpoint.dpopContext ?? {});
    const worked = read.value !== undefined;
    const attempt: Attempt = { auth_method: method, ...(url !== endpoint.url ? { url } : {}), status: res.status, error: read.error ?? (worked ? null : `http_${res.status}`), elapsed_ms: Math.round(res.elapsedMs) };
    if (read.error_description) attempt.error_description = read.error_description;
    const firstId = read.findings[0]?.id;
    const kind: AttemptKind = worked
      ? 'ok'
      : read.error === 'unauthorized_client' || firstId === 'unauthorized_client'
        ? 'grant_refused'
        : isClientRefusal(read.error, res.status, firstId)
          ? 'client_refused'
          : 'other';
    const findings =
      kind === 'client_refused' && auth.clientCertificate
        ? [
            mtlsRefusalFinding(read.findings[0], {
              method,
              certificate: auth.clientCertificate,
              client_id: client.client_id,
              url,
              ...(endpoint.mtlsAliasNotUsed ? { aliasNotUsed: endpoint.mtlsAliasNotUsed } : {}),
              ...(read.error_description ? { error_description: read.error_description } : {}),
            }),
            ...read.findings.slice(1),
          ]
        : read.findings;
    const assertion = sent && client.assertion ? { sent, receivedAt: client.assertion.now(), ...(res.headers.date ? { serverDate: Date.parse(res.headers.date) } : {}) } : undefined;
    return { attempt, kind, findings, ...(worked ? { value: read.value } : {}), ...(assertion ? { assertion } : {}) };
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    return {
      attempt: { auth_method: method, ...(url !== endpoint.url ? { url } : {}), status: null, error: err.causeCode ?? err.code, elapsed_ms: Math.round(performance.now() - started) },
      kind: 'network',
      findings: [tlsAlertFinding(err.causeCode, endpoint.name, url, auth.clientCertificate) ?? networkFinding(err, endpoint.name)],
    };
  }
}

/** The token endpoint for one grant: its answers read as RFC 6749 §5.1/§5.2 token responses. */
export function tokenEndpointFor(
  url: string,
  grant: Grant,
  issuer?: string,
  dpop?: { prover: DpopProver; advertisedUrl?: string; algs?: readonly string[] },
  mtlsUrl?: string,
): AuthenticatedEndpoint<TokenResponse> {
  return {
    url,
    ...(mtlsUrl ? { mtlsUrl } : {}),
    ...(issuer ? { issuer } : {}),
    ...(dpop ? { dpop: dpop.prover, dpopContext: { ...(dpop.advertisedUrl ? { advertisedUrl: dpop.advertisedUrl } : {}), ...(dpop.algs ? { algs: dpop.algs } : {}) } } : {}),
    name: 'The token endpoint',
    read: (res) => {
      const processed = processTokenResponse(res, grant.grant_type);
      return {
        ...(processed.tokens ? { value: processed.tokens } : {}),
        ...(processed.error !== undefined ? { error: processed.error } : {}),
        ...(processed.error_description ? { error_description: processed.error_description } : {}),
        findings: processed.findings,
      };
    },
  };
}

export interface TrialOptions {
  every?: boolean;
  onAttempt?: (a: Attempt) => void;
}

export interface MethodTrial<T = TokenResponse> {
  outcomes: AttemptOutcome<T>[];
  attempts: Attempt[];
  /** What the first accepted request got (tokens, for a grant), and the method that got it. */
  value?: T;
  auth_method: ClientAuthMethod | null;
  /** Methods the provider authenticated the client with (accepted, or only the grant refused). */
  authenticated: ClientAuthMethod[];
  /** The findings of the attempt that decided the outcome (the last one). */
  findings: Finding[];
}

/**
 * Sends the request with each method in turn. By default it moves on only when the client was
 * refused, since any other answer will not change with the method; `every` tries every method
 * (probe's question is which methods work, not whether one does), stopping only when no answer came.
 */
export async function tryMethods<T>(
  endpoint: AuthenticatedEndpoint<T>,
  params: Readonly<Record<string, string>>,
  client: Client,
  methods: readonly ClientAuthMethod[],
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
  o: TrialOptions = {},
): Promise<MethodTrial<T>> {
  const outcomes: AttemptOutcome<T>[] = [];
  for (const method of methods) {
    let outcome = await sendWithMethod(endpoint, params, client, method, deps, timeoutMs);
    if (outcome.kind === 'client_refused' && outcome.assertion && client.assertion) outcome = await diagnoseRefusedAssertion(outcome, endpoint, params, client, client.assertion, deps, timeoutMs);
    outcomes.push(outcome);
    for (const a of [...(outcome.earlier ?? []), outcome.attempt]) o.onAttempt?.(a);
    if (outcome.kind === 'network') break;
    if (!o.every && outcome.kind !== 'client_refused') break;
  }
  const first = outcomes.find((x) => x.kind === 'ok');
  return {
    outcomes,
    attempts: outcomes.flatMap((x) => [...(x.earlier ?? []), x.attempt]),
    ...(first?.value !== undefined ? { value: first.value } : {}),
    auth_method: first?.attempt.auth_method ?? null,
    authenticated: outcomes.filter((x) => x.kind === 'ok' || x.kind === 'grant_refused').map((x) => x.attempt.auth_method),
    findings: first?.findings ?? outcomes.at(-1)?.findings ?? [],
  };
}

/** A refused assertion, sent again with one thing changed at a time (assertion-diagnosis.ts). */
async function diagnoseRefusedAssertion<T>(
  refused: AttemptOutcome<T>,
  endpoint: AuthenticatedEndpoint<T>,
  params: Readonly<Record<string, string>>,
  client: Client,
  settings: AssertionSettings,
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
): Promise<AttemptOutcome<T>> {
  const { sent, serverDate, receivedAt } = refused.assertion as NonNullable<AttemptOutcome<T>['assertion']>;
  const method = refused.attempt.auth_method;
  const diagnosed = await diagnoseAssertion(
    refused,
    { sent, ...(serverDate !== undefined ? { serverDate } : {}), clientNow: receivedAt, endpoint: endpoint.url, ...(endpoint.issuer ? { issuer: endpoint.issuer } : {}), settings },
    (change) => sendWithMethod(endpoint, params, { ...client, assertion: { ...settings, ...change } }, method, deps, timeoutMs),
  );
  return diagnosed as AttemptOutcome<T>;
}

/** Tokens that came back are secrets of this run from now on. */
export function rememberTokens(tokens: TokenResponse | undefined, secrets: Deps['secrets']): void {
  for (const member of ['access_token', 'refresh_token', 'id_token']) secrets.add(tokens?.[member], 'token');
}
