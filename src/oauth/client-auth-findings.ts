/**
 * What a trial of client authentication methods means, said once for every command: the client
 * refused with every method, refused with one method while another works, a public client refused.
 * @see RFC 6749 §2.3.1, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import { DEFAULT_SECRET_ENV } from '../env-secrets.js';
import { finding, type Finding } from '../findings.js';
import { clientConfiguration, isAssertionMethod, MTLS_METHODS, SECRET_METHODS, type ClientAuthMethod } from './client-auth/index.js';
import type { Attempt, MethodTrial } from './method-trial.js';

const THINKTECTURE = '000_771f3fde50da5341.txt (Thinktecture: invalid_client until credentials are sent with HTTP Basic)';

/**
 * The findings of a refusal, with what the trial as a whole adds to its invalid_client finding:
 * no secret was given, or every method was refused (so the method is not the problem).
 */
export function clientRefusedFindings(refusal: readonly Finding[], trial: MethodTrial<unknown>, o: { hadSecret: boolean; secretSource?: string }): Finding[] {
  const refusedAll = trial.outcomes.length > 1 && trial.outcomes.every((x) => x.kind === 'client_refused');
  return refusal.map((f) => {
    if (f.id !== 'invalid_client') return f;
    if (!o.hadSecret) {
      return {
        ...f,
        detail: `${f.detail} No client secret was given (${o.secretSource ?? DEFAULT_SECRET_ENV} is not set), so the client authenticated as a public client.`,
        fixes: [`If this client is confidential, give its secret: ${DEFAULT_SECRET_ENV}=..., --client-secret-env NAME or --client-secret-stdin.`, ...f.fixes],
      };
    }
    if (!refusedAll) return f;
    const methods = trial.attempts.map((a) => a.auth_method);
    return {
      ...f,
      detail: `${f.detail} ${methods.length === 2 ? 'Both' : 'All of'} ${methods.join(' and ')} were refused, so the method is not the problem: the client_id or the secret is wrong (or the secret expired).`,
      fixes: [
        'Copy the secret again from the provider (the value, not its ID; some consoles show it only once), or create a new one.',
        'Check that the client_id belongs to this issuer (realm, tenant, environment).',
        ...f.fixes,
      ],
    };
  });
}

/** One method refused while another works: the client is registered for the one that works. */
export function methodRefusedFinding(o: { refused: Attempt; works: ClientAuthMethod; advertised: readonly string[] | undefined; expected?: boolean; attempts: readonly Attempt[] }): Finding {
  const { refused, works, advertised } = o;
  return finding({
    id: 'invalid_client',
    severity: o.expected ? 'error' : 'warning',
    title: `${refused.auth_method} is refused for this client; ${works} works`,
    detail:
      `The same request with ${refused.auth_method} was refused with ${refused.error ?? 'an error'} (HTTP ${refused.status}) and worked with ${works}. ` +
      (advertised
        ? `Discovery advertises ${advertised.join(', ')}, but providers register the method per client: configure ${works} in every client of this registration.`
        : `Discovery did not say which methods it supports; configure ${works} in every client of this registration.`),
    fixes: [
      ...clientConfiguration(works, { otherRefused: true }),
      ...(works === 'client_secret_basic' ? [] : ['Or register client_secret_basic for the client in the provider, the method RFC 6749 §2.3.1 requires every server to support.']),
    ],
    sources: ['RFC 6749 §2.3.1', 'RFC 8414 §2 (token_endpoint_auth_methods_supported)', THINKTECTURE],
    evidence: { refused: refused.auth_method, works, advertised, attempts: o.attempts.map((a) => ({ auth_method: a.auth_method, status: a.status, error: a.error })) },
  });
}

/**
 * What a trial proves about the method that worked, in one sentence: the other was refused, or
 * it was not tried (then what the metadata says of it).
 */
export function whatWasTried(trial: MethodTrial<unknown>, advertised: readonly string[] | undefined): string | undefined {
  const works = trial.auth_method;
  if (!works || works === 'none') return undefined;
  if ((MTLS_METHODS as readonly string[]).includes(works)) {
    const at = trial.attempts.find((a) => a.auth_method === works)?.url;
    return `${works} worked: the provider tied the certificate presented to the client${at ? `, at its mtls_endpoint_aliases endpoint ${at}` : ''}.`;
  }
  const refused = trial.outcomes.filter((x) => x.kind === 'client_refused').map((x) => x.attempt.auth_method);
  if (refused.length > 0) return `${works} worked after ${refused.join(' and ')} was refused: configure ${works}.`;
  if (isAssertionMethod(works)) return `${works} worked: a fresh assertion signed for each request.`;
  const others = SECRET_METHODS.filter((m) => m !== works);
  const alsoAdvertised = others.filter((m) => advertised?.includes(m));
  return alsoAdvertised.length > 0
    ? `${works} worked, the first method tried; ${alsoAdvertised.join(' and ')} was not tried, and discovery advertises it too, so either should work.`
    : `${works} worked, the first method tried; ${others.join(' and ')} was not tried${advertised ? ' (discovery does not advertise it)' : ''}.`;
}

/** Each refused method of a trial where another method worked. */
export function methodRefusedFindings(trial: MethodTrial<unknown>, advertised: readonly string[] | undefined, expected?: ClientAuthMethod): Finding[] {
  const works = trial.authenticated[0];
  if (works === undefined) return [];
  return trial.outcomes
    .filter((x) => x.kind === 'client_refused')
    .map((x) => methodRefusedFinding({ refused: x.attempt, works, advertised, expected: expected === x.attempt.auth_method, attempts: trial.attempts }));
}
