/**
 * The UserInfo endpoint in two halves: userinfoRequest sends the access token (GET, Authorization:
 * Bearer) and returns the raw answer; processUserinfoResponse reads it into claims and findings. A
 * refusal is read through the WWW-Authenticate challenge by explain, as any bearer API's is.
 * @see OpenID Connect Core 1.0 §5.3; RFC 6750 §2.1 and §3
 */
import type { Deps } from '../deps.js';
import { looksLikeHtml } from '../explain/html-text.js';
import { explainText } from '../explain/index.js';
import { finding, type Finding, type FindingId } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { readJsonAnswer } from '../http/diagnose.js';
import { asRawHttp } from '../oauth/token-request.js';
import { parseToken } from '../token/parse.js';

export function userinfoRequest(url: string, accessToken: string, deps: Pick<Deps, 'http'>, timeoutMs: number): Promise<HttpResponse> {
  // application/jwt too: a client registered for signed or encrypted userinfo gets a JWT (§5.3.2).
  return deps.http.request({ url, method: 'GET', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json, application/jwt' }, timeoutMs });
}

export interface UserinfoReading {
  /** How the claims came: a JSON object, or a JWT (signed or encrypted) whose payload is the claims. */
  format: 'json' | 'jwt' | null;
  claims: Record<string, unknown> | null;
  /** The JOSE header of a JWT answer. Its signature is not verified here. */
  jwt_header?: Record<string, unknown>;
  findings: Finding[];
}

export interface UserinfoContext {
  /** The access token sent: when it is a JWT, its aud explains a refusal. */
  accessToken: string;
  issuer?: string;
}

const WHAT = 'The userinfo endpoint';

export function processUserinfoResponse(res: HttpResponse, ctx: UserinfoContext): UserinfoReading {
  const none = { format: null, claims: null } as const;
  const contentType = (res.headers['content-type'] ?? '').toLowerCase();
  // A challenge decides, whatever the content-type says (DOT labels its JSON refusal text/html).
  const refusal = res.headers['www-authenticate'] !== undefined || !(/text\/html/.test(contentType) || looksLikeHtml(res.body));
  if (res.status >= 400 && res.status !== 404 && res.status !== 429 && res.status < 500 && refusal) {
    return { ...none, findings: refusalFindings(res, ctx) };
  }
  if (res.status >= 200 && res.status < 300 && /^application\/jwt\b/.test(contentType)) return jwtAnswer(res);
  const answer = readJsonAnswer(res, WHAT);
  if (answer.findings.length > 0) return { ...none, findings: answer.findings };
  const json = answer.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return {
      ...none,
      findings: [
        finding({
          id: 'spec_deviation',
          severity: 'error',
          title: 'The userinfo endpoint answered JSON that is not an object',
          detail: 'A UserInfo response is a JSON object of claims (OpenID Connect Core §5.3.2).',
          fixes: ['Check that the URL is the provider\'s userinfo_endpoint (its discovery document names it).'],
          sources: ['OpenID Connect Core 1.0 §5.3.2'],
          evidence: { url: res.url, status: res.status },
        }),
      ],
    };
  }
  const claims = json as Record<string, unknown>;
  return { format: 'json', claims, findings: subFindings(claims, res) };
}

function jwtAnswer(res: HttpResponse): UserinfoReading {
  const body = res.body.trim();
  let parsed: ReturnType<typeof parseToken>;
  try {
    parsed = parseToken(body);
  } catch {
    parsed = { kind: 'opaque', length: body.length };
  }
  if (parsed.kind === 'jwe') {
    return {
      format: 'jwt',
      claims: null,
      ...(parsed.header ? { jwt_header: parsed.header } : {}),
      findings: [
        finding({
          id: 'encrypted_token',
          severity: 'info',
          title: 'The userinfo answer is encrypted (JWE): only the client with the decryption key can read the claims',
          detail: 'The client is registered for encrypted userinfo (userinfo_encrypted_response_alg); oauth-doctor does not hold its key.',
          fixes: ['Decrypt it with the client\'s private key, or register the client for plain JSON userinfo to debug.'],
          sources: ['OpenID Connect Core 1.0 §5.3.2'],
          evidence: { url: res.url, alg: parsed.header?.alg, enc: parsed.header?.enc },
        }),
      ],
    };
  }
  if (parsed.kind !== 'jws' || !parsed.claims) {
    return {
      format: 'jwt',
      claims: null,
      findings: [
        finding({
          id: 'spec_deviation',
          severity: 'error',
          title: 'The userinfo endpoint answered application/jwt, but the body is not a readable JWT',
          detail: parsed.malformed ?? 'The body is not a compact JWS whose payload is a JSON object of claims.',
          fixes: ['Fetch the endpoint with curl -i to see the body; a provider bug or a proxy rewriting the answer is likely.'],
          sources: ['OpenID Connect Core 1.0 §5.3.2', 'RFC 7519 §7.2'],
          evidence: { url: res.url, status: res.status },
        }),
      ],
    };
  }
  return { format: 'jwt', claims: parsed.claims, ...(parsed.header ? { jwt_header: parsed.header } : {}), findings: subFindings(parsed.claims, res) };
}

function subFindings(claims: Record<string, unknown>, res: HttpResponse): Finding[] {
  if (typeof claims.sub === 'string' && claims.sub !== '') return [];
  return [
    finding({
      id: 'spec_deviation',
      severity: 'error',
      title: 'The userinfo answer has no "sub"',
      detail: `OpenID Connect Core §5.3.2: the sub claim MUST always be returned, and a client must check it against the ID token's before using the other claims. Members: ${Object.keys(claims).slice(0, 12).map((k) => `"${k}"`).join(', ') || '(none)'}.`,
      fixes: ['Check that the URL is the OpenID userinfo endpoint, not a provider\'s own profile API (those need not carry sub).'],
      sources: ['OpenID Connect Core 1.0 §5.3.2'],
      evidence: { url: res.url, members: Object.keys(claims).slice(0, 30) },
    }),
  ];
}

/**
 * A refusal: the challenge (RFC 6750 §3) read by explain; what the access token itself shows when it
 * is a JWT for another audience; and a plain error when the provider gave no reason at all.
 */
function refusalFindings(res: HttpResponse, ctx: UserinfoContext): Finding[] {
  const explained = explainText(asRawHttp(res), ['resource']).findings.map((f) => ({ ...f, evidence: { ...f.evidence, userinfo_endpoint: res.url } }));
  const findings: Finding[] = [];
  const aud = audienceOf(ctx.accessToken);
  const challengeError = /error="?([a-z_]+)/i.exec(res.headers['www-authenticate'] ?? '')?.[1];
  if (aud && res.status === 401 && (challengeError === undefined || challengeError === 'invalid_token')) {
    const others = aud.filter((a) => a !== ctx.issuer);
    if (others.length === aud.length) {
      findings.push(
        finding({
          id: 'invalid_token',
          severity: 'error',
          title: `The access token is for another audience (${others.join(', ').slice(0, 120)}), not for userinfo`,
          detail:
            'It is a JWT whose aud names an API (a resource indicator, RFC 8707, or an audience parameter): a token for that API, not for the provider\'s own userinfo. ' +
            'Providers refuse such tokens at userinfo, or accept them only when the userinfo endpoint is one of their audiences.',
          fixes: [
            'Call userinfo with an access token requested without resource / audience (from a login with scope openid), and keep the API token for the API.',
            'Or request both audiences where the provider allows it.',
          ],
          sources: ['OpenID Connect Core 1.0 §5.3', 'RFC 8707 §2', 'RFC 6750 §3.1'],
          evidence: { aud, status: res.status, userinfo_endpoint: res.url, www_authenticate: res.headers['www-authenticate'] ?? null },
        }),
      );
    }
  }
  // The audience reading says more than explain's general invalid_token; the challenge stays in its evidence.
  findings.push(...explained.filter((f) => !findings.some((e) => e.id === f.id)));
  if (!findings.some((f) => f.severity === 'error')) {
    const byStatus: Record<number, [FindingId, string]> = {
      401: ['invalid_token', `${WHAT} refused the access token (HTTP 401) and said no reason`],
      403: ['access_denied', `${WHAT} refused the call (HTTP 403) and said no reason`],
    };
    const [id, title] = byStatus[res.status] ?? ['invalid_request', `${WHAT} refused the call (HTTP ${res.status})`];
    findings.unshift(
      finding({
        id,
        severity: 'error',
        title,
        detail:
          'No WWW-Authenticate challenge with an error code came back (RFC 6750 §3 asks for one). At userinfo, a refused access token is expired, revoked, ' +
          'from another issuer, for another audience, or lacks the openid scope.',
        fixes: [
          'Check the token with `oauth-doctor decode` (exp, iss, aud, scope) or the provider\'s introspection endpoint.',
          'Use a fresh access token from a login that asked for scope openid.',
        ],
        sources: ['OpenID Connect Core 1.0 §5.3.3', 'RFC 6750 §3.1'],
        evidence: { status: res.status, userinfo_endpoint: res.url, www_authenticate: res.headers['www-authenticate'] ?? null },
      }),
    );
  }
  return findings;
}

/** The aud of a JWT access token, when it is one whose payload can be read. */
function audienceOf(token: string): string[] | undefined {
  try {
    const claims = parseToken(token).claims;
    const aud = claims?.aud;
    if (typeof aud === 'string') return [aud];
    if (Array.isArray(aud)) return aud.filter((a): a is string => typeof a === 'string');
  } catch {
    // not a token this can read
  }
  return undefined;
}

/**
 * OpenID Connect Core §5.3.2: the sub of the userinfo answer must be the ID token's; otherwise the
 * claims are about someone else (a token substitution) and must not be used.
 */
export function subCheck(claims: Record<string, unknown> | null, idToken: string | undefined): { finding?: Finding; check: { id_token_sub: string; userinfo_sub: string | null; match: boolean } | null } {
  if (!idToken || !claims) return { check: null };
  let idSub: unknown;
  try {
    idSub = parseToken(idToken).claims?.sub;
  } catch {
    return { check: null };
  }
  if (typeof idSub !== 'string') return { check: null };
  const userinfoSub = typeof claims.sub === 'string' ? claims.sub : null;
  const match = userinfoSub === idSub;
  const check = { id_token_sub: idSub, userinfo_sub: userinfoSub, match };
  if (match || userinfoSub === null) return { check };
  return {
    check,
    finding: finding({
      id: 'sub_mismatch',
      severity: 'error',
      title: `The userinfo answer is about another user: sub "${userinfoSub.slice(0, 60)}", the ID token's is "${idSub.slice(0, 60)}"`,
      detail: 'OpenID Connect Core §5.3.2: the sub of the UserInfo response MUST match the ID token\'s; when it does not, the claims must not be used (a substituted access token, or tokens from two logins mixed up).',
      fixes: [
        'Check that the access token and the ID token come from the same token response.',
        'In your client, compare the two sub values before using userinfo claims.',
      ],
      sources: ['OpenID Connect Core 1.0 §5.3.2'],
      evidence: check,
    }),
  };
}
