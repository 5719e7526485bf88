/**
 * `oauth-doctor userinfo`: the access token sent to the userinfo endpoint (OpenID Connect Core
 * §5.3), the claims shown, a refusal read through its challenge, and sub checked against the ID
 * token's when one is given.
 */
import type { Deps } from '../../deps.js';
import { NetworkError, UsageError } from '../../errors.js';
import { bySeverity, finding, isOk } from '../../findings.js';
import { networkFinding } from '../../http/diagnose.js';
import { openSession } from '../../oauth/open-session.js';
import { processUserinfoResponse, subCheck, userinfoRequest } from '../../oidc/userinfo.js';
import type { CommandResult } from '../result.js';

export interface UserinfoOptions {
  issuer?: string;
  userinfoEndpoint?: string;
  accessToken: string;
  /** Where the access token came from, for output: a variable's name, standard input, a file. */
  accessTokenSource: string;
  /** An ID token of the same login: its sub must be userinfo's (Core §5.3.2). */
  idToken?: string;
  timeoutMs: number;
}

export interface UserinfoResult extends CommandResult {
  command: 'userinfo';
  issuer: string | null;
  userinfo_endpoint: string | null;
  access_token_source: string;
  /** The answer's HTTP status; null when none came. */
  status: number | null;
  content_type: string | null;
  elapsed_ms: number | null;
  format: 'json' | 'jwt' | null;
  claims: Record<string, unknown> | null;
  jwt_header?: Record<string, unknown>;
  /** The ID token's sub against userinfo's; null without an ID token. */
  sub_check: { id_token_sub: string; userinfo_sub: string | null; match: boolean } | null;
}

export async function run(o: UserinfoOptions, deps: Deps): Promise<UserinfoResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  // Userinfo authenticates the access token, not a client: the Session's client is unused here.
  const { session, findings } = await openSession({ issuer: o.issuer, overrides: { userinfo: o.userinfoEndpoint }, client: { client_id: '' }, timeoutMs: o.timeoutMs, progress }, deps);
  const result: UserinfoResult = {
    command: 'userinfo',
    ok: false,
    findings,
    issuer: session.issuer ?? null,
    userinfo_endpoint: session.endpoints.userinfo ?? null,
    access_token_source: o.accessTokenSource,
    status: null,
    content_type: null,
    elapsed_ms: null,
    format: null,
    claims: null,
    sub_check: null,
  };
  const endpoint = session.endpoints.userinfo;
  if (!endpoint) {
    if (!o.issuer) throw new UsageError('no userinfo endpoint: pass --issuer (discovery) or --userinfo-endpoint');
    // A discovery that failed has said so already.
    if (session.metadata.issuer !== undefined) {
      findings.push(
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: 'The provider\'s discovery document names no userinfo_endpoint',
          detail: 'Userinfo belongs to OpenID Connect; a plain OAuth 2.0 server (RFC 8414 metadata) has none, and some providers serve a profile API of their own instead.',
          fixes: ['Pass --userinfo-endpoint URL if the provider documents one elsewhere.', 'Ask for scope openid at login: without it there is no OpenID Connect, and no userinfo.'],
          sources: ['OpenID Connect Discovery 1.0 §3', 'OpenID Connect Core 1.0 §5.3'],
          evidence: { issuer: session.issuer },
        }),
      );
    }
    result.findings = bySeverity(findings);
    return result;
  }
  progress(`→ GET ${endpoint} with the access token from ${o.accessTokenSource}`);
  try {
    const res = await userinfoRequest(endpoint, o.accessToken, deps, o.timeoutMs);
    const reading = processUserinfoResponse(res, { accessToken: o.accessToken, ...(session.issuer ? { issuer: session.issuer } : {}) });
    Object.assign(result, {
      status: res.status,
      content_type: res.headers['content-type'] ?? null,
      elapsed_ms: Math.round(res.elapsedMs),
      format: reading.format,
      claims: reading.claims,
      ...(reading.jwt_header ? { jwt_header: reading.jwt_header } : {}),
    });
    findings.push(...reading.findings);
    const sub = subCheck(reading.claims, o.idToken);
    result.sub_check = sub.check;
    if (sub.finding) findings.push(sub.finding);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    findings.push(networkFinding(err, 'The userinfo endpoint'));
  }
  result.ok = result.claims !== null && isOk(findings);
  result.findings = bySeverity(findings);
  return result;
}
