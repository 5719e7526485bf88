/**
 * `token-exchange`: its flags, how they become TokenExchangeOptions (the subject and actor tokens
 * from the environment, standard input or a file `login --save` wrote), and its examples.
 */
import { InvalidArgumentError, Option } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { requireTokenEndpoint, tokenCommandOptions, type TokenCommandFlags } from '../../cli/token-command.js';
import { addClientFlags, addDpopFlags, addNetworkFlags, secretFromEnv, seconds, url } from '../../cli/flags.js';
import { addTokenInputFlags, readTokenInput, tokenFromStdin, type SavedTokenField, type TokenInputFlags, type TokenInputSpec } from '../../cli/token-input.js';
import { UsageError } from '../../errors.js';
import { AUTH_METHOD_CHOICES } from '../../oauth/client-auth/index.js';
import type { TokenExchangeOptions, TokenExchangeResult } from './run.js';

const SUBJECT_TOKEN_INPUT: TokenInputSpec = { stem: 'subject-token', what: 'subject token', defaultEnv: 'OAUTH_SUBJECT_TOKEN', fields: ['access_token'] };

/** RFC 8693 §3: the token type identifiers, by the short names the flags take. */
export const TOKEN_TYPES = {
  access_token: 'urn:ietf:params:oauth:token-type:access_token',
  refresh_token: 'urn:ietf:params:oauth:token-type:refresh_token',
  id_token: 'urn:ietf:params:oauth:token-type:id_token',
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const;

/** Which member of a --from file a subject token of each type is. */
const SAVED_FIELD: Record<string, readonly SavedTokenField[]> = {
  [TOKEN_TYPES.access_token]: ['access_token'],
  [TOKEN_TYPES.refresh_token]: ['refresh_token'],
  [TOKEN_TYPES.id_token]: ['id_token'],
  [TOKEN_TYPES.jwt]: ['id_token', 'access_token'],
};

/** A short name (access_token, refresh_token, id_token, jwt) or a full URI such as urn:ietf:params:oauth:token-type:saml2. */
export function tokenType(flag: string) {
  return (value: string): string => {
    if (value in TOKEN_TYPES) return TOKEN_TYPES[value as keyof typeof TOKEN_TYPES];
    if (/^(urn:[a-z0-9][a-z0-9-]{0,31}:\S+|https?:\/\/\S+)$/i.test(value)) return value;
    throw new InvalidArgumentError(`${flag} needs access_token, refresh_token, id_token, jwt or a token type URI (RFC 8693 §3); got "${value.slice(0, 60)}"`);
  };
}

interface TokenExchangeFlags extends TokenCommandFlags, TokenInputFlags {
  subjectTokenType: string;
  actorTokenEnv?: string;
  actorTokenType?: string;
  requestedTokenType?: string;
  audience?: string;
  resource?: string;
  scope?: string;
}

export const tokenExchangeCommand: CommandModule<TokenExchangeOptions, TokenExchangeResult> = {
  define(cmd) {
    cmd
      .description(
        'Exchanges a token for another with the token exchange grant (RFC 8693): a subject token (and, for delegation, an actor token) in, a new token for the ' +
          'audience or resource asked for out, shown decoded with its issued_token_type. The client authentication methods are tried as for client-credentials, and a refusal ' +
          '(invalid_target, invalid_request, unsupported_grant_type...) is diagnosed. ' +
          `The subject token comes from ${SUBJECT_TOKEN_INPUT.defaultEnv}, --subject-token-env NAME, --subject-token-stdin or --from FILE (what login --save wrote).`,
      )
      .option('--issuer <url>', 'the provider; the token endpoint and keys come from discovery', url('--issuer'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify a token that comes back with the keys at this URL', url('--jwks-uri'));
    addTokenInputFlags(cmd, SUBJECT_TOKEN_INPUT, 'read the subject token from a token response saved by login --save (its access_token, or the member --subject-token-type names)')
      .addOption(new Option('--subject-token-type <type>', 'what the subject token is: access_token, refresh_token, id_token, jwt or a token type URI').argParser(tokenType('--subject-token-type')).default(TOKEN_TYPES.access_token, 'access_token'))
      .option('--actor-token-env <name>', 'delegation: read the actor token (who acts for the subject) from this environment variable')
      .option('--actor-token-type <type>', 'what the actor token is (default access_token)', tokenType('--actor-token-type'))
      .option('--requested-token-type <type>', 'the kind of token to get back: access_token, refresh_token, id_token, jwt or a token type URI', tokenType('--requested-token-type'))
      .option('--audience <aud>', 'the service the new token is for (a logical name or URI)')
      .option('--resource <url>', 'the API the new token is for (a URI, RFC 8707)', url('--resource'))
      .option('--scope <scope>', 'scopes for the new token');
    addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: 'the client that asks for the exchange' })
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'))
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0);
    addDpopFlags(cmd);
    addNetworkFlags(cmd)
      .option('--show-tokens', 'print the new token in full (otherwise its first characters and length)')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor login --issuer https://idp.example.com --client-id my-app --save tokens.json
  $ OAUTH_CLIENT_SECRET=... oauth-doctor token-exchange --issuer https://idp.example.com --client-id gateway --from tokens.json --audience https://orders.example.com
  $ OAUTH_SUBJECT_TOKEN=... oauth-doctor token-exchange --issuer https://idp.example.com --client-id gateway --subject-token-type jwt --resource https://api.example.com --json
  $ OAUTH_SUBJECT_TOKEN=... ACTOR=... oauth-doctor token-exchange --issuer https://idp.example.com --client-id gateway --actor-token-env ACTOR --actor-token-type access_token --audience orders

Exit codes: 0 a new token and nothing wrong, 1 the exchange failed or a problem was diagnosed, 2 usage or input error.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<TokenExchangeFlags>(cmd);
    requireTokenEndpoint(f);
    if (tokenFromStdin(f, SUBJECT_TOKEN_INPUT) && f.clientSecretStdin) throw new UsageError('standard input can carry one secret: give the client secret or the subject token another way');
    if (f.actorTokenType !== undefined && f.actorTokenEnv === undefined) throw new UsageError('--actor-token-type needs an actor token: --actor-token-env NAME');
    const subject = await readTokenInput(f, { ...SUBJECT_TOKEN_INPUT, fields: SAVED_FIELD[f.subjectTokenType] ?? ['access_token'] }, deps);
    let actorToken: string | undefined;
    if (f.actorTokenEnv !== undefined) {
      actorToken = secretFromEnv(f.actorTokenEnv, deps.env);
      if (actorToken === undefined) throw new UsageError(`--actor-token-env ${f.actorTokenEnv}: the environment variable ${f.actorTokenEnv} is not set or empty`);
      deps.secrets.add(actorToken, 'token');
    }
    return {
      ...(await tokenCommandOptions(f, deps)),
      subjectToken: subject.token,
      subjectTokenSource: subject.field ? `${subject.source} (${subject.field})` : subject.source,
      subjectTokenType: f.subjectTokenType,
      ...(actorToken !== undefined ? { actorToken, actorTokenSource: f.actorTokenEnv as string, actorTokenType: f.actorTokenType ?? TOKEN_TYPES.access_token } : {}),
      requestedTokenType: f.requestedTokenType,
      audience: f.audience,
      resource: f.resource,
      scope: f.scope,
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderTokenExchange(r, style),
};
