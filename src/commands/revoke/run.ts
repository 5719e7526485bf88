/**
 * `oauth-doctor revoke`: a token revoked (RFC 7009), the provider's answer shown for what it proves
 * (a 200 is also the answer for an unknown token), and with --check the token introspected
 * afterwards to show it is no longer active.
 */
import type { TokenCallOptions } from '../../cli/token-call-flags.js';
import type { Deps } from '../../deps.js';
import { bySeverity, finding, isOk } from '../../findings.js';
import { clientOf, type ClientAuthMethod } from '../../oauth/client-auth/index.js';
import { introspect, missingEndpointFindings } from '../../oauth/introspection.js';
import type { Attempt } from '../../oauth/method-trial.js';
import { openSession } from '../../oauth/open-session.js';
import { revoke } from '../../oauth/revocation.js';
import { redactValue } from '../../redact.js';
import type { CommandResult } from '../result.js';

export interface RevokeOptions extends TokenCallOptions {
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
  /** Introspect afterwards. */
  check: boolean;
}

export interface RevokeCheck {
  introspection_endpoint: string | null;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  /** What introspection said after the revocation; null when it could not be asked. */
  active: boolean | null;
}

export interface RevokeResult extends CommandResult {
  command: 'revoke';
  issuer: string | null;
  revocation_endpoint: string | null;
  /** The token revoked: redacted unless --show-tokens. */
  token: string;
  token_source: string;
  token_type_hint: string | null;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  advice: string[];
  /** The provider accepted the request (HTTP 200): not a proof that the token existed. */
  revoked: boolean;
  /** With --check. */
  check: RevokeCheck | null;
}

export async function run(o: RevokeOptions, deps: Deps): Promise<RevokeResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const { session, findings } = await openSession(
    {
      progress,
      issuer: o.issuer,
      overrides: { revocation: o.revocationEndpoint, introspection: o.introspectionEndpoint },
      uses: 'revocation',
      client: clientOf(o),
      timeoutMs: o.timeoutMs,
    },
    deps,
  );
  const result: RevokeResult = {
    command: 'revoke',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    revocation_endpoint: session.endpoints.revocation ?? null,
    token: o.showTokens ? o.token : redactValue(o.token),
    token_source: o.tokenSource,
    token_type_hint: o.tokenTypeHint ?? null,
    auth_method: null,
    attempts: [],
    advice: [],
    revoked: false,
    check: null,
  };
  const done = () => {
    result.findings = bySeverity(findings);
    return result;
  };
  if (!session.endpoints.revocation) {
    findings.push(...missingEndpointFindings(session, { member: 'revocation_endpoint', flag: '--revocation-endpoint', issuerGiven: Boolean(o.issuer) }));
    return done();
  }
  progress(`→ revocation at ${session.endpoints.revocation}`);
  const hint = o.tokenTypeHint ? { hint: o.tokenTypeHint } : {};
  const outcome = await revoke(session, o.token, { authMethod: o.authMethod, secretSource: o.clientSecretSource, ...hint });
  Object.assign(result, { auth_method: outcome.auth_method, attempts: outcome.attempts, advice: outcome.advice });
  findings.push(...outcome.findings);
  result.revoked = outcome.value !== undefined;
  if (!result.revoked) return done();
  const status = outcome.value?.status ?? 200;
  findings.push(
    finding({
      id: 'success',
      severity: 'info',
      title: `The provider accepted the revocation (HTTP ${status})`,
      detail:
        'RFC 7009 §2.2 has the provider answer 200 whether or not it knew the token (an unknown, expired or already revoked token gets the same answer), so this 200 does not prove ' +
        `the token existed or was live. ${o.check ? 'The introspection below says what the token is now.' : 'Run with --check to introspect it afterwards.'} Revoking a refresh token usually ends its grant, and the access tokens of that grant with it (RFC 7009 §2.1 leaves that to the provider).`,
      fixes: [],
      sources: ['RFC 7009 §2.2', 'RFC 7009 §2.1'],
      evidence: { status, token_type_hint: o.tokenTypeHint ?? null },
    }),
  );
  if (o.check) {
    const check: RevokeCheck = { introspection_endpoint: session.endpoints.introspection ?? null, auth_method: null, attempts: [], active: null };
    result.check = check;
    if (!session.endpoints.introspection) {
      findings.push(
        finding({
          id: 'missing_endpoint',
          severity: 'warning',
          title: '--check could not run: the provider names no introspection_endpoint',
          detail: 'Without introspection nothing here can tell whether the token is still honoured. Give the endpoint with --introspection-endpoint if the provider has one, or call an API with the token.',
          fixes: ['Give --introspection-endpoint URL, or try the token against an API (a 401 invalid_token means it is revoked).'],
          sources: ['RFC 7662 §2', 'RFC 8414 §2'],
          evidence: { issuer: session.issuer },
        }),
      );
      return done();
    }
    progress(`→ introspection at ${session.endpoints.introspection}`);
    const after = await introspect(session, o.token, { authMethod: o.authMethod, secretSource: o.clientSecretSource, ...hint });
    Object.assign(check, { auth_method: after.auth_method, attempts: after.attempts, active: after.value ? after.value.active : null });
    if (!after.value) {
      findings.push(...after.findings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' as const, title: `--check: ${f.title}` } : f)));
    } else if (after.value.active) {
      findings.push(
        finding({
          id: 'spec_deviation',
          severity: 'error',
          title: 'The token is still active after the provider accepted its revocation',
          detail:
            'Introspection right after the revocation says active: true. RFC 7009 §2.2 says the token is invalidated once the provider answers 200. Either the provider did not revoke this kind of token ' +
            '(some revoke refresh tokens only, or not the JWT access tokens they cannot recall), the revocation was sent for another client\'s token, or introspection answers from a cache.',
          fixes: ['Revoke the refresh token (login --save files keep it), which ends the grant at most providers.', 'Run again in a minute: if it stays active, read the provider\'s documentation on which tokens it revokes.'],
          sources: ['RFC 7009 §2.2', 'RFC 7009 §2.1'],
          evidence: { active: true },
        }),
      );
    }
  }
  result.ok = result.revoked && isOk(findings) && (!o.check || result.check?.active === false);
  return done();
}
