/**
 * The registry: the global flags, the commands by name (each loaded only when it runs, so `--help`
 * and `--version` load almost nothing), the JSON printing, and the exit codes. Each command's
 * flags, options, run and renderer live in its own folder under commands/.
 * Only this module decides exit codes: 0 nothing wrong, 1 a problem diagnosed, 2 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CommandModule } from './cli/command.js';
import type { CommandResult } from './commands/result.js';
import type { Deps } from './deps.js';
import { DoctorError, UsageError } from './errors.js';
import { useImporter } from './lazy-modules.js';
import { jsonText } from './report/printable.js';

export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

/** The version the build wrote in (scripts/build.mjs); undefined when run from the sources. */
declare const PACKAGE_VERSION: string | undefined;

function version(): string {
  if (typeof PACKAGE_VERSION === 'string') return PACKAGE_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

interface GlobalOptions {
  ca?: string;
  json?: boolean;
  verbose?: boolean;
  color?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module's own types meet only inside it
type AnyCommandModule = CommandModule<any, CommandResult>;

interface CommandEntry {
  name: string;
  summary: string;
  /** Positional arguments: [syntax, description]. */
  args: Array<[string, string]>;
  load(): Promise<AnyCommandModule>;
}

/** Every command: what --help lists without loading it, and where the rest of it is. */
const COMMANDS: CommandEntry[] = [
  {
    name: 'decode',
    summary: 'decode and verify a JWT: claims, lifetimes in human time, expiry, skew, keys',
    args: [['[token]', 'the token; "-" or nothing to read it from standard input']],
    load: async () => (await import('./commands/decode/command.js')).decodeCommand,
  },
  {
    name: 'explain',
    summary: 'diagnose an error: a code, a message, a JSON body, an HTTP response or a stack trace',
    args: [['[text]', 'the error; "-" or nothing to read it from standard input']],
    load: async () => (await import('./commands/explain/command.js')).explainCommand,
  },
  {
    name: 'login',
    summary: 'run a real authorization-code login (PKCE) through a loopback listener and diagnose it',
    args: [],
    load: async () => (await import('./commands/login/command.js')).loginCommand,
  },
  {
    name: 'probe',
    summary: 'check a provider (and a client) non-interactively, for CI: JSON, JUnit, exit codes',
    args: [],
    load: async () => (await import('./commands/probe/command.js')).probeCommand,
  },
  {
    name: 'client-credentials',
    summary: 'get a token for a machine client (client_credentials), shown decoded and diagnosed',
    args: [],
    load: async () => (await import('./commands/client-credentials/command.js')).clientCredentialsCommand,
  },
  {
    name: 'refresh',
    summary: 'redeem a refresh token: the new tokens decoded, rotation, narrower scope, refusals diagnosed',
    args: [],
    load: async () => (await import('./commands/refresh/command.js')).refreshCommand,
  },
  {
    name: 'userinfo',
    summary: 'call the userinfo endpoint with an access token: the claims, a refusal read from its challenge',
    args: [],
    load: async () => (await import('./commands/userinfo/command.js')).userinfoCommand,
  },
  {
    name: 'token-exchange',
    summary: 'exchange a token for another (RFC 8693): the new token decoded, refusals diagnosed',
    args: [],
    load: async () => (await import('./commands/token-exchange/command.js')).tokenExchangeCommand,
  },
  {
    name: 'introspect',
    summary: 'ask the provider about a token (RFC 7662): active, exp, scope, client_id, sub; refusals diagnosed',
    args: [],
    load: async () => (await import('./commands/introspect/command.js')).introspectCommand,
  },
  {
    name: 'revoke',
    summary: 'revoke a token (RFC 7009), say what the answer proves, and --check it is no longer active',
    args: [],
    load: async () => (await import('./commands/revoke/command.js')).revokeCommand,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script (bash, zsh or fish)',
    args: [['<shell>', 'bash, zsh or fish']],
    load: async () => (await import('./commands/completion/command.js')).completionCommand,
  },
];

/**
 * What a test may put in place of a command's run: it receives the typed options argv became
 * (the seam GitHub CLI's commands have as runF), so argv→options is tested without running anything.
 */
export interface Seams {
  run?: (command: string, options: unknown) => Promise<CommandResult>;
}

/** Runs the CLI with the given argv (without node and script) and returns the exit code. */
export async function main(argv: string[], deps: Deps, seams: Seams = {}): Promise<number> {
  let exitCode: number = EXIT.ok;
  // After `--` everything is an argument, even "--json".
  const optionArgs = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const wantsJson = optionArgs.includes('--json');

  const fail = (message: string, command: string, err?: unknown, verbose?: boolean): number => {
    deps.stderr.write(`oauth-doctor: ${message}\n`);
    if (verbose && err instanceof Error && err.stack) deps.stderr.write(`${err.stack}\n`);
    if (wantsJson) {
      const code = err instanceof DoctorError ? err.code : 'ERR_USAGE';
      deps.stdout.write(`${jsonText({ command, ok: false, findings: [], error: { code, message } })}\n`);
    }
    return EXIT.usage;
  };

  const output = {
    writeOut: (s: string) => deps.stdout.write(s),
    writeErr: (s: string) => deps.stderr.write(s),
    // commander's defaults would ask process.stdout, building a stream only to learn the width.
    // undefined (not a terminal) leaves commander at its 80 columns.
    getOutHelpWidth: () => deps.stdout.columns as number,
    getErrHelpWidth: () => deps.stderr.columns as number,
    // The help text has no colour of its own.
    getOutHasColors: () => false,
    getErrHasColors: () => false,
    outputError: (s: string, write: (s: string) => void) => write(`oauth-doctor: ${oneLine(s)}; see oauth-doctor ${helpTarget(argv)}--help\n`),
  };

  const program = new Command('oauth-doctor')
    .description('Finds out why an OAuth 2.0 / OpenID Connect login or API call fails, and says what to change.')
    .version(version(), '-V, --version', 'print the version')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('--no-color', 'no colour (also: NO_COLOR=1, or when stdout is not a terminal)')
    .option('-v, --verbose', 'show stack traces of internal errors')
    .option('--ca <file>', 'trust this CA certificate (PEM) for HTTPS, besides the system ones')
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    // "decode [options] [token]" in the list, also for a command whose options were not built (below).
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim() })
    .exitOverride()
    .configureOutput(output)
    .addHelpText(
      'after',
      `
Examples:
  $ OAUTH_CLIENT_SECRET=... oauth-doctor login --issuer https://idp.example.com --client-id my-app
  $ oauth-doctor probe --issuer https://idp.example.com --junit report.xml
  $ oauth-doctor decode "$TOKEN"                      what is in this token, is it still good?
  $ oauth-doctor explain '{"error":"invalid_client"}'   what does this error mean, what do I change?
  $ curl -si https://api.example.com/me | oauth-doctor explain

Exit codes: 0 nothing wrong, 1 a problem was diagnosed, 2 usage or input error.`,
    );

  const execute = async (name: string, mod: AnyCommandModule, cmd: Command) => {
    // Global flags may come before or after the command name; commander reads both into the program's.
    const globals = program.opts<GlobalOptions>();
    try {
      const d = await withCa(globals.ca, deps);
      const options = await mod.options(cmd, d, program);
      const report = mod.report?.(options);
      // With --report, the run's HTTP exchanges are kept for it; nothing else about the run changes.
      const recorder = report ? (await import('./report/exchanges.js')).recordExchanges(d.http, deps.now) : undefined;
      const runDeps = recorder ? { ...d, http: recorder.http } : d;
      const result = seams.run ? await seams.run(name, options) : await mod.run(options, runDeps);
      if (report && recorder) {
        const { writeReport } = await import('./report/write-report.js');
        const input = await mod.reportInput?.(options, result);
        await writeReport(report, { command: name, argv, result, exchanges: recorder.exchanges, generatedAt: deps.now(), version: version(), ...(input !== undefined ? { input } : {}) }, deps);
        deps.stderr.write(`→ Report written to ${report.file} (${report.format}; secrets, codes and tokens redacted)\n`);
      }
      if (globals.json) deps.stdout.write(`${jsonText(result)}\n`);
      else deps.stdout.write(await mod.render(result, await textStyle(globals.color !== false)));
      exitCode = result.ok ? EXIT.ok : EXIT.problem;
    } catch (err) {
      if (err instanceof DoctorError) exitCode = fail(err.message, name, err, globals.verbose);
      else {
        const message = `internal error, please report it with the command you ran (oauth-doctor ${version()}): ${(err as Error)?.message ?? String(err)}`;
        exitCode = fail(message, name, err, globals.verbose);
      }
    }
  };

  const textStyle = async (color: boolean) => {
    const { colourLevel, createStyle } = await import('./report/style.js');
    return await createStyle(color ? colourLevel(deps.env, () => deps.stdout.isTTY) : 0);
  };

  // Only the commands named on the command line get their options, help text and action: building
  // every option of every command costs about a millisecond at each start (npm run bench). The
  // others keep their name, summary and arguments, all that --help and suggestions show;
  // `completion` describes every option, so it builds them all.
  const builds = (name: string) => argv.includes(name) || argv.includes('completion');
  for (const entry of COMMANDS) {
    const cmd = program.command(entry.name).summary(entry.summary);
    for (const [syntax, description] of entry.args) cmd.argument(syntax, description);
    if (!builds(entry.name)) continue;
    const mod = await entry.load();
    mod.define(cmd);
    cmd.exitOverride().configureOutput(output).showSuggestionAfterError(true);
    cmd.action(async () => execute(entry.name, mod, cmd));
  }

  const asksHelpOrVersion = argv.some((a) => ['-h', '--help', '-V', '--version'].includes(a));
  if (!asksHelpOrVersion && !argv.some((a) => !a.startsWith('-'))) {
    if (argv.length === 0) {
      deps.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    return fail(`no command given: use ${COMMANDS.map((c) => c.name).join(', ').replace(/, (\w+)$/, ' or $1')}; see oauth-doctor --help`, '');
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok;
      if (wantsJson) deps.stdout.write(`${jsonText({ command: argv[0] ?? '', ok: false, findings: [], error: { code: 'ERR_USAGE', message: err.message.replace(/^error: /, '') } })}\n`);
      // commander printed the one line already; a bare `oauth-doctor` shows help and is a usage error.
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}

/**
 * --ca FILE: the network of this run also trusts that CA. Giving a trust list replaces Node's, and
 * Node's list has no NODE_EXTRA_CA_CERTS in it: that file is added too, so --ca adds as it says.
 */
async function withCa(file: string | undefined, deps: Deps): Promise<Deps> {
  if (!file) return deps;
  const pem = (await deps.readFile(file, 1024 * 1024)).toString('utf8');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca ${file}: not a PEM certificate (it must contain "-----BEGIN CERTIFICATE-----")`);
  const extraFile = deps.env.NODE_EXTRA_CA_CERTS;
  // Node itself only warns when the file cannot be read; so does this (by leaving it out).
  const extra = extraFile ? await deps.readFile(extraFile, 16 * 1024 * 1024).then((b) => b.toString('utf8'), () => '') : '';
  const { createHttpClient } = await import('./http/client.js');
  return { ...deps, http: createHttpClient({ ca: extra.includes('-----BEGIN CERTIFICATE-----') ? `${pem}\n${extra}` : pem, env: deps.env }) };
}

function oneLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')
    .replace(/[.]$/, '');
}

function helpTarget(argv: string[]): string {
  const command = argv.find((a) => !a.startsWith('-'));
  return COMMANDS.some((c) => c.name === command) ? `${command} ` : '';
}

/**
 * The process edge: real streams, real exit code. The entry passes its own import() for the
 * modules that load on demand (see lazy-modules.ts).
 */
export async function runFromProcess(entry: { importModule?: (specifier: string) => Promise<unknown> } = {}): Promise<void> {
  if (entry.importModule) useImporter(entry.importModule);
  const { processDeps } = await import('./io.js');
  // If a bug ever leaves the run waiting on nothing, Node would exit 0 with no output: say so instead.
  let finished = false;
  process.exitCode = EXIT.usage;
  const deps = processDeps();
  process.once('beforeExit', () => {
    if (!finished) deps.stderr.write(`oauth-doctor: internal error, please report it: the command stopped without a result (oauth-doctor ${version()})\n`);
  });
  const code = await main(process.argv.slice(2), deps);
  finished = true;
  process.exitCode = code;
}
