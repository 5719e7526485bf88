/**
 * What the flags of several commands share, defined once: the parsers of flag values (each refuses
 * a bad value with one line naming the flag), and the flag groups (client, network) whose meaning
 * is the same in every command that has them.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Deps } from '../deps.js';
import { DEFAULT_SECRET_ENV, secretFromEnv } from '../env-secrets.js';
import { UsageError } from '../errors.js';
import type { ClientCertificate } from '../oauth/client-auth/certificate.js';
import type { AssertionSettings } from '../oauth/client-auth/index.js';

export { secretFromEnv } from '../env-secrets.js';

// ---------------------------------------------------------------- value parsers

export function url(flag: string) {
  return (value: string): string => {
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      throw new InvalidArgumentError(`${flag} needs a URL such as https://idp.example.com, got "${value.slice(0, 80)}"`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new InvalidArgumentError(`${flag} needs an http(s) URL, got "${u.protocol}"`);
    return value;
  };
}

export function collectUrl(flag: string) {
  const parse = url(flag);
  return (value: string, previous: string[]): string[] => [...previous, parse(value)];
}

export function seconds(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n > 365 * 86400) {
      throw new InvalidArgumentError(`${flag} needs a number of seconds, such as 60; got "${value.slice(0, 40)}"`);
    }
    return n;
  };
}

export function positiveSeconds(flag: string) {
  const parse = seconds(flag);
  return (value: string): number => {
    const n = parse(value);
    if (n <= 0 || n > 3600) throw new InvalidArgumentError(`${flag} needs a number of seconds between 0 and 3600, such as 10; got "${value.slice(0, 40)}"`);
    return n;
  };
}

export function positiveInt(flag: string) {
  return (value: string): number => {
    if (!/^\d{1,4}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) throw new InvalidArgumentError(`${flag} needs a whole number from 1 to 64; got "${value.slice(0, 40)}"`);
    return Number(value);
  };
}

/** A flag given any number of times, each time one of `names` (commander's choices() keeps only the last). */
export function repeatableChoice<T extends string>(flags: string, description: string, names: readonly T[]): Option {
  const flag = flags.split(' ')[0] as string;
  const option = new Option(flags, description).default([]).argParser((value: string, previous: T[]): T[] => {
    if (!(names as readonly string[]).includes(value)) throw new InvalidArgumentError(`${flag} needs one of ${names.join(', ')}; got "${value.slice(0, 40)}"`);
    return [...previous, value as T];
  });
  // Shown in --help and offered by the completion scripts.
  option.argChoices = [...names];
  return option;
}

export function collectParam(value: string, previous: Array<[string, string]>): Array<[string, string]> {
  const i = value.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError(`--param needs key=value, such as audience=https://api.example.com; got "${value.slice(0, 60)}"`);
  return [...previous, [value.slice(0, i), value.slice(i + 1)]];
}

/** A file the run will write: refused now, not after the work is done. */
export function checkWritable(flag: string, target: string): void {
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    // does not exist yet: fine, its folder must
  }
  if (isDir) throw new UsageError(`${flag} ${target} is a directory; name a file in it`);
  const folder = dirname(target);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${target}: the folder ${folder} does not exist or is not writable`);
  }
}

// ---------------------------------------------------------------- network group

export interface NetworkFlags {
  /** Seconds each network request may take. */
  timeout: number;
}

/** --timeout: the limit of each network request, in every command that makes requests. */
export function addNetworkFlags(cmd: Command): Command {
  return cmd.option('--timeout <seconds>', 'timeout of each network request', positiveSeconds('--timeout'), 10);
}

// ---------------------------------------------------------------- client group

export interface ClientFlags {
  clientId?: string;
  clientSecretEnv?: string;
  clientSecretStdin?: boolean;
  clientSecret?: string;
  clientCert?: string;
  clientCertKey?: string;
  clientKey?: string;
  clientKeyEnv?: string;
  clientKeyId?: string;
  clientAssertionAlg?: string;
  clientAssertionAud?: 'endpoint' | 'issuer';
  clientAssertionLifetime?: number;
}

/**
 * --client-id and --client-secret-env NAME (default OAUTH_CLIENT_SECRET) in every command that
 * authenticates a client; an interactive command may also take the secret from standard input or
 * (with a warning) from argv.
 */
export function addClientFlags(cmd: Command, o: { interactive: boolean; clientIdRequired?: boolean; clientIdHelp: string }): Command {
  const clientId = '--client-id <id>';
  if (o.clientIdRequired) cmd.requiredOption(clientId, o.clientIdHelp);
  else cmd.option(clientId, o.clientIdHelp);
  cmd.option('--client-secret-env <name>', `read the client secret from this environment variable (default ${DEFAULT_SECRET_ENV})`);
  cmd
    .option('--client-cert <file>', `the client certificate (PEM) for mutual TLS, tls_client_auth or self_signed_tls_client_auth (default: the file ${CERT_ENV} names)`)
    .option('--client-cert-key <file>', `the private key (PEM) of --client-cert (default: the file ${CERT_KEY_ENV} names)`);
  if (o.interactive) {
    cmd
      .option('--client-secret-stdin', 'read the client secret from the first line of standard input')
      .option('--client-secret <secret>', 'the client secret on the command line (visible to other users: prefer the environment)');
  }
  return addClientAssertionFlags(cmd);
}

/** private_key_jwt and client_secret_jwt (RFC 7523): the key, never on argv, and how assertions are made. */
function addClientAssertionFlags(cmd: Command): Command {
  return cmd
    .option('--client-key <file>', 'private_key_jwt: the client\'s private key, a PEM or a JWK (or a JWK Set with --client-key-id)')
    .option('--client-key-env <name>', 'private_key_jwt: read the private key (PEM or JWK) from this environment variable')
    .option('--client-key-id <kid>', 'the kid to put in the assertion header (default: the JWK\'s kid)')
    .option('--client-assertion-alg <alg>', 'sign client assertions with this alg (default: from the key; HS256 for client_secret_jwt)', assertionAlg)
    .addOption(new Option('--client-assertion-aud <aud>', 'the aud of client assertions: the endpoint (the token endpoint for tokens) or the issuer (default: endpoint, then issuer if refused)').choices(['endpoint', 'issuer']))
    .option('--client-assertion-lifetime <seconds>', 'seconds from iat to exp of each client assertion', assertionLifetime, 60);
}

const ASSERTION_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'HS256', 'HS384', 'HS512'];

function assertionAlg(value: string): string {
  if (!ASSERTION_ALGS.includes(value)) throw new InvalidArgumentError(`--client-assertion-alg needs a JWS alg such as RS256, ES256 or HS256; got "${value.slice(0, 20)}"`);
  return value;
}

function assertionLifetime(value: string): number {
  const n = seconds('--client-assertion-lifetime')(value);
  if (n < 1 || n > 86400) throw new InvalidArgumentError(`--client-assertion-lifetime needs seconds between 1 and 86400, such as 60; got "${value.slice(0, 20)}"`);
  return Math.round(n);
}

/** How the client's assertions are made: the key (registered as a secret), alg, aud, lifetime, and the run's clock. */
export async function clientAssertionSettings(flags: ClientFlags, deps: Deps): Promise<AssertionSettings> {
  // node:crypto only when a key is given: it builds stream modules that every start-up would pay for.
  const key = flags.clientKey !== undefined || flags.clientKeyEnv !== undefined ? await (await import('./client-key.js')).readClientKey(flags, deps) : undefined;
  return {
    ...(key ? { key } : {}),
    ...(flags.clientAssertionAlg ? { alg: flags.clientAssertionAlg } : {}),
    ...(flags.clientAssertionAud ? { audience: flags.clientAssertionAud } : {}),
    lifetime: flags.clientAssertionLifetime ?? 60,
    now: deps.now,
    randomBytes: deps.randomBytes,
  };
}

/** The client's id, its secret (registered as a secret of the run) and where the secret came from. */
export async function clientOptions(
  flags: ClientFlags,
  deps: Deps,
): Promise<{ clientId: string; clientSecret: string | undefined; clientSecretSource: string; clientCertificate?: ClientCertificate; clientAssertion: AssertionSettings }> {
  const clientCertificate = await readClientCertificateFlags(flags, deps);
  return {
    clientId: flags.clientId as string,
    clientSecret: await readClientSecret(flags, deps),
    clientSecretSource: flags.clientSecretStdin ? 'standard input' : secretEnvName(flags),
    ...(clientCertificate ? { clientCertificate } : {}),
    clientAssertion: await clientAssertionSettings(flags, deps),
  };
}

/** The environment variables that name the client certificate and key files (paths, not the PEM itself). */
export const CERT_ENV = 'OAUTH_CLIENT_CERT';
export const CERT_KEY_ENV = 'OAUTH_CLIENT_CERT_KEY';

/**
 * The client certificate and key for mutual TLS, from --client-cert / --client-cert-key or the
 * files the environment names; the key (and its base64 body) registered as secrets of the run.
 */
export async function readClientCertificateFlags(flags: ClientFlags, deps: Deps): Promise<ClientCertificate | undefined> {
  const fromEnv = (name: string) => (deps.env[name] ? deps.env[name] : undefined);
  const certFile = flags.clientCert ?? fromEnv(CERT_ENV);
  const keyFile = flags.clientCertKey ?? fromEnv(CERT_KEY_ENV);
  if (!certFile && !keyFile) return undefined;
  const certName = flags.clientCert ? '--client-cert' : CERT_ENV;
  const keyName = flags.clientCertKey ? '--client-cert-key' : CERT_KEY_ENV;
  if (!certFile) throw new UsageError(`${keyName} is given without the certificate: pass --client-cert FILE (or set ${CERT_ENV})`);
  if (!keyFile) throw new UsageError(`${certName} is given without its key: pass --client-cert-key FILE (or set ${CERT_KEY_ENV})`);
  const read = async (file: string, name: string) => {
    try {
      return (await deps.readFile(file, 1024 * 1024)).toString('utf8');
    } catch (err) {
      throw new UsageError(`${name} ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const key = await read(keyFile, keyName);
  // Registered before anything can print it: the PEM, and its body on one line as a log might show it.
  deps.secrets.add(key.trim(), 'credential');
  const body = key.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  if (body.length >= 32) deps.secrets.add(body, 'credential');
  for (const line of key.split('\n').map((l) => l.trim())) if (line.length >= 32 && !line.startsWith('-----')) deps.secrets.add(line, 'credential');
  const { readClientCertificate } = await import('../oauth/client-auth/certificate.js');
  return readClientCertificate(await read(certFile, certName), key, { cert: `${certName} ${certFile}`, key: `${keyName} ${keyFile}` });
}

/** A usage error for an --auth-method the credentials given cannot do. */
export function checkAuthMethodCredentials(method: string, client: { clientSecret: string | undefined; clientAssertion?: AssertionSettings }): void {
  if (method === 'private_key_jwt' && !client.clientAssertion?.key) throw new UsageError('--auth-method private_key_jwt needs the client\'s private key: --client-key FILE or --client-key-env NAME');
  if (method === 'client_secret_jwt' && client.clientSecret === undefined) {
    throw new UsageError(`--auth-method client_secret_jwt needs the client secret (it signs the assertion): set ${DEFAULT_SECRET_ENV}, or use --client-secret-env NAME or --client-secret-stdin`);
  }
}

/** The variable the secret is read from: the one named, or the default. */
export function secretEnvName(flags: ClientFlags): string {
  return flags.clientSecretEnv ?? DEFAULT_SECRET_ENV;
}

/**
 * The client secret, registered as a secret of the run. An empty variable counts as unset
 * everywhere; a variable named with --client-secret-env that is unset is a usage error.
 */
export async function readClientSecret(flags: ClientFlags, deps: Deps): Promise<string | undefined> {
  const given = [flags.clientSecret !== undefined, flags.clientSecretEnv !== undefined, Boolean(flags.clientSecretStdin)].filter(Boolean).length;
  if (given > 1) throw new UsageError('give the client secret one way: --client-secret-env, --client-secret-stdin or --client-secret');
  let secret: string | undefined;
  if (flags.clientSecretStdin) {
    const line = await deps.readLine(AbortSignal.timeout(60_000));
    if (line.trim() === '') throw new UsageError('--client-secret-stdin: the first line of standard input is empty');
    secret = line.trim();
  } else if (flags.clientSecret !== undefined) {
    deps.stderr.write(`oauth-doctor: warning: --client-secret on the command line is visible to other users of this machine (ps, shell history); prefer ${DEFAULT_SECRET_ENV} or --client-secret-stdin\n`);
    secret = flags.clientSecret;
  } else {
    const name = secretEnvName(flags);
    secret = secretFromEnv(name, deps.env);
    if (flags.clientSecretEnv !== undefined && secret === undefined) throw new UsageError(`--client-secret-env ${name}: the environment variable ${name} is not set or empty`);
  }
  deps.secrets.add(secret, 'credential');
  return secret;
}

// ---------------------------------------------------------------- DPoP group

export interface DpopFlags {
  dpop?: boolean;
  dpopKey?: string;
}

/** --dpop and --dpop-key FILE: sender-constrained tokens (RFC 9449), in login and the token commands. */
export function addDpopFlags(cmd: Command): Command {
  return cmd
    .option('--dpop', 'bind the tokens to a key with DPoP proofs (RFC 9449); a new ES256 key unless --dpop-key')
    .option('--dpop-key <file>', 'with --dpop: sign proofs with this private JWK (login --dpop --save keeps one next to the tokens), to use a DPoP-bound token again');
}

/** The DPoP choice: none, a new key, or a private JWK read from a file (never argv). */
export async function dpopOptions(f: DpopFlags, deps: Deps): Promise<{ dpop?: { key?: Record<string, unknown> } }> {
  if (f.dpopKey !== undefined && !f.dpop) throw new UsageError('--dpop-key only means something with --dpop');
  if (!f.dpop) return {};
  if (f.dpopKey === undefined) return { dpop: {} };
  // A file that cannot be read is said by readFile itself, in one line.
  const text = (await deps.readFile(f.dpopKey, 64 * 1024)).toString('utf8');
  let key: unknown;
  try {
    key = JSON.parse(text);
  } catch {
    throw new UsageError(`--dpop-key ${f.dpopKey}: not a JSON private JWK`);
  }
  if (!key || typeof key !== 'object' || typeof (key as { d?: unknown }).d !== 'string' || typeof (key as { kty?: unknown }).kty !== 'string') {
    throw new UsageError(`--dpop-key ${f.dpopKey}: not a private JWK (needs "kty" and "d")`);
  }
  deps.secrets.add((key as { d: string }).d, 'credential');
  return { dpop: { key: key as Record<string, unknown> } };
}
