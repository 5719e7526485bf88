/**
 * `client-credentials`: its flags, how they become ClientCredentialsOptions, and its examples.
 */
import { Option } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { requireTokenEndpoint, tokenCommandOptions, type TokenCommandFlags } from '../../cli/token-command.js';
import { addClientFlags, addDpopFlags, addNetworkFlags, collectParam, seconds, url } from '../../cli/flags.js';
import { UsageError } from '../../errors.js';
import { AUTH_METHOD_CHOICES } from '../../oauth/client-auth/index.js';
import { RESERVED_TOKEN_PARAMS } from '../../oauth/grants.js';
import type { ClientCredentialsOptions, ClientCredentialsResult } from './run.js';

interface ClientCredentialsFlags extends TokenCommandFlags {
  scope?: string;
  resource?: string;
  audience?: string;
  param: Array<[string, string]>;
}

export const clientCredentialsCommand: CommandModule<ClientCredentialsOptions, ClientCredentialsResult> = {
  define(cmd) {
    cmd
      .description(
        'Gets a token for a machine client with the client_credentials grant (RFC 6749 §4.4) and shows it decoded: the client authentication methods tried, ' +
          'the one that works, the token (redacted unless --show-tokens) and its claims. Every failure is diagnosed. The secret comes from OAUTH_CLIENT_SECRET, ' +
          '--client-secret-env NAME or --client-secret-stdin.',
      )
      .option('--issuer <url>', 'the provider; the token endpoint and keys come from discovery', url('--issuer'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify an ID token that comes back with the keys at this URL', url('--jwks-uri'));
    addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: 'the machine client\'s client_id' })
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'))
      .option('--scope <scope>', 'scopes to request')
      .option('--resource <url>', 'the API the token is for (RFC 8707 resource indicator)', url('--resource'))
      .option('--audience <aud>', 'the API the token is for, for providers that take "audience" (Auth0 and others)')
      .option('--param <key=value>', 'an extra token request parameter; repeatable', collectParam, [] as Array<[string, string]>)
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0);
    addDpopFlags(cmd);
    addNetworkFlags(cmd)
      .option('--show-tokens', 'print the token in full (otherwise its first characters and length)')
      .addHelpText(
        'after',
        `
Examples:
  $ OAUTH_CLIENT_SECRET=... oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --scope "orders:read"
  $ oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --resource https://api.example.com --json
  $ vault read -field=secret kv/ci-bot | oauth-doctor client-credentials --token-endpoint https://idp.example.com/token --client-id ci-bot --client-secret-stdin
  $ oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --dpop   # a DPoP-bound token (RFC 9449)
  $ oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --client-cert client.pem --client-cert-key client.key   # mutual TLS
  $ oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --client-key ci-bot.key.pem   # private_key_jwt
  $ oauth-doctor client-credentials --issuer https://idp.example.com --client-id ci-bot --auth-method client_secret_jwt

Exit codes: 0 a token was issued and nothing is wrong, 1 the request failed or a problem was diagnosed, 2 usage error.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<ClientCredentialsFlags>(cmd);
    requireTokenEndpoint(f);
    for (const [key] of f.param) {
      if (RESERVED_TOKEN_PARAMS.includes(key)) throw new UsageError(`--param ${key}=… would repeat a parameter the request sets itself; ${key === 'scope' ? 'use --scope' : 'leave it out'}`);
    }
    return {
      ...(await tokenCommandOptions(f, deps)),
      scope: f.scope,
      resource: f.resource,
      audience: f.audience,
      params: f.param,
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderClientCredentials(r, style),
};
