/**
 * A token a command is given to work with (a refresh token to redeem, an access token to introspect,
 * revoke, send to userinfo or exchange): from an environment variable, the first line of standard
 * input, or a token response `login --save` wrote. Never from argv, where `ps` and shell history
 * would keep it. The token is registered as a secret of the run before anything can print it.
 */
import type { Command } from 'commander';
import type { Deps } from '../deps.js';
import { InputError, UsageError } from '../errors.js';
import { secretFromEnv } from '../env-secrets.js';

/** Which token a saved token response gives, in the order tried when the command takes any. */
export type SavedTokenField = 'refresh_token' | 'access_token' | 'id_token';

export interface TokenInputSpec {
  /** The flag stem: `token` gives --token-env and --token-stdin; `refresh-token` gives --refresh-token-env... */
  stem: string;
  /** What the token is, in messages: "refresh token", "access token", "token". */
  what: string;
  defaultEnv: string;
  /** The members of a --from file to take the token from, first present wins. */
  fields: readonly SavedTokenField[];
}

export interface TokenInputFlags {
  from?: string;
  [flag: string]: unknown;
}

export interface TokenInput {
  token: string;
  /** Where it came from, for output: an environment variable's name, "standard input" or the file. */
  source: string;
  /** With --from: which member it was, and the scope the saved response was granted. */
  field?: SavedTokenField;
  scope?: string;
  /** With --from: the ID token saved beside it, when there is one (userinfo compares its sub). */
  idToken?: string;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

export function addTokenInputFlags(cmd: Command, spec: TokenInputSpec, fromHelp: string): Command {
  return cmd
    .option(`--${spec.stem}-env <name>`, `read the ${spec.what} from this environment variable (default ${spec.defaultEnv})`)
    .option(`--${spec.stem}-stdin`, `read the ${spec.what} from the first line of standard input`)
    .option('--from <file>', fromHelp);
}

/** Whether the token will be read from standard input (which then cannot also carry a client secret). */
export function tokenFromStdin(flags: TokenInputFlags, spec: TokenInputSpec): boolean {
  return Boolean(flags[`${camel(spec.stem)}Stdin`]);
}

export async function readTokenInput(flags: TokenInputFlags, spec: TokenInputSpec, deps: Deps): Promise<TokenInput> {
  const envName = flags[`${camel(spec.stem)}Env`] as string | undefined;
  const stdin = tokenFromStdin(flags, spec);
  const given = [envName !== undefined, stdin, flags.from !== undefined].filter(Boolean).length;
  if (given > 1) throw new UsageError(`give the ${spec.what} one way: --${spec.stem}-env, --${spec.stem}-stdin or --from`);
  if (flags.from !== undefined) return fromSavedResponse(flags.from, spec, deps);
  if (stdin) {
    const line = (await deps.readLine(AbortSignal.timeout(60_000))).trim();
    if (line === '') throw new UsageError(`--${spec.stem}-stdin: the first line of standard input is empty`);
    deps.secrets.add(line, 'token');
    return { token: line, source: 'standard input' };
  }
  const name = envName ?? spec.defaultEnv;
  const token = secretFromEnv(name, deps.env);
  if (token === undefined) throw new UsageError(`no ${spec.what}: set ${name}, or use --${spec.stem}-stdin or --from FILE`);
  deps.secrets.add(token, 'token');
  return { token, source: name };
}

async function fromSavedResponse(file: string, spec: TokenInputSpec, deps: Deps): Promise<TokenInput> {
  let saved: unknown;
  try {
    saved = JSON.parse((await deps.readFile(file, 1024 * 1024)).toString('utf8'));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`--from ${file}: not a JSON token response (what login --save writes)`);
  }
  const members = (saved ?? {}) as Record<string, unknown>;
  // Every token in the file is a secret of this run, whichever one is used.
  for (const f of ['access_token', 'refresh_token', 'id_token'] as const) {
    if (typeof members[f] === 'string' && members[f] !== '') deps.secrets.add(members[f] as string, 'token');
  }
  const field = spec.fields.find((f) => typeof members[f] === 'string' && members[f] !== '');
  if (field === undefined) {
    const wanted = spec.fields.join(' or ');
    const hint = spec.fields.includes('refresh_token') && spec.fields.length === 1 ? ' (log in with offline_access, or the provider issued none)' : '';
    throw new InputError(`--from ${file}: it holds no ${wanted}${hint}`);
  }
  const scope = members.scope;
  const idToken = members.id_token;
  return {
    token: members[field] as string,
    source: file,
    field,
    ...(typeof scope === 'string' ? { scope } : {}),
    ...(typeof idToken === 'string' && idToken !== '' ? { idToken } : {}),
  };
}
