/**
 * Parses argv, runs one command, prints its result, and maps the outcome to an exit code.
 * Commands are imported only when they run, so `--help` and `--version` load almost nothing.
 * Only this module decides exit codes: 0 nothing wrong, 1 a problem diagnosed, 2 usage or input error.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandResult } from './commands/result.js';
import type { Deps } from './deps.js';
import { DoctorError, UsageError } from './errors.js';

export const EXIT = { ok: 0, problem: 1, usage: 2 } as const;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

interface GlobalOptions {
  json?: boolean;
  verbose?: boolean;
  color?: boolean;
}

/** Runs the CLI with the given argv (without node and script) and returns the exit code. */
export async function main(argv: string[], deps: Deps): Promise<number> {
  let exitCode: number = EXIT.ok;
  const wantsJson = argv.includes('--json');

  const fail = (message: string, command: string, err?: unknown, verbose?: boolean): number => {
    deps.stderr.write(`oauth-doctor: ${message}\n`);
    if (verbose && err instanceof Error && err.stack) deps.stderr.write(`${err.stack}\n`);
    if (wantsJson) {
      const code = err instanceof DoctorError ? err.code : 'ERR_USAGE';
      deps.stdout.write(`${JSON.stringify({ command, ok: false, findings: [], error: { code, message } }, null, 2)}\n`);
    }
    return EXIT.usage;
  };

  const program = new Command('oauth-doctor')
    .description('Finds out why an OAuth 2.0 / OpenID Connect login or API call fails, and says what to change.')
    .version(version(), '-V, --version', 'print the version')
    .option('--json', 'print exactly one JSON document on stdout')
    .option('--no-color', 'no colour (also: NO_COLOR=1, or when stdout is not a terminal)')
    .option('-v, --verbose', 'show stack traces of internal errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      outputError: (s, write) => write(`oauth-doctor: ${oneLine(s)}; see oauth-doctor ${helpTarget(argv)}--help\n`),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ oauth-doctor decode "$TOKEN"                      what is in this token, is it still good?
  $ oauth-doctor explain '{"error":"invalid_client"}'   what does this error mean, what do I change?
  $ curl -si https://api.example.com/me | oauth-doctor explain

Exit codes: 0 nothing wrong, 1 a problem was diagnosed, 2 usage or input error.`,
    );

  const execute = async (name: string, run: (deps: Deps) => Promise<CommandResult>, render: (r: CommandResult, color: boolean) => Promise<string>) => {
    const globals = program.opts<GlobalOptions>();
    try {
      const result = await run(deps);
      if (globals.json) deps.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else deps.stdout.write(await render(result, globals.color !== false));
      exitCode = result.ok ? EXIT.ok : EXIT.problem;
    } catch (err) {
      if (err instanceof DoctorError) exitCode = fail(err.message, name, err, globals.verbose);
      else {
        const message = `internal error, please report it with the command you ran (oauth-doctor ${version()}): ${(err as Error)?.message ?? String(err)}`;
        exitCode = fail(message, name, err, true);
      }
    }
  };

  const textStyle = async (color: boolean) => {
    const { colourLevel, createStyle } = await import('./report/style.js');
    return createStyle(color ? colourLevel(deps.env, deps.stdout.isTTY) : 0);
  };

  program
    .command('decode')
    .summary('decode and verify a JWT: claims, lifetimes in human time, expiry, skew, keys')
    .description(
      'Decodes a token (JWS, JWE header, or opaque), shows its claims and times, and flags expiry, not-yet-valid, clock skew, short lifetimes, alg "none" and a missing exp. ' +
        'With --issuer, --jwks-uri, --key or a secret it also verifies the signature, issuer and audience. Cleans pasted tokens (Bearer prefix, header name, quotes, line breaks).',
    )
    .argument('[token]', 'the token; "-" or nothing to read it from standard input')
    .option('-f, --file <file>', 'read the token from a file ("-" for standard input)')
    .option('--issuer <url>', 'verify with the keys found by OpenID discovery at this issuer (its iss is then expected)', url('--issuer'))
    .option('--jwks-uri <url>', 'verify with the keys at this JWKS URL', url('--jwks-uri'))
    .option('--key <file>', 'verify with this key: PEM public key, certificate, JWK or JWK Set')
    .option('--secret-env <name>', 'verify an HS256/384/512 token with the secret in this environment variable')
    .option('--secret <secret>', 'the HS* secret on the command line (visible to other users: prefer --secret-env)')
    .option('--audience <aud>', 'expected "aud" (the API identifier or client_id)')
    .option('--expect-issuer <iss>', 'expected "iss", compared exactly')
    .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow', seconds('--clock-tolerance'), 0)
    .option('--timeout <seconds>', 'timeout of each network request', positiveSeconds('--timeout'), 10)
    .option('--show-tokens', 'print the token itself (otherwise only its first characters and length)')
    .addHelpText(
      'after',
      `
Examples:
  $ oauth-doctor decode "eyJhbGciOiJSUzI1NiIs..."
  $ pbpaste | oauth-doctor decode                       # "Bearer ...", quotes and line breaks are cleaned
  $ oauth-doctor decode --file token.txt --issuer https://login.example.com --audience api://orders
  $ MY_SECRET=... oauth-doctor decode --file token.txt --secret-env MY_SECRET --json

Exit codes: 0 the token is fine, 1 expired, not yet valid or failed verification, 2 the input is not a token.`,
    )
    .action(async (token: string | undefined, o: Record<string, unknown>) => {
      await execute(
        'decode',
        async (d) => {
          const secret = resolveSecret(o, d);
          const { run } = await import('./commands/decode.js');
          return run(
            {
              token,
              file: o.file as string | undefined,
              issuer: o.issuer as string | undefined,
              jwksUri: o.jwksUri as string | undefined,
              key: o.key as string | undefined,
              secret,
              audience: o.audience as string | undefined,
              expectIssuer: o.expectIssuer as string | undefined,
              clockTolerance: o.clockTolerance as number,
              timeoutMs: (o.timeout as number) * 1000,
              showTokens: Boolean(o.showTokens),
            },
            d,
          );
        },
        async (r, color) => {
          const { renderDecode } = await import('./report/decode-text.js');
          return renderDecode(r as never, await textStyle(color));
        },
      );
    });

  program
    .command('explain')
    .summary('diagnose an error: a code, a message, a JSON body, an HTTP response or a stack trace')
    .description(
      'Reads an OAuth/OIDC error in any form people meet it (a bare code, an error message, a JSON error body, a raw HTTP response as `curl -i` prints it, ' +
        'a WWW-Authenticate header, a redirect URL with error=, or a library stack trace) and says what it means, its likely causes and what to change, with sources.',
    )
    .argument('[text]', 'the error; "-" or nothing to read it from standard input')
    .option('-f, --file <file>', 'read the error from a file ("-" for standard input)')
    .addHelpText(
      'after',
      `
Examples:
  $ oauth-doctor explain invalid_client
  $ oauth-doctor explain 'InternalOAuthError: Failed to obtain access token'
  $ curl -si -X POST https://idp.example.com/token -d grant_type=client_credentials | oauth-doctor explain
  $ oauth-doctor explain 'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"' --json

Exit codes: 0 nothing at error level recognised, 1 an error was diagnosed, 2 no input.`,
    )
    .action(async (text: string | undefined, o: Record<string, unknown>) => {
      await execute(
        'explain',
        async (d) => {
          const { run } = await import('./commands/explain.js');
          return run({ text, file: o.file as string | undefined }, d);
        },
        async (r, color) => {
          const { renderExplain } = await import('./report/explain-text.js');
          return renderExplain(r as never, await textStyle(color));
        },
      );
    });

  // Global flags may come after the command name too.
  for (const sub of program.commands) {
    sub.addOption(new Option('--json', 'print exactly one JSON document on stdout').hideHelp());
    sub.addOption(new Option('--no-color', 'no colour').hideHelp());
    sub.addOption(new Option('-v, --verbose', 'show stack traces of internal errors').hideHelp());
    sub.hook('preAction', (cmd) => {
      const local = cmd.opts<GlobalOptions>();
      if (local.json) program.setOptionValue('json', true);
      if (local.color === false) program.setOptionValue('color', false);
      if (local.verbose) program.setOptionValue('verbose', true);
    });
    sub.exitOverride().configureOutput(program.configureOutput());
    sub.showSuggestionAfterError(true);
  }

  const asksHelpOrVersion = argv.some((a) => ['-h', '--help', '-V', '--version'].includes(a));
  if (!asksHelpOrVersion && !argv.some((a) => !a.startsWith('-'))) {
    if (argv.length === 0) {
      deps.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    return fail('no command given: use decode or explain; see oauth-doctor --help', '');
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return EXIT.ok;
      if (wantsJson) deps.stdout.write(`${JSON.stringify({ command: argv[0] ?? '', ok: false, findings: [], error: { code: 'ERR_USAGE', message: err.message.replace(/^error: /, '') } }, null, 2)}\n`);
      // commander printed the one line already; a bare `oauth-doctor` shows help and is a usage error.
      return EXIT.usage;
    }
    throw err;
  }
  return exitCode;
}

function oneLine(message: string): string {
  return message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim().replace(/[.]$/, '');
}

function helpTarget(argv: string[]): string {
  const command = argv.find((a) => !a.startsWith('-'));
  return command === 'decode' || command === 'explain' ? `${command} ` : '';
}

function resolveSecret(o: Record<string, unknown>, deps: Deps): string | undefined {
  if (o.secret !== undefined && o.secretEnv !== undefined) throw new UsageError('give either --secret or --secret-env, not both');
  if (o.secretEnv !== undefined) {
    const name = String(o.secretEnv);
    const value = deps.env[name];
    if (value === undefined || value === '') throw new UsageError(`--secret-env ${name}: the environment variable ${name} is not set or empty`);
    return value;
  }
  if (o.secret !== undefined) {
    deps.stderr.write('oauth-doctor: warning: --secret on the command line is visible to other users of this machine (ps, shell history); prefer --secret-env NAME\n');
    return String(o.secret);
  }
  return undefined;
}

function url(flag: string) {
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

function seconds(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n > 365 * 86400) {
      throw new InvalidArgumentError(`${flag} needs a number of seconds, such as 60; got "${value.slice(0, 40)}"`);
    }
    return n;
  };
}

function positiveSeconds(flag: string) {
  const parse = seconds(flag);
  return (value: string): number => {
    const n = parse(value);
    if (n <= 0 || n > 3600) throw new InvalidArgumentError(`${flag} needs a number of seconds between 0 and 3600, such as 10; got "${value.slice(0, 40)}"`);
    return n;
  };
}

/** The process edge: real streams, real exit code. */
export async function runFromProcess(): Promise<void> {
  const { processDeps } = await import('./io.js');
  process.exitCode = await main(process.argv.slice(2), processDeps());
}
