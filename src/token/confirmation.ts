/**
 * What a token's cnf claim binds it to: for DPoP, the SHA-256 thumbprint of the client's public
 * key (cnf.jkt). Such a token is sender-constrained: it works only with a proof signed by that key.
 * @see RFC 7800 §3.1 (cnf), RFC 9449 §6.1 (jkt)
 */
export interface DpopBinding {
  method: 'dpop';
  jkt: string;
  meaning: string;
}

export function readConfirmation(claims: Record<string, unknown> | undefined): DpopBinding | undefined {
  const cnf = claims?.cnf;
  if (!cnf || typeof cnf !== 'object') return undefined;
  const jkt = (cnf as Record<string, unknown>).jkt;
  if (typeof jkt !== 'string' || jkt === '') return undefined;
  return {
    method: 'dpop',
    jkt,
    meaning:
      'DPoP-bound (RFC 9449): cnf.jkt is the SHA-256 thumbprint of the client\'s public key. Send it as "Authorization: DPoP <token>" with a DPoP proof signed by that key; as a Bearer token, or with a proof of another key, it is refused.',
  };
}
