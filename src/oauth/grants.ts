/**
 * The grants the tool sends to a token endpoint, built by one function each so that no caller
 * spells a grant_type or a parameter name by hand.
 * @see RFC 6749 §4.1.3, §4.4.2, §6; RFC 7636 §4.5; RFC 8693 §2.1
 */

export interface Grant {
  readonly grant_type: string;
  readonly [parameter: string]: string;
}

export function authorizationCodeGrant(o: { code: string; redirectUri: string; codeVerifier?: string }): Grant {
  return { grant_type: 'authorization_code', code: o.code, redirect_uri: o.redirectUri, ...(o.codeVerifier ? { code_verifier: o.codeVerifier } : {}) };
}

export function clientCredentialsGrant(o: { scope?: string; params?: Readonly<Record<string, string>> }): Grant {
  return { grant_type: 'client_credentials', ...(o.scope ? { scope: o.scope } : {}), ...(o.params ?? {}) };
}

export function refreshTokenGrant(o: { refreshToken: string }): Grant {
  return { grant_type: 'refresh_token', refresh_token: o.refreshToken };
}

/** A poll of the token endpoint in the device flow. @see RFC 8628 §3.4 */
export function deviceCodeGrant(o: { deviceCode: string }): Grant {
  return { grant_type: DEVICE_CODE_GRANT_TYPE, device_code: o.deviceCode };
}

export const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

export const TOKEN_EXCHANGE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/**
 * RFC 8693 §2.1: a subject token (and, for delegation, an actor token) exchanged for a new token,
 * for the audience or resource asked for. One resource only: a Grant holds one value per name.
 */
export function tokenExchangeGrant(o: {
  subjectToken: string;
  subjectTokenType: string;
  actorToken?: string;
  actorTokenType?: string;
  requestedTokenType?: string;
  audience?: string;
  resource?: string;
  scope?: string;
}): Grant {
  return {
    grant_type: TOKEN_EXCHANGE_GRANT_TYPE,
    subject_token: o.subjectToken,
    subject_token_type: o.subjectTokenType,
    ...(o.actorToken !== undefined ? { actor_token: o.actorToken, actor_token_type: o.actorTokenType ?? '' } : {}),
    ...(o.requestedTokenType ? { requested_token_type: o.requestedTokenType } : {}),
    ...(o.audience ? { audience: o.audience } : {}),
    ...(o.resource ? { resource: o.resource } : {}),
    ...(o.scope ? { scope: o.scope } : {}),
  };
}

/** Parameters the grants set themselves: --param or a config's params may not send them twice. */
export const RESERVED_TOKEN_PARAMS: readonly string[] = ['grant_type', 'client_id', 'client_secret', 'refresh_token', 'code', 'code_verifier', 'scope', 'redirect_uri', 'device_code'];
