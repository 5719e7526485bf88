/**
 * A Session for the token commands: discovery at the issuer (when one is given), with the
 * endpoints given on top. A failed discovery is a warning when the endpoint the command uses was
 * given (--token-endpoint, --introspection-endpoint...) and carries the request anyway, and the issuer without metadata is the one given (worked out from a discovery
 * URL when that is what was given).
 */
import type { Deps } from '../deps.js';
import type { Finding } from '../findings.js';
import { discover, discoveryLocations, type ProviderMetadata } from '../oidc/discovery.js';
import { clientOf, type AssertionSettings, type AuthMethodChoice, type Client, type ClientCertificate } from './client-auth/index.js';
import { createSession, type Endpoints, type Session } from './session.js';
import type { DpopProver } from './dpop.js';

export async function openSession(
  o: { issuer?: string; overrides: Endpoints; client: Client; timeoutMs: number; progress?: (line: string) => void; uses?: keyof Endpoints; dpop?: DpopProver },
  deps: Pick<Deps, 'http' | 'secrets'>,
): Promise<{ session: Session; findings: Finding[] }> {
  const findings: Finding[] = [];
  let metadata: Partial<ProviderMetadata> = {};
  if (o.issuer) {
    o.progress?.(`→ Discovery at ${o.issuer}`);
    const discovered = await discover(o.issuer, deps, o.timeoutMs);
    findings.push(...discovered.findings.map((f) => (!discovered.value && o.overrides[o.uses ?? 'token'] && f.severity === 'error' ? { ...f, severity: 'warning' as const } : f)));
    metadata = discovered.value ?? {};
  }
  const session = createSession({
    issuer: o.issuer ? discoveryLocations(o.issuer).issuer : undefined,
    metadata,
    overrides: o.overrides,
    client: o.client,
    deps,
    timeoutMs: o.timeoutMs,
    ...(o.dpop ? { dpop: o.dpop } : {}),
  });
  return { session, findings };
}


/** What every token command is given about the provider and the client. */
export interface TokenClientOptions {
  issuer?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  clientId: string;
  clientSecret?: string;
  /** For mutual-TLS client authentication (RFC 8705). */
  clientCertificate?: ClientCertificate;
  clientAssertion?: AssertionSettings;
  timeoutMs: number;
  /** --dpop: bind the tokens to a key (RFC 9449); with a private JWK kept from an earlier run (--dpop-key). */
  dpop?: { key?: Record<string, unknown> };
}

/** What a token command's run is given besides its grant: the client as TokenClientOptions, and how to authenticate and show it. */
export interface TokenCommandOptions extends TokenClientOptions {
  /** Where the client secret was looked for, named in diagnoses. */
  clientSecretSource: string;
  authMethod: AuthMethodChoice;
  clockTolerance: number;
  showTokens: boolean;
}

/** The Session of a token command, from its options. */
export async function openTokenSession(o: TokenClientOptions, deps: Pick<Deps, 'http' | 'secrets' | 'now' | 'randomBytes'>, progress?: (line: string) => void): Promise<{ session: Session; findings: Finding[] }> {
  const dpop = o.dpop ? await (await import('./dpop.js')).createDpopProver(deps, o.dpop.key) : undefined;
  if (dpop) progress?.(`→ DPoP: proofs signed with a ${o.dpop?.key ? 'kept' : 'new'} ${dpop.alg} key (thumbprint ${dpop.jkt})`);
  return openSession(
    {
      ...(progress ? { progress } : {}),
      issuer: o.issuer,
      overrides: { token: o.tokenEndpoint, jwks: o.jwksUri },
      client: clientOf(o),
      timeoutMs: o.timeoutMs,
      ...(dpop ? { dpop } : {}),
    },
    deps,
  );
}
