/**
 * Which client authentication method to try, and the fallback a human would try next: the same
 * grant with the other secret method when the first answer is invalid_client.
 * @see RFC 6749 §2.3.1, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import type { Deps } from '../deps.js';
import { NetworkError } from '../errors.js';
import type { Finding } from '../findings.js';
import { networkFinding } from '../http/diagnose.js';
import { processTokenResponse, tokenEndpointRequest, type Client, type ClientAuthMethod, type TokenResponse } from './token-request.js';

export type AuthMethodChoice = 'auto' | 'basic' | 'post' | 'none';

export interface Attempt {
  auth_method: ClientAuthMethod;
  /** null when no answer arrived. */
  status: number | null;
  /** The OAuth error code, or a network error code, or null on success. */
  error: string | null;
  error_description?: string;
  elapsed_ms: number;
}

/** The methods to try, in order. */
export function methodsToTry(choice: AuthMethodChoice, client: Client, advertised: readonly string[] | undefined): ClientAuthMethod[] {
  if (choice === 'basic') return ['client_secret_basic'];
  if (choice === 'post') return ['client_secret_post'];
  if (choice === 'none' || client.client_secret === undefined) return ['none'];
  const secretMethods = (advertised ?? []).filter((m): m is ClientAuthMethod => m === 'client_secret_basic' || m === 'client_secret_post');
  // RFC 6749 §2.3.1 makes Basic the one every server must support; start there unless only post is advertised.
  const first: ClientAuthMethod = secretMethods.length > 0 && !secretMethods.includes('client_secret_basic') ? 'client_secret_post' : 'client_secret_basic';
  return [first, first === 'client_secret_basic' ? 'client_secret_post' : 'client_secret_basic'];
}

export interface ExchangeOutcome {
  tokens?: TokenResponse;
  /** The method that worked, or null. */
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  /** Findings of the attempt that decided the outcome (the last one). */
  findings: Finding[];
}

/**
 * Sends the grant with each method in turn; moves to the next only when the answer was
 * invalid_client (or a bare 401), since any other error will not change with the method.
 */
export async function exchangeWithFallback(
  endpoint: string,
  grant: Record<string, string>,
  client: Client,
  methods: ClientAuthMethod[],
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
  onAttempt: (a: Attempt) => void = () => {},
): Promise<ExchangeOutcome> {
  const attempts: Attempt[] = [];
  let findings: Finding[] = [];
  for (const [i, method] of methods.entries()) {
    const started = performance.now();
    let attempt: Attempt;
    try {
      const res = await tokenEndpointRequest(endpoint, grant, client, method, deps, timeoutMs);
      const processed = processTokenResponse(res, grant.grant_type);
      attempt = { auth_method: method, status: res.status, error: processed.error ?? (processed.tokens ? null : `http_${res.status}`), elapsed_ms: Math.round(res.elapsedMs) };
      if (processed.error_description) attempt.error_description = processed.error_description;
      attempts.push(attempt);
      onAttempt(attempt);
      findings = processed.findings;
      if (processed.tokens) return { tokens: processed.tokens, auth_method: method, attempts, findings };
      const clientRefused = processed.error === 'invalid_client' || (processed.error === undefined && res.status === 401) || processed.error === 'incorrect_client_credentials';
      if (!clientRefused || i === methods.length - 1) break;
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      attempt = { auth_method: method, status: null, error: err.causeCode ?? err.code, elapsed_ms: Math.round(performance.now() - started) };
      attempts.push(attempt);
      onAttempt(attempt);
      findings = [networkFinding(err, 'The token endpoint')];
      break;
    }
  }
  return { auth_method: null, attempts, findings };
}
