import type { KnowledgeEntry } from '../types.js';

/**
 * Token exchange (RFC 8693) and the target it names (RFC 8707's invalid_target): what the token
 * endpoint's refusals mean when the grant is urn:ietf:params:oauth:grant-type:token-exchange. The
 * context flag `token_exchange` comes from the grant a command sent, or from the grant's own words
 * in the input (subject_token, the grant type URN).
 */
export const tokenExchangeEntries: readonly KnowledgeEntry[] = [
  {
    key: 'rfc8693.invalid_target',
    finding: 'invalid_target',
    severity: 'error',
    title: 'The audience or resource asked for is not allowed (invalid_target)',
    meaning:
      'The authorization server will not issue a token for the target named by the audience or resource parameter: it does not know that target, ' +
      'or this client may not get tokens for it. RFC 8693 §2.2.2 and RFC 8707 §2 define the code for token exchange and resource indicators alike.',
    causes: [
      'The audience or resource value is not one the server knows: a typo, another environment\'s URL, a trailing slash, or a logical name where a URI is expected (or the reverse).',
      'The target exists, but the client is not allowed to exchange tokens for it (an allow-list or a token-exchange permission per target).',
      'More than one resource was sent where the server accepts only one.',
    ],
    fixes: [
      'Compare the audience / resource sent with the exact identifier the target API is registered under at the provider.',
      'Allow this client to obtain tokens for that target (the provider\'s token-exchange or API access policy for the client).',
      'Send a single target when the server accepts only one.',
    ],
    sources: ['RFC 8693 §2.2.2', 'RFC 8707 §2'],
    match: [{ code: ['invalid_target'] }],
    // Above the general reading of "a scope, resource or audience" (general.invalid_scope), which the code names exactly.
    priority: 4,
  },
  {
    key: 'rfc8693.invalid_request',
    finding: 'invalid_request',
    severity: 'error',
    title: 'The token exchange was refused (invalid_request): a parameter, or the subject or actor token, is not acceptable',
    meaning:
      'RFC 8693 §2.2.2 answers invalid_request for a malformed request and also when the subject_token or actor_token is invalid for any reason or unacceptable by policy: ' +
      'expired, revoked, issued by another server, for another audience, or of a token type the server does not take.',
    causes: [
      'The subject token is expired, revoked or was issued by another authorization server (or another realm / tenant).',
      'subject_token_type (or actor_token_type) names a type the server does not accept for this exchange, or does not match the token sent (an ID token sent as an access token).',
      'A required parameter is missing: subject_token and subject_token_type always; actor_token_type whenever actor_token is sent.',
      'The policy does not let this client exchange tokens of this subject (the subject token was issued to a client that may not be exchanged from).',
    ],
    fixes: [
      'Check the subject token with `oauth-doctor decode` (exp, iss, aud) or the provider\'s introspection endpoint before exchanging it.',
      'Send the subject_token_type that matches the token: urn:ietf:params:oauth:token-type:access_token for an access token, ...:id_token, ...:refresh_token or ...:jwt.',
      'Read error_description: servers name the parameter or the policy that failed.',
    ],
    sources: ['RFC 8693 §2.2.2', 'RFC 8693 §2.1', 'RFC 8693 §3'],
    match: [
      { code: ['invalid_request'], context: ['token_exchange'] },
      // Not a code RFC 8693 defines for this (RFC 7009 has it for revocation), but servers send it for a subject token type they refuse.
      { code: ['unsupported_token_type'], context: ['token_exchange'] },
    ],
    priority: 1,
  },
  {
    key: 'rfc8693.unsupported_grant_type',
    finding: 'unsupported_grant_type',
    severity: 'error',
    title: 'The token endpoint does not do token exchange (unsupported_grant_type)',
    meaning:
      'The authorization server does not support grant_type=urn:ietf:params:oauth:grant-type:token-exchange (RFC 8693), or it is switched off there. ' +
      'Token exchange is optional: many servers do not implement it, and those that do often need it enabled first.',
    causes: [
      'The server does not implement RFC 8693 at all.',
      'Token exchange is a feature the server has but that is not enabled (server-wide, or for this client).',
      'The provider offers delegation under another grant (on-behalf-of with the jwt-bearer grant) instead of RFC 8693.',
    ],
    fixes: [
      'Check grant_types_supported in the provider\'s discovery document for urn:ietf:params:oauth:grant-type:token-exchange.',
      'Keycloak: enable the token-exchange feature (standard token exchange in Keycloak 26.2 and later, --features=token-exchange before) and allow it for the client.',
      'Microsoft Entra ID has no RFC 8693 endpoint: its on-behalf-of flow sends grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with assertion=<token> and requested_token_use=on_behalf_of.',
      'Okta: allow the Token Exchange grant type for the client, on a custom authorization server.',
    ],
    sources: ['RFC 8693 §2.1', 'RFC 6749 §5.2', 'RFC 8414 §2'],
    match: [{ code: ['unsupported_grant_type'], context: ['token_exchange'] }],
    priority: 1,
  },
];
