/**
 * The token_type_hint values registered for introspection and revocation requests.
 * @see RFC 7009 §2.1, RFC 7662 §2.1
 */
export const TOKEN_TYPE_HINTS = ['access_token', 'refresh_token'] as const;
export type TokenTypeHint = (typeof TOKEN_TYPE_HINTS)[number];
