/**
 * A Session for the token commands: discovery at the issuer (when one is given), with the
 * endpoints given on top. A failed discovery is a warning when the endpoint the command uses was
 * given (--token-endpoint, --introspection-endpoint...) and carries the request anyway, and the issuer without metadata is the one given (worked out from a discovery
 * URL when that is what was given).
 */
import type { Deps } from '../deps.js';
import type { Finding } from '../findings.js';
import { discover, discoveryLocations, type ProviderMetadata } from '../oidc/discovery.js';
import type { AssertionSettings, Client } from './client-auth/index.js';
import { createSession, type Endpoints, type Session } from './session.js';

export async function openSession(
  o: { issuer?: string; overrides: Endpoints; client: Client; timeoutMs: number; progress?: (line: string) => void; uses?: keyof Endpoints },
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
  });
  return { session, findings };
}

/** The Client of a command's options: its id, its secret, and how it signs assertions. */
export function clientFrom(o: { clientId: string; clientSecret?: string | undefined; clientAssertion?: AssertionSettings | undefined }): Client {
  return { client_id: o.clientId, ...(o.clientSecret !== undefined ? { client_secret: o.clientSecret } : {}), ...(o.clientAssertion ? { assertion: o.clientAssertion } : {}) };
}

/** What every token command is given about the provider and the client. */
export interface TokenClientOptions {
  issuer?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  clientId: string;
  clientSecret?: string;
  clientAssertion?: AssertionSettings;
  timeoutMs: number;
}

/** The Session of a token command, from its options. */
export function openTokenSession(o: TokenClientOptions, deps: Pick<Deps, 'http' | 'secrets'>, progress?: (line: string) => void): Promise<{ session: Session; findings: Finding[] }> {
  return openSession(
    {
      ...(progress ? { progress } : {}),
      issuer: o.issuer,
      overrides: { token: o.tokenEndpoint, jwks: o.jwksUri },
      client: clientFrom(o),
      timeoutMs: o.timeoutMs,
    },
    deps,
  );
}
