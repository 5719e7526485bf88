/**
 * Token introspection: the request goes through the one method loop (tryMethods, authenticatedPost)
 * like every request that authenticates the client; processIntrospectionResponse reads the answer
 * into the response members and findings. `introspect` is what the introspect command, revoke
 * --check and probe run.
 * @see RFC 7662 §2.1 (request), §2.2 (response), §2.3 (error response)
 */
import { UsageError } from '../errors.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { advertisedFor, callAuthenticated, type CallOutcome } from './authenticated-call.js';
import type { AuthMethodChoice } from './client-auth/index.js';
import { readEndpointAnswer } from './endpoint-answer.js';
import type { AuthenticatedEndpoint, EndpointReading } from './method-trial.js';
import { mtlsEndpointOf, type Session } from './session.js';
import type { TokenTypeHint } from './token-type-hint.js';

/** RFC 7662 §2.2: `active` and, when active, any of scope, client_id, username, token_type, exp, iat, nbf, sub, aud, iss, jti. */
export interface IntrospectionResponse {
  active: boolean;
  [member: string]: unknown;
}


const WHAT = 'The introspection endpoint';

export function processIntrospectionResponse(res: HttpResponse): EndpointReading<IntrospectionResponse> {
  const answer = readEndpointAnswer(res, WHAT);
  const findings = answer.findings.map(atIntrospection);
  if (!answer.json) return { ...(answer.error !== undefined ? { error: answer.error } : {}), ...(answer.error_description ? { error_description: answer.error_description } : {}), findings };
  const json = answer.json;
  if (typeof json.active === 'boolean') return { value: json as IntrospectionResponse, findings };
  if (json.active === 'true' || json.active === 'false') {
    return {
      value: { ...json, active: json.active === 'true' },
      findings: [
        finding({
          id: 'spec_deviation',
          severity: 'warning',
          title: `introspection response "active" must be a boolean, got the string "${json.active}"`,
          detail: 'RFC 7662 §2.2 defines active as a JSON boolean; strict clients read the string "false" as a truthy value or refuse the answer. oauth-doctor read it as the boolean.',
          fixes: ['Fix or configure the provider to send "active": true or false as a JSON boolean.'],
          sources: ['RFC 7662 §2.2'],
          evidence: { active: json.active },
        }),
      ],
    };
  }
  return {
    findings: [
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: 'The introspection response has no boolean "active"',
        detail: `HTTP ${res.status} with members ${Object.keys(json).map((k) => `"${k}"`).join(', ') || '(none)'}; RFC 7662 §2.2 requires "active" (true or false). Without it nothing says whether the token is good.`,
        fixes: ['Check that the URL is the introspection endpoint (introspection_endpoint in the discovery document).'],
        sources: ['RFC 7662 §2.2'],
        evidence: { members: Object.keys(json), active_type: typeof json.active },
      }),
    ],
  };
}

/** A refusal of the client, said for introspection: it always needs client authentication, and some providers want the API's own. */
function atIntrospection(f: Finding): Finding {
  if (f.id !== 'invalid_client') return f;
  return {
    ...f,
    detail:
      `${f.detail} The introspection endpoint requires the caller to authenticate (RFC 7662 §2.1): it is meant for the resource server (the API), not for the app. ` +
      'Some providers accept only a resource server\'s own credentials there (an API registered as its own client, or a dedicated introspection client), and refuse the app\'s.',
    fixes: [
      ...f.fixes,
      'If the provider registers the API separately, introspect with the API\'s client_id and secret (--client-id, OAUTH_CLIENT_SECRET), not the app\'s.',
    ],
    sources: [...f.sources, ...(f.sources.some((s) => s.title.startsWith('RFC 7662')) ? [] : [{ title: 'RFC 7662 §2.1', url: 'https://www.rfc-editor.org/rfc/rfc7662#section-2.1' }])],
  };
}

export function introspectionEndpointAt(url: string): AuthenticatedEndpoint<IntrospectionResponse> {
  return { url, name: WHAT, read: processIntrospectionResponse };
}

export async function introspect(
  session: Session,
  token: string,
  o: { hint?: TokenTypeHint; authMethod: AuthMethodChoice; secretSource?: string },
): Promise<CallOutcome<IntrospectionResponse>> {
  if (!session.endpoints.introspection) throw new Error('introspect: the session has no introspection endpoint');
  const params: Record<string, string> = { token, ...(o.hint ? { token_type_hint: o.hint } : {}) };
  return callAuthenticated(session, { ...introspectionEndpointAt(session.endpoints.introspection), ...mtlsEndpointOf(session, 'introspection') }, params, {
    authMethod: o.authMethod,
    advertised: advertisedFor(session, 'introspection_endpoint'),
    ...(o.secretSource ? { secretSource: o.secretSource } : {}),
  });
}

/** What a JWT's payload says, read without verifying it: only to tell the user why it may be inactive. */
function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * {"active": false}: the provider says no more, on purpose. What the token itself shows (a JWT's exp
 * and iss) is added when it tells something.
 */
export function inactiveFinding(token: string, o: { issuer: string | undefined; nowSeconds: number; source: string }): Finding {
  const claims = jwtPayload(token);
  const seen: string[] = [];
  if (claims) {
    if (typeof claims.exp === 'number' && claims.exp < o.nowSeconds) seen.push(`The token is a JWT whose exp passed ${Math.round((o.nowSeconds - claims.exp) / 60)} min ago: it expired.`);
    if (typeof claims.iss === 'string' && o.issuer && claims.iss.replace(/\/$/, '') !== o.issuer.replace(/\/$/, '')) seen.push(`The token is a JWT issued by ${claims.iss}, not by ${o.issuer}: ask its own issuer.`);
  }
  return finding({
    id: 'invalid_token',
    severity: 'error',
    title: 'The provider says the token is not active',
    detail:
      'The introspection endpoint answered {"active": false}. RFC 7662 §2.2 lets it say no more, so oauth-doctor cannot tell which of these it is: the token expired, was revoked (or the session or grant ended), ' +
      `is unknown to this provider (mistyped, cut short, from another environment or issuer), or this client may not see it. ${seen.length > 0 ? seen.join(' ') : claims ? 'Its exp and iss do not explain it.' : 'It is not a JWT, so only the provider knows more.'}`,
    fixes: [
      'Decode it (`oauth-doctor decode`): a JWT shows exp (expired?) and iss (this provider?).',
      `Check that ${o.source} holds the whole token, from this provider and environment.`,
      'Get a fresh token (refresh, sign in again, or client-credentials) and introspect that: if it is active, the old one expired or was revoked.',
    ],
    sources: ['RFC 7662 §2.2'],
    evidence: { active: false, is_jwt: Boolean(claims), ...(claims && typeof claims.exp === 'number' ? { exp: claims.exp } : {}), ...(claims && typeof claims.iss === 'string' ? { iss: claims.iss } : {}) },
  });
}

/** The provider has no such endpoint (its discovery does not name one) and none was given. */
/**
 * Findings for an introspection or revocation endpoint the session lacks: with no --issuer that is
 * a usage error; after a discovery that gave metadata, the missing member is the finding; without
 * metadata, discovery's own finding already says why, and nothing is added.
 */
export function missingEndpointFindings(session: Session, o: { member: 'introspection_endpoint' | 'revocation_endpoint'; flag: string; issuerGiven: boolean }): Finding[] {
  if (!o.issuerGiven) throw new UsageError(`no endpoint: pass --issuer (discovery) or ${o.flag}`);
  if (Object.keys(session.metadata).length === 0) return [];
  const rfc = o.member === 'introspection_endpoint' ? 'RFC 7662' : 'RFC 7009';
  return [
    finding({
      id: 'missing_endpoint',
      severity: 'error',
      title: `No ${o.member}: the provider's discovery document does not name one`,
      detail:
        `The metadata of ${session.issuer ?? 'the issuer'} has no "${o.member}" (RFC 8414 §2), so nothing was sent. ` +
        `Many providers have the endpoint but do not advertise it; some (or some plans) have none, since ${rfc} is optional.`,
      fixes: [`If the provider documents the endpoint, give it with ${o.flag} URL.`, `Otherwise the provider has no ${rfc} endpoint: ${o.member === 'introspection_endpoint' ? 'verify JWT access tokens locally with its keys (`oauth-doctor decode --issuer`) or call its userinfo endpoint' : 'tokens end when they expire, or through the provider\'s own console or API'}.`],
      sources: ['RFC 8414 §2', `${rfc} §2`],
      evidence: { issuer: session.issuer, member: o.member },
    }),
  ];
}
