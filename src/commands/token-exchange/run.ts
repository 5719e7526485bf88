/**
 * `oauth-doctor token-exchange`: a subject token exchanged for a new one (RFC 8693) through the one
 * token request of every grant, the new token shown decoded with its issued_token_type, and a
 * refusal diagnosed as a token-exchange problem.
 */
import type { Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import { bySeverity, finding, isOk } from '../../findings.js';
import { TOKEN_EXCHANGE_GRANT_TYPE, tokenExchangeGrant } from '../../oauth/grants.js';
import { noTokens, obtainTokens, type TokenOutcome } from '../../oauth/obtain-tokens.js';
import { openTokenSession, type TokenCommandOptions } from '../../oauth/open-session.js';
import type { CommandResult } from '../result.js';

export interface TokenExchangeOptions extends TokenCommandOptions {
  subjectToken: string;
  /** Where the subject token came from, for output. */
  subjectTokenSource: string;
  /** A token type URI (RFC 8693 §3). */
  subjectTokenType: string;
  actorToken?: string;
  actorTokenSource?: string;
  actorTokenType?: string;
  requestedTokenType?: string;
  audience?: string;
  resource?: string;
  scope?: string;
}

export interface TokenExchangeResult extends CommandResult, Omit<TokenOutcome, 'raw' | 'findings'> {
  command: 'token-exchange';
  issuer: string | null;
  token_endpoint: string | null;
  /** What was asked: the token types and targets (never the tokens). */
  request: {
    subject_token_source: string;
    subject_token_type: string;
    actor_token_source: string | null;
    actor_token_type: string | null;
    requested_token_type: string | null;
    audience: string | null;
    resource: string | null;
    scope: string | null;
  };
  /** RFC 8693 §2.2.1: what the new token is; null when none came (or the provider left it out). */
  issued_token_type: string | null;
  /** Whether discovery lists the token-exchange grant in grant_types_supported; null when it has no such list. */
  grant_type_advertised: boolean | null;
}

export async function run(o: TokenExchangeOptions, deps: Deps): Promise<TokenExchangeResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const { session, findings } = await openTokenSession(o, deps, progress);
  const advertised = session.metadata.grant_types_supported;
  const result: TokenExchangeResult = {
    command: 'token-exchange',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    token_endpoint: session.endpoints.token ?? null,
    request: {
      subject_token_source: o.subjectTokenSource,
      subject_token_type: o.subjectTokenType,
      actor_token_source: o.actorTokenSource ?? null,
      actor_token_type: o.actorToken !== undefined ? (o.actorTokenType ?? null) : null,
      requested_token_type: o.requestedTokenType ?? null,
      audience: o.audience ?? null,
      resource: o.resource ?? null,
      scope: o.scope ?? null,
    },
    ...noTokens(),
    issued_token_type: null,
    grant_type_advertised: Array.isArray(advertised) ? advertised.includes(TOKEN_EXCHANGE_GRANT_TYPE) : null,
  };
  if (!session.endpoints.token) {
    if (!o.issuer) throw new UsageError('no token endpoint: pass --issuer (discovery) or --token-endpoint');
    return result;
  }
  if (result.grant_type_advertised === false) {
    findings.push(
      finding({
        id: 'unsupported_grant_type',
        severity: 'warning',
        title: 'The provider does not list token exchange in grant_types_supported',
        detail: `Its discovery document lists ${(advertised as unknown[]).map((g) => `"${String(g)}"`).join(', ').slice(0, 300)}, without ${TOKEN_EXCHANGE_GRANT_TYPE}. The exchange is tried anyway: the list may be incomplete.`,
        fixes: ['If the exchange is refused with unsupported_grant_type, the provider does not do RFC 8693 or has it switched off: see that finding.'],
        sources: ['RFC 8414 §2', 'RFC 8693 §2.1'],
        evidence: { grant_types_supported: advertised },
      }),
    );
  }
  const grant = tokenExchangeGrant({
    subjectToken: o.subjectToken,
    subjectTokenType: o.subjectTokenType,
    ...(o.actorToken !== undefined ? { actorToken: o.actorToken, actorTokenType: o.actorTokenType } : {}),
    ...(o.requestedTokenType ? { requestedTokenType: o.requestedTokenType } : {}),
    ...(o.audience ? { audience: o.audience } : {}),
    ...(o.resource ? { resource: o.resource } : {}),
    ...(o.scope ? { scope: o.scope } : {}),
  });
  progress(`→ token exchange at ${session.endpoints.token}, subject token from ${o.subjectTokenSource}`);
  const outcome = await obtainTokens(
    session,
    grant,
    { authMethod: o.authMethod, secretSource: o.clientSecretSource, examine: { scope: '', showTokens: o.showTokens, clockTolerance: o.clockTolerance, expectRefreshToken: false } },
    deps,
  );
  const { raw, findings: found, ...shown } = outcome;
  Object.assign(result, shown);
  findings.push(...found);
  if (raw) {
    const issued = raw.issued_token_type;
    result.issued_token_type = typeof issued === 'string' ? issued : null;
    if (typeof issued !== 'string') {
      findings.push(
        finding({
          id: 'spec_deviation',
          severity: 'warning',
          title: 'The token exchange response has no "issued_token_type"',
          detail: 'RFC 8693 §2.2.1 requires it: it says what the token in access_token is (an access token, an ID token, a JWT...). Clients that check it will refuse this response.',
          fixes: ['Configure or fix the provider to return issued_token_type; meanwhile, decode the token to see what it is.'],
          sources: ['RFC 8693 §2.2.1'],
          evidence: { members: Object.keys(raw) },
        }),
      );
    } else if (o.requestedTokenType && issued !== o.requestedTokenType) {
      findings.push(
        finding({
          id: 'spec_deviation',
          severity: 'warning',
          title: `Asked for ${o.requestedTokenType}, got ${issued}`,
          detail: 'RFC 8693 lets the server issue another type than requested_token_type when it cannot issue that one; a client expecting the requested type will misuse this token.',
          fixes: ['Check that the provider can issue the requested token type for this client and target.'],
          sources: ['RFC 8693 §2.1', 'RFC 8693 §2.2.1'],
          evidence: { requested_token_type: o.requestedTokenType, issued_token_type: issued },
        }),
      );
    }
  }
  result.ok = outcome.tokens !== null && isOk(findings);
  // Errors first, as decode orders them: the first finding is the one to read.
  result.findings = bySeverity(findings);
  return result;
}
