import type { KnowledgeEntry } from '../types.js';

const GITHUB_NOTE =
  'GitHub answers token request errors with HTTP 200, and without `Accept: application/json` the body is form-encoded (error=...&error_description=...).';

/** GitHub OAuth apps: "Troubleshooting OAuth app access token request errors" (seed 003). */
export const githubEntries: readonly KnowledgeEntry[] = [
  {
    key: 'github.incorrect_client_credentials',
    provider: 'github',
    finding: 'invalid_client',
    severity: 'error',
    title: 'GitHub rejected the client_id / client_secret',
    meaning: `GitHub could not match the client_id and client_secret sent to https://github.com/login/oauth/access_token with an OAuth app. ${GITHUB_NOTE}`,
    causes: [
      'The client_secret is wrong: mistyped, regenerated in the app settings since, or taken from another OAuth app.',
      'The client_id belongs to a GitHub App or another OAuth app than the secret.',
      'Production and development apps are mixed up (each has its own id and secret).',
    ],
    fixes: [
      'Open GitHub → Settings → Developer settings → OAuth Apps → your app, copy the Client ID and generate a new client secret, and update your configuration.',
      'Send both as client_id and client_secret to the token endpoint, with `Accept: application/json`.',
      'Check the body for "error" even on HTTP 200 before reading access_token.',
    ],
    sources: ['GitHub Docs: Troubleshooting OAuth app access token request errors (incorrect_client_credentials)'],
    provenance: ['003_86f37ce835789711.txt (incorrect_client_credentials)'],
    match: [{ code: ['incorrect_client_credentials'] }],
    priority: 1,
  },
  {
    key: 'github.redirect_uri_mismatch',
    provider: 'github',
    finding: 'redirect_uri_mismatch',
    severity: 'error',
    title: 'GitHub: the redirect_uri does not match the app\'s callback URL',
    meaning:
      'The redirect_uri sent to GitHub does not match the Authorization callback URL registered for the OAuth app (GitHub allows the registered URL or a sub-path ' +
      `of it on the same host and port). ${GITHUB_NOTE}`,
    causes: [
      'The callback URL in the OAuth app settings differs from the one the app sends (host, port, scheme or path).',
      'The app runs on another host than registered (localhost vs 127.0.0.1, a preview domain).',
      'The token request sends a redirect_uri different from the authorization request.',
    ],
    fixes: [
      'Set "Authorization callback URL" in the OAuth app settings to the URL your app uses, or make the app send the registered URL.',
      'Or leave redirect_uri out of the request so GitHub uses the registered callback URL.',
      'Register a separate OAuth app per environment if the hosts differ.',
    ],
    sources: ['GitHub Docs: Troubleshooting OAuth app access token request errors (redirect_uri_mismatch)', 'GitHub Docs: Authorizing OAuth apps (Redirect URLs)', 'RFC 6749 §3.1.2'],
    provenance: ['003_86f37ce835789711.txt (redirect_uri_mismatch)'],
    match: [
      {
        code: ['redirect_uri_mismatch'],
        text: /registered(?:\s|\+|%20)+callback(?:\s|\+|%20)+URL|docs\.github\.com|troubleshooting-(?:oauth-app-access-token-request|authorization-request)-errors/i,
      },
    ],
    priority: 1,
  },
  {
    key: 'github.bad_verification_code',
    provider: 'github',
    finding: 'authorization_code_rejected',
    severity: 'error',
    title: 'GitHub refused the authorization code',
    meaning:
      'The code sent to GitHub\'s token endpoint is wrong, expired (GitHub codes live 10 minutes), already used, or was not issued for this app. ' +
      GITHUB_NOTE,
    causes: [
      'The code was exchanged twice: a page reload or a retried callback ran the exchange again.',
      'The exchange happened more than 10 minutes after the redirect.',
      'The code was issued to another OAuth app than the client_id used in the token request.',
    ],
    fixes: [
      'Run the authorization again to get a new code, and exchange it once, right after the callback.',
      'Make the callback idempotent: skip the exchange if this code was already processed.',
      'Use the same client_id for the authorize redirect and the token request.',
    ],
    sources: ['GitHub Docs: Troubleshooting OAuth app access token request errors (bad_verification_code)', 'GitHub Docs: Authorizing OAuth apps (web application flow)', 'RFC 6749 §4.1.2'],
    provenance: ['003_86f37ce835789711.txt (bad_verification_code)'],
    match: [{ code: ['bad_verification_code'] }],
    priority: 1,
  },
  {
    key: 'github.actions_oidc_permission',
    provider: 'github',
    finding: 'insufficient_scope',
    severity: 'error',
    title: 'GitHub Actions: the job may not ask for an OIDC token (id-token: write)',
    meaning:
      'A step asked the runner for an OIDC ID token (to sign in to a cloud, a registry or Vault) and the runner had no token endpoint to give it: the job lacks the id-token: write permission, or runs where OIDC tokens are not offered (a pull request from a fork).',
    causes: ['The workflow or job has no `permissions: id-token: write` (once any permission is set, the others default to none).', 'The workflow runs for a pull request from a fork, which gets no OIDC token.'],
    fixes: ['Add `permissions: { id-token: write, contents: read }` to the job (or the workflow).', 'For forks, run the cloud step on a trusted event (push, workflow_run) instead.'],
    sources: ['GitHub Docs: About security hardening with OpenID Connect (permissions)'],
    match: [{ text: /ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN)/ }],
    priority: 2,
  },
];
