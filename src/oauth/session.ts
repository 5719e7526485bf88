/**
 * What every step of a run against one provider shares, built once and passed to each: the
 * provider's metadata and endpoints (discovered, with the user's overrides on top), the client and
 * the methods the provider advertises for authenticating it, and the deps and timeout of the run.
 * Protocol steps take a Session rather than re-reading metadata and flags each time.
 */
import type { Deps } from '../deps.js';
import type { ProviderMetadata } from '../oidc/discovery.js';
import type { Client, ClientAuthMethod } from './client-auth/index.js';
import type { Grant } from './grants.js';
import type { DpopProver } from './dpop.js';
import { tokenEndpointFor, tryMethods, type MethodTrial, type TrialOptions } from './method-trial.js';

export interface Endpoints {
  authorization?: string;
  token?: string;
  jwks?: string;
  /** RFC 8628 §3.1 */
  deviceAuthorization?: string;
  /** OpenID Connect Core §5.3: discovery's userinfo_endpoint, or --userinfo-endpoint. */
  userinfo?: string;
  /** RFC 7662 introspection_endpoint. */
  introspection?: string;
  /** RFC 7009 revocation_endpoint. */
  revocation?: string;
  /** RFC 9126 pushed_authorization_request_endpoint. */
  pushedAuthorizationRequest?: string;
}

export interface Session {
  /** The issuer the provider names (its metadata), or the one asked for. */
  readonly issuer: string | undefined;
  readonly metadata: Readonly<Partial<ProviderMetadata>>;
  readonly endpoints: Readonly<Endpoints>;
  /**
   * The provider's mtls_endpoint_aliases (RFC 8705 §5), by endpoint: where requests that present a
   * client certificate go. Only for endpoints taken from the metadata: one given on the command line is used as given.
   */
  readonly mtlsAliases: Readonly<Endpoints>;
  /** Aliases the provider publishes for endpoints that were given on the command line instead. */
  readonly mtlsAliasesNotUsed: Readonly<Endpoints>;
  readonly client: Client;
  /** token_endpoint_auth_methods_supported, when the metadata has it. */
  readonly advertisedAuthMethods: readonly string[] | undefined;
  readonly deps: Pick<Deps, 'http' | 'secrets'>;
  /** Of each network request. */
  readonly timeoutMs: number;
  /** With --dpop: the prover whose proofs go with every token request (RFC 9449). */
  readonly dpop?: DpopProver;
}

const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function createSession(o: {
  issuer?: string;
  metadata?: Partial<ProviderMetadata>;
  overrides?: Endpoints;
  client: Client;
  deps: Pick<Deps, 'http' | 'secrets'>;
  timeoutMs: number;
  dpop?: DpopProver;
}): Session {
  const metadata = o.metadata ?? {};
  const advertised = metadata.token_endpoint_auth_methods_supported;
  const { used, notUsed } = mtlsAliases(metadata, o.overrides ?? {});
  const algs = (metadata as Record<string, unknown>).token_endpoint_auth_signing_alg_values_supported;
  const advertisedAlgs = Array.isArray(algs) ? algs.filter((a): a is string => typeof a === 'string') : undefined;
  // client_secret_jwt picks its HS alg from what the provider says it takes.
  const client = o.client.assertion && advertisedAlgs ? { ...o.client, assertion: { ...o.client.assertion, advertisedAlgs } } : o.client;
  return {
    mtlsAliases: used,
    mtlsAliasesNotUsed: notUsed,
    issuer: stringOr(metadata.issuer) ?? o.issuer,
    metadata,
    endpoints: {
      authorization: o.overrides?.authorization ?? stringOr(metadata.authorization_endpoint),
      token: o.overrides?.token ?? stringOr(metadata.token_endpoint),
      jwks: o.overrides?.jwks ?? stringOr(metadata.jwks_uri),
      deviceAuthorization: o.overrides?.deviceAuthorization ?? stringOr(metadata.device_authorization_endpoint),
      userinfo: o.overrides?.userinfo ?? stringOr(metadata.userinfo_endpoint),
      introspection: o.overrides?.introspection ?? stringOr(metadata.introspection_endpoint),
      revocation: o.overrides?.revocation ?? stringOr(metadata.revocation_endpoint),
      pushedAuthorizationRequest: o.overrides?.pushedAuthorizationRequest ?? stringOr(metadata.pushed_authorization_request_endpoint),
    },
    client,
    advertisedAuthMethods: Array.isArray(advertised) ? advertised.filter((m): m is string => typeof m === 'string') : undefined,
    deps: o.deps,
    timeoutMs: o.timeoutMs,
    ...(o.dpop ? { dpop: o.dpop } : {}),
  };
}

/** A grant to the session's token endpoint, with each method in turn (see tryMethods). */
export function requestTokens(
  session: Session,
  grant: Grant,
  methods: readonly ClientAuthMethod[],
  o: TrialOptions = {},
): Promise<MethodTrial> {
  if (!session.endpoints.token) throw new Error('requestTokens: the session has no token endpoint');
  const endpoint = { ...tokenEndpointFor(session.endpoints.token, grant, session.issuer, dpopOf(session), session.mtlsAliases.token), ...mtlsAliasNotUsed(session, 'token') };
  return tryMethods(endpoint, grant, session.client, methods, session.deps, session.timeoutMs, o);
}

/** The DPoP prover of a session, with what its metadata says to compare a refused proof with. */
export function dpopOf(session: Session): { prover: DpopProver; advertisedUrl?: string; algs?: readonly string[] } | undefined {
  if (!session.dpop) return undefined;
  const algs = session.metadata.dpop_signing_alg_values_supported;
  const advertised = stringOr(session.metadata.token_endpoint);
  return { prover: session.dpop, ...(advertised ? { advertisedUrl: advertised } : {}), ...(Array.isArray(algs) ? { algs: algs.filter((a): a is string => typeof a === 'string') } : {}) };
}

/** RFC 8705 §5: mtls_endpoint_aliases member names, by Endpoints key. */
const ALIAS_MEMBERS: Partial<Record<keyof Endpoints, string>> = {
  token: 'token_endpoint',
  introspection: 'introspection_endpoint',
  revocation: 'revocation_endpoint',
  deviceAuthorization: 'device_authorization_endpoint',
  userinfo: 'userinfo_endpoint',
  pushedAuthorizationRequest: 'pushed_authorization_request_endpoint',
};

function mtlsAliases(metadata: Partial<ProviderMetadata>, overrides: Endpoints): { used: Endpoints; notUsed: Endpoints } {
  const aliases = (metadata as Record<string, unknown>).mtls_endpoint_aliases;
  const used: Endpoints = {};
  const notUsed: Endpoints = {};
  if (!aliases || typeof aliases !== 'object') return { used, notUsed };
  for (const [key, member] of Object.entries(ALIAS_MEMBERS) as Array<[keyof Endpoints, string]>) {
    const alias = stringOr((aliases as Record<string, unknown>)[member]);
    if (!alias) continue;
    if (overrides[key] && overrides[key] !== alias) notUsed[key] = alias;
    else used[key] = alias;
  }
  return { used, notUsed };
}

/** An authenticated endpoint's mTLS alias, for tryMethods: the one to use, or the one a given endpoint replaced. */
export function mtlsEndpointOf(session: Session, key: keyof Endpoints): { mtlsUrl?: string; mtlsAliasNotUsed?: string } {
  return {
    ...(session.mtlsAliases[key] ? { mtlsUrl: session.mtlsAliases[key] } : {}),
    ...mtlsAliasNotUsed(session, key),
  };
}

function mtlsAliasNotUsed(session: Session, key: keyof Endpoints): { mtlsAliasNotUsed?: string } {
  return session.mtlsAliasesNotUsed[key] ? { mtlsAliasNotUsed: session.mtlsAliasesNotUsed[key] } : {};
}
