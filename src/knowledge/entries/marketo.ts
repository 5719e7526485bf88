import type { KnowledgeEntry } from '../types.js';

const MARKETO_SHAPE =
  'Marketo reports these with HTTP 200 and `"success": false` plus an errors array; a 6xx code means the call failed entirely and was not executed.';
const SOURCE = '002_8a173236cfaf1cfa.txt (Marketo REST API: Response-Level Error Codes)';

/** Marketo REST API error codes (seed 002). Observation gives them as `marketo:<code>`. */
export const marketoEntries: readonly KnowledgeEntry[] = [
  {
    key: 'marketo.600_empty_access_token',
    provider: 'marketo',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Marketo: no access token in the request (600)',
    meaning: `The call reached the Marketo REST API without an access token. ${MARKETO_SHAPE}`,
    causes: [
      'The Authorization header (or the deprecated access_token query parameter) was not added to the call.',
      'The Identity call was made to a path containing /rest (…/rest/identity/oauth/token) and hit the REST API instead of the Identity service.',
    ],
    fixes: [
      'Send `Authorization: Bearer <access_token>` on every REST call (Marketo is retiring the access_token query parameter).',
      'Request tokens from `<Identity URL>/oauth/token` (…mktorest.com/identity/oauth/token), without /rest in the path.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)', 'Marketo developer docs: Authentication'],
    provenance: [SOURCE],
    match: [{ code: ['marketo:600'] }],
  },
  {
    key: 'marketo.601_access_token_invalid',
    provider: 'marketo',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Marketo: access token invalid (601)',
    meaning: `A token was sent, but Marketo does not recognise it as a valid access token. Getting a new token and repeating the call recovers. ${MARKETO_SHAPE}`,
    causes: [
      'The token is from another Marketo instance or custom service, or was cut or altered when copied.',
      'The token was invalidated (the custom service or its API-only user was changed or deleted).',
    ],
    fixes: [
      'Request a new token from the Identity endpoint with the custom service\'s client_id / client_secret and repeat the call with it.',
      'Check that the Identity URL and the REST endpoint belong to the same instance (same Munchkin id).',
      'Log the request and response when this happens unexpectedly; Marketo support will ask for them.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)'],
    provenance: ['002_8a173236cfaf1cfa.txt (Marketo: Handling and Logging Exceptions)', SOURCE],
    match: [{ code: ['marketo:601', '601'] }],
  },
  {
    key: 'marketo.602_access_token_expired',
    provider: 'marketo',
    finding: 'expired_token',
    severity: 'error',
    title: 'Marketo: access token expired (602)',
    meaning:
      `The token was valid but its lifetime is over; Marketo tokens live 3600 seconds from creation, and asking again while one is valid returns the same token with the remaining expires_in. ${MARKETO_SHAPE}`,
    causes: [
      'The integration caches the token longer than its expires_in.',
      'The token was fetched near the end of its life (the Identity endpoint hands back the current token with the seconds left).',
    ],
    fixes: [
      'On 602, request a token from the Identity endpoint again and repeat the call once.',
      'Track expires_in from the Identity response and renew a little before it runs out.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)', 'Marketo developer docs: Authentication (token lifetime)'],
    provenance: [SOURCE],
    match: [{ code: ['marketo:602', '602'] }],
  },
  {
    key: 'marketo.603_access_denied',
    provider: 'marketo',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Marketo: access denied (603)',
    meaning:
      `Authentication worked, but the API-only user behind the custom service may not call this API, or the call comes from an IP address that is not allowed. ${MARKETO_SHAPE}`,
    causes: [
      'The role of the custom service\'s API-only user lacks the permission this endpoint needs.',
      'IP-based API access restriction (allowlist) is enabled and the caller\'s address is not on it.',
    ],
    fixes: [
      'In Admin → Users & Roles, add the needed API permission to the role of the API-only user, then get a new token.',
      'In Admin → Web Services, check the IP restriction list and add the caller\'s outbound address.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)'],
    provenance: [SOURCE],
    match: [{ code: ['marketo:603', '603'] }],
  },
  {
    key: 'marketo.rate_limit',
    provider: 'marketo',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Marketo: rate limit, daily quota or concurrency limit reached (606 / 607 / 615)',
    meaning:
      'Marketo refused the call because of a limit: 606 more than 100 calls in 20 seconds, 607 the subscription\'s daily quota (reset at midnight US Central time), ' +
      '615 more than 10 calls running at once for the subscription.',
    causes: [
      'Bursts of calls without pacing (606).',
      'Too many calls over the day across all integrations of the subscription (607).',
      'Parallel workers exceeding 10 concurrent calls (615).',
    ],
    fixes: [
      'Pace calls below 100 per 20 seconds and retry 606 / 615 after a short wait with backoff.',
      'For 607, wait for the daily reset; check the quota under Admin → Web Services, and ask the account manager to raise it.',
      'Limit concurrency to fewer than 10 calls and use bulk endpoints for large volumes.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)'],
    provenance: [SOURCE],
    match: [{ code: ['marketo:606', 'marketo:607', 'marketo:615'] }],
  },
  {
    key: 'marketo.transient_error',
    provider: 'marketo',
    finding: 'server_error',
    severity: 'warning',
    title: 'Marketo: temporary failure (604 / 608 / 611 / 713)',
    meaning:
      'Marketo could not complete the call for a reason on its side: the request timed out (604), the API is temporarily unavailable (608), an unhandled system error (611) ' +
      'or a transient resource problem (713).',
    causes: ['Load or database contention on the Marketo instance.', 'A temporary outage.'],
    fixes: [
      'Retry after a pause with exponential backoff.',
      'If a call keeps timing out, make it smaller (fewer records per call).',
      'Log the requestId, request and response for Marketo support if it persists.',
    ],
    sources: ['Marketo REST API: Error codes (response-level)'],
    provenance: ['002_8a173236cfaf1cfa.txt (Marketo: Handling and Logging Exceptions)', SOURCE],
    match: [{ code: ['marketo:604', 'marketo:608', 'marketo:611', 'marketo:713'] }],
  },
  {
    key: 'marketo.identity_401',
    provider: 'marketo',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Marketo Identity endpoint: 401 for the client id / secret',
    meaning:
      'The Identity service (…mktorest.com/identity/oauth/token) answered 401: it did not accept the client_id / client_secret of the custom service, so no access token was issued.',
    causes: [
      'The Client Id or Client Secret is wrong, or belongs to another instance.',
      'The custom service (LaunchPoint) was deleted or its secret regenerated.',
      'grant_type=client_credentials is missing from the request.',
    ],
    fixes: [
      'Copy Client Id and Client Secret again from Admin → Integration → LaunchPoint → your custom service → View Details.',
      'Take the Identity URL from Admin → Integration → Web Services (REST API section) and call `<Identity URL>/oauth/token?grant_type=client_credentials&client_id=...&client_secret=...`.',
    ],
    sources: ['Marketo REST API: Error codes (HTTP-level)', 'Marketo developer docs: Authentication'],
    provenance: ['002_8a173236cfaf1cfa.txt (Marketo: HTTP-Level errors, Identity endpoint 401)'],
    match: [
      { status: [401], text: /mktorest\.com\/identity|\/identity\/oauth\/token/i },
      { code: ['invalid_client'], text: /mktorest\.com\/identity|\/identity\/oauth\/token/i },
    ],
    priority: 1,
  },
];
