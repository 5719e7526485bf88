/**
 * `revoke`: its flags, how they become RevokeOptions (the token from the environment, standard
 * input or a file `login --save` wrote), and its examples.
 */
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { url } from '../../cli/flags.js';
import { addTokenCallFlags, tokenCallOptions, tokenSpec, type TokenCallFlags } from '../../cli/token-call-flags.js';
import type { RevokeOptions, RevokeResult } from './run.js';

// A saved response's refresh token first: revoking it ends the grant, which is what a user revoking a login means.
const SPEC = tokenSpec(['refresh_token', 'access_token']);

interface RevokeFlags extends TokenCallFlags {
  revocationEndpoint?: string;
  introspectionEndpoint?: string;
  check?: boolean;
}

export const revokeCommand: CommandModule<RevokeOptions, RevokeResult> = {
  define(cmd) {
    cmd.description(
      'Revokes a token (RFC 7009) and shows what the provider answered. A 200 does not prove the token existed: RFC 7009 answers 200 for an unknown token too; with --check, ' +
        'the token is introspected afterwards to show it is no longer active. Refusals (unsupported_token_type, invalid_client), a missing endpoint and network errors are diagnosed. ' +
        'The token comes from OAUTH_TOKEN, --token-env NAME, --token-stdin or --from FILE (what login --save wrote: its refresh_token, else its access_token); it is never printed.',
    );
    addTokenCallFlags(cmd, {
      spec: SPEC,
      endpointFlag: '--revocation-endpoint',
      endpointHelp: 'use this revocation endpoint (when discovery names none, or to try another)',
      fromHelp: 'read the token from a token response saved by login --save (its refresh_token, else its access_token)',
      clientIdHelp: 'the client the token was issued to',
    })
      .option('--check', 'introspect the token afterwards to show it is no longer active (needs an introspection endpoint)')
      .option('--introspection-endpoint <url>', 'with --check: use this introspection endpoint', url('--introspection-endpoint'))
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor revoke --issuer https://idp.example.com --client-id my-app --from tokens.json --check
  $ OAUTH_TOKEN=... OAUTH_CLIENT_SECRET=... oauth-doctor revoke --issuer https://idp.example.com --client-id my-app --token-type-hint access_token
  $ oauth-doctor revoke --revocation-endpoint https://idp.example.com/oauth2/revoke --client-id my-app --token-env OLD_TOKEN --json

Exit codes: 0 the provider accepted the revocation (and, with --check, the token is no longer active), 1 it refused or a problem was diagnosed, 2 usage or input error.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<RevokeFlags>(cmd);
    return {
      ...(await tokenCallOptions(f, SPEC, f.revocationEndpoint, '--revocation-endpoint', deps)),
      revocationEndpoint: f.revocationEndpoint,
      introspectionEndpoint: f.introspectionEndpoint,
      check: Boolean(f.check),
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderRevoke(r, style),
};
