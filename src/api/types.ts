/**
 * The library's public types, written out rather than re-exported from the commands' internals so
 * that the shipped declarations stand alone (no Node.js, undici or jose types needed to read them).
 * test/api.test.ts checks that each is the very type `--json` prints.
 */
import type { Finding } from '../findings.js';

export type { Finding, FindingId, Severity } from '../findings.js';
export type { Source } from '../knowledge/citations.js';

/** How explain read its input. */
export type InputForm = 'code' | 'json' | 'http' | 'challenge' | 'form' | 'url' | 'text' | 'log';

/** One kind of error found in a log, with how often and where. */
export interface LogGroup {
  count: number;
  /** 1-based line numbers of its first and last record. */
  first_line: number;
  last_line: number;
  /** The first record, secrets redacted, clipped. */
  sample: string;
  findings: Finding[];
}

/** What `oauth-doctor explain --json` prints, and what explain() resolves to. */
export interface ExplainResult {
  command: 'explain';
  /** True only when the input shows success (a token response, a 2xx); an error of any kind is false. */
  ok: boolean;
  /** The diagnosis first, then others that also apply. */
  findings: Finding[];
  input: {
    form: InputForm;
    status: number | null;
    codes: string[];
    www_authenticate: { scheme: string; params: Record<string, string> } | null;
  };
  /** For a log: its size and each error found in it, most frequent first; `findings` then holds the first finding of each. */
  log?: { lines: number; bytes: number; groups: LogGroup[]; ungrouped: number };
}

export interface TimeClaim {
  name: 'iat' | 'nbf' | 'exp' | 'auth_time';
  epoch: number;
  date: string;
  relative: string;
}

/** What `oauth-doctor decode --json` prints, and what decode() resolves to. */
export interface DecodeResult {
  command: 'decode';
  /** False when the token is expired, not yet valid, unsigned or fails verification. */
  ok: boolean;
  findings: Finding[];
  token: {
    kind: 'jws' | 'jwe' | 'opaque';
    length: number;
    /** Never filled by the library (the caller has the token). */
    value?: string;
    /** Its first characters and its length. */
    redacted: string;
    /** What was removed from a pasted token (a Bearer prefix, quotes, line breaks). */
    cleaned: string[];
    taken_from?: string;
    header?: Record<string, unknown>;
    claims?: Record<string, unknown>;
    times: TimeClaim[];
    lifetime_seconds?: number;
    /** Where now falls between issue and expiry, 0..1. */
    lifetime_position?: number;
    /** cnf.jkt: the token is bound to a DPoP key (RFC 9449 §6.1), and what that means. */
    dpop_binding?: { method: 'dpop'; jkt: string; meaning: string };
  };
  verification: {
    attempted: boolean;
    /** True when the signature verified (claims may still have failed). */
    signature_valid: boolean | null;
    key_source?: string;
    expected_issuer?: string;
    expected_audience?: string;
  };
  /** The time the token was judged at, ISO 8601. */
  now: string;
}

/** decode()'s options: with any of issuer, jwksUri, keyFile or secret the signature is verified too. */
export interface DecodeOptions {
  /** Verify against this issuer's JWKS (found by OpenID discovery), and check `iss`. */
  issuer?: string;
  /** Verify against this JWKS URL. */
  jwksUri?: string;
  /** Verify with this public key file: PEM, a certificate, a JWK or a JWK Set. */
  keyFile?: string;
  /** Verify an HS256/384/512 token with this secret. */
  secret?: string;
  /** Check that `aud` holds this value. */
  audience?: string;
  /** Check that `iss` is this value (without fetching anything). */
  expectIssuer?: string;
  /** Seconds of clock difference to allow; default 0. */
  clockToleranceSeconds?: number;
  /** Limit of each network request (discovery, JWKS), in milliseconds; default 10000. */
  timeoutMs?: number;
  /** The time to judge the token at, in milliseconds since the epoch; default now. */
  now?: number;
}

/** A fetch / undici Response, or anything shaped like one. */
export interface ResponseLike {
  status: number;
  statusText?: string;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  bodyUsed?: boolean;
  clone?(): { text(): Promise<string> };
  text(): Promise<string>;
}

/** An error of an HTTP client that keeps the answer in `response`: axios, and got or superagent alike. */
export interface HttpClientErrorLike {
  message?: string;
  response: {
    status?: number;
    statusCode?: number;
    statusText?: string;
    headers?: unknown;
    data?: unknown;
    body?: unknown;
  };
}
