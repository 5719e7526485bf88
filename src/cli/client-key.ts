/**
 * The client's private key for private_key_jwt, read from a file or an environment variable
 * (never argv): a PEM (PKCS#8, PKCS#1, SEC1) or a JWK, or a JWK Set with the key picked by kid.
 * Every form of the private part is registered as a secret of the run before anything else
 * happens, and no message ever quotes the key.
 * @see OpenID Connect Core 1.0 §9, RFC 7517 §4 and §5, RFC 7638
 */
import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Deps } from '../deps.js';
import { DoctorError, UsageError } from '../errors.js';
import { defaultAlg } from '../oauth/client-auth/assertion.js';
import type { ClientKey } from '../oauth/client-auth/index.js';

const MAX_KEY_BYTES = 64 * 1024;
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/** The RFC 7638 thumbprint of a public key: names the key without showing it. */
export function jwkThumbprint(key: KeyObject): string {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as Record<string, string>;
  const members = jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'];
  const canonical = `{${members.map((m) => `${JSON.stringify(m)}:${JSON.stringify(jwk[m])}`).join(',')}}`;
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * Reads and parses the key. `where` names its source for messages ("--client-key key.pem").
 * `kid` (--client-key-id) picks a key of a JWK Set and overrides the JWK's own.
 */
export function parseClientKey(text: string, where: string, o: { kid?: string; alg?: string }, secrets: Deps['secrets']): ClientKey {
  secrets.add(text, 'credential');
  secrets.add(text.trim(), 'credential');
  let key: KeyObject;
  let jwk: JsonWebKey | undefined;
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new UsageError(`${where}: not a PEM key and not valid JSON (a JWK or a JWK Set)`);
    }
    jwk = pickJwk(json, where, o.kid);
    for (const m of PRIVATE_JWK_MEMBERS) secrets.add((jwk as Record<string, unknown>)[m], 'credential');
    if (typeof jwk.d !== 'string') throw new UsageError(`${where}: the JWK has no private part ("d"): private_key_jwt signs with the private key; the provider keeps the public one`);
    try {
      key = createPrivateKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new UsageError(`${where}: the JWK is not a usable private key (kty ${String(jwk.kty)})`);
    }
  } else {
    for (const line of trimmed.split(/\r?\n/)) if (line.length >= 16 && !line.startsWith('-----')) secrets.add(line.trim(), 'credential');
    if (/-----BEGIN (?:RSA |EC )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(trimmed)) {
      throw new UsageError(`${where}: this is a public key or a certificate; private_key_jwt signs with the private key (the provider keeps the public one)`);
    }
    if (/ENCRYPTED/.test(trimmed)) throw new UsageError(`${where}: the key is encrypted with a passphrase; decrypt it first (openssl pkey -in key.pem -out plain.pem)`);
    try {
      key = createPrivateKey(trimmed);
    } catch {
      throw new UsageError(`${where}: not a private key in PEM (PKCS#8, PKCS#1 or SEC1) nor a JWK`);
    }
  }
  // The private part in JWK form is what a dump would show: scrub it whatever the input was.
  const exported = key.export({ format: 'jwk' }) as Record<string, unknown>;
  for (const m of PRIVATE_JWK_MEMBERS) secrets.add(exported[m], 'credential');
  const alg = o.alg ?? (typeof jwk?.alg === 'string' ? jwk.alg : undefined) ?? defaultAlg(key);
  if (!alg) throw new UsageError(`${where}: cannot tell which alg this key signs with; give --client-assertion-alg`);
  const kid = o.kid ?? (typeof jwk?.kid === 'string' ? jwk.kid : undefined);
  return { key, alg, ...(kid ? { kid } : {}), thumbprint: jwkThumbprint(key) };
}

function pickJwk(json: unknown, where: string, kid: string | undefined): JsonWebKey {
  if (typeof json !== 'object' || json === null) throw new UsageError(`${where}: expected a JWK or a JWK Set`);
  const keys = (json as { keys?: unknown }).keys;
  if (!Array.isArray(keys)) return json as JsonWebKey;
  const candidates = keys.filter((k): k is JsonWebKey => typeof k === 'object' && k !== null && typeof (k as JsonWebKey).d === 'string');
  const picked = kid ? candidates.find((k) => k.kid === kid) : candidates.length === 1 ? candidates[0] : undefined;
  if (picked) return picked;
  const kids = candidates.map((k) => (typeof k.kid === 'string' ? k.kid : '(no kid)')).join(', ');
  throw new UsageError(
    kid
      ? `${where}: no private key with kid "${kid}" in the JWK Set (it has: ${kids || 'no private keys'})`
      : `${where}: the JWK Set has ${candidates.length} private keys; pick one with --client-key-id (${kids || 'none'})`,
  );
}

/** The key from --client-key FILE or --client-key-env NAME, or undefined when neither is given. */
export async function readClientKey(
  flags: { clientKey?: string; clientKeyEnv?: string; clientKeyId?: string; clientAssertionAlg?: string },
  deps: Pick<Deps, 'readFile' | 'env' | 'secrets'>,
): Promise<ClientKey | undefined> {
  if (flags.clientKey !== undefined && flags.clientKeyEnv !== undefined) throw new UsageError('give the client key one way: --client-key FILE or --client-key-env NAME');
  const o = { ...(flags.clientKeyId ? { kid: flags.clientKeyId } : {}), ...(flags.clientAssertionAlg ? { alg: flags.clientAssertionAlg } : {}) };
  if (flags.clientKeyEnv !== undefined) {
    const text = deps.env[flags.clientKeyEnv];
    if (!text || text.trim() === '') throw new UsageError(`--client-key-env ${flags.clientKeyEnv}: the environment variable ${flags.clientKeyEnv} is not set or empty`);
    return parseClientKey(text, `--client-key-env ${flags.clientKeyEnv}`, o, deps.secrets);
  }
  if (flags.clientKey === undefined) return undefined;
  let text: string;
  try {
    text = (await deps.readFile(flags.clientKey, MAX_KEY_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof DoctorError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--client-key ${flags.clientKey}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable' : (err as Error).message.split('\n')[0]}`);
  }
  return parseClientKey(text, `--client-key ${flags.clientKey}`, o, deps.secrets);
}
