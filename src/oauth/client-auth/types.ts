/**
 * Client authentication at the provider's endpoints, one value per method: what it adds to a
 * request, and what to set in the user's own client for it. Every endpoint that authenticates the
 * client (token, and next introspection, revocation, device authorization, PAR) goes through
 * authenticatedPost with one of these.
 * @see RFC 6749 §2.3, RFC 8414 §2 (token_endpoint_auth_methods_supported)
 */
import type { ClientCertificate } from './certificate.js';

/** The registered names (RFC 7591 §2, token_endpoint_auth_method). */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none', 'tls_client_auth', 'self_signed_tls_client_auth'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The methods a shared secret can use, in the order RFC 6749 §2.3.1 prefers them. */
export const SECRET_METHODS = ['client_secret_basic', 'client_secret_post'] as const satisfies readonly ClientAuthMethod[];
export type SecretMethod = (typeof SECRET_METHODS)[number];

/** The methods that authenticate with the client's certificate on the TLS connection (RFC 8705 §2.1, §2.2). */
export const MTLS_METHODS = ['tls_client_auth', 'self_signed_tls_client_auth'] as const satisfies readonly ClientAuthMethod[];

export interface Client {
  client_id: string;
  client_secret?: string;
  /** The client's TLS certificate and key, for mutual-TLS client authentication (RFC 8705). */
  certificate?: ClientCertificate;
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
}
