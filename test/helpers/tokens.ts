/**
 * Tokens the tests sign themselves with jose: no recorded secrets, any shape needed.
 */
import * as jose from 'jose';

export const NOW = () => Math.floor(Date.now() / 1000);

export async function rsaKey(kid: string) {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const pem = await jose.exportSPKI(publicKey);
  return { privateKey, publicKey, jwk, pem, kid };
}

export type Key = Awaited<ReturnType<typeof rsaKey>>;

export async function signRs256(key: Key, claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  return new jose.SignJWT(claims as jose.JWTPayload).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT', ...header }).sign(key.privateKey);
}

export async function signHs256(secret: string, claims: Record<string, unknown>) {
  return new jose.SignJWT(claims as jose.JWTPayload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}

export function unsigned(claims: Record<string, unknown>) {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
}

export async function encrypted(claims: Record<string, unknown>) {
  const { publicKey } = await jose.generateKeyPair('RSA-OAEP-256');
  return new jose.EncryptJWT(claims as jose.JWTPayload).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(publicKey);
}
