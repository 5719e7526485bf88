/**
 * One request to an endpoint that authenticates the client other than a grant at the token
 * endpoint (introspection, revocation): the methods to try for that endpoint, the trial through
 * tryMethods, and what the trial says about client authentication, as obtainTokens says it for
 * grants.
 * @see RFC 8414 §2 (introspection_endpoint_auth_methods_supported, revocation_endpoint_auth_methods_supported)
 */
import type { Finding } from '../findings.js';
import { clientRefusedFindings, methodRefusedFindings, whatWasTried } from './client-auth-findings.js';
import { clientConfiguration, hasCredentials, methodsToTry, type AuthMethodChoice, type ClientAuthMethod } from './client-auth/index.js';
import { tryMethods, type Attempt, type AuthenticatedEndpoint } from './method-trial.js';
import type { Session } from './session.js';

export interface CallOutcome<T> {
  value?: T;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  /** What to set in the user's own client, when a method worked. */
  advice: string[];
  findings: Finding[];
}

/**
 * The methods the provider advertises for an endpoint: its own `<endpoint>_auth_methods_supported`,
 * else the token endpoint's (RFC 8414 §2 says they default to it).
 */
export function advertisedFor(session: Session, endpoint: 'introspection_endpoint' | 'revocation_endpoint'): readonly string[] | undefined {
  const own = session.metadata[`${endpoint}_auth_methods_supported`];
  return Array.isArray(own) ? own.filter((m): m is string => typeof m === 'string') : session.advertisedAuthMethods;
}

export async function callAuthenticated<T>(
  session: Session,
  endpoint: AuthenticatedEndpoint<T>,
  params: Readonly<Record<string, string>>,
  o: { authMethod: AuthMethodChoice; advertised: readonly string[] | undefined; secretSource?: string },
): Promise<CallOutcome<T>> {
  const methods = methodsToTry(o.authMethod, session.client, o.advertised);
  const trial = await tryMethods({ ...(session.issuer ? { issuer: session.issuer } : {}), ...endpoint }, params, session.client, o.authMethod === 'auto' ? methods : methods.slice(0, 1), session.deps, session.timeoutMs);
  if (trial.value === undefined) {
    return {
      auth_method: null,
      attempts: trial.attempts,
      advice: [],
      findings: clientRefusedFindings(trial.findings, trial, { hadSecret: hasCredentials(session.client), ...(o.secretSource ? { secretSource: o.secretSource } : {}) }),
    };
  }
  const tried = trial.auth_method ? whatWasTried(trial, o.advertised) : undefined;
  return {
    value: trial.value,
    auth_method: trial.auth_method,
    attempts: trial.attempts,
    advice: trial.auth_method ? [...(tried ? [tried] : []), ...clientConfiguration(trial.auth_method, { otherRefused: trial.outcomes.some((x) => x.kind === 'client_refused') })] : [],
    findings: [...trial.findings, ...methodRefusedFindings(trial, o.advertised)],
  };
}
