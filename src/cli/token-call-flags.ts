/**
 * What `introspect` and `revoke` share: a token given to them (never on argv), its
 * token_type_hint, the client that authenticates, and how. Read once into the options both runs take.
 */
import { Option, type Command } from 'commander';
import type { Deps } from '../deps.js';
import { UsageError } from '../errors.js';
import { AUTH_METHOD_CHOICES, type AuthMethodChoice, type AssertionSettings } from '../oauth/client-auth/index.js';
import { TOKEN_TYPE_HINTS, type TokenTypeHint } from '../oauth/token-type-hint.js';
import { addClientFlags, addNetworkFlags, checkAuthMethodCredentials, clientOptions, url, type ClientFlags, type NetworkFlags } from './flags.js';
import { addTokenInputFlags, readTokenInput, tokenFromStdin, type TokenInputFlags, type TokenInputSpec } from './token-input.js';

export interface TokenCallFlags extends ClientFlags, NetworkFlags, TokenInputFlags {
  issuer?: string;
  authMethod: AuthMethodChoice;
  tokenTypeHint?: TokenTypeHint;
  showTokens?: boolean;
}

/** What both runs take. */
export interface TokenCallOptions {
  issuer?: string;
  clientId: string;
  clientSecret?: string;
  clientSecretSource: string;
  /** private_key_jwt / client_secret_jwt: the key and how assertions are made. */
  clientAssertion?: AssertionSettings;
  authMethod: AuthMethodChoice;
  token: string;
  /** Where the token came from, for output: a variable's name, "standard input" or a file. */
  tokenSource: string;
  tokenTypeHint?: TokenTypeHint;
  timeoutMs: number;
  showTokens: boolean;
}

export function tokenSpec(fields: TokenInputSpec['fields']): TokenInputSpec {
  return { stem: 'token', what: 'token', defaultEnv: 'OAUTH_TOKEN', fields };
}

export function addTokenCallFlags(cmd: Command, o: { spec: TokenInputSpec; endpointFlag: string; endpointHelp: string; fromHelp: string; clientIdHelp: string }): Command {
  cmd.option('--issuer <url>', 'the provider; the endpoint and the authentication methods come from discovery', url('--issuer')).option(`${o.endpointFlag} <url>`, o.endpointHelp, url(o.endpointFlag));
  addTokenInputFlags(cmd, o.spec, o.fromHelp).addOption(
    new Option('--token-type-hint <type>', 'tell the provider which kind of token it is (default: the member --from took; none otherwise)').choices([...TOKEN_TYPE_HINTS]),
  );
  addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: o.clientIdHelp }).addOption(
    new Option('--auth-method <method>', 'how to authenticate the client (auto tries client_secret_basic, then client_secret_post)').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'),
  );
  return addNetworkFlags(cmd).option('--show-tokens', 'print the token in full (otherwise its first characters and length)');
}

export async function tokenCallOptions(f: TokenCallFlags, spec: TokenInputSpec, endpoint: string | undefined, endpointFlag: string, deps: Deps): Promise<TokenCallOptions> {
  if (!f.issuer && !endpoint) throw new UsageError(`no endpoint: pass --issuer (discovery) or ${endpointFlag}`);
  if (tokenFromStdin(f, spec) && f.clientSecretStdin) throw new UsageError('standard input can carry one secret: give the client secret or the token another way');
  deps.secrets.revealTokens = Boolean(f.showTokens);
  const input = await readTokenInput(f, spec, deps);
  const client = await clientOptions(f, deps);
  checkAuthMethodCredentials(f.authMethod, client);
  const picked = input.field === 'access_token' || input.field === 'refresh_token' ? input.field : undefined;
  const hint = f.tokenTypeHint ?? picked;
  return {
    issuer: f.issuer,
    ...client,
    authMethod: f.authMethod,
    token: input.token,
    tokenSource: input.field ? `${input.source} (${input.field})` : input.source,
    ...(hint ? { tokenTypeHint: hint } : {}),
    timeoutMs: f.timeout * 1000,
    showTokens: Boolean(f.showTokens),
  };
}
