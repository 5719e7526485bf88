/**
 * `refresh`: its flags, how they become RefreshOptions (the refresh token from the environment,
 * standard input or a file `login --save` wrote), and its examples.
 */
import { Option } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addClientFlags, addNetworkFlags, checkWritable, clientOptions, secretFromEnv, seconds, url, type ClientFlags, type NetworkFlags } from '../../cli/flags.js';
import type { Deps } from '../../deps.js';
import { InputError, UsageError } from '../../errors.js';
import { AUTH_METHOD_CHOICES, type AuthMethodChoice } from '../../oauth/client-auth/index.js';
import type { RefreshOptions, RefreshResult } from './run.js';

const DEFAULT_REFRESH_ENV = 'OAUTH_REFRESH_TOKEN';

interface RefreshFlags extends ClientFlags, NetworkFlags {
  issuer?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  authMethod: AuthMethodChoice;
  refreshTokenEnv?: string;
  refreshTokenStdin?: boolean;
  from?: string;
  scope?: string;
  clockTolerance: number;
  showTokens?: boolean;
  save?: string;
}

export const refreshCommand: CommandModule<RefreshOptions, RefreshResult> = {
  define(cmd) {
    cmd
      .description(
        'Redeems a refresh token (RFC 6749 §6) and shows the new tokens decoded: the client authentication methods tried, rotation (a new refresh token ' +
          'means the old one is used up), a narrower scope, and a refusal diagnosed as a refresh-token problem (expired, revoked, rotated and reused, another client\'s). ' +
          `The refresh token comes from ${DEFAULT_REFRESH_ENV}, --refresh-token-env NAME, --refresh-token-stdin or --from FILE (what login --save wrote).`,
      )
      .option('--issuer <url>', 'the provider; the token endpoint and keys come from discovery', url('--issuer'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify an ID token that comes back with the keys at this URL', url('--jwks-uri'))
      .option('--refresh-token-env <name>', `read the refresh token from this environment variable (default ${DEFAULT_REFRESH_ENV})`)
      .option('--refresh-token-stdin', 'read the refresh token from the first line of standard input')
      .option('--from <file>', 'read the refresh token (and the scope it was granted) from a token response saved by login --save');
    addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: 'the client the refresh token was issued to' })
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'))
      .option('--scope <scope>', 'ask for a narrower scope than the refresh token has')
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0);
    addNetworkFlags(cmd)
      .option('--show-tokens', 'print the new tokens in full (otherwise their first characters and length)')
      .option('--save <file>', 'write the new token response to this file, readable only by you (0600); with --from, the same file keeps it current')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor login --issuer https://idp.example.com --client-id my-app --scope "openid offline_access" --save tokens.json
  $ oauth-doctor refresh --issuer https://idp.example.com --client-id my-app --from tokens.json --save tokens.json
  $ OAUTH_REFRESH_TOKEN=... oauth-doctor refresh --issuer https://idp.example.com --client-id my-app --json

Exit codes: 0 new tokens and nothing wrong, 1 the refresh failed or a problem was diagnosed, 2 usage or input error.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<RefreshFlags>(cmd);
    if (!f.issuer && !f.tokenEndpoint) throw new UsageError('no token endpoint: pass --issuer (discovery) or --token-endpoint');
    if (f.refreshTokenStdin && f.clientSecretStdin) throw new UsageError('standard input can carry one secret: give the client secret or the refresh token another way');
    if (f.save !== undefined) checkWritable('--save', f.save);
    deps.secrets.revealTokens = Boolean(f.showTokens);
    const { token, source, scope } = await refreshTokenFrom(f, deps);
    const client = await clientOptions(f, deps);
    return {
      issuer: f.issuer,
      tokenEndpoint: f.tokenEndpoint,
      jwksUri: f.jwksUri,
      ...client,
      authMethod: f.authMethod,
      refreshToken: token,
      refreshTokenSource: source,
      previousScope: scope,
      scope: f.scope,
      timeoutMs: f.timeout * 1000,
      clockTolerance: f.clockTolerance,
      showTokens: Boolean(f.showTokens),
      save: f.save,
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderRefresh(r, style),
};

/** The refresh token, registered as a secret of the run, and where it came from. */
async function refreshTokenFrom(f: RefreshFlags, deps: Deps): Promise<{ token: string; source: string; scope?: string }> {
  const given = [f.refreshTokenEnv !== undefined, Boolean(f.refreshTokenStdin), f.from !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError('give the refresh token one way: --refresh-token-env, --refresh-token-stdin or --from');
  if (f.from !== undefined) {
    let saved: unknown;
    try {
      saved = JSON.parse((await deps.readFile(f.from, 1024 * 1024)).toString('utf8'));
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(`--from ${f.from}: not a JSON token response (what login --save writes)`);
    }
    const token = (saved as { refresh_token?: unknown })?.refresh_token;
    if (typeof token !== 'string' || token === '') throw new InputError(`--from ${f.from}: it holds no refresh_token (log in with offline_access, or the provider issued none)`);
    deps.secrets.add(token, 'token');
    const scope = (saved as { scope?: unknown }).scope;
    return { token, source: f.from, ...(typeof scope === 'string' ? { scope } : {}) };
  }
  if (f.refreshTokenStdin) {
    const line = (await deps.readLine(AbortSignal.timeout(60_000))).trim();
    if (line === '') throw new UsageError('--refresh-token-stdin: the first line of standard input is empty');
    deps.secrets.add(line, 'token');
    return { token: line, source: 'standard input' };
  }
  const name = f.refreshTokenEnv ?? DEFAULT_REFRESH_ENV;
  const token = secretFromEnv(name, deps.env);
  if (token === undefined) throw new UsageError(`no refresh token: set ${name}, or use --refresh-token-stdin or --from FILE`);
  deps.secrets.add(token, 'token');
  return { token, source: name };
}
