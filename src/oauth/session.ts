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
}

export interface Session {
  /** The issuer the provider names (its metadata), or the one asked for. */
  readonly issuer: string | undefined;
  readonly metadata: Readonly<Partial<ProviderMetadata>>;
  readonly endpoints: Readonly<Endpoints>;
  readonly client: Client;
  /** token_endpoint_auth_methods_supported, when the metadata has it. */
  readonly advertisedAuthMethods: readonly string[] | undefined;
  readonly deps: Pick<Deps, 'http' | 'secrets'>;
  /** Of each network request. */
  readonly timeoutMs: number;
}

const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function createSession(o: {
  issuer?: string;
  metadata?: Partial<ProviderMetadata>;
  overrides?: Endpoints;
  client: Client;
  deps: Pick<Deps, 'http' | 'secrets'>;
  timeoutMs: number;
}): Session {
  const metadata = o.metadata ?? {};
  const advertised = metadata.token_endpoint_auth_methods_supported;
  const algs = (metadata as Record<string, unknown>).token_endpoint_auth_signing_alg_values_supported;
  const advertisedAlgs = Array.isArray(algs) ? algs.filter((a): a is string => typeof a === 'string') : undefined;
  // client_secret_jwt picks its HS alg from what the provider says it takes.
  const client = o.client.assertion && advertisedAlgs ? { ...o.client, assertion: { ...o.client.assertion, advertisedAlgs } } : o.client;
  return {
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
    },
    client,
    advertisedAuthMethods: Array.isArray(advertised) ? advertised.filter((m): m is string => typeof m === 'string') : undefined,
    deps: o.deps,
    timeoutMs: o.timeoutMs,
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
  return tryMethods(tokenEndpointFor(session.endpoints.token, grant, session.issuer), grant, session.client, methods, session.deps, session.timeoutMs, o);
}
