/**
 * `userinfo`: its flags, how they become UserinfoOptions (the access token from the environment,
 * standard input or a file `login --save` wrote, and the ID token beside it), and its examples.
 */
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addNetworkFlags, secretFromEnv, url, type NetworkFlags } from '../../cli/flags.js';
import { addTokenInputFlags, readTokenInput, type TokenInputFlags, type TokenInputSpec } from '../../cli/token-input.js';
import { UsageError } from '../../errors.js';
import type { UserinfoOptions, UserinfoResult } from './run.js';

const ACCESS_TOKEN_INPUT: TokenInputSpec = { stem: 'access-token', what: 'access token', defaultEnv: 'OAUTH_ACCESS_TOKEN', fields: ['access_token'] };

interface UserinfoFlags extends NetworkFlags, TokenInputFlags {
  issuer?: string;
  userinfoEndpoint?: string;
  idTokenEnv?: string;
}

export const userinfoCommand: CommandModule<UserinfoOptions, UserinfoResult> = {
  define(cmd) {
    cmd
      .description(
        'Calls the OpenID Connect userinfo endpoint (Core §5.3) with an access token (GET, Authorization: Bearer) and shows the claims it returns, a JWT answer decoded. ' +
          'A refusal is read through its WWW-Authenticate challenge (invalid_token, insufficient_scope...); with an ID token (--from, --id-token-env) the two sub values are compared. ' +
          `The access token comes from ${ACCESS_TOKEN_INPUT.defaultEnv}, --access-token-env NAME, --access-token-stdin or --from FILE (what login --save wrote); it is never printed.`,
      )
      .option('--issuer <url>', 'the provider; the userinfo endpoint comes from discovery', url('--issuer'))
      .option('--userinfo-endpoint <url>', 'use this userinfo endpoint', url('--userinfo-endpoint'));
    addTokenInputFlags(cmd, ACCESS_TOKEN_INPUT, 'read the access token (and the ID token, to compare sub) from a token response saved by login --save')
      .option('--id-token-env <name>', 'read an ID token from this environment variable, to check that userinfo\'s sub is its sub');
    addNetworkFlags(cmd).addHelpText(
      'after',
      `
Examples:
  $ oauth-doctor login --issuer https://idp.example.com --client-id my-app --save tokens.json
  $ oauth-doctor userinfo --issuer https://idp.example.com --from tokens.json
  $ OAUTH_ACCESS_TOKEN=... oauth-doctor userinfo --issuer https://idp.example.com --json
  $ vault read -field=token secret/app | oauth-doctor userinfo --userinfo-endpoint https://idp.example.com/userinfo --access-token-stdin

Exit codes: 0 claims came back and nothing is wrong, 1 the call was refused or a problem was diagnosed, 2 usage or input error.`,
    );
  },

  async options(cmd, deps) {
    const f = flagsOf<UserinfoFlags>(cmd);
    if (!f.issuer && !f.userinfoEndpoint) throw new UsageError('no userinfo endpoint: pass --issuer (discovery) or --userinfo-endpoint');
    if (f.idTokenEnv !== undefined && f.from !== undefined) throw new UsageError('give the ID token one way: --from FILE holds it already, or --id-token-env NAME');
    const { token, source, field, idToken: savedIdToken } = await readTokenInput(f, ACCESS_TOKEN_INPUT, deps);
    let idToken = savedIdToken;
    if (f.idTokenEnv !== undefined) {
      idToken = secretFromEnv(f.idTokenEnv, deps.env);
      if (idToken === undefined) throw new UsageError(`--id-token-env ${f.idTokenEnv}: the environment variable ${f.idTokenEnv} is not set or empty`);
      deps.secrets.add(idToken, 'token');
    }
    return {
      issuer: f.issuer,
      userinfoEndpoint: f.userinfoEndpoint,
      accessToken: token,
      accessTokenSource: field ? `${source} (${field})` : source,
      ...(idToken !== undefined ? { idToken } : {}),
      timeoutMs: f.timeout * 1000,
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderUserinfo(r, style),
};
