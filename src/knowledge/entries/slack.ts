import type { KnowledgeEntry } from '../types.js';

/**
 * Slack Web API and oauth.v2.access. Slack answers HTTP 200 with `{"ok": false, "error": "<code>"}`,
 * seen as `slack:<code>`. Unprefixed codes are listed too for the ones only Slack uses, so a bare
 * code typed by the user is recognised.
 */

const P = 2;

const WEB_API = 'Slack API: Web API basics (error responses, "ok": false)';
const OAUTH_V2 = 'Slack API: oauth.v2.access method (errors)';
const INSTALL = 'Slack API: Installing with OAuth';
const ROTATION = 'Slack API: Token rotation';
const SCOPES = 'Slack API: Scopes and permissions';
const RATE = 'Slack API: Rate limits';

export const slackEntries: readonly KnowledgeEntry[] = [
  {
    key: 'slack.invalid_auth',
    provider: 'slack',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Slack: invalid_auth (the token is not valid)',
    meaning:
      'Slack did not accept the token sent with the call. The token is malformed, unknown, from another workspace, or of a type this method does not take in this form.',
    causes: [
      'The wrong token was sent: a signing secret, verification token or client secret in place of an xoxb-/xoxp- token; or an app-level xapp- token for a Web API method.',
      'Extra characters around the token (quotes, a newline, "Bearer" twice).',
      'The token belongs to another workspace or Enterprise Grid org than the one addressed.',
      'IP restrictions for tokens are set on the app and the call comes from another address.',
    ],
    fixes: [
      'Copy the Bot User OAuth Token (xoxb-) or User OAuth Token (xoxp-) from api.slack.com/apps > your app > OAuth & Permissions.',
      'Send it as `Authorization: Bearer xoxb-...`; test it with `curl -H "Authorization: Bearer $TOKEN" https://slack.com/api/auth.test`.',
      'Check Allowed IP Address Ranges under OAuth & Permissions if set.',
    ],
    sources: [WEB_API, 'Slack API: auth.test method', 'RFC 6750 §3.1'],
    match: [{ code: ['slack:invalid_auth', 'invalid_auth'] }],
    priority: P,
  },
  {
    key: 'slack.not_authed',
    provider: 'slack',
    finding: 'invalid_request',
    severity: 'error',
    title: 'Slack: not_authed (no token was sent)',
    meaning: 'Slack received the call without any token, so it cannot tell who is calling.',
    causes: [
      'The token was put in a JSON body: Slack reads it only from the Authorization header (or a form field "token" in form-encoded requests).',
      'The Authorization header was dropped (an empty environment variable, a proxy, a redirect).',
    ],
    fixes: [
      'Send `Authorization: Bearer xoxb-...` with every Web API call, especially with Content-Type: application/json.',
      'Check that the token variable is set in this environment.',
    ],
    sources: [WEB_API, 'RFC 6750 §2.1'],
    match: [{ code: ['slack:not_authed', 'not_authed'] }],
    priority: P,
  },
  {
    key: 'slack.token_revoked',
    provider: 'slack',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Slack: token_revoked',
    meaning: 'The token was valid once but has been revoked; it will not work again.',
    causes: [
      'The app was uninstalled from the workspace, or the user removed it.',
      'auth.revoke was called, or an admin revoked the app\'s tokens.',
      'Reinstalling the app with new scopes issued a new token and the old one was revoked.',
    ],
    fixes: [
      'Reinstall the app (or have the user authorize again) and store the new token from oauth.v2.access.',
      'Listen to the app_uninstalled and tokens_revoked events to clean up stored tokens.',
    ],
    sources: [WEB_API, 'Slack API: tokens_revoked event', 'RFC 7009 §2'],
    match: [{ code: ['slack:token_revoked', 'token_revoked'] }],
    priority: P,
  },
  {
    key: 'slack.token_expired',
    provider: 'slack',
    finding: 'expired_token',
    severity: 'error',
    title: 'Slack: token_expired (token rotation is on)',
    meaning:
      'With token rotation enabled, Slack access tokens (xoxe.xoxb-/xoxe.xoxp-) expire after 12 hours and must be renewed with the refresh token.',
    causes: [
      'Token rotation was turned on for the app but the code never refreshes.',
      'The refreshed token was not stored and the old one is still used.',
    ],
    fixes: [
      'Call oauth.v2.access with grant_type=refresh_token, client_id, client_secret and the refresh token before expires_in runs out, and store both new tokens.',
      'Bolt/SDK installation stores handle rotation when token rotation is enabled in their settings.',
    ],
    sources: [ROTATION, OAUTH_V2, 'RFC 6749 §6'],
    match: [{ code: ['slack:token_expired'] }],
    priority: P,
  },
  {
    key: 'slack.invalid_refresh_token',
    provider: 'slack',
    finding: 'refresh_token_rejected',
    severity: 'error',
    title: 'Slack: invalid_refresh_token',
    meaning: 'oauth.v2.access refused the refresh token: it is unknown, already used, or belongs to another app.',
    causes: [
      'A refresh token was reused after it had been exchanged (each refresh returns a new one).',
      'The refresh token was issued to another app (client_id) or the app was reinstalled.',
    ],
    fixes: [
      'Store the new refresh_token from each refresh response and serialise refreshes.',
      'If it is lost, reinstall the app to get a new token pair.',
    ],
    sources: [ROTATION, OAUTH_V2, 'RFC 6749 §6'],
    match: [{ code: ['slack:invalid_refresh_token'] }],
    priority: P,
  },
  {
    key: 'slack.missing_scope',
    provider: 'slack',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'Slack: missing_scope (the token lacks a scope this method needs)',
    meaning:
      'The token is valid but was not granted the scope the method requires. The answer lists what is needed ("needed") and what the token has ("provided").',
    causes: [
      'The scope was never added to the app, or was added without reinstalling the app, so existing tokens do not have it.',
      'A bot token is used where the scope exists only as a user scope (or the reverse).',
    ],
    fixes: [
      'Add the scope from the "needed" field under api.slack.com/apps > your app > OAuth & Permissions > Scopes (Bot or User Token Scopes).',
      'Reinstall the app to the workspace and use the new token.',
    ],
    sources: [SCOPES, WEB_API, 'RFC 6750 §3.1'],
    match: [{ code: ['slack:missing_scope', 'missing_scope'] }],
    priority: P,
  },
  {
    key: 'slack.not_allowed_token_type',
    provider: 'slack',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Slack: not_allowed_token_type (this method does not accept this kind of token)',
    meaning: 'The method only works with another token type (bot, user or app-level), whatever scopes this token has.',
    causes: ['A bot token is used for a user-token-only method (e.g. search.messages), or an app-level token for a Web API method.'],
    fixes: ["Check the method's documentation for its accepted token types and use a token of that type (a user token needs user scopes and a user install)."],
    sources: [WEB_API, 'Slack API: Token types'],
    match: [{ code: ['slack:not_allowed_token_type', 'not_allowed_token_type'] }],
    priority: P,
  },
  {
    key: 'slack.invalid_client_id',
    provider: 'slack',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Slack: invalid_client_id',
    meaning: 'oauth.v2.access does not know the client_id that was sent.',
    causes: [
      "The App ID (A0123...) was used instead of the Client ID (digits with a dot, e.g. 1234567890.9876543210).",
      'The client_id of another app or an empty variable was sent.',
    ],
    fixes: ['Copy the Client ID from api.slack.com/apps > your app > Basic Information > App Credentials.'],
    sources: [OAUTH_V2, INSTALL, 'RFC 6749 §5.2'],
    match: [{ code: ['slack:invalid_client_id', 'invalid_client_id'] }],
    priority: P,
  },
  {
    key: 'slack.bad_client_secret',
    provider: 'slack',
    finding: 'invalid_client',
    severity: 'error',
    title: 'Slack: bad_client_secret',
    meaning: 'The client_secret sent to oauth.v2.access is not the secret of this app.',
    causes: [
      'The Signing Secret or the Verification Token was used instead of the Client Secret.',
      'The secret was regenerated and an old one is deployed, or it belongs to another app.',
    ],
    fixes: [
      'Copy the Client Secret (Basic Information > App Credentials > Client Secret, "Show") and deploy it with the matching client_id.',
    ],
    sources: [OAUTH_V2, INSTALL, 'RFC 6749 §5.2'],
    match: [{ code: ['slack:bad_client_secret', 'bad_client_secret'] }],
    priority: P,
  },
  {
    key: 'slack.bad_redirect_uri',
    provider: 'slack',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'Slack: bad_redirect_uri',
    meaning: 'The redirect_uri passed to oauth.v2.access differs from the one used in the authorization request, or is not allowed by the app.',
    causes: [
      'The token exchange sends a different redirect_uri (or one while the authorize step sent none).',
      'The URI is not under the app\'s Redirect URLs (OAuth & Permissions), e.g. http vs https or a different path.',
    ],
    fixes: [
      'Send the identical redirect_uri in /oauth/v2/authorize and oauth.v2.access, or omit it in both.',
      'Register the URL under api.slack.com/apps > your app > OAuth & Permissions > Redirect URLs.',
    ],
    sources: [OAUTH_V2, INSTALL, 'RFC 6749 §4.1.3'],
    match: [{ code: ['slack:bad_redirect_uri', 'bad_redirect_uri'] }],
    priority: P,
  },
  {
    key: 'slack.invalid_code',
    provider: 'slack',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Slack: invalid_code (the authorization code was refused)',
    meaning: 'oauth.v2.access could not exchange the code: it expired (codes are valid for 10 minutes), was already used, or belongs to another app.',
    causes: [
      'The code was exchanged twice (double callback, retry, Bolt installer plus custom code).',
      'More than 10 minutes passed between authorization and exchange.',
      'The code comes from an install of another app (different client_id).',
    ],
    fixes: ['Exchange each code once, right after the redirect; restart the install for a fresh code.'],
    sources: [OAUTH_V2, INSTALL, 'RFC 6749 §4.1.2'],
    match: [{ code: ['slack:invalid_code', 'slack:code_already_used'] }],
    priority: P,
  },
  {
    key: 'slack.oauth_authorization_url_mismatch',
    provider: 'slack',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'Slack: oauth_authorization_url_mismatch (v1 authorize URL with the v2 token method, or the reverse)',
    meaning:
      'The code was obtained from one version of the authorization URL and exchanged with the method of the other version. oauth.v2.access only accepts codes from https://slack.com/oauth/v2/authorize.',
    causes: [
      'The install link points to https://slack.com/oauth/authorize (classic) while the server calls oauth.v2.access.',
      'An old "Add to Slack" button or a library default still uses the v1 URL.',
    ],
    fixes: [
      'Start the flow at https://slack.com/oauth/v2/authorize (scope= for bot scopes, user_scope= for user scopes) and exchange with oauth.v2.access.',
    ],
    sources: [OAUTH_V2, INSTALL],
    match: [{ code: ['slack:oauth_authorization_url_mismatch', 'oauth_authorization_url_mismatch'] }],
    priority: P,
  },
  {
    key: 'slack.ratelimited',
    provider: 'slack',
    finding: 'rate_limited',
    severity: 'warning',
    title: 'Slack: ratelimited (HTTP 429)',
    meaning:
      'The app exceeded the rate limit of this method for this workspace. Slack answers HTTP 429 with a Retry-After header giving the seconds to wait.',
    causes: [
      'Bursts above the method\'s tier (Tier 1 to 4, roughly 1 to 100+ calls per minute; chat.postMessage about 1 per second per channel).',
      'Pagination or polling loops without delays, or several workers sharing a token.',
    ],
    fixes: [
      'Wait the number of seconds in Retry-After, then retry; the official SDKs can do this automatically (retry handlers).',
      'Cache results, use events instead of polling, and spread calls over time.',
    ],
    sources: [RATE],
    match: [{ code: ['slack:ratelimited', 'slack:rate_limited', 'ratelimited'] }],
    priority: P,
  },
  {
    key: 'slack.account_inactive',
    provider: 'slack',
    finding: 'invalid_token',
    severity: 'error',
    title: 'Slack: account_inactive (the token belongs to a deactivated user or workspace)',
    meaning: 'The user who owns the token (or who installed the app) was deactivated, or the workspace was deleted, so the token no longer works.',
    causes: [
      'A user token of someone who left the workspace.',
      'A bot token whose bot user was deactivated (app removed) or whose workspace was deleted.',
    ],
    fixes: [
      'Reinstall the app with an active user and replace the stored token.',
      'Prefer bot tokens for automations, so they do not depend on one person\'s account.',
    ],
    sources: [WEB_API],
    match: [{ code: ['slack:account_inactive', 'account_inactive'] }],
    priority: P,
  },
];
