/**
 * `oauth-doctor introspect`: the provider asked about a token (RFC 7662), its answer shown with its
 * times in human time, and what is wrong diagnosed: not active, no endpoint, the client refused.
 */
import type { TokenCallOptions } from '../../cli/token-call-flags.js';
import type { Deps } from '../../deps.js';
import { bySeverity, isOk } from '../../findings.js';
import type { Attempt } from '../../oauth/method-trial.js';
import { inactiveFinding, introspect, missingEndpointFindings } from '../../oauth/introspection.js';
import { openSession } from '../../oauth/open-session.js';
import { clientOf, type ClientAuthMethod } from '../../oauth/client-auth/index.js';
import { redactValue } from '../../redact.js';
import { timeline, type TimeClaim } from '../../token/claims.js';
import type { CommandResult } from '../result.js';

export interface IntrospectOptions extends TokenCallOptions {
  introspectionEndpoint?: string;
}

export interface IntrospectResult extends CommandResult {
  command: 'introspect';
  issuer: string | null;
  introspection_endpoint: string | null;
  /** The token asked about: redacted unless --show-tokens. */
  token: string;
  token_source: string;
  token_type_hint: string | null;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  advice: string[];
  /** The provider's verdict; null when no answer was read. */
  active: boolean | null;
  /** The introspection response as the provider sent it. */
  response: Record<string, unknown> | null;
  /** exp, iat, nbf of the response in human time. */
  times: TimeClaim[];
}

export async function run(o: IntrospectOptions, deps: Deps): Promise<IntrospectResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const { session, findings } = await openSession(
    {
      progress,
      issuer: o.issuer,
      overrides: { introspection: o.introspectionEndpoint },
      uses: 'introspection',
      client: clientOf(o),
      timeoutMs: o.timeoutMs,
    },
    deps,
  );
  const result: IntrospectResult = {
    command: 'introspect',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    introspection_endpoint: session.endpoints.introspection ?? null,
    token: o.showTokens ? o.token : redactValue(o.token),
    token_source: o.tokenSource,
    token_type_hint: o.tokenTypeHint ?? null,
    auth_method: null,
    attempts: [],
    advice: [],
    active: null,
    response: null,
    times: [],
  };
  if (!session.endpoints.introspection) {
    findings.push(...missingEndpointFindings(session, { member: 'introspection_endpoint', flag: '--introspection-endpoint', issuerGiven: Boolean(o.issuer) }));
    result.findings = bySeverity(findings);
    return result;
  }
  progress(`→ introspection at ${session.endpoints.introspection}`);
  const outcome = await introspect(session, o.token, { authMethod: o.authMethod, secretSource: o.clientSecretSource, ...(o.tokenTypeHint ? { hint: o.tokenTypeHint } : {}) });
  Object.assign(result, { auth_method: outcome.auth_method, attempts: outcome.attempts, advice: outcome.advice });
  findings.push(...outcome.findings);
  const nowSeconds = Math.floor(deps.now() / 1000);
  if (outcome.value) {
    result.active = outcome.value.active;
    result.response = outcome.value;
    result.times = timeline(outcome.value, nowSeconds).times.filter((t) => t.name !== 'auth_time');
    if (!outcome.value.active) findings.push(inactiveFinding(o.token, { issuer: session.issuer, nowSeconds, source: o.tokenSource }));
  }
  result.ok = result.active === true && isOk(findings);
  result.findings = bySeverity(findings);
  return result;
}
