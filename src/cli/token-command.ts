/**
 * What the token commands (client-credentials, refresh, token-exchange) read alike: the provider
 * (--issuer or --token-endpoint), the client and how it authenticates, DPoP, the timeout, the
 * clock tolerance and --show-tokens. Each command adds its own grant's options.
 */
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import type { AuthMethodChoice } from '../oauth/client-auth/index.js';
import type { TokenCommandOptions } from '../oauth/open-session.js';
import { checkAuthMethodCredentials, clientOptions, dpopOptions, type ClientFlags, type DpopFlags, type NetworkFlags } from './flags.js';

export interface TokenCommandFlags extends ClientFlags, NetworkFlags, DpopFlags {
  issuer?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  authMethod: AuthMethodChoice;
  clockTolerance: number;
  showTokens?: boolean;
}

/** Refuses a run with no token endpoint before any secret is read. */
export function requireTokenEndpoint(f: TokenCommandFlags): void {
  if (!f.issuer && !f.tokenEndpoint) throw new UsageError('no token endpoint: pass --issuer (discovery) or --token-endpoint');
}

export async function tokenCommandOptions(f: TokenCommandFlags, deps: Deps): Promise<TokenCommandOptions> {
  deps.secrets.revealTokens = Boolean(f.showTokens);
  const client = await clientOptions(f, deps);
  checkAuthMethodCredentials(f.authMethod, client);
  return {
    issuer: f.issuer,
    tokenEndpoint: f.tokenEndpoint,
    jwksUri: f.jwksUri,
    ...client,
    ...(await dpopOptions(f, deps)),
    authMethod: f.authMethod,
    timeoutMs: f.timeout * 1000,
    clockTolerance: f.clockTolerance,
    showTokens: Boolean(f.showTokens),
  };
}
