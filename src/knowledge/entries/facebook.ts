import type { KnowledgeEntry } from '../types.js';

const SEED = '000_771f3fde50da5341.txt (Facebook: error validating access token)';
const DOCS = 'Facebook Graph API docs: Handling Errors (error codes and authentication subcodes)';
const DEBUG_FIX =
  'Inspect the token with the Access Token Debugger or `GET /debug_token?input_token=<token>&access_token=<app token>`: it shows is_valid, expires_at and the granted scopes.';

/** Facebook Graph API OAuthException errors (seed 000). Observation gives `facebook:190` and `facebook:190/463`. */
export const facebookEntries: readonly KnowledgeEntry[] = [
  {
    key: 'facebook.190_invalid_access_token',
    provider: 'facebook',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Facebook: error validating the access token (OAuthException 190)',
    meaning:
      'The Graph API did not accept the access token: it expired, was invalidated (password change, logout, app removed) or is malformed. Without a subcode Facebook ' +
      'does not say which; with error_subcode it does. Facebook never announces that a token became invalid; the app learns it from this error.',
    causes: [
      'The token expired: a short-lived user token lasts about two hours.',
      'The user changed their password, logged out, or removed the app, which invalidates the session behind the token.',
      'Facebook invalidated the session for security reasons.',
      'The token string is malformed: truncated, quoted, or a token of another app.',
    ],
    fixes: [
      DEBUG_FIX,
      'Send the user through Facebook Login again to get a new token.',
      'For server-side use, exchange the short-lived token for a long-lived one (about 60 days): `GET /oauth/access_token?grant_type=fb_exchange_token&client_id=<app id>&client_secret=<app secret>&fb_exchange_token=<short-lived token>`.',
      'Handle code 190 everywhere you call the Graph API: mark the token invalid and ask the user to reconnect.',
    ],
    sources: [DOCS, 'Facebook Login docs: Access Tokens (short-lived and long-lived tokens)'],
    provenance: [SEED],
    match: [
      { code: ['facebook:190', 'facebook:102', '190'] },
      { text: /\berror validating access token\b|\binvalid oauth access token\b|\bmalformed access token\b/i },
    ],
  },
  {
    key: 'facebook.190_463_expired',
    provider: 'facebook',
    finding: 'expired_token',
    severity: 'error',
    title: 'Facebook: the access token has expired (190 / 463)',
    meaning:
      'The user access token reached its expiry. Short-lived tokens from the login dialog or the SDK last about two hours; long-lived tokens about 60 days. ' +
      'The message says when it expired and what time it is now.',
    causes: [
      'A short-lived token was stored and used after its two hours.',
      'A long-lived token was not renewed (it is refreshed only when the user uses the app again).',
      'Development tools (Graph API Explorer tokens) were used in a scheduled job.',
    ],
    fixes: [
      'Get a new token by sending the user through Facebook Login again.',
      'For server-side jobs, exchange the short-lived token for a long-lived one right after login (grant_type=fb_exchange_token) and store that one; the old offline_access permission no longer exists.',
      'Store expires_in / expires_at with the token and ask the user to reconnect before it runs out.',
      DEBUG_FIX,
    ],
    sources: [DOCS, 'Facebook Login docs: Access Tokens (short-lived and long-lived tokens)'],
    provenance: [SEED],
    match: [{ code: ['facebook:190/463'] }, { text: /\bsession has expired (?:on|at)\b/i }],
    priority: 1,
  },
  {
    key: 'facebook.190_460_password_changed',
    provider: 'facebook',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Facebook: the token was invalidated by a password change (190 / 460)',
    meaning:
      'The session behind the token ended because the user changed their Facebook password (or Facebook reset the session). Every token from that session is dead, ' +
      'whatever its expiry.',
    causes: ['The user changed their password.', 'Facebook reset the session for security reasons.'],
    fixes: [
      'Ask the user to log in with Facebook again and replace the stored token.',
      'Do not retry with the same token; it will not come back.',
    ],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ code: ['facebook:190/460'] }],
    priority: 1,
  },
  {
    key: 'facebook.session_invalidated',
    provider: 'facebook',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Facebook: the session was invalidated (password change or security reset)',
    meaning:
      'Facebook reports that the session the token belongs to was invalidated, because the user changed their password or Facebook changed the session for ' +
      'security reasons. The token cannot be used again.',
    causes: [
      'The user changed their password or logged out of all devices.',
      'Facebook logged the user out on purpose after a security check.',
      'In the Messenger app: a stale stored session on the device.',
    ],
    fixes: [
      'Send the user through Facebook Login again and store the new token.',
      'Messenger users on Android: clear the app\'s data (Settings → Apps → Messenger → Storage → Clear data) and sign in again.',
    ],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ text: /session has been invalidated|changed the session for security reasons/i }],
    priority: 1,
  },
  {
    key: 'facebook.190_458_app_not_installed',
    provider: 'facebook',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Facebook: the user has not authorized (or removed) the app (190 / 458)',
    meaning:
      'The token belongs to a user who no longer has the app authorized: they removed it in their Facebook settings, or never completed the login for this app.',
    causes: [
      'The user removed the app under Settings → Apps and Websites.',
      'The token was issued for a different app id than the one making the call.',
    ],
    fixes: [
      'Ask the user to log in with Facebook again to re-authorize the app.',
      'Subscribe to the app\'s deauthorize callback so you drop stored tokens when users remove the app.',
    ],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ code: ['facebook:190/458'] }, { text: /\bhas not authorized application\b/i }],
    priority: 1,
  },
  {
    key: 'facebook.190_467_logged_out',
    provider: 'facebook',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Facebook: the token is invalid because the user logged out (190 / 467)',
    meaning: 'The user logged out of Facebook (or the session otherwise ended), and the token tied to that session was invalidated.',
    causes: ['The user logged out of Facebook.', 'The session ended on all devices.'],
    fixes: ['Ask the user to log in with Facebook again.', DEBUG_FIX],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ code: ['facebook:190/467'] }, { text: /\bsession is invalid because the user logged out\b/i }],
    priority: 1,
  },
  {
    key: 'facebook.190_checkpoint',
    provider: 'facebook',
    finding: 'access_denied',
    severity: 'error',
    title: 'Facebook: the user must sort out their account on facebook.com first (190 / 459, 464)',
    meaning:
      'Facebook put the user\'s account on hold: a security checkpoint (459) or an unconfirmed account (464). The app cannot use the token until the user ' +
      'logs in at facebook.com and resolves it.',
    causes: ['A security checkpoint on the account.', 'The account\'s email or phone is not confirmed.'],
    fixes: [
      'Tell the user to log in at https://www.facebook.com (or m.facebook.com) and follow the prompts.',
      'Then have them log in to your app again.',
    ],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ code: ['facebook:190/459', 'facebook:190/464'] }],
    priority: 1,
  },
  {
    key: 'facebook.permission_error',
    provider: 'facebook',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Facebook: the token lacks a permission (OAuthException 10 / 200-299)',
    meaning: 'The token is valid but the permission this call needs was not granted, was declined, or was removed.',
    causes: [
      'The permission was not requested at login, or the user declined it.',
      'The permission needs App Review / advanced access and the user is not an app role (admin, developer, tester).',
      'The user removed the permission later.',
    ],
    fixes: [
      'Check granted permissions with `GET /me/permissions` and request the missing one again (auth_type=rerequest for declined ones).',
      'Get the permission approved in App Review, or test with a user who has a role on the app.',
    ],
    sources: [DOCS],
    provenance: [SEED],
    match: [{ code: ['facebook:10', 'facebook:200'] }, { text: /\(#(?:10|2\d\d)\)/ }],
  },
  {
    key: 'facebook.rate_limit',
    provider: 'facebook',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Facebook: request limit reached (OAuthException 4 / 17 / 32 / 613)',
    meaning: 'Graph API throttling: the app (4), the user (17), the Page (32) or a specific API (613) made too many calls. It is temporary.',
    causes: ['Too many calls in a short time, often a loop re-fetching the same data.'],
    fixes: [
      'Wait and retry with backoff; read the X-App-Usage / X-Business-Use-Case-Usage headers to see how close you are to the limit.',
      'Cache results, batch requests and use webhooks instead of polling.',
    ],
    sources: [DOCS],
    match: [{ code: ['facebook:4', 'facebook:17', 'facebook:32', 'facebook:613'] }],
  },
];
