/**
 * The token endpoint's answer: processTokenResponse reads the raw response (sent by
 * authenticatedPost, method by method in method-trial.ts) into tokens, an OAuth error, and
 * findings. Every grant of every command is read here.
 * @see RFC 6749 §5.1, §5.2
 */
import { explainText } from '../explain/index.js';
import type { ContextFlag } from '../explain/observation.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { readJsonAnswer } from '../http/diagnose.js';
import { limitDepth } from '../json-depth.js';

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  scope?: string;
  [member: string]: unknown;
}

export interface ProcessedTokenResponse {
  tokens?: TokenResponse;
  /** The OAuth error code when the server answered with one (whatever the HTTP status). */
  error?: string;
  error_description?: string;
  findings: Finding[];
}

/** The response as `curl -i` would print it, for the explain classifier. */
export function asRawHttp(res: HttpResponse): string {
  const headers = Object.entries(res.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
  return `HTTP/1.1 ${res.status}\r\n${headers}\r\n\r\n${res.body}`;
}

/** What explain should know of an answer from the token endpoint: where it came from and which grant asked. */
export function tokenEndpointContext(grantType: string | undefined): ContextFlag[] {
  const grant: Record<string, ContextFlag> = {
    authorization_code: 'code_exchange',
    refresh_token: 'refresh',
    client_credentials: 'client_credentials',
    password: 'password',
    'urn:ietf:params:oauth:grant-type:device_code': 'device',
    'urn:ietf:params:oauth:grant-type:jwt-bearer': 'assertion',
    'urn:ietf:params:oauth:grant-type:token-exchange': 'token_exchange',
  };
  const flag = grantType === undefined ? undefined : grant[grantType];
  return flag ? ['token_endpoint', flag] : ['token_endpoint'];
}

export function processTokenResponse(res: HttpResponse, grantType?: string): ProcessedTokenResponse {
  const context = tokenEndpointContext(grantType);
  const contentType = res.headers['content-type'] ?? '';
  const body = res.body.trim();
  const findings: Finding[] = [];

  // A redirect of the token POST is never followed: it would resend the code and the secret.
  if (res.status >= 300 && res.status < 400) return { findings: readJsonAnswer(res, 'The token endpoint').findings };

  let json: Record<string, unknown> | undefined;
  if (/application\/x-www-form-urlencoded/i.test(contentType) || (/^[\w.-]+=[^{<]*$/.test(body) && !body.startsWith('{'))) {
    json = Object.fromEntries(new URLSearchParams(body));
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: 'The token endpoint answered form-encoded, not JSON',
        detail: `Content-Type "${contentType || 'none'}". RFC 6749 §5.1 requires application/json; GitHub does this when the request lacks "Accept: application/json". oauth-doctor read it anyway.`,
        fixes: ['Send "Accept: application/json" with the token request (oauth-doctor always does; your client may not).'],
        sources: ['RFC 6749 §5.1', '003_86f37ce835789711.txt'],
        evidence: { content_type: contentType, status: res.status },
      }),
    );
  } else {
    try {
      const parsed: unknown = limitDepth(JSON.parse(body));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    } catch {
      // not JSON: readJsonAnswer explains what it is
    }
  }

  if (json && typeof json.error === 'string') {
    const explained = explainText(asRawHttp(res), context).findings.map((f) => ({ ...f, evidence: { ...f.evidence, token_endpoint: res.url } }));
    return {
      error: json.error,
      error_description: typeof json.error_description === 'string' ? json.error_description : undefined,
      findings: [...explained, ...findings.filter((f) => !explained.some((e) => e.id === f.id))],
    };
  }
  if (!json) {
    const answer = readJsonAnswer(res, 'The token endpoint');
    if (answer.findings.length > 0) return { findings: [...answer.findings, ...findings] };
    return {
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: 'The token endpoint answered JSON that is not an object',
          detail: `A token response is a JSON object (RFC 6749 §5.1); got ${body.slice(0, 40)}.`,
          fixes: ['Check the token endpoint URL.'],
          sources: ['RFC 6749 §5.1'],
          evidence: { status: res.status },
        }),
      ],
    };
  }
  if (res.status >= 400) {
    return { findings: [...explainText(asRawHttp(res), context).findings, ...findings] };
  }

  if (typeof json.access_token !== 'string' || json.access_token === '') {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: 'The token response has no "access_token"',
        detail: `HTTP ${res.status} with members ${Object.keys(json).map((k) => `"${k}"`).join(', ') || '(none)'}; RFC 6749 §5.1 requires a string access_token.`,
        fixes: ['Check that the URL is the token endpoint and that the grant is one the provider supports.'],
        sources: ['RFC 6749 §5.1'],
        evidence: { members: Object.keys(json), access_token_type: typeof json.access_token },
      }),
    );
    return { findings };
  }
  const tokens = { ...json } as TokenResponse;
  if (typeof json.token_type !== 'string') {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: 'The token response has no "token_type"',
        detail: 'RFC 6749 §5.1 requires token_type; clients that check it (oauth4webapi, openid-client) will refuse this response. oauth-doctor assumed Bearer.',
        fixes: ['Configure the provider to return "token_type": "Bearer".'],
        sources: ['RFC 6749 §5.1', 'RFC 6750 §4'],
        evidence: { token_type: json.token_type },
      }),
    );
    tokens.token_type = 'Bearer';
  } else if (json.token_type !== 'Bearer' && json.token_type.toLowerCase() === 'bearer') {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'info',
        title: `token_type is "${json.token_type}", not "Bearer"`,
        detail: 'RFC 6749 §5.1 says token_type is case-insensitive, so this is allowed, but clients that compare it case-sensitively (or copy it into the Authorization header against servers that do) fail.',
        fixes: ['Compare token_type case-insensitively in your client; send "Bearer" in the Authorization header.'],
        sources: ['RFC 6749 §5.1', 'RFC 6750 §2.1'],
        evidence: { token_type: json.token_type },
      }),
    );
  }
  if (json.expires_in !== undefined && typeof json.expires_in !== 'number') {
    const n = Number(json.expires_in);
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: `token response "expires_in" must be a number, got ${JSON.stringify(json.expires_in)}`,
        detail: `RFC 6749 §5.1 defines expires_in as a number of seconds. ${Number.isFinite(n) ? `oauth-doctor read it as ${n} s; strict clients reject the response.` : 'It could not be read as seconds.'}`,
        fixes: ['Configure or fix the provider to send expires_in as a JSON number.', 'In your client, accept numeric strings if you cannot change the provider.'],
        sources: ['RFC 6749 §5.1'],
        evidence: { expires_in: json.expires_in },
      }),
    );
    if (Number.isFinite(n)) tokens.expires_in = n;
    else delete tokens.expires_in;
  }
  return { tokens, findings };
}
