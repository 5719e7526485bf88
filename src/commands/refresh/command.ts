/**
 * `refresh`: its flags, how they become RefreshOptions (the refresh token from the environment,
 * standard input or a file `login --save` wrote), and its examples.
 */
import { Option } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { requireTokenEndpoint, tokenCommandOptions, type TokenCommandFlags } from '../../cli/token-command.js';
import { addClientFlags, addDpopFlags, addNetworkFlags, checkWritable, seconds, url } from '../../cli/flags.js';
import { addTokenInputFlags, readTokenInput, tokenFromStdin, type TokenInputFlags, type TokenInputSpec } from '../../cli/token-input.js';
import { UsageError } from '../../errors.js';
import { AUTH_METHOD_CHOICES } from '../../oauth/client-auth/index.js';
import type { RefreshOptions, RefreshResult } from './run.js';

const REFRESH_TOKEN_INPUT: TokenInputSpec = { stem: 'refresh-token', what: 'refresh token', defaultEnv: 'OAUTH_REFRESH_TOKEN', fields: ['refresh_token'] };

interface RefreshFlags extends TokenCommandFlags, TokenInputFlags {
  scope?: string;
  save?: string;
}

export const refreshCommand: CommandModule<RefreshOptions, RefreshResult> = {
  define(cmd) {
    cmd
      .description(
        'Redeems a refresh token (RFC 6749 §6) and shows the new tokens decoded: the client authentication methods tried, rotation (a new refresh token ' +
          'means the old one is used up), a narrower scope, and a refusal diagnosed as a refresh-token problem (expired, revoked, rotated and reused, another client\'s). ' +
          `The refresh token comes from ${REFRESH_TOKEN_INPUT.defaultEnv}, --refresh-token-env NAME, --refresh-token-stdin or --from FILE (what login --save wrote).`,
      )
      .option('--issuer <url>', 'the provider; the token endpoint and keys come from discovery', url('--issuer'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify an ID token that comes back with the keys at this URL', url('--jwks-uri'));
    addTokenInputFlags(cmd, REFRESH_TOKEN_INPUT, 'read the refresh token (and the scope it was granted) from a token response saved by login --save');
    addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: 'the client the refresh token was issued to' })
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'))
      .option('--scope <scope>', 'ask for a narrower scope than the refresh token has')
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0);
    addDpopFlags(cmd);
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
    requireTokenEndpoint(f);
    if (tokenFromStdin(f, REFRESH_TOKEN_INPUT) && f.clientSecretStdin) throw new UsageError('standard input can carry one secret: give the client secret or the refresh token another way');
    if (f.save !== undefined) checkWritable('--save', f.save);
    const { token, source, scope } = await readTokenInput(f, REFRESH_TOKEN_INPUT, deps);
    return {
      ...(await tokenCommandOptions(f, deps)),
      refreshToken: token,
      refreshTokenSource: source,
      previousScope: scope,
      scope: f.scope,
      save: f.save,
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderRefresh(r, style),
};
