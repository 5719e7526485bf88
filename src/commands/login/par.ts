/**
 * login's pushed authorization request (RFC 9126): when --par asks for it or the provider requires
 * it, the authorization request's parameters are pushed (client-authenticated, the methods tried as
 * at the token endpoint) and the browser gets only client_id and request_uri. A refusal is
 * diagnosed here, before any browser opens.
 */
import type { Finding } from '../../findings.js';
import { callAuthenticated } from '../../oauth/authenticated-call.js';
import { noParEndpoint, parEndpointFor, pushedAuthorizationUrl } from '../../oauth/par.js';
import type { Attempt } from '../../oauth/method-trial.js';
import { mtlsEndpointOf, type Session } from '../../oauth/session.js';
import type { ClientAuthMethod, AuthMethodChoice } from '../../oauth/client-auth/index.js';
import { printable } from '../../report/printable.js';

/** What a login report shows of the pushed request (never the request_uri: it is a one-time handle to the request). */
export interface ParReport {
  pushed_authorization_request_endpoint: string | null;
  /** Whether the provider requires it (require_pushed_authorization_requests), rather than --par. */
  required: boolean;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  /** Seconds the request_uri stays valid. */
  expires_in: number | null;
}

export async function pushAuthorizationRequest(
  session: Session,
  authorizationUrl: string,
  o: { clientId: string; authMethod: AuthMethodChoice; secretSource?: string; required: boolean; redirectUri: string },
  progress: (line: string) => void,
): Promise<{ report: ParReport; url?: string; findings: Finding[] }> {
  const endpoint = session.endpoints.pushedAuthorizationRequest;
  const report: ParReport = { pushed_authorization_request_endpoint: endpoint ?? null, required: o.required, auth_method: null, attempts: [], expires_in: null };
  if (!endpoint) return { report, findings: [noParEndpoint({ required: o.required, ...(session.issuer ? { issuer: session.issuer } : {}) })] };
  progress(`→ Pushing the authorization request to ${endpoint}${o.required ? ' (the provider requires PAR)' : ''}`);
  const params = Object.fromEntries(new URL(authorizationUrl).searchParams);
  const outcome = await callAuthenticated(session, { ...parEndpointFor(endpoint, session.issuer), ...mtlsEndpointOf(session, 'pushedAuthorizationRequest') }, params, {
    authMethod: o.authMethod,
    advertised: session.advertisedAuthMethods,
    ...(o.secretSource ? { secretSource: o.secretSource } : {}),
  });
  report.auth_method = outcome.auth_method;
  report.attempts = outcome.attempts;
  for (const a of outcome.attempts) progress(`  ${a.auth_method}: ${a.status === null ? 'no answer' : `HTTP ${a.status}`}${a.error ? ` ${printable(a.error.slice(0, 80))}` : ' ok'}`);
  if (!outcome.value) return { report, findings: outcome.findings.map((f) => inPushedContext(f, o.redirectUri, endpoint)) };
  report.expires_in = outcome.value.expires_in;
  progress(`  request_uri valid for ${outcome.value.expires_in} s: the browser carries only client_id and request_uri`);
  return { report, url: pushedAuthorizationUrl(session.endpoints.authorization as string, o.clientId, outcome.value.request_uri), findings: outcome.findings };
}

/** A refusal at the PAR endpoint, said as one: no browser was opened, and the redirect_uri sent is named. */
function inPushedContext(f: Finding, redirectUri: string, endpoint: string): Finding {
  const where = { ...f, detail: `${f.detail} This came from the pushed authorization request endpoint (${endpoint}), before any browser opened.` };
  if (f.id !== 'redirect_uri_mismatch') return where;
  return {
    ...where,
    detail: `${where.detail} The redirect_uri sent was ${redirectUri}.`,
    fixes: [`Register exactly ${redirectUri} for this client, or pass the registered one with --redirect-uri.`, 'Check the near-misses: a trailing slash, http vs https, localhost vs 127.0.0.1 vs [::1], the port, and the path.', ...f.fixes],
    evidence: { ...f.evidence, redirect_uri: redirectUri },
  };
}
