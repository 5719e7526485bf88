/**
 * `oauth-doctor client-credentials`: a token for a machine client (RFC 6749 §4.4), shown decoded,
 * with the client authentication methods tried and every failure diagnosed.
 */
import type { Deps } from '../../deps.js';
import { bySeverity, isOk, type Finding } from '../../findings.js';
import { clientCredentialsGrant } from '../../oauth/grants.js';
import { noTokens, obtainTokens, type TokenOutcome } from '../../oauth/obtain-tokens.js';
import { openTokenSession, type TokenCommandOptions } from '../../oauth/open-session.js';
import { UsageError } from '../../errors.js';
import type { CommandResult } from '../result.js';

export interface ClientCredentialsOptions extends TokenCommandOptions {
  scope?: string;
  /** An RFC 8707 resource indicator. */
  resource?: string;
  audience?: string;
  params: Array<[string, string]>;
}

export interface ClientCredentialsResult extends CommandResult, Omit<TokenOutcome, 'raw' | 'findings'> {
  command: 'client-credentials';
  issuer: string | null;
  token_endpoint: string | null;
}

export async function run(o: ClientCredentialsOptions, deps: Deps): Promise<ClientCredentialsResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const { session, findings } = await openTokenSession(o, deps, progress);
  const result: ClientCredentialsResult = {
    command: 'client-credentials',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    token_endpoint: session.endpoints.token ?? null,
    ...noTokens(),
  };
  if (!session.endpoints.token) {
    if (!o.issuer) throw new UsageError('no token endpoint: pass --issuer (discovery) or --token-endpoint');
    return result;
  }
  const params: Record<string, string> = Object.fromEntries(o.params);
  if (o.audience) params.audience = o.audience;
  if (o.resource) params.resource = o.resource;
  const grant = clientCredentialsGrant({ ...(o.scope ? { scope: o.scope } : {}), params });
  progress(`→ client_credentials at ${session.endpoints.token}`);
  const outcome = await obtainTokens(
    session,
    grant,
    { authMethod: o.authMethod, secretSource: o.clientSecretSource, examine: { scope: o.scope ?? '', showTokens: o.showTokens, clockTolerance: o.clockTolerance, expectRefreshToken: false } },
    deps,
  );
  const { raw: _raw, findings: found, ...shown } = outcome;
  Object.assign(result, shown);
  findings.push(...found);
  result.ok = outcome.tokens !== null && isOk(findings);
  // Errors first, as decode orders them: the first finding is the one to read.
  result.findings = bySeverity(findings);
  return result;
}
