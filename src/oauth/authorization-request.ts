/**
 * The authorization request: PKCE S256, state and nonce from the random source passed in.
 * @see RFC 6749 §4.1.1, RFC 7636 §4.1–4.2, OpenID Connect Core 1.0 §3.1.2.1
 */
import { nodeCrypto } from '../builtins.js';

/** Parameters the authorization request sets itself: --param may not send them twice. */
export const RESERVED_AUTHORIZATION_PARAMS: readonly string[] = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'];

export interface AuthorizationRequestInput {
  authorizationEndpoint: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  pkce: boolean;
  extraParams: Array<[string, string]>;
  randomBytes(n: number): Buffer;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  /** Absent with --no-pkce. */
  code_verifier?: string;
}

export function buildAuthorizationRequest(input: AuthorizationRequestInput): AuthorizationRequest {
  const state = input.randomBytes(24).toString('base64url');
  const nonce = input.randomBytes(24).toString('base64url');
  const url = new URL(input.authorizationEndpoint);
  const params = url.searchParams;
  params.set('response_type', 'code');
  params.set('client_id', input.clientId);
  params.set('redirect_uri', input.redirectUri);
  params.set('scope', input.scope);
  params.set('state', state);
  if (input.scope.split(/\s+/).includes('openid')) params.set('nonce', nonce);
  let code_verifier: string | undefined;
  if (input.pkce) {
    // 32 random bytes → a 43-character verifier, the RFC 7636 §4.1 minimum length and entropy.
    code_verifier = input.randomBytes(32).toString('base64url');
    params.set('code_challenge', nodeCrypto().createHash('sha256').update(code_verifier).digest('base64url'));
    params.set('code_challenge_method', 'S256');
  }
  for (const [k, v] of input.extraParams) params.append(k, v);
  return { url: url.toString(), state, nonce, ...(code_verifier ? { code_verifier } : {}) };
}
