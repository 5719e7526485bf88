/**
 * Tells JWS, JWE and opaque tokens apart and reads what can be read without a key. Pure.
 * @see RFC 7515 §7.1 (JWS compact serialization), RFC 7516 §7.1 (JWE compact serialization)
 */
import { InputError } from '../errors.js';
import { limitDepth } from '../json-depth.js';

export type TokenKind = 'jws' | 'jwe' | 'opaque';

export interface ParsedToken {
  kind: TokenKind;
  header?: Record<string, unknown>;
  /** JWS payload when it is a JSON object. */
  claims?: Record<string, unknown>;
  /** Why a token that looks like a JWT could not be read (reported as invalid_token). */
  malformed?: string;
  /** A JWS whose signature cannot be the algorithm's (cut short, or not base64url): no key can verify it. */
  signatureProblem?: string;
  length: number;
}

/** Characters a bearer token may contain (RFC 6750 §2.1 b64token, plus '.' for JWTs). */
const TOKEN_CHARS = /^[A-Za-z0-9\-._~+/]+=*$/;
const MIN_OPAQUE_LENGTH = 8;
const MAX_TOKEN_LENGTH = 64 * 1024;

export function parseToken(token: string): ParsedToken {
  const length = token.length;
  if (length === 0) throw new InputError('no token given: pass it as an argument, with --file, or on standard input');
  if (length > MAX_TOKEN_LENGTH) {
    throw new InputError(`the input is ${length} characters long, more than a token can be (${MAX_TOKEN_LENGTH}); pass only the token`);
  }
  const segments = token.split('.');
  const headerSegment = segments[0] ?? '';
  const looksLikeJwt = (segments.length === 3 || segments.length === 5) && headerSegment.startsWith('eyJ');

  if (looksLikeJwt) {
    const header = decodeJsonSegment(headerSegment);
    if (!isObject(header)) {
      return { kind: segments.length === 5 ? 'jwe' : 'jws', malformed: 'the header is not base64url-encoded JSON', length };
    }
    if (segments.length === 5) return { kind: 'jwe', header, length };
    if (typeof header.enc === 'string') {
      return { kind: 'jwe', header, malformed: 'the header names "enc" (JWE) but the token has 3 parts, not 5', length };
    }
    const payload = decodeJsonSegment(segments[1] ?? '');
    if (payload === undefined) return { kind: 'jws', header, malformed: 'the payload is not base64url-encoded JSON', length };
    if (!isObject(payload)) return { kind: 'jws', header, malformed: 'the payload is JSON but not an object of claims', length };
    const signatureProblem = checkSignatureLength(String(header.alg ?? ''), segments[2] ?? '');
    return { kind: 'jws', header, claims: payload, length, ...(signatureProblem ? { signatureProblem } : {}) };
  }

  // A JWT's first part alone ("eyJhbGciOi..."): the commonest cut paste.
  if (segments.length <= 2 && headerSegment.startsWith('eyJ') && (segments[1] ?? '') === '') {
    const header = decodeJsonSegment(headerSegment);
    if (isObject(header) && (typeof header.alg === 'string' || typeof header.typ === 'string')) {
      return { kind: 'jws', header, malformed: `only the header of a JWT is here (${JSON.stringify(header).slice(0, 80)}): the payload and the signature are missing, so the token was cut after its first part`, length };
    }
  }

  if (segments.length >= 2 && segments.every((s) => s.startsWith('eyJ') || s === '')) {
    return { kind: 'jws', malformed: `a JWT has 3 parts (JWS) or 5 parts (JWE) separated by dots; this one has ${segments.length}`, length };
  }
  if (!TOKEN_CHARS.test(token)) {
    const bad = [...token].find((c) => !/[A-Za-z0-9\-._~+/=]/.test(c)) ?? '';
    const shown = /[\x20-\x7e]/.test(bad) ? `"${bad}"` : `U+${(bad.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    throw new InputError(`not a token: it contains ${shown}, which no bearer token or JWT contains; pass the token alone`);
  }
  if (length < MIN_OPAQUE_LENGTH) {
    throw new InputError(`not a token: "${token}" is only ${length} characters long; pass the whole token`);
  }
  return { kind: 'opaque', length };
}

/** The length in bytes a signature of each algorithm has (RSA's is the key's: 256 for 2048 bits). */
const SIGNATURE_BYTES: Array<[RegExp, (bytes: number) => boolean, string]> = [
  [/^HS256$/, (n) => n === 32, '32 bytes'],
  [/^HS384$/, (n) => n === 48, '48 bytes'],
  [/^HS512$/, (n) => n === 64, '64 bytes'],
  [/^ES256K?$/, (n) => n === 64, '64 bytes'],
  [/^ES384$/, (n) => n === 96, '96 bytes'],
  [/^ES512$/, (n) => n === 132, '132 bytes'],
  [/^(?:EdDSA|Ed25519)$/, (n) => n === 64 || n === 114, '64 bytes (Ed25519) or 114 (Ed448)'],
  [/^(?:RS|PS)\d{3}$/, (n) => n >= 128 && n % 64 === 0, 'as many bytes as the RSA key (usually 256, for 2048 bits)'],
];

/** ECDSA signature lengths in JWS (r||s), by alg. */
const ECDSA_BYTES: Record<string, number> = { ES256: 64, ES256K: 64, ES384: 96, ES512: 132 };

function checkSignatureLength(alg: string, segment: string): string | undefined {
  if (alg.toLowerCase() === 'none') return undefined;
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) {
    return 'the signature is not base64url (a character is wrong or one is missing): the token was altered or cut';
  }
  if (segment === '') return `the signature part is empty, although the header says ${alg}: the token was cut after its payload`;
  const raw = Buffer.from(segment, 'base64url');
  const bytes = raw.length;
  const ecdsa = ECDSA_BYTES[alg];
  // OpenSSL and Java write ECDSA signatures DER-encoded (a SEQUENCE, 0x30); JWS wants r||s.
  if (ecdsa !== undefined && raw[0] === 0x30 && bytes > ecdsa && bytes <= ecdsa + 9) {
    return `the signature is ${bytes} bytes of DER (ASN.1), as OpenSSL and Java write ECDSA signatures; a ${alg} signature in a JWS is the raw r||s, ${ecdsa} bytes (RFC 7518 §3.4): the issuer must convert it`;
  }
  const rule = SIGNATURE_BYTES.find(([re]) => re.test(alg));
  if (rule && !rule[1](bytes)) return `the signature is ${bytes} bytes, and a ${alg} signature is ${rule[2]}: the token was cut (or altered) at its end`;
  return undefined;
}

function decodeJsonSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  try {
    const text = Buffer.from(segment, 'base64url').toString('utf8');
    return limitDepth(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
