/**
 * `oauth-doctor refresh`: a refresh token redeemed (RFC 6749 §6), the new tokens shown decoded,
 * rotation and scope narrowing said, and a refusal diagnosed as a refresh-token problem.
 */
import type { Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import { bySeverity, finding, isOk, type Finding } from '../../findings.js';
import { refreshTokenGrant } from '../../oauth/grants.js';
import { noTokens, obtainTokens, type TokenOutcome } from '../../oauth/obtain-tokens.js';
import { openTokenSession, type TokenCommandOptions } from '../../oauth/open-session.js';
import type { CommandResult } from '../result.js';

export interface RefreshOptions extends TokenCommandOptions {
  refreshToken: string;
  /** Where the refresh token came from, named in findings (an env var, standard input, a file). */
  refreshTokenSource: string;
  /** The scope the refresh token was granted, when known (a --save file): narrowing is compared with it. */
  previousScope?: string;
  /** A narrower scope to ask for (RFC 6749 §6). */
  scope?: string;
  save?: string;
}

export interface RefreshResult extends CommandResult, Omit<TokenOutcome, 'raw' | 'findings'> {
  command: 'refresh';
  issuer: string | null;
  token_endpoint: string | null;
  /** A new refresh token came back: the one used is dead (or soon) from now on. */
  rotated: boolean;
  saved_to?: string;
}

export async function run(o: RefreshOptions, deps: Deps): Promise<RefreshResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const { session, findings } = await openTokenSession(o, deps, progress);
  const result: RefreshResult = {
    command: 'refresh',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    token_endpoint: session.endpoints.token ?? null,
    ...noTokens(),
    rotated: false,
  };
  if (!session.endpoints.token) {
    if (!o.issuer) throw new UsageError('no token endpoint: pass --issuer (discovery) or --token-endpoint');
    return result;
  }
  progress(`→ refresh_token at ${session.endpoints.token}`);
  const grant = { ...refreshTokenGrant({ refreshToken: o.refreshToken }), ...(o.scope ? { scope: o.scope } : {}) };
  const requested = o.scope ?? o.previousScope ?? '';
  const outcome = await obtainTokens(
    session,
    grant,
    // (scope '' for the examination: providers need not return an ID token on refresh.)
    { authMethod: o.authMethod, secretSource: o.clientSecretSource, examine: { scope: '', showTokens: o.showTokens, clockTolerance: o.clockTolerance, expectRefreshToken: false } },
    deps,
  );
  const { raw, findings: found, ...shown } = outcome;
  Object.assign(result, shown);
  findings.push(...found);
  if (raw) {
    result.rotated = typeof raw.refresh_token === 'string' && raw.refresh_token !== o.refreshToken;
    if (result.rotated) {
      findings.push(
        finding({
          id: 'refresh_token_rejected',
          severity: o.save ? 'info' : 'warning',
          title: `The provider rotated the refresh token: the one from ${o.refreshTokenSource} is used up`,
          detail:
            'A new refresh token came back. With rotation the old one is invalid from now on (or after a short grace period), and using it again may revoke the whole family as a replay. ' +
            (o.save ? `The new one is in ${o.save}.` : 'It was not saved: run again with --save FILE, or store it from --show-tokens --json.'),
          fixes: ['Store the new refresh token after every refresh; never reuse the old one.'],
          sources: ['RFC 9700 §4.14.2 (refresh token rotation)', 'RFC 6749 §6'],
          evidence: { source: o.refreshTokenSource, saved: Boolean(o.save) },
        }),
      );
    }
    const granted = typeof raw.scope === 'string' ? raw.scope.split(/\s+/).filter(Boolean) : undefined;
    const lost = granted && requested ? requested.split(/\s+/).filter((s) => s && !granted.includes(s)) : [];
    if (lost.length > 0) {
      findings.push(
        finding({
          id: 'invalid_scope',
          severity: 'warning',
          title: `The refreshed token has a narrower scope: ${lost.join(', ')} ${lost.length === 1 ? 'is' : 'are'} gone`,
          detail: `Asked for (or held before) "${requested}"; granted "${String(raw.scope)}". Calls that need the missing scope will now answer 403 insufficient_scope.`,
          fixes: ['Sign in again to be granted the scope, or check whether an admin or the user withdrew it.'],
          sources: ['RFC 6749 §6', 'RFC 6749 §3.3'],
          evidence: { requested, granted: raw.scope },
        }),
      );
    }
    if (o.save) {
      await deps.writePrivateFile(o.save, deps.secrets.scrub(`${JSON.stringify(raw, null, 2)}\n`, { keepTokens: true }));
      result.saved_to = o.save;
    }
  }
  result.ok = outcome.tokens !== null && isOk(findings);
  // Errors first, as decode orders them: the first finding is the one to read.
  result.findings = bySeverity(findings);
  return result;
}
