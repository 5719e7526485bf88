/**
 * Client authentication at the provider's endpoints, one value per method: what it adds to a
 * request, and what to set in the user's own client for it. Every endpoint that authenticates the
 * client (token, and next introspection, revocation, device authorization, PAR) goes through
 * authenticatedPost with one of these.
 * @see RFC 6749 §2.3, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import type { ClientCertificate } from './certificate.js';

/** The registered names (RFC 7591 §2, token_endpoint_auth_method). */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none', 'tls_client_auth', 'self_signed_tls_client_auth', 'private_key_jwt', 'client_secret_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The methods a shared secret can use, in the order RFC 6749 §2.3.1 prefers them. */
export const SECRET_METHODS = ['client_secret_basic', 'client_secret_post'] as const satisfies readonly ClientAuthMethod[];
export type SecretMethod = (typeof SECRET_METHODS)[number];

/** The methods that authenticate with the client's certificate on the TLS connection (RFC 8705 §2.1, §2.2). */
export const MTLS_METHODS = ['tls_client_auth', 'self_signed_tls_client_auth'] as const satisfies readonly ClientAuthMethod[];
/** The methods that sign a JWT per request (RFC 7523 §2.2, OpenID Connect Core §9). */
export const ASSERTION_METHODS = ['private_key_jwt', 'client_secret_jwt'] as const satisfies readonly ClientAuthMethod[];
export type AssertionMethod = (typeof ASSERTION_METHODS)[number];

export function isAssertionMethod(method: string): method is AssertionMethod {
  return (ASSERTION_METHODS as readonly string[]).includes(method);
}

/** Which audience an assertion names: providers disagree (OpenID Connect Core §9 vs RFC 7523 §3). */
export type AssertionAudience = 'endpoint' | 'issuer';

/** The client's private key for private_key_jwt, loaded (never printed). */
export interface ClientKey {
  /** A node:crypto KeyObject (private). */
  key: import('node:crypto').KeyObject;
  /** From the JWK, or --client-assertion-alg; otherwise worked out from the key type. */
  alg?: string;
  /** From the JWK, or --client-key-id. */
  kid?: string;
  /** The RFC 7638 thumbprint of its public key, to name the key without showing it. */
  thumbprint: string;
}

/** How assertions are made for this client; the clock and randomness are the run's (Deps). */
export interface AssertionSettings {
  key?: ClientKey;
  /** Pinned by --client-assertion-alg. */
  alg?: string;
  /** Pinned by --client-assertion-aud; otherwise the endpoint (the token endpoint, for tokens), then the issuer on refusal. */
  audience?: AssertionAudience;
  /** Seconds from iat to exp. */
  lifetime: number;
  /** Added to now() for iat/exp: a diagnosis retry with the provider's clock. */
  clockOffsetMs?: number;
  /** A diagnosis retry without the kid header. */
  omitKid?: boolean;
  /** token_endpoint_auth_signing_alg_values_supported, filled in by the Session from discovery. */
  advertisedAlgs?: readonly string[];
  now(): number;
  randomBytes(n: number): Buffer;
}

export interface Client {
  client_id: string;
  client_secret?: string;
  /** The client's TLS certificate and key, for mutual-TLS client authentication (RFC 8705). */
  certificate?: ClientCertificate;
  /** For private_key_jwt and client_secret_jwt. */
  assertion?: AssertionSettings;
}

/** What an assertion said, decoded: never the signature, never the key. */
export interface SentAssertion {
  header: { alg: string; kid?: string; typ?: string };
  claims: { iss: string; sub: string; aud: string; jti: string; iat: number; exp: number };
  /** Which audience it named. */
  audience: AssertionAudience;
}

/** A request on its way to an endpoint: its form body and headers, before client authentication. */
export interface OutgoingRequest {
  body: URLSearchParams;
  headers: Record<string, string>;
}

/** Where a request goes: what an assertion-based method (a signed JWT per request) needs to know. */
export interface AuthTarget {
  /** The endpoint URL the request is sent to. */
  endpoint: string;
  /** The provider's issuer, when known. */
  issuer?: string;
}

export interface ClientAuth {
  readonly method: ClientAuthMethod;
  /**
   * The certificate this method needs on the TLS connection (RFC 8705): the transport presents it,
   * and the request goes to the provider's mtls_endpoint_aliases when it has them.
   */
  readonly clientCertificate?: ClientCertificate;
  /**
   * Adds the client's credentials; returns every secret value it wrote, for scrubbing. Async, so
   * that a method may sign a fresh assertion for each request.
   */
  apply(request: OutgoingRequest, target: AuthTarget): Promise<string[]>;
  /**
   * What to set in the user's own client to authenticate this way; with `otherRefused`, the
   * provider refused the other secret method, so the advice also warns off that one.
   */
  advice(o?: { otherRefused?: boolean }): string[];
  /** For assertion methods: what the last apply() signed, decoded, for the diagnosis of a refusal. */
  sent?(): SentAssertion | undefined;
}
