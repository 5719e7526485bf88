/**
 * Token revocation: the request through the one method loop like every request that authenticates
 * the client; processRevocationResponse reads the answer. A 200 says only that the provider took
 * the request: RFC 7009 answers 200 for a token it does not know, too.
 * @see RFC 7009 §2.1 (request), §2.2 (response), §2.2.1 (error response)
 */
import type { HttpResponse } from '../http/client.js';
import { advertisedFor, callAuthenticated, type CallOutcome } from './authenticated-call.js';
import type { AuthMethodChoice } from './client-auth/index.js';
import { readEndpointAnswer } from './endpoint-answer.js';
import type { TokenTypeHint } from './token-type-hint.js';
import type { AuthenticatedEndpoint, EndpointReading } from './method-trial.js';
import { mtlsEndpointOf, type Session } from './session.js';

export interface RevocationAnswer {
  status: number;
}

const WHAT = 'The revocation endpoint';

export function processRevocationResponse(res: HttpResponse): EndpointReading<RevocationAnswer> {
  // RFC 7009 §2.2: the body of a 200 is ignored; a JSON body with an error is still an error.
  const answer = readEndpointAnswer(res, WHAT, { emptyOk: true });
  if (answer.error === undefined && answer.findings.length === 0 && res.status >= 200 && res.status < 300) return { value: { status: res.status }, findings: [] };
  return { ...(answer.error !== undefined ? { error: answer.error } : {}), ...(answer.error_description ? { error_description: answer.error_description } : {}), findings: answer.findings };
}

export function revocationEndpointAt(url: string): AuthenticatedEndpoint<RevocationAnswer> {
  return { url, name: WHAT, read: processRevocationResponse };
}

export async function revoke(
  session: Session,
  token: string,
  o: { hint?: TokenTypeHint; authMethod: AuthMethodChoice; secretSource?: string },
): Promise<CallOutcome<RevocationAnswer>> {
  if (!session.endpoints.revocation) throw new Error('revoke: the session has no revocation endpoint');
  const params: Record<string, string> = { token, ...(o.hint ? { token_type_hint: o.hint } : {}) };
  return callAuthenticated(session, { ...revocationEndpointAt(session.endpoints.revocation), ...mtlsEndpointOf(session, 'revocation') }, params, {
    authMethod: o.authMethod,
    advertised: advertisedFor(session, 'revocation_endpoint'),
    ...(o.secretSource ? { secretSource: o.secretSource } : {}),
  });
}
