/**
 * Preflight: request the authorization URL once, without following redirects, and diagnose an
 * error the provider already gives (unregistered redirect_uri, unknown client, invalid scope)
 * before a person is sent into a dead end.
 * @see RFC 6749 §4.1.2.1 (errors on the redirect, and when the provider must not redirect)
 */
import type { Deps } from '../deps.js';
import { NetworkError } from '../errors.js';
import { explainText } from '../explain/index.js';
import { htmlToText } from '../explain/html-text.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { networkFinding } from '../http/diagnose.js';

export interface PreflightResult {
  /** True when the provider showed no error: a login page, or a redirect to one. */
  passed: boolean;
  status?: number;
  findings: Finding[];
}

export async function preflight(authorizationUrl: string, redirectUri: string, deps: Pick<Deps, 'http'>, timeoutMs: number): Promise<PreflightResult> {
  let res: HttpResponse;
  try {
    res = await deps.http.request({ url: authorizationUrl, headers: { accept: 'text/html,application/json' }, timeoutMs });
  } catch (err) {
    if (err instanceof NetworkError) return { passed: false, findings: [networkFinding(err, 'The authorization endpoint')] };
    throw err;
  }
  return processPreflightResponse(res, redirectUri);
}

export function processPreflightResponse(res: HttpResponse, redirectUri: string): PreflightResult {
  const location = res.headers.location;
  if (res.status >= 300 && res.status < 400 && location) {
    let target: URL | undefined;
    try {
      target = new URL(location, res.url);
    } catch {
      target = undefined;
    }
    const params = target ? new URLSearchParams([...target.searchParams, ...new URLSearchParams(target.hash.replace(/^#/, ''))]) : undefined;
    if (target && params?.get('error')) {
      // An error sent back to our redirect_uri: the provider accepted the redirect_uri, refused the rest.
      return { passed: false, status: res.status, findings: withRedirectUri(explainText(target.toString()).findings, redirectUri) };
    }
    return { passed: true, status: res.status, findings: [] };
  }
  if (res.status >= 400) {
    const text = htmlToText(res.body);
    const explained = explainText(`HTTP/1.1 ${res.status}\r\ncontent-type: ${res.headers['content-type'] ?? ''}\r\n\r\n${text}`).findings;
    const specific = explained.filter((f) => f.id !== 'unknown' && f.id !== 'spec_deviation');
    if (specific.length > 0) return { passed: false, status: res.status, findings: withRedirectUri(specific, redirectUri) };
    return {
      passed: false,
      status: res.status,
      findings: [
        finding({
          id: res.status === 404 ? 'wrong_endpoint' : 'invalid_request',
          severity: 'error',
          title: `The authorization endpoint refused the request (HTTP ${res.status})`,
          detail: `Before any sign-in, the provider answered ${res.status}: ${text.slice(0, 300) || '(empty body)'}`,
          fixes: ['Open the authorization URL in a browser to read the provider\'s error page.', 'Check client_id, redirect_uri and scope against the client registration.'],
          sources: ['RFC 6749 §4.1.2.1'],
          evidence: { status: res.status, url: res.url.split('?')[0] },
        }),
      ],
    };
  }
  // A 200 page may still be an error page (some providers answer errors with 200).
  const text = htmlToText(res.body);
  if (/redirect[_ ]?uri/i.test(text) && /(mismatch|does not match|did not match|not match|not registered|invalid|not allowed|not valid)/i.test(text)) {
    return { passed: false, status: res.status, findings: withRedirectUri(explainText(`redirect_uri_mismatch ${text}`).findings.slice(0, 1), redirectUri) };
  }
  return { passed: true, status: res.status, findings: [] };
}

/**
 * Reads the preflight's findings in its own context: no callback exists yet, so nothing is about
 * state; no secret is sent, so invalid_client means the client_id; a redirect_uri_mismatch gets
 * what was sent and the near-misses people make.
 */
function withRedirectUri(findings: Finding[], redirectUri: string): Finding[] {
  return findings.filter((f) => f.id !== 'state_mismatch').map((f) => {
    if (f.id === 'invalid_client') {
      return {
        ...f,
        title: 'The provider does not know this client_id',
        detail: `${f.detail} This answer came to the authorization request, where no secret is sent: the client_id itself is unknown (or disabled) at this issuer.`,
        fixes: ['Check the client_id for typos and that it belongs to this issuer (realm, tenant, environment).', 'Check that the client is enabled.'],
      };
    }
    if (f.id !== 'redirect_uri_mismatch') return f;
    return {
      ...f,
      detail: `${f.detail} The redirect_uri sent was ${redirectUri}.`,
      fixes: [
        `Register exactly ${redirectUri} for this client, or pass the registered one with --redirect-uri.`,
        `Check the near-misses: a trailing slash, http vs https, localhost vs 127.0.0.1 vs [::1], the port (${portOf(redirectUri)}), and the path.`,
        ...f.fixes,
      ],
      evidence: { ...f.evidence, redirect_uri: redirectUri },
    };
  });
}

function portOf(uri: string): string {
  try {
    const u = new URL(uri);
    return u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    return '?';
  }
}

