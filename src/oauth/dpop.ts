/**
 * DPoP (RFC 9449): a key pair for the run and a fresh proof for every request. The key is
 * generated in memory (ES256), or read from a private JWK the user kept (`--dpop-key FILE`, written
 * by `login --dpop --save`), so that a DPoP-bound token can be used again in another run. The
 * prover remembers the last nonce each server sent (RFC 9449 §8, §9) and the claims of the last
 * proof it signed, so that a refusal can be compared with what was sent (never the key, never the
 * proof itself).
 * @see RFC 9449 §4.2 (the proof), §6.1 (cnf.jkt), §8 (nonces)
 */
import type { Deps } from '../deps.js';
import { nodeCrypto } from '../builtins.js';
import { loadJose } from '../lazy-modules.js';

/** The one algorithm proofs are signed with: every DPoP server supports ES256 in practice. */
export const DPOP_ALG = 'ES256';

/** The claims of a proof (RFC 9449 §4.2). */
export interface DpopProofClaims {
  jti: string;
  htm: string;
  htu: string;
  iat: number;
  nonce?: string;
  /** At a resource: the base64url SHA-256 of the access token. */
  ath?: string;
}

/** What a report may show of a proof that was sent: its header without the key, and its claims. */
export interface SentProof {
  header: { typ: string; alg: string; jkt: string };
  claims: DpopProofClaims;
}

export interface DpopProver {
  readonly alg: string;
  /** The JWK SHA-256 thumbprint of the public key (RFC 7638): what a bound token's cnf.jkt must be. */
  readonly jkt: string;
  /** A new proof for one request; registered for scrubbing by the caller. */
  proof(htm: string, htu: string, o?: { accessToken?: string }): Promise<string>;
  /** Keeps the nonce a server sent in a DPoP-Nonce header, for the next proofs to that server. */
  rememberNonce(url: string, nonce: string | undefined): void;
  /** The last proof signed, as reports may show it. */
  readonly last: SentProof | undefined;
  /** Each time a server asked for its nonce and the request was sent again (use_dpop_nonce). */
  readonly nonceRetries: Array<{ url: string; status: number }>;
  /** The private key as a JWK, for `--save` (a secret: written only to a 0600 file). */
  exportPrivateJwk(): Promise<Record<string, unknown>>;
}

/** The proof's htu: the request URL without query and fragment (RFC 9449 §4.2). */
export function htuOf(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

/** base64url(SHA-256(access token)), the proof's ath (RFC 9449 §4.2). */
export function accessTokenHash(accessToken: string): string {
  return nodeCrypto().createHash('sha256').update(accessToken).digest('base64url');
}

/**
 * A prover with a new ES256 key, or with the private JWK given (read from a file the user kept).
 * The private key's members are registered as secrets of the run.
 */
export async function createDpopProver(deps: Pick<Deps, 'now' | 'randomBytes' | 'secrets'>, privateJwk?: Record<string, unknown>): Promise<DpopProver> {
  const jose = await loadJose();
  let privateKey: import('jose').CryptoKey | Uint8Array;
  let publicJwk: Record<string, unknown>;
  let alg = DPOP_ALG;
  if (privateJwk) {
    if (typeof privateJwk.d !== 'string') throw new TypeError('the DPoP key must be a private JWK (with "d")');
    alg = typeof privateJwk.alg === 'string' ? privateJwk.alg : privateJwk.kty === 'OKP' ? 'EdDSA' : DPOP_ALG;
    privateKey = await jose.importJWK(privateJwk as import('jose').JWK, alg);
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, key_ops: _ops, ext: _ext, ...pub } = privateJwk;
    publicJwk = pub;
  } else {
    const pair = await jose.generateKeyPair(DPOP_ALG, { extractable: true });
    privateKey = pair.privateKey;
    // Never printed; registered all the same, so that no slip can show it.
    deps.secrets.add((await jose.exportJWK(pair.privateKey)).d, 'credential');
    const { key_ops: _ops, ext: _ext, ...pub } = (await jose.exportJWK(pair.publicKey)) as Record<string, unknown>;
    publicJwk = pub;
  }
  const jkt = await jose.calculateJwkThumbprint(publicJwk as import('jose').JWK, 'sha256');
  const nonces = new Map<string, string>();
  const nonceRetries: Array<{ url: string; status: number }> = [];
  let last: SentProof | undefined;
  const exportPrivateJwk = async (): Promise<Record<string, unknown>> => {
    const jwk = privateJwk ?? ((await jose.exportJWK(privateKey as import('jose').CryptoKey)) as Record<string, unknown>);
    deps.secrets.add(jwk.d, 'credential');
    return { ...jwk, alg };
  };
  if (privateJwk) deps.secrets.add(privateJwk.d, 'credential');
  return {
    alg,
    jkt,
    get last() {
      return last;
    },
    nonceRetries,
    rememberNonce(url, nonce) {
      if (nonce) nonces.set(new URL(url).origin, nonce);
    },
    async proof(htm, url, o = {}) {
      const claims: DpopProofClaims = {
        jti: deps.randomBytes(16).toString('base64url'),
        htm,
        htu: htuOf(url),
        iat: Math.floor(deps.now() / 1000),
      };
      const nonce = nonces.get(new URL(url).origin);
      if (nonce) claims.nonce = nonce;
      if (o.accessToken) claims.ath = accessTokenHash(o.accessToken);
      last = { header: { typ: 'dpop+jwt', alg, jkt }, claims };
      const proof = await new jose.SignJWT({ ...claims }).setProtectedHeader({ typ: 'dpop+jwt', alg, jwk: publicJwk as import('jose').JWK }).sign(privateKey);
      deps.secrets.add(proof, 'credential');
      return proof;
    },
    exportPrivateJwk,
  };
}

/** What a report shows of DPoP: the key's thumbprint, its alg, and the nonce round trips (never the key). */
export interface DpopReport {
  jkt: string;
  alg: string;
  nonce_retries: number;
  /** The token_type that came back, when tokens did. */
  token_type?: string;
  /** Where the private key was saved (login --save). */
  key_saved_to?: string;
}

export function dpopReport(prover: DpopProver, tokens?: Record<string, unknown>): DpopReport {
  return { jkt: prover.jkt, alg: prover.alg, nonce_retries: prover.nonceRetries.length, ...(typeof tokens?.token_type === 'string' ? { token_type: tokens.token_type } : {}) };
}
