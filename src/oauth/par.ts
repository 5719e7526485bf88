/**
 * Pushed authorization requests (RFC 9126): the authorization request's parameters POSTed to the
 * pushed_authorization_request_endpoint with the client's authentication, answered with a
 * request_uri the browser then carries alone (with client_id). Its errors come back here, before
 * any browser opens. The request goes through the one client-authentication seam (tryMethods)
 * with the reader below.
 * @see RFC 9126 §2.1 (request), §2.2 (response), §2.3 (errors), §4 (authorization request)
 */
import { explainText } from '../explain/index.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { readJsonAnswer } from '../http/diagnose.js';
import { limitDepth } from '../json-depth.js';
import type { AuthenticatedEndpoint, EndpointReading } from './method-trial.js';
import { asRawHttp } from './token-request.js';

export interface PushedRequest {
  /** A reference to the pushed request; a one-time value, but not a credential (RFC 9126 §2.2). */
  request_uri: string;
  /** Seconds the request_uri stays valid. */
  expires_in: number;
}

const WHAT = 'The pushed authorization request endpoint';

/** The PAR endpoint as tryMethods reads it. */
export function parEndpointFor(url: string, issuer?: string): AuthenticatedEndpoint<PushedRequest> {
  return { url, name: WHAT, read: readPushedRequest, ...(issuer ? { issuer } : {}) };
}

export function readPushedRequest(res: HttpResponse): EndpointReading<PushedRequest> {
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = limitDepth(JSON.parse(res.body));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // readJsonAnswer says what it is instead
  }
  if (res.status >= 300 && res.status < 400) return { findings: readJsonAnswer(res, WHAT).findings };
  if (json && typeof json.error === 'string') {
    return {
      error: json.error,
      ...(typeof json.error_description === 'string' ? { error_description: json.error_description } : {}),
      findings: explainText(asRawHttp(res)).findings.map((f) => ({ ...f, evidence: { ...f.evidence, pushed_authorization_request_endpoint: res.url } })),
    };
  }
  if (!json || res.status >= 400) {
    const answer = readJsonAnswer(res, WHAT);
    return { findings: answer.findings.length > 0 ? answer.findings : explainText(asRawHttp(res)).findings };
  }
  const requestUri = typeof json.request_uri === 'string' && json.request_uri !== '' ? json.request_uri : undefined;
  const expiresIn = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : undefined;
  if (!requestUri || !expiresIn) {
    const missing = [...(requestUri ? [] : ['request_uri']), ...(expiresIn ? [] : ['expires_in'])];
    return {
      findings: [
        finding({
          id: 'spec_deviation',
          severity: 'error',
          title: `${WHAT}'s answer lacks ${missing.join(' and ')}`,
          detail: `HTTP ${res.status} with members ${Object.keys(json).map((k) => `"${k}"`).join(', ') || '(none)'}. RFC 9126 §2.2 requires request_uri and a positive expires_in.`,
          fixes: ['Check that the URL is the provider\'s pushed_authorization_request_endpoint (its discovery document names it).'],
          sources: ['RFC 9126 §2.2'],
          evidence: { members: Object.keys(json), url: res.url },
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  if (res.status !== 201) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'info',
        title: `${WHAT} answered ${res.status}, not 201 Created`,
        detail: 'RFC 9126 §2.2 says a pushed request is answered 201; oauth-doctor read the answer anyway, a strict client library may not.',
        fixes: ['In your own client, accept any 2xx with request_uri and expires_in from this provider.'],
        sources: ['RFC 9126 §2.2'],
        evidence: { status: res.status, url: res.url },
      }),
    );
  }
  return { value: { request_uri: requestUri, expires_in: expiresIn }, findings };
}

/** The authorization URL that goes to the browser once the request is pushed: client_id and request_uri only (RFC 9126 §4). */
export function pushedAuthorizationUrl(authorizationEndpoint: string, clientId: string, requestUri: string): string {
  const url = new URL(authorizationEndpoint);
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('request_uri', requestUri);
  return url.toString();
}

/** The PAR endpoint is missing: asked for (--par) or required, and the provider names none. */
export function noParEndpoint(o: { required: boolean; issuer?: string }): Finding {
  return finding({
    id: 'missing_endpoint',
    severity: 'error',
    title: 'The provider names no pushed_authorization_request_endpoint',
    detail: `${o.required ? 'Its metadata says require_pushed_authorization_requests, yet names' : '--par asks to push the authorization request, but the metadata names'} no pushed_authorization_request_endpoint${o.issuer ? ` (${o.issuer})` : ''}. Without it the request cannot be pushed.`,
    fixes: o.required
      ? ['Report it to the provider: a provider that requires PAR must advertise its endpoint (RFC 9126 §5).']
      : ['Leave out --par: this provider takes the authorization request in the browser\'s URL.', 'Check that PAR is switched on at the provider (Keycloak, Okta and Entra name it "pushed authorization requests").'],
    sources: ['RFC 9126 §5'],
    evidence: { issuer: o.issuer ?? null },
  });
}

/**
 * A callback error about the request_uri (it expired, or was used twice): the request_uri's
 * lifetime is what to know, so it is said.
 */
export function withRequestUriLifetime(findings: Finding[], expiresIn: number, waitedSeconds: number): Finding[] {
  return findings.map((f) => {
    const text = `${f.title} ${f.detail} ${JSON.stringify(f.evidence)}`;
    if (!/request_uri/i.test(text)) return f;
    return {
      ...f,
      detail: `${f.detail} The pushed request's request_uri was valid for ${expiresIn} s (expires_in); the browser came back after ${waitedSeconds} s.${waitedSeconds >= expiresIn ? ' It expired before the sign-in finished.' : ''}`,
      fixes: ['Run the login again and finish the sign-in within the request_uri\'s lifetime; a provider may let you raise it (oidc-provider: ttl.PushedAuthorizationRequest).', ...f.fixes],
      evidence: { ...f.evidence, request_uri_expires_in: expiresIn, waited_seconds: waitedSeconds },
    };
  });
}
