import type { Finding } from '../../findings.js';
import { SECRET_METHODS, type SecretMethod } from '../../oauth/client-auth/index.js';

/** The methods probe can be told to expect: the secret ones, and the assertion ones (RFC 7523). */
export const PROBE_AUTH_METHODS = [...SECRET_METHODS, 'private_key_jwt', 'client_secret_jwt'] as const;
export type ProbeAuthMethod = SecretMethod | 'private_key_jwt' | 'client_secret_jwt';

/**
 * Every check, in the order a target runs them: discovery first, since the others read what it
 * found; the resource before the refresh, since a refresh may revoke the access token the resource
 * check uses (Django OAuth Toolkit revokes it); introspection of the client_credentials token after
 * the resource has used it. device_authorization runs only when asked for: most clients are not
 * allowed the device grant, and their probe must not fail for a flow they do not use.
 */
export const CHECK_NAMES = ['discovery', 'clock', 'jwks', 'client_credentials', 'redirect_uri', 'device_authorization', 'resource', 'introspection', 'refresh'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One provider (and optionally one client) to check. Secrets are never part of it: only env var names. */
export interface ProbeTarget {
  name: string;
  issuer: string;
  client_id?: string;
  /** Environment variable holding the client secret (default OAUTH_CLIENT_SECRET). */
  client_secret_env?: string;
  /** Files of the client certificate and its key (PEM), for mutual-TLS client authentication (RFC 8705). */
  client_cert?: string;
  client_cert_key?: string;
  /** private_key_jwt: a file, or an environment variable, holding the client's private key (PEM or JWK). */
  client_key_file?: string;
  client_key_env?: string;
  /** The kid to sign with (default the JWK's). */
  client_key_id?: string;
  scope?: string;
  params?: Record<string, string>;
  /** Overrides the discovered token endpoint (a gateway, a proxy). */
  token_endpoint?: string;
  redirect_uris?: string[];
  refresh_token_env?: string;
  resource?: string;
  token_env?: string;
  /** Only these checks; default: every check the target has what it needs for. */
  checks?: CheckName[];
  expect?: {
    /** The client authentication method this client must work with. */
    token_endpoint_auth_method?: ProbeAuthMethod;
    /** An alg that must be in id_token_signing_alg_values_supported and usable with the JWKS. */
    id_token_signing_alg?: string;
  };
}

/**
 * Every key a target has, with the probe flag that sets it (or part of it: --expect-auth-method sets
 * expect.token_endpoint_auth_method) for the one --issuer target. The config's known keys and the
 * flags refused next to --config come from here.
 */
export const TARGET_KEYS = {
  name: '--name',
  issuer: '--issuer',
  client_id: '--client-id',
  client_secret_env: '--client-secret-env',
  client_cert: '--client-cert',
  client_cert_key: '--client-cert-key',
  client_key_file: '--client-key',
  client_key_env: '--client-key-env',
  client_key_id: '--client-key-id',
  scope: '--scope',
  params: '--param',
  token_endpoint: '--token-endpoint',
  redirect_uris: '--redirect-uri',
  refresh_token_env: '--refresh-token-env',
  resource: '--resource',
  token_env: '--token-env',
  checks: '--check',
  expect: '--expect-auth-method',
} as const satisfies Record<keyof ProbeTarget, string>;

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  /** One line for the table. */
  summary: string;
  elapsed_ms: number;
  findings: Finding[];
}

export interface TargetResult {
  name: string;
  issuer: string;
  ok: boolean;
  elapsed_ms: number;
  checks: CheckResult[];
}
