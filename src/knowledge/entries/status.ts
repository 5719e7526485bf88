import type { KnowledgeEntry } from '../types.js';

/**
 * Triage by HTTP status alone, for answers that carry no error code the knowledge base knows.
 * Plain 400/401/403 are `unknown` at priority -10 (shown only when nothing specific matched).
 */
export const statusEntries: readonly KnowledgeEntry[] = [
  {
    key: 'status.400_triage',
    finding: 'unknown',
    severity: 'warning',
    title: 'HTTP 400 Bad Request without a recognised error code',
    meaning:
      'A 400 says the server could not process the request as sent: a required parameter is missing or empty, a parameter is unsupported or repeated, ' +
      'or the body is in the wrong format. The response body usually names the field.',
    causes: [
      'A required parameter or field is missing or blank.',
      'A value or a combination of values is invalid, or a parameter is repeated.',
      'The body is JSON where form encoding is expected (OAuth token endpoints), or the reverse.',
    ],
    fixes: [
      'Read the body (message, detail, invalid-params, error_description) for the field the server rejects and fix that field.',
      'For an OAuth token request, send `Content-Type: application/x-www-form-urlencoded` with each parameter once.',
      'Paste the whole response, body included, into `oauth-doctor explain` for a precise diagnosis.',
    ],
    sources: ['Gmail API: Resolve errors (400)', 'RFC 6749 §5.2'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 400 Bad Request?)', '001_b11ec28349281b2a.txt (Gmail API: Resolve a 400 error)'],
    match: [{ status: [400] }],
    priority: -10,
  },
  {
    key: 'status.401_triage',
    finding: 'unknown',
    severity: 'warning',
    title: 'HTTP 401 Unauthorized without a recognised error code',
    meaning:
      'A 401 means the request carried no credentials, or credentials the server did not accept: a missing, expired, revoked or malformed token, or a wrong ' +
      'password / client secret. It is not about permissions (that is 403). The WWW-Authenticate header says which scheme the server wants and, for Bearer, why it refused.',
    causes: [
      'No Authorization header was sent, or it was dropped on the way (a redirect, a proxy, a CORS preflight).',
      'The access token expired or was revoked.',
      'The token was issued for another API, tenant or environment.',
      'Stale cookies or cached credentials in the browser are being sent instead of the current ones.',
    ],
    fixes: [
      'Look at the WWW-Authenticate response header: its scheme (Bearer, Basic...) and its error / error_description parameters name the problem.',
      'Refresh the access token with the refresh token and retry once; if the refresh fails, send the user through the authorization flow again.',
      'Decode the token with `oauth-doctor decode` and check exp, aud and iss.',
      'In a browser, clear the site\'s cookies and cached data and sign in again.',
    ],
    sources: ['Gmail API: Resolve errors (401)', 'RFC 6750 §3'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 401 Unauthorized?)', '001_b11ec28349281b2a.txt (Gmail API: Resolve a 401 error: Invalid credentials)', '001_b11ec28349281b2a.txt (401 causes: stale cookies and cache, WWW-Authenticate header)'],
    match: [{ status: [401] }],
    priority: -10,
  },
  {
    key: 'status.401_basic_challenge',
    finding: 'unknown',
    severity: 'warning',
    title: 'HTTP 401 asking for HTTP Basic authentication',
    meaning:
      'The server answered 401 with `WWW-Authenticate: Basic`: it wants a username and password (or, at a token endpoint, the client_id and client_secret) ' +
      'in an `Authorization: Basic ...` header.',
    causes: [
      'At an OAuth token endpoint: the client credentials were sent in the body, or were wrong, and the server expects HTTP Basic client authentication.',
      'At an API: a Bearer token was sent to an endpoint that only understands Basic (wrong URL or a gateway in front of the API).',
      'The Basic header is malformed: not base64, or built from values that were not URL-encoded first.',
    ],
    fixes: [
      'For a token endpoint send `Authorization: Basic base64(urlencode(client_id) + ":" + urlencode(client_secret))`.',
      'For an API, check that the URL is the API that accepts your Bearer token and not a gateway or login page in front of it.',
    ],
    sources: ['RFC 6749 §2.3.1', 'RFC 7617 §2'],
    provenance: ['001_b11ec28349281b2a.txt (checking the WWW-Authenticate header and its scheme)'],
    match: [{ status: [401], challenge: 'Basic' }],
    priority: -10,
  },
  {
    key: 'status.401_bearer_no_error',
    finding: 'invalid_token',
    severity: 'error',
    title: 'The API wants a Bearer token and did not get one it accepts',
    meaning:
      'The API answered 401 with a Bearer challenge. When the challenge carries no error parameter, RFC 6750 means the request had no usable authentication ' +
      'at all: no token reached the API. When it carries error="invalid_token", the token was refused.',
    causes: [
      'No Authorization header was sent: the client forgot it, or it was stripped by a redirect (http to https, a trailing-slash redirect) or a proxy.',
      'The token was sent in another way than the API reads (query parameter, cookie, `Token` or `JWT` scheme instead of `Bearer`).',
      'The token was sent but refused (see the error parameter, if any).',
    ],
    fixes: [
      'Send `Authorization: Bearer <access_token>` on the request, and call the final URL directly so no redirect drops the header.',
      'Log the outgoing request headers (redacted) to confirm the header leaves the client.',
      'If a token was sent, decode it with `oauth-doctor decode` and check exp, aud and iss against the API.',
    ],
    sources: ['RFC 6750 §3', 'RFC 6750 §3.1'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 401 Unauthorized?)'],
    // Only when no error code came with it: a token endpoint's 401 with Bearer error="invalid_client" is client authentication.
    match: [{ status: [401], challenge: 'Bearer', hasCode: false }],
  },
  {
    key: 'status.403_triage',
    finding: 'unknown',
    severity: 'warning',
    title: 'HTTP 403 Forbidden without a recognised error code',
    meaning:
      'The server refused the request, and without an error code, a body or a WWW-Authenticate challenge it does not say why. ' +
      'Most often it knew who was calling and refused the action (a missing scope, role or permission, a policy, a usage limit); ' +
      'but some gateways and frameworks also answer 403 for a token they could not validate, so this alone does not prove the credentials were good.',
    causes: [
      'The token lacks the scope or role for this operation.',
      'The token was not accepted at all (wrong audience, expired, signed by an unknown key) and the server answers 403 instead of 401.',
      'A usage or rate limit was exceeded (Google APIs answer 403 with reason dailyLimitExceeded, userRateLimitExceeded or rateLimitExceeded).',
      'A domain or organisation policy blocks the app (Google: domainPolicy).',
      'An IP allowlist or a resource-level permission denies access.',
    ],
    fixes: [
      'Tell the cases apart: decode the token (`oauth-doctor decode`) and compare its aud, exp and scope/roles with what this API needs; if they look right, the refusal is about permission or policy.',
      'Call an endpoint that needs no special permission (a userinfo or "me" endpoint) with the same token: if that works too, the token is valid and this action needs more rights.',
      'Read the body\'s reason / message field, and rate-limit headers, to tell a permission problem from a quota problem.',
      'For a permission problem, request the missing scope or role and get a new token with user consent.',
      'For a quota problem, slow down and retry with exponential backoff, or ask for more quota in the provider console.',
      'For a policy problem, ask the domain administrator to allow the app.',
    ],
    sources: ['Gmail API: Resolve errors (403)', 'RFC 6750 §3.1'],
    provenance: ['001_b11ec28349281b2a.txt (When to Use 403 Forbidden?)', '001_b11ec28349281b2a.txt (Gmail API: Resolve a 403 error: Usage limit exceeded)'],
    match: [{ status: [403] }],
    priority: -10,
  },
  {
    key: 'status.404_not_found',
    finding: 'wrong_endpoint',
    severity: 'warning',
    title: 'HTTP 404: the URL does not exist (or hides a resource you may not see)',
    meaning:
      'The server has nothing at this URL. For OAuth this is usually a wrong token, authorize or userinfo URL. An API may also answer 404 on purpose ' +
      'to hide a resource that exists but belongs to someone else.',
    causes: [
      'The endpoint URL is wrong: a missing path segment (/oauth2/v1, /realms/<name>/protocol/openid-connect), a wrong tenant or realm, a typo.',
      'The URL was built by joining a base URL and a path, and a slash was lost or doubled.',
      'The API hides resources the caller may not access and answers 404 instead of 403.',
    ],
    fixes: [
      'Take the authorization_endpoint, token_endpoint and userinfo_endpoint from the issuer\'s /.well-known/openid-configuration instead of typing them.',
      'Print the final URL your client calls and compare it with the provider\'s documentation.',
      'If the URL is right, check that the token\'s user actually has access to this resource.',
    ],
    sources: ['RFC 9110 §15.5.5', 'RFC 8414 §3'],
    provenance: ['001_b11ec28349281b2a.txt (Don\'t let the client know: 404 to hide a resource)'],
    match: [{ status: [404] }],
    priority: -5,
  },
  {
    key: 'status.redirect_3xx',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'The endpoint answered with a redirect instead of JSON',
    meaning:
      'A token or API endpoint must answer directly; a 3xx means the request went to a URL that forwards elsewhere, typically a login page or the https ' +
      'or trailing-slash version of the URL. Clients that follow it lose the POST body or the Authorization header.',
    causes: [
      'The URL uses http:// and the server redirects to https://.',
      'The URL lacks or has an extra trailing slash and the server normalises it.',
      'The request was not recognised as an API call and was sent to an interactive login page (a session-protected route, a web UI URL instead of the API URL).',
      'A proxy or load balancer in front of the server redirects.',
    ],
    fixes: [
      'Use the exact https URL from the Location header (or from the discovery document) as the endpoint.',
      'Do not rely on following redirects for POST token requests: a 302/303 turns the POST into a GET without a body.',
      'If the Location points at a login page, call the API URL, not the web UI, and send the Bearer token.',
    ],
    sources: ['RFC 6749 §3.2', 'RFC 9110 §15.4'],
    match: [{ status: [301, 302, 303, 307, 308] }],
  },
  {
    key: 'status.html_body',
    finding: 'wrong_endpoint',
    severity: 'error',
    title: 'An HTML page came back where JSON was expected',
    meaning:
      'The answer is an HTML document, not the JSON an OAuth endpoint or API returns. The request reached a web page: a login form, an error page of a proxy or web server, ' +
      'or a single-page app\'s index.html served for every unknown path.',
    causes: [
      'The token URL points to the provider\'s web site or to the authorization (browser) endpoint instead of the token endpoint.',
      'A reverse proxy, WAF or captive portal answered with its own error page (502, 403, maintenance).',
      'The API path is wrong and a front-end server returned its index.html.',
      'A session-protected route redirected to a login page and the client followed the redirect.',
    ],
    fixes: [
      'Set the token endpoint to token_endpoint from the issuer\'s /.well-known/openid-configuration.',
      'Call the endpoint with `curl -i` and read the status and the page title to see who produced the HTML.',
      'Send `Accept: application/json` and check the response Content-Type before parsing.',
    ],
    sources: ['RFC 6749 §5.1'],
    provenance: ['000_771f3fde50da5341.txt (passport-oauth2 InternalOAuthError: Failed to obtain access token)'],
    // Not for a gateway's own 5xx error page (<title>502 Bad Gateway</title>): that is server_error.
    // A 5xx's HTML page is the server failing, not a wrong endpoint.
    match: [{ text: /^(?![\s\S]*<(?:title|h1)>\s*5\d\d\b)[\s\S]*?(?:<!doctype html|<html[\s>])/i, notStatus: [500, 501, 502, 503, 504, 520, 521, 522, 523, 524, 529] }],
    fallback: true,
    priority: -2,
  },
  {
    key: 'status.429_rate_limited',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Too many requests: the server asks you to slow down',
    meaning:
      'The server is throttling the caller: a per-user, per-app or concurrency limit was reached. Requests will be accepted again later; ' +
      'daily quotas may keep refusing for hours.',
    causes: [
      'Too many requests in a short time, or too many in parallel for one user.',
      'A daily quota for the project or user was used up.',
      'A retry loop without delay (for example retrying a failed token refresh immediately) multiplies the traffic.',
    ],
    fixes: [
      'Honour the Retry-After header (seconds or a date) before sending again.',
      'Retry with exponential backoff: wait 1 s, then 2 s, 4 s ..., starting at least one second after the error, with some jitter.',
      'Lower concurrency and batch requests; cache access tokens instead of requesting one per call.',
      'If the limit is a quota, request more in the provider console.',
    ],
    sources: ['Gmail API: Resolve errors (429)', 'Gmail API: Resolve errors (retry with exponential backoff)', 'Yandex Market API docs: Error codes', 'RFC 6585 §4'],
    provenance: ['001_b11ec28349281b2a.txt (Gmail API: Resolve a 429 error: Too many requests)', '001_b11ec28349281b2a.txt (Gmail API: Retry failed requests to resolve errors)', '001_b11ec28349281b2a.txt (Yandex Market: 420 Enhance Your Calm)'],
    match: [
      { status: [429, 420] },
      { text: /\btoo[-_ ]?many[-_ ]?(?:requests|attempts|login attempts|calls)\b|TooManyRequests|\brate[\s_-]?limit(?:ed| exceeded| reached)?\b|\bhit rate limit\b|\bthrottl(?:ed|ing)\b|\bquota (?:exceeded|reached)\b|exceeded your (?:<[^>]{0,80}>)?quota|\b(?:daily |usage )?limit exceeded\b|\brequest loop\b/i },
      { codeLike: /rate_?limit|throttl|quota|too_many|limit_exceeded|limit_reached/ },
    ],
    priority: 1,
  },
  {
    key: 'status.429_whatever_the_code',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'HTTP 429: the server is throttling, whatever code the body carries',
    meaning:
      'The status says the request was refused for its rate, not its content. A code in the body (a denial, temporarily_unavailable, an error of the server\'s own) is how this server words the throttle: ' +
      'the same request will be accepted after a pause, and treating it as a final refusal (ending a login, dropping a token) is the bug to avoid.',
    causes: [
      'Polling or retrying too fast: a device-flow poll loop that ignores the interval, retries without delay.',
      'Many token requests for one client in a short time (a token fetched per API call instead of cached).',
    ],
    fixes: [
      'Wait as long as Retry-After says (or back off exponentially from one second) and send the same request again.',
      'Treat 429 as retryable in the client, whatever the body says; cache tokens until shortly before their exp.',
    ],
    sources: ['RFC 6585 §4', 'RFC 8628 §3.5'],
    provenance: ['001_b11ec28349281b2a.txt (Gmail API: Resolve a 429 error: Too many requests)'],
    // slow_down already says "throttled" and what to do about it (RFC 8628 §3.5): its own entry answers.
    match: [{ status: [429], hasCode: true, notCode: ['slow_down'] }],
    // Above any code read with it (a code by its words scores 3 to 5): the status is the answer.
    priority: 5,
  },
  {
    key: 'status.5xx_server_error',
    finding: 'server_error',
    severity: 'warning',
    title: 'The server failed (HTTP 5xx)',
    meaning:
      'The problem is on the server side (or a gateway in front of it): an internal error, an unreachable upstream, overload or a timeout. ' +
      'The request may succeed if retried later.',
    causes: [
      'A temporary fault or outage at the provider (500 backend error, 503 overload).',
      'A gateway could not reach or wait for the upstream server (502 Bad Gateway, 504 Gateway Timeout).',
      'A request that triggers a server bug (a rare parameter combination, an oversized body).',
    ],
    fixes: [
      'Retry with exponential backoff (1 s, 2 s, 4 s ...), and give up after a few attempts.',
      'Check the provider\'s status page; keep the response\'s request id for support.',
      'If one specific request always fails, reduce it to the minimum to find the parameter that triggers it.',
    ],
    sources: ['Gmail API: Resolve errors (500)', 'Gmail API: Resolve errors (retry with exponential backoff)', 'RFC 9110 §15.6'],
    provenance: ['001_b11ec28349281b2a.txt (Gmail API: Resolve a 500 error: Backend error)', '001_b11ec28349281b2a.txt (Gmail API: Retry failed requests to resolve errors)'],
    match: [
      { status: [500, 501, 502, 503, 504, 520, 521, 522, 523, 524, 529] },
      {
        text: /\binternal server error\b|\bserver error\b|\bservice (?:is )?(?:temporarily )?unavailable\b|\bbad gateway\b|\bgateway time-?out\b|\btemporarily unavailable\b|\boutage\b|\bUncaught server error\b|Error from cloudfront|AuthorizerConfigurationException|InternalServerError|We could not reach the server/i,
        // A library that prints "server error" for a 4xx it did not understand is not a 5xx.
        notCode: ['invalid_client', 'invalid_grant', 'invalid_request', 'unauthorized_client', 'invalid_scope', 'access_denied'],
      },
      { codeLike: /(?:^|_)(?:server|internal|unavailable|temporar(?:y|ily)|backend|upstream|outage)(?:_|$)/ },
    ],
    // Above the HTML-body entry (a 5xx with an HTML body is a server failure first), under any code
    // or phrase that names a cause (a 500 that wraps a signature failure is about the signature).
    priority: 0,
  },
];
