/**
 * A large application log for `npm run bench`: about `bytes` of ordinary lines (HTTP access lines,
 * debug output, other components' warnings, including ones that say "error", "expired" or carry
 * 401 inside an id), with `errors` OAuth and HTTP-auth error records spread evenly through it, of
 * the kinds and shapes real services write: one-line and multi-line (a Go error with its response
 * body, a Java stack trace, a Python traceback, a Node stack), key=value and JSON log formats.
 * Deterministic: the same arguments write the same file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const ERRORS = [
  (t) => `[${t}] [oauthproxy.go:800] Error redeeming code during OAuth2 callback: token exchange failed: oauth2: cannot fetch token: 401 Unauthorized\nResponse: {"error":"invalid_client","error_description":"Invalid client secret"}`,
  (t) => `E1201 ${t.slice(11, 23)}000       1 authentication.go:73] "Unable to authenticate the request" err="[invalid bearer token, oidc: verify token: oidc: token is expired (Token Expiry: 2026-12-01 09:59:00 +0000 UTC)]"`,
  (t, i) => `${t} WARN  [org.keycloak.events] (executor-thread-3) type="CODE_TO_TOKEN_ERROR", realmId="7d1c", clientId="web", userId="null", ipAddress="10.0.${i % 250}.7", error="invalid_code", grant_type="authorization_code", code_id="c${i}"`,
  (t) =>
    `${t} ERROR 1 --- [nio-8080-exec-4] o.s.s.o.c.w.OAuth2LoginAuthenticationFilter : Authentication request failed\n` +
    'org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_token_response] An error occurred while attempting to retrieve the OAuth 2.0 Access Token Response: 401 Unauthorized: [no body]\n' +
    '\tat org.springframework.security.oauth2.client.endpoint.DefaultAuthorizationCodeTokenResponseClient.getResponse(DefaultAuthorizationCodeTokenResponseClient.java:99)\n' +
    '\tat org.springframework.security.authentication.ProviderManager.authenticate(ProviderManager.java:182)',
  (t) => `${t} error: TokenError: Invalid authorization code\n    at OAuth2Strategy.parseErrorResponse (/app/node_modules/passport-oauth2/lib/strategy.js:373:12)\n    at OAuth2Strategy._createOAuthError (/app/node_modules/passport-oauth2/lib/strategy.js:420:16)`,
  (t, i) => `[${t}] "GET /api/orders/${i} HTTP/1.1" 401 UAEX 0 14 2 - "10.0.0.9" "curl/8.0" "r-${i}" "api" "-" jwt_authn_access_denied{Jwt_is_expired}`,
  (t) =>
    `${t} ERROR sync failed\nTraceback (most recent call last):\n  File "/app/sync.py", line 58, in main\n    creds.refresh(Request())\n` +
    "google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant', 'error_description': 'Token has been expired or revoked.'})",
  (t) => `time="${t}" level=error msg="failed to query provider" error="Get \\"https://idp.example.com/.well-known/openid-configuration\\": x509: certificate signed by unknown authority"`,
  (t, i) => `${t} WARN token request refused: HTTP 429 Too Many Requests retry_after=30 client_id=ci-bot-${i % 7}`,
  (t) => `${t} ERROR jwt verification failed: Token used too early, 1691058380 < 1691058403`,
];

/** Ordinary lines, most of them. */
const PLAIN = [
  (t, i) => `${t} INFO  http GET /api/items/${i} 200 ${i % 97}ms user=u${i % 1000} trace=${((i * 2654435761) >>> 0).toString(16)}`,
  (t, i) => `${t} DEBUG cache hit key=item:${i} size=${i % 4096}`,
  (t, i) => `time="${t}" level=info msg="request completed" method=POST path=/v1/orders status=201 duration=${i % 300}ms`,
  (t, i) => `I1201 ${t.slice(11, 23)}000 1 controller.go:123] Reconciling deployment default/web-${i % 50} generation=${i}`,
  (t, i) => `{"ts":"${t}","level":"info","msg":"job finished","job":"reindex","items":${i % 10000}}`,
];
/** Ordinary lines that hold a word the scan looks for ("error", "expired", a 401 in an id): about one line in eleven. */
const DECOYS = [
  (t, i) => `${t} INFO  order ${401000 + (i % 999)} shipped to warehouse 403${i % 10}`,
  (t) => `${t} WARN  cache entry expired, reloading catalogue`,
  (t, i) => `time="${t}" level=error msg="database query failed" err="pq: deadlock detected" query_id=${i}`,
];
const noise = (t, i) => (i % 11 === 5 ? DECOYS[(i / 11) % DECOYS.length | 0](t, i) : PLAIN[i % PLAIN.length](t, i));

/** Writes the log; returns how many error records of each kind it holds, and in all. */
export function makeLog(path, { bytes = 100 * 1024 * 1024, errors = 300 } = {}) {
  const fd = openSync(path, 'w');
  const lineEstimate = Math.ceil(bytes / 95);
  const every = Math.floor(lineEstimate / errors);
  const kinds = new Array(ERRORS.length).fill(0);
  let written = 0;
  let injected = 0;
  let chunk = '';
  for (let i = 0; written < bytes || injected < errors; i += 1) {
    const t = new Date(Date.UTC(2026, 11, 1, 10) + i * 37).toISOString();
    let line;
    if (i % every === every >> 1 && injected < errors) {
      const kind = injected % ERRORS.length;
      line = ERRORS[kind](t, i);
      kinds[kind] += 1;
      injected += 1;
    } else line = noise(t, i);
    chunk += `${line}\n`;
    if (chunk.length > 1 << 20) {
      written += writeSync(fd, chunk);
      chunk = '';
    }
  }
  written += writeSync(fd, chunk);
  closeSync(fd);
  return { bytes: written, errors: injected, kinds };
}
