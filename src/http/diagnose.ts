/**
 * Turns what went wrong on the wire into findings: network failures, and answers that are not the
 * JSON an OAuth endpoint must give (HTML, 404, redirects, rate limits, 5xx). Pure.
 */
import { NetworkError } from '../errors.js';
import { finding, type Finding } from '../findings.js';
import { limitDepth } from '../json-depth.js';
import { tlsAlertFinding } from '../oauth/mtls-findings.js';
import type { HttpResponse } from './client.js';

const TLS_TRUST = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** A proxy URL as it may be shown: without a user's password. */
function redactProxy(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = 'redacted';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(the proxy set)';
  }
}

/** A request that never got an answer. `what` names the endpoint in the user's terms ("the JWKS"). */
export function networkFinding(err: NetworkError, what: string): Finding {
  const code = err.causeCode;
  // A handshake refused over the client certificate (mutual TLS) is its own finding.
  const alert = tlsAlertFinding(code, what, err.url);
  if (alert) return alert;
  const base = { id: 'network_error' as const, severity: 'error' as const, evidence: { url: err.url, code: code ?? err.code } };
  if (err.code === 'ERR_HTTP_TIMEOUT') {
    return finding({
      ...base,
      title: `${what} did not answer in time`,
      detail: `${err.message}. The server accepted nothing or answered too slowly; the request was abandoned.`,
      fixes: ['Check that the URL is the right host and port and that the server is up.', 'If it is only slow, raise the per-request timeout (--timeout).', 'Check firewalls and proxies between this machine and the server; oauth-doctor goes through HTTPS_PROXY / HTTP_PROXY (and honours NO_PROXY) when they are set.'],
      sources: ['000_771f3fde50da5341.txt (passport-oauth2: token endpoint unreachable)'],
    });
  }
  if (err.code === 'ERR_HTTP_BODY_TOO_LARGE') {
    return finding({
      ...base,
      id: 'wrong_endpoint',
      title: `${what} answered with a body too large to be what was asked for`,
      detail: `${err.message}. An OAuth endpoint answers with a small JSON document; this is probably a page or a file.`,
      fixes: ['Check the URL: it probably points at a web page or a download, not the endpoint.'],
      sources: ['RFC 6749 §5.1 (token response is a small JSON object)'],
    });
  }
  if (code && TLS_TRUST.has(code)) {
    return finding({
      ...base,
      title: `${what}: the TLS certificate is not trusted (${code})`,
      detail: `${err.message}. The server's certificate is self-signed or issued by a CA this machine does not trust (often a company proxy or a private CA).`,
      fixes: [
        'Trust the issuing CA: --ca /path/to/ca.pem here; NODE_EXTRA_CA_CERTS=/path/to/ca.pem for any Node program (your app included).',
        'Never switch verification off (NODE_TLS_REJECT_UNAUTHORIZED=0) outside a throw-away test.',
      ],
      sources: ['Node.js documentation: NODE_EXTRA_CA_CERTS', '000_771f3fde50da5341.txt (passport-oauth2: TLS trust)'],
    });
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return finding({
      ...base,
      title: code === 'CERT_HAS_EXPIRED' ? `${what}: the TLS certificate has expired` : `${what}: the TLS certificate is for another host name`,
      detail: err.message,
      fixes: code === 'CERT_HAS_EXPIRED' ? ['Renew the server certificate.'] : ['Use the host name the certificate names, or fix the certificate.'],
      sources: ['Node.js documentation: tls errors'],
    });
  }
  const hints: Record<string, string> = {
    ECONNREFUSED: 'Nothing listens on that host and port: the server is down or the port is wrong.',
    ENOTFOUND: 'The host name does not resolve: check its spelling and your DNS.',
    EAI_AGAIN: 'DNS did not answer: check the network or DNS server.',
    ECONNRESET: 'The server closed the connection mid-request: a proxy, a TLS/plain-HTTP mix-up, or a crashing server.',
    UND_ERR_SOCKET: 'The connection broke mid-request: a proxy, a TLS/plain-HTTP mix-up, or a crashing server.',
  };
  return finding({
    ...base,
    title: `${what} could not be reached${code ? ` (${code})` : ''}${err.proxy ? ' through the proxy' : ''}`,
    detail: `${err.message}. ${err.proxy ? `The request went through the proxy ${redactProxy(err.proxy)} (from HTTPS_PROXY / HTTP_PROXY): the proxy itself may be down or refuse this host. ` : ''}${(code && hints[code]) ?? 'The request failed before any answer arrived.'}`,
    fixes: [
      ...(err.proxy ? [`Check the proxy: is ${redactProxy(err.proxy)} up, and does it allow this host? Hosts listed in NO_PROXY are reached directly (HTTPS_PROXY / HTTP_PROXY / NO_PROXY).`] : []),
      'Check the URL (scheme, host, port) and that the server is up.',
      'Try it with curl -i from the same machine to see whether it is reachable.',
    ],
    sources: ['000_771f3fde50da5341.txt (passport-oauth2: token endpoint unreachable)'],
  });
}

export interface JsonAnswer {
  json?: unknown;
  findings: Finding[];
}

/**
 * Checks that an answer is the JSON an OAuth or discovery endpoint gives. Returns the parsed JSON
 * when it is readable, and findings for anything wrong with how it arrived.
 */
export function readJsonAnswer(res: HttpResponse, what: string): JsonAnswer {
  const ev = { url: res.url, status: res.status, content_type: res.headers['content-type'] };
  if (res.status >= 300 && res.status < 400) {
    return {
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: `${what} answered with a redirect (HTTP ${res.status})`,
          detail: `It points to ${res.headers.location ?? '(no Location header)'}. OAuth endpoints answer directly; a redirect usually means a login page, http→https, or a missing path segment. It was not followed.`,
          fixes: ['Use the URL the redirect points to, if it is the real endpoint (often https:// instead of http://, or a trailing path).', 'Check that the URL is the API endpoint and not the web site.'],
          sources: ['RFC 6749 §3.2 (token endpoint)', 'RFC 8414 §3 (metadata is fetched directly)'],
          evidence: { ...ev, location: res.headers.location },
        }),
      ],
    };
  }
  if (res.status === 429) {
    const retry = res.headers['retry-after'];
    return {
      findings: [
        finding({
          id: 'rate_limited',
          severity: 'error',
          title: `${what} is rate limiting (HTTP 429)`,
          detail: `Too many requests${retry ? `; the server asks to wait ${/^\d+$/.test(retry) ? `${retry} s` : `until ${retry}`}` : ''}.`,
          fixes: ['Wait for the Retry-After time before trying again.', 'Cache discovery documents and JWKS instead of fetching them per request.'],
          sources: ['RFC 6585 §4', '001_b11ec28349281b2a.txt (429 and backoff)'],
          evidence: { ...ev, retry_after: retry },
        }),
      ],
    };
  }
  if (res.status >= 500) {
    return {
      findings: [
        finding({
          id: 'server_error',
          severity: 'error',
          title: `${what} failed on the server side (HTTP ${res.status})`,
          detail: 'The server had an error; this is not something the client can fix by changing its request.',
          fixes: ['Retry with exponential backoff.', 'If it persists, check the provider\'s status page or logs.'],
          sources: ['001_b11ec28349281b2a.txt (5xx: retry with exponential backoff)'],
          evidence: ev,
        }),
      ],
    };
  }
  const contentType = res.headers['content-type'] ?? '';
  const body = res.body.trim();
  const html = /text\/html/i.test(contentType) || /^<(!doctype|html|head|body)/i.test(body);
  if (res.status === 404 || html) {
    return {
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: res.status === 404 ? `${what} was not found (HTTP 404)` : `${what} answered with an HTML page instead of JSON`,
          detail: `${res.url} is probably not the endpoint: ${res.status === 404 ? 'nothing is there' : 'a web page came back (a login page, an error page or the provider\'s home page)'}.`,
          fixes: ['Take the URL from the provider\'s discovery document (/.well-known/openid-configuration) rather than typing it.', 'Check the path: realm or tenant segments, a trailing slash, /oauth2/ vs /oauth/.'],
          sources: ['RFC 8414 §3', 'OpenID Connect Discovery 1.0 §4'],
          evidence: { ...ev, body_start: body.slice(0, 120) },
        }),
      ],
    };
  }
  let json: unknown;
  try {
    json = limitDepth(JSON.parse(body));
  } catch {
    return {
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: `${what} did not answer with JSON`,
          detail: `HTTP ${res.status}, content-type "${contentType || 'none'}", and a body that does not parse as JSON.`,
          fixes: ['Check that the URL is the endpoint itself.', 'Send "Accept: application/json" (GitHub answers form-encoded without it).'],
          sources: ['RFC 6749 §5.1 (application/json)', '003_86f37ce835789711.txt'],
          evidence: { ...ev, body_start: body.slice(0, 120) },
        }),
      ],
    };
  }
  return { json, findings: [] };
}
