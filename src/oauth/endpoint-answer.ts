/**
 * How an endpoint that authenticates the client answers, other than the token endpoint
 * (introspection, revocation): a JSON object, an OAuth error (RFC 6749 §5.2, which RFC 7662 §2.3
 * and RFC 7009 §2.2.1 reuse), or something that is not an answer of such an endpoint at all. Pure.
 */
import { explainText } from '../explain/index.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { readJsonAnswer } from '../http/diagnose.js';
import { limitDepth } from '../json-depth.js';
import { asRawHttp } from './token-request.js';

export interface EndpointAnswer {
  /** The JSON object of a successful answer (2xx), when the body is one. */
  json?: Record<string, unknown>;
  error?: string;
  error_description?: string;
  findings: Finding[];
}

/**
 * Reads an answer; `what` names the endpoint in findings ("The introspection endpoint"). `emptyOk`:
 * a 2xx whose body is not JSON is a success (revocation), unless it is an HTML page.
 */
export function readEndpointAnswer(res: HttpResponse, what: string, o: { emptyOk?: boolean } = {}): EndpointAnswer {
  const body = res.body.trim();
  if (res.status >= 300 && res.status < 400) return { findings: readJsonAnswer(res, what).findings };
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = limitDepth(JSON.parse(body));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // not JSON: readJsonAnswer says what it is
  }
  if (json && typeof json.error === 'string') {
    // Read as at the token endpoint (the other endpoint where the client authenticates), then said of this one.
    const findings = explainText(asRawHttp(res), ['token_endpoint']).findings.map((f) => ({
      ...f,
      title: f.title.replace(/\bthe token endpoint\b/gi, what),
      detail: f.detail.replace(/\bThe token endpoint\b/g, what).replace(/\bthe token endpoint\b/g, what.toLowerCase()),
      evidence: { ...f.evidence, endpoint: res.url },
    }));
    return { error: json.error, ...(typeof json.error_description === 'string' ? { error_description: json.error_description } : {}), findings };
  }
  if (res.status === 401 || (res.status === 403 && body === '')) {
    // No OAuth error body: the client was not authenticated. RFC 6749 §5.2 keeps 401 for that;
    // Django OAuth Toolkit answers its introspection endpoint's refusal with an empty 403.
    return {
      findings: [
        finding({
          id: 'invalid_client',
          severity: 'error',
          title: `${what} refused the client's credentials (HTTP ${res.status} without an error code)`,
          detail: `${what} answered ${res.status}${res.headers['www-authenticate'] ? ` with WWW-Authenticate: ${res.headers['www-authenticate'].slice(0, 120)}` : ''} and ${body === '' ? 'an empty body' : 'no OAuth error body'}: it did not accept the client's credentials (an unknown client_id, a wrong secret, or a method it does not take).`,
          fixes: ['Check the client_id and the secret, and the authentication method the client is registered for.'],
          sources: ['RFC 6749 §5.2', 'RFC 6749 §2.3.1'],
          evidence: { url: res.url, status: res.status },
        }),
      ],
    };
  }
  if (res.status >= 200 && res.status < 300) {
    if (json) return { json, findings: [] };
    // A body that is ignored (RFC 7009 §2.2), unless it is a web page: then the URL is not the endpoint.
    const html = /text\/html/i.test(res.headers['content-type'] ?? '') || /^<(!doctype|html|head|body)/i.test(body);
    if (o.emptyOk && !(html && body !== '')) return { findings: [] };
  }
  const answer = readJsonAnswer(res, what);
  if (answer.findings.length > 0) return { findings: answer.findings };
  // JSON, but an error status without an error code, or a success that is not an object.
  const explained = res.status >= 400 ? explainText(asRawHttp(res)).findings : [];
  return {
    findings: explained.length > 0 && res.status >= 400
      ? explained.map((f) => (f.id === 'unknown' ? { ...f, severity: 'error' as const, title: `${what} answered HTTP ${res.status}` } : f))
      : [
          finding({
            id: 'wrong_endpoint',
            severity: 'error',
            title: `${what} answered JSON that is not an object`,
            detail: `HTTP ${res.status}; the answer is a JSON object (RFC 7662 §2.2, RFC 6749 §5.2), got ${body.slice(0, 40)}.`,
            fixes: ['Check the endpoint URL: take it from the provider\'s discovery document.'],
            sources: ['RFC 7662 §2.2', 'RFC 8414 §2'],
            evidence: { url: res.url, status: res.status },
          }),
        ],
  };
}
