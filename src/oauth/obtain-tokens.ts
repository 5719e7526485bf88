/**
 * A grant to the token endpoint, as every token command runs it: the methods to try, the trial,
 * the findings of a refusal or of what came back (the ID token verified, a JWT access token
 * decoded), and what to set in the user's own client. Tokens come back redacted unless asked.
 */
import type { Deps } from '../deps.js';
import type { Finding } from '../findings.js';
import { examineTokens, type TokenContext } from '../oidc/examine-tokens.js';
import { clientRefusedFindings, methodRefusedFindings, whatWasTried } from './client-auth-findings.js';
import { clientConfiguration, hasCredentials, methodsToTry, type AuthMethodChoice, type ClientAuthMethod } from './client-auth/index.js';
import type { Grant } from './grants.js';
import { rememberTokens, type Attempt } from './method-trial.js';
import { requestTokens, type Session } from './session.js';
import { dpopReport, type DpopReport } from './dpop.js';
import { dpopTokenFindings } from './dpop-findings.js';

export interface TokenOutcome {
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  /** Redacted unless showTokens. */
  tokens: Record<string, unknown> | null;
  claims: { id_token?: Record<string, unknown>; access_token?: Record<string, unknown> };
  advice: string[];
  findings: Finding[];
  /** The raw response, for callers that compare it (rotation); never printed. */
  raw?: Record<string, unknown>;
  /** With --dpop: the key's thumbprint and what the provider made of the proofs. */
  dpop?: DpopReport;
}

/** What a token command shows before (or without) an answer; a fresh value each time. */
export function noTokens(): Omit<TokenOutcome, 'findings' | 'raw'> {
  return { auth_method: null, attempts: [], tokens: null, claims: {}, advice: [] };
}

export async function obtainTokens(
  session: Session,
  grant: Grant,
  o: { authMethod: AuthMethodChoice; secretSource?: string; examine: Omit<TokenContext, 'issuer' | 'jwksUri' | 'clientId' | 'clientSecret' | 'timeoutMs'> },
  deps: Pick<Deps, 'http' | 'secrets' | 'readFile' | 'now'>,
): Promise<TokenOutcome> {
  const methods = methodsToTry(o.authMethod, session.client, session.advertisedAuthMethods);
  const trial = await requestTokens(session, grant, o.authMethod === 'auto' ? methods : methods.slice(0, 1));
  rememberTokens(trial.value, deps.secrets);
  const outcome: TokenOutcome = { auth_method: trial.auth_method, attempts: trial.attempts, tokens: null, claims: {}, advice: [], findings: [], ...(session.dpop ? { dpop: dpopReport(session.dpop, trial.value) } : {}) };
  if (!trial.value) {
    outcome.findings = [
      ...clientRefusedFindings(trial.findings, trial, { hadSecret: hasCredentials(session.client), ...(o.secretSource ? { secretSource: o.secretSource } : {}) }),
      ...(session.dpop ? dpopTokenFindings(session.dpop, undefined) : []),
    ];
    return outcome;
  }
  const examined = await examineTokens(
    trial.value,
    { ...o.examine, issuer: session.issuer, jwksUri: session.endpoints.jwks, clientId: session.client.client_id, clientSecret: session.client.client_secret, timeoutMs: session.timeoutMs },
    Math.floor(deps.now() / 1000),
    deps,
  );
  const tried = trial.auth_method ? whatWasTried(trial, session.advertisedAuthMethods) : undefined;
  return {
    ...outcome,
    tokens: examined.tokens,
    claims: examined.claims,
    advice: trial.auth_method ? [...(tried ? [tried] : []), ...clientConfiguration(trial.auth_method, { otherRefused: trial.outcomes.some((x) => x.kind === 'client_refused') })] : [],
    findings: [
      ...trial.findings,
      ...methodRefusedFindings(trial, session.advertisedAuthMethods),
      ...examined.findings,
      ...(session.dpop ? dpopTokenFindings(session.dpop, trial.value, examined.claims.access_token) : []),
    ],
    raw: trial.value,
  };
}
