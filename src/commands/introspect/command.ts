/**
 * `introspect`: its flags, how they become IntrospectOptions (the token from the environment,
 * standard input or a file `login --save` wrote), and its examples.
 */
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addTokenCallFlags, tokenCallOptions, tokenSpec, type TokenCallFlags } from '../../cli/token-call-flags.js';
import type { IntrospectOptions, IntrospectResult } from './run.js';

const SPEC = tokenSpec(['access_token', 'refresh_token']);

interface IntrospectFlags extends TokenCallFlags {
  introspectionEndpoint?: string;
}

export const introspectCommand: CommandModule<IntrospectOptions, IntrospectResult> = {
  define(cmd) {
    cmd.description(
      'Asks the provider about a token (RFC 7662 token introspection): active or not, and when active its exp, iat and nbf in human time, scope, client_id, sub, aud, iss and ' +
        'the rest of what the provider says. Introspection needs client authentication; a refusal, a missing endpoint and an inactive token are diagnosed. ' +
        'The token comes from OAUTH_TOKEN, --token-env NAME, --token-stdin or --from FILE (what login --save wrote: its access_token, else its refresh_token); it is never printed.',
    );
    addTokenCallFlags(cmd, {
      spec: SPEC,
      endpointFlag: '--introspection-endpoint',
      endpointHelp: 'use this introspection endpoint (when discovery names none, or to try another)',
      fromHelp: 'read the token from a token response saved by login --save (its access_token, else its refresh_token)',
      clientIdHelp: 'the client that asks: the app, or the API (resource server) where the provider wants its credentials',
    }).addHelpText(
      'after',
      `
Examples:
  $ OAUTH_TOKEN=... OAUTH_CLIENT_SECRET=... oauth-doctor introspect --issuer https://idp.example.com --client-id my-api
  $ oauth-doctor introspect --issuer https://idp.example.com --client-id my-app --from tokens.json --token-type-hint refresh_token
  $ pbpaste | oauth-doctor introspect --introspection-endpoint https://idp.example.com/oauth2/introspect --client-id my-api --token-stdin --json
  $ OAUTH_TOKEN=... oauth-doctor introspect --issuer https://idp.example.com --client-id my-api --client-cert api.pem --client-cert-key api.key   # mutual TLS

Exit codes: 0 the token is active and nothing is wrong, 1 it is not active or a problem was diagnosed, 2 usage or input error.`,
    );
  },

  async options(cmd, deps) {
    const f = flagsOf<IntrospectFlags>(cmd);
    return { ...(await tokenCallOptions(f, SPEC, f.introspectionEndpoint, '--introspection-endpoint', deps)), introspectionEndpoint: f.introspectionEndpoint };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderIntrospect(r, style),
};
