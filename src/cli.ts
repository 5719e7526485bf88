/**
 * Parses argv, runs one command, prints its result, and maps the outcome to an exit code.
 * Commands are imported only when they run, so `--help` and `--version` load almost nothing.
 * Only this module decides exit codes: 0 nothing wrong, 1 a problem diagnosed, 2 usage or input error.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandResult } from './commands/result.js';
import type { Deps } from './deps.js';
import { DoctorError, UsageError } from './errors.js';
import { useImporter } from './lazy-modules.js';
import { RESERVED_AUTHORIZATION_PARAMS } from './oauth/authorization-request.js';
import { CHECK_NAMES } from './commands/probe/types.js';

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

/** Runs the CLI with the given argv (without node and script) and returns the exit code. */
export async function main(argv: string[], deps: Deps): Promise<number> {
  let exitCode: number = EXIT.ok;
  // After `--` everything is an argument, even "--json".
  const optionArgs = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const wantsJson = optionArgs.includes('--json');

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
    .option('--ca <file>', 'trust this CA certificate (PEM) for HTTPS, besides the system ones')
    .showSuggestionAfterError(true)
    .showHelpAfterError(false)
    // "decode [options] [token]" in the list, also for a command whose options were not built (below).
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim() })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => deps.stdout.write(s),
      writeErr: (s) => deps.stderr.write(s),
      // commander's defaults would ask process.stdout, building a stream only to learn the width.
      // undefined (not a terminal) leaves commander at its 80 columns.
      getOutHelpWidth: () => deps.stdout.columns as number,
      getErrHelpWidth: () => deps.stderr.columns as number,
      // The help text has no colour of its own.
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: (s, write) => write(`oauth-doctor: ${oneLine(s)}; see oauth-doctor ${helpTarget(argv)}--help\n`),
    })
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

  const execute = async (name: string, run: (deps: Deps) => Promise<CommandResult>, render: (r: CommandResult, color: boolean) => Promise<string>) => {
    const globals = program.opts<GlobalOptions>();
    try {
      const result = await run(await withCa(globals.ca, deps));
      if (globals.json) deps.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else deps.stdout.write(await render(result, globals.color !== false));
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

  const decode = program
    .command('decode')
    .summary('decode and verify a JWT: claims, lifetimes in human time, expiry, skew, keys')
    .argument('[token]', 'the token; "-" or nothing to read it from standard input');
  if (builds('decode')) {
    decode
      .description(
        'Decodes a token (JWS, JWE header, or opaque), shows its claims and times, and flags expiry, not-yet-valid, clock skew, short lifetimes, alg "none" and a missing exp. ' +
          'With --issuer, --jwks-uri, --key or a secret it also verifies the signature, issuer and audience. Cleans pasted tokens (Bearer prefix, header name, quotes, line breaks).',
      )
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
            d.secrets.revealTokens = Boolean(o.showTokens);
            const secret = resolveSecret(o, d);
            const { run } = await import('./commands/decode/run.js');
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
            const { renderDecode } = await import('./commands/decode/render.js');
            return renderDecode(r as never, await textStyle(color));
          },
        );
      });
  }

  const explain = program
    .command('explain')
    .summary('diagnose an error: a code, a message, a JSON body, an HTTP response or a stack trace')
    .argument('[text]', 'the error; "-" or nothing to read it from standard input');
  if (builds('explain')) {
    explain
      .description(
        'Reads an OAuth/OIDC error in any form people meet it (a bare code, an error message, a JSON error body, a raw HTTP response as `curl -i` prints it, ' +
          'a WWW-Authenticate header, a redirect URL with error=, a library stack trace or a log line) and says what it means, its likely causes and what to change, with sources. ' +
          'Given a whole log (a file or a pipe, of any size), it finds each OAuth or HTTP-auth error in it and explains each once, most frequent first.',
      )
      .option('-f, --file <file>', 'read the error, or a whole log of any size, from a file ("-" for standard input)')
      .option('--log', 'read the input as a log (each OAuth or HTTP-auth error found, grouped, most frequent first) even when it is short')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor explain invalid_client
  $ oauth-doctor explain 'InternalOAuthError: Failed to obtain access token'
  $ curl -si -X POST https://idp.example.com/token -d grant_type=client_credentials | oauth-doctor explain
  $ oauth-doctor explain 'WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"' --json
  $ kubectl logs deploy/oauth2-proxy | oauth-doctor explain        a whole log: each error, grouped
  $ oauth-doctor explain --file /var/log/app.log --json

Exit codes: 0 the input shows success (or a log holds no OAuth error), 1 it describes a failure, 2 no input.`,
      )
      .action(async (text: string | undefined, o: Record<string, unknown>) => {
        await execute(
          'explain',
          async (d) => {
            const { run } = await import('./commands/explain/run.js');
            return run({ text, file: o.file as string | undefined, log: Boolean(o.log) }, d);
          },
          async (r, color) => {
            const { renderExplain } = await import('./commands/explain/render.js');
            return renderExplain(r as never, await textStyle(color));
          },
        );
      });
  }

  const login = program
    .command('login')
    .summary('run a real authorization-code login (PKCE) through a loopback listener and diagnose it');
  if (builds('login')) {
    login
      .description(
        'Runs the authorization-code flow with PKCE, state and nonce: discovery, a preflight of the authorization request, the browser, a loopback ' +
          'listener for the callback, the code exchange with client_secret_basic and client_secret_post (auto falls back from one to the other on ' +
          'invalid_client), and the validation of what comes back. Every failure is a diagnosis with a fix. The client secret comes from ' +
          'OAUTH_CLIENT_SECRET, --client-secret-env NAME or --client-secret-stdin; none means a public client.',
      )
      .option('--issuer <url>', 'the provider; endpoints come from OpenID discovery (RFC 8414 metadata as fallback)', url('--issuer'))
      .option('--authorization-endpoint <url>', 'use this authorization endpoint', url('--authorization-endpoint'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify the ID token with the keys at this URL', url('--jwks-uri'))
      .requiredOption('--client-id <id>', 'the client_id registered at the provider')
      .option('--client-secret-env <name>', 'read the client secret from this environment variable (default OAUTH_CLIENT_SECRET)')
      .option('--client-secret-stdin', 'read the client secret from the first line of standard input')
      .option('--client-secret <secret>', 'the client secret on the command line (visible to other users: prefer the environment)')
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(['auto', 'basic', 'post', 'none']).default('auto'))
      .option('--scope <scope>', 'scopes to request', 'openid')
      .option('--param <key=value>', 'an extra authorization parameter (audience, prompt, resource...); repeatable', collectParam, [] as Array<[string, string]>)
      .option('--no-pkce', 'do not send a PKCE code_challenge')
      .addOption(new Option('--host <host>', 'the loopback address to listen on').choices(['127.0.0.1', 'localhost', '::1']).default('127.0.0.1'))
      .option('--port <ports>', 'port(s) to listen on, tried in order, e.g. 8000,18000 (default: any free port)', portList, [0])
      .option('--callback-path <path>', 'the path of the redirect_uri', callbackPath, '/callback')
      .option('--redirect-uri <url>', 'the exact redirect_uri; a non-loopback one makes you paste the URL the browser ends on', url('--redirect-uri'))
      .option('--no-open', 'do not open a browser: print the authorization URL on stderr and wait')
      .option('--browser <command>', 'run this command with the authorization URL instead of the default browser')
      .option('--timeout <seconds>', 'how long to wait for the browser to come back', positiveSeconds('--timeout'), 300)
      .option('--request-timeout <seconds>', 'timeout of each network request', positiveSeconds('--request-timeout'), 10)
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0)
      .option('--show-tokens', 'print tokens in full (otherwise their first characters and length)')
      .option('--save <file>', 'write the token response to this file, readable only by you (0600)')
      .addHelpText(
        'after',
        `
Examples:
  $ OAUTH_CLIENT_SECRET=... oauth-doctor login --issuer https://idp.example.com --client-id my-app
  $ oauth-doctor login --issuer https://accounts.google.com --client-id 123.apps.googleusercontent.com --port 8000,18000 --scope "openid email"
  $ oauth-doctor login --issuer https://idp.example.com --client-id spa --auth-method none --no-open --json
  $ oauth-doctor login --issuer https://idp.example.com --client-id web --redirect-uri https://app.example.com/callback   # paste mode

Exit codes: 0 signed in and nothing wrong, 1 the login failed or a problem was diagnosed, 2 usage error (port in use, bad flag).`,
      )
      .action(async (o: Record<string, unknown>, cmd: Command) => {
        await execute(
          'login',
          async (d) => {
            checkLoginFlags(o, cmd);
            d.secrets.revealTokens = Boolean(o.showTokens);
            const clientSecret = await resolveClientSecret(o, d);
            if (clientSecret === undefined && (o.authMethod === 'basic' || o.authMethod === 'post')) {
              throw new UsageError(`--auth-method ${String(o.authMethod)} needs a client secret: set OAUTH_CLIENT_SECRET, or use --client-secret-env NAME or --client-secret-stdin`);
            }
            const { run } = await import('./commands/login/run.js');
            return run(
              {
                issuer: o.issuer as string | undefined,
                authorizationEndpoint: o.authorizationEndpoint as string | undefined,
                tokenEndpoint: o.tokenEndpoint as string | undefined,
                jwksUri: o.jwksUri as string | undefined,
                clientId: o.clientId as string,
                clientSecret,
                clientSecretSource: o.clientSecretStdin ? 'standard input' : String(o.clientSecretEnv ?? 'OAUTH_CLIENT_SECRET'),
                authMethod: o.authMethod as 'auto' | 'basic' | 'post' | 'none',
                scope: o.scope as string,
                params: o.param as Array<[string, string]>,
                pkce: o.pkce !== false,
                host: o.host as '127.0.0.1' | 'localhost' | '::1',
                ports: o.port as number[],
                callbackPath: o.callbackPath as string,
                redirectUri: o.redirectUri as string | undefined,
                open: o.open !== false,
                browser: o.browser as string | undefined,
                timeoutMs: (o.timeout as number) * 1000,
                requestTimeoutMs: (o.requestTimeout as number) * 1000,
                clockTolerance: o.clockTolerance as number,
                showTokens: Boolean(o.showTokens),
                save: o.save as string | undefined,
              },
              d,
            );
          },
          async (r, color) => {
            const { renderLogin } = await import('./commands/login/render.js');
            return renderLogin(r as never, await textStyle(color));
          },
        );
      });
  }

  const probe = program
    .command('probe')
    .summary('check a provider (and a client) non-interactively, for CI: JSON, JUnit, exit codes');
  if (builds('probe')) {
    probe
      .description(
        'Checks discovery, the JWKS, the provider clock, client credentials with both secret methods, redirect_uri registration, ' +
          'a refresh token and a protected resource, with no browser and no prompt. Secrets come only from environment variables. ' +
          'Several targets from --config run concurrently; every request has a timeout and the run has an overall limit.',
      )
      .option('--issuer <url>', 'the provider to check (one target)', url('--issuer'))
      .option('--config <file>', 'a JSON file listing targets: {"targets": [{"name", "issuer", "client_id", "client_secret_env", ...}]}')
      .option('--name <name>', 'a name for the --issuer target in the report')
      .option('--client-id <id>', 'check this client (client credentials, redirect URIs, refresh)')
      .option('--client-secret-env <name>', 'the environment variable with the client secret', 'OAUTH_CLIENT_SECRET')
      .option('--scope <scope>', 'scope for the client_credentials request')
      .option('--param <key=value>', 'an extra token or authorization parameter (audience, resource...); repeatable', collectParam, [] as Array<[string, string]>)
      .option('--token-endpoint <url>', 'use this token endpoint instead of the discovered one', url('--token-endpoint'))
      .option('--redirect-uri <url>', 'check that the provider accepts this redirect_uri for the client; repeatable', collectUrl('--redirect-uri'), [] as string[])
      .option('--refresh-token-env <name>', 'check the refresh grant with the refresh token in this environment variable')
      .option('--resource <url>', 'call this protected resource with the token (from --token-env or the client-credentials check)', url('--resource'))
      .option('--token-env <name>', 'the environment variable with an access token for --resource')
      .option('--check <name>', `run only this check; repeatable (${CHECK_LIST})`, collectCheck, [] as string[])
      .addOption(new Option('--expect-auth-method <method>', 'fail unless this client authentication method works').choices(['client_secret_basic', 'client_secret_post']))
      .option('--concurrency <n>', 'targets checked at once', positiveInt('--concurrency'), 4)
      .option('--timeout <seconds>', 'timeout of each network request', positiveSeconds('--timeout'), 10)
      .option('--max-time <seconds>', 'limit of the whole run', positiveSeconds('--max-time'), 300)
      .option('--strict', 'warnings fail the run too')
      .option('--junit <file>', 'also write a JUnit XML report to this file')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor probe --issuer https://idp.example.com
  $ OAUTH_CLIENT_SECRET=... oauth-doctor probe --issuer https://idp.example.com --client-id ci-bot --redirect-uri https://app.example.com/callback
  $ oauth-doctor probe --config probe.json --junit probe-report.xml --json > probe.json.out
  $ TOKEN=... oauth-doctor probe --issuer https://idp.example.com --resource https://api.example.com/me --token-env TOKEN

Exit codes: 0 every check passed (warnings allowed unless --strict), 1 a check failed, 2 usage error.`,
      )
      .action(async (o: Record<string, unknown>) => {
        await execute(
          'probe',
          async (d) => {
            if (typeof o.junit === 'string') checkWritable('--junit', o.junit);
            const targets = await probeTargets(o, d);
            const { run } = await import('./commands/probe/run.js');
            return run(
              {
                targets,
                concurrency: o.concurrency as number,
                timeoutMs: (o.timeout as number) * 1000,
                maxTimeMs: (o.maxTime as number) * 1000,
                strict: Boolean(o.strict),
                junit: o.junit as string | undefined,
              },
              d,
            );
          },
          async (r, color) => {
            const { renderProbe } = await import('./commands/probe/render.js');
            return renderProbe(r as never, await textStyle(color));
          },
        );
      });
  }

  const completion = program
    .command('completion')
    .summary('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish');
  if (builds('completion')) {
    completion
      .description('Prints a completion script for your shell on stdout. Install it once; see the examples.')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor completion bash > ~/.local/share/bash-completion/completions/oauth-doctor
  $ oauth-doctor completion zsh > "\${fpath[1]}/_oauth-doctor"
  $ oauth-doctor completion fish > ~/.config/fish/completions/oauth-doctor.fish`,
      )
      .action(async (shell: string) => {
        const { completionScript } = await import('./commands/completion/script.js');
        // Choices that commander does not know because a collector parses them.
        const extraChoices: Record<string, string[]> = { '--check': [...CHECK_NAMES] };
        const toSpec = (o: Option) => ({
          flag: o.long as string,
          description: o.description,
          takesValue: o.required || o.optional,
          ...(o.argChoices || extraChoices[o.long as string] ? { choices: o.argChoices ?? extraChoices[o.long as string] } : {}),
          file: /<file>/.test(o.flags),
        });
        const globalOptions = program.options.filter((o) => o.long && !['--version', '--help'].includes(o.long)).map(toSpec);
        const spec = program.commands
          .filter((c) => c.name() !== 'help')
          .map((c) => ({
            name: c.name(),
            description: c.summary() || c.description(),
            options: [
              ...c.options.filter((o) => !o.hidden && o.long).map(toSpec),
              ...(c.name() === 'completion' ? [] : globalOptions),
            ],
            ...(c.name() === 'completion' ? { args: ['bash', 'zsh', 'fish'] } : {}),
          }));
        try {
          deps.stdout.write(completionScript(shell, spec));
        } catch (err) {
          if (err instanceof DoctorError) exitCode = fail(err.message, 'completion', err);
          else throw err;
        }
      });
  }

  // Global flags may come after the command name too.
  for (const sub of program.commands.filter((c) => builds(c.name()))) {
    sub.addOption(new Option('--json', 'print exactly one JSON document on stdout').hideHelp());
    sub.addOption(new Option('--no-color', 'no colour').hideHelp());
    sub.addOption(new Option('-v, --verbose', 'show stack traces of internal errors').hideHelp());
    sub.addOption(new Option('--ca <file>', 'trust this CA certificate (PEM) for HTTPS').hideHelp());
    sub.hook('preAction', (cmd) => {
      const local = cmd.opts<GlobalOptions>();
      if (local.json) program.setOptionValue('json', true);
      if (local.color === false) program.setOptionValue('color', false);
      if (local.verbose) program.setOptionValue('verbose', true);
      if (local.ca) program.setOptionValue('ca', local.ca);
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
    return fail('no command given: use login, probe, decode, explain or completion; see oauth-doctor --help', '');
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

/** --ca FILE: the network of this run also trusts that CA. */
async function withCa(file: string | undefined, deps: Deps): Promise<Deps> {
  if (!file) return deps;
  const pem = (await deps.readFile(file, 1024 * 1024)).toString('utf8');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca ${file}: not a PEM certificate (it must contain "-----BEGIN CERTIFICATE-----")`);
  const { createHttpClient } = await import('./http/client.js');
  return { ...deps, http: createHttpClient({ ca: pem }) };
}

function oneLine(message: string): string {
  return message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim().replace(/[.]$/, '');
}

function helpTarget(argv: string[]): string {
  const command = argv.find((a) => !a.startsWith('-'));
  return ['decode', 'explain', 'login', 'probe', 'completion'].includes(command ?? '') ? `${command} ` : '';
}

/** Flag combinations login cannot honour, refused before anything starts. */
function checkLoginFlags(o: Record<string, unknown>, cmd: Command): void {
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  if (o.redirectUri !== undefined && (given('port') || given('callbackPath') || given('host'))) {
    throw new UsageError('--redirect-uri fixes host, port and path already: leave out --host, --port and --callback-path, or leave out --redirect-uri');
  }
  if (typeof o.redirectUri === 'string') {
    const u = new URL(o.redirectUri);
    if (u.hash) throw new UsageError('--redirect-uri must not have a #fragment (RFC 6749 §3.1.2)');
  }
  for (const [key] of o.param as Array<[string, string]>) {
    if (RESERVED_AUTHORIZATION_PARAMS.includes(key)) {
      throw new UsageError(`--param ${key}=… would repeat a parameter the login sets itself; ${key === 'scope' ? 'use --scope' : key === 'redirect_uri' ? 'use --redirect-uri' : key.startsWith('code_challenge') ? 'use --no-pkce to leave PKCE out' : 'leave it out'}`);
    }
  }
  if (typeof o.save === 'string') checkWritable('--save', o.save);
}

/** A file the run will write: refused now, not after the work is done. */
function checkWritable(flag: string, target: string): void {
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

async function probeTargets(o: Record<string, unknown>, deps: Deps) {
  const { parseConfig, validateTarget } = await import('./commands/probe/config.js');
  if (o.config !== undefined && o.issuer !== undefined) throw new UsageError('give either --config or --issuer, not both');
  if (o.config !== undefined) {
    const targetFlags = ['name', 'clientId', 'scope', 'tokenEndpoint', 'refreshTokenEnv', 'resource', 'tokenEnv', 'expectAuthMethod'].filter((k) => o[k] !== undefined);
    if ((o.param as unknown[]).length) targetFlags.push('param');
    if ((o.redirectUri as unknown[]).length) targetFlags.push('redirectUri');
    if ((o.check as unknown[]).length) targetFlags.push('check');
    if (targetFlags.length > 0) {
      const flags = targetFlags.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
      throw new UsageError(`${flags} describe one target and do not apply with --config: put them in the config's targets`);
    }
    const file = String(o.config);
    return parseConfig((await deps.readFile(file, 1024 * 1024)).toString('utf8'), file);
  }
  if (o.issuer === undefined) throw new UsageError('nothing to probe: pass --issuer URL or --config FILE');
  const params = Object.fromEntries(o.param as Array<[string, string]>);
  return [
    validateTarget(
      {
        name: (o.name as string | undefined) ?? new URL(String(o.issuer)).host,
        issuer: String(o.issuer),
        client_id: o.clientId as string | undefined,
        client_secret_env: o.clientSecretEnv as string,
        scope: o.scope as string | undefined,
        params: Object.keys(params).length ? params : undefined,
        token_endpoint: o.tokenEndpoint as string | undefined,
        redirect_uris: (o.redirectUri as string[]).length ? (o.redirectUri as string[]) : undefined,
        refresh_token_env: o.refreshTokenEnv as string | undefined,
        resource: o.resource as string | undefined,
        token_env: o.tokenEnv as string | undefined,
        checks: (o.check as string[]).length ? (o.check as Array<'discovery'>) : undefined,
        expect: o.expectAuthMethod ? { token_endpoint_auth_method: o.expectAuthMethod as 'client_secret_basic' | 'client_secret_post' } : undefined,
      },
      'probe',
    ),
  ];
}

const CHECK_LIST = CHECK_NAMES.join(', ');

function collectCheck(value: string, previous: string[]): string[] {
  if (!(CHECK_NAMES as readonly string[]).includes(value)) throw new InvalidArgumentError(`--check needs one of ${CHECK_LIST}; got "${value.slice(0, 40)}"`);
  return [...previous, value];
}

function collectUrl(flag: string) {
  const parse = url(flag);
  return (value: string, previous: string[]): string[] => [...previous, parse(value)];
}

function positiveInt(flag: string) {
  return (value: string): number => {
    if (!/^\d{1,4}$/.test(value.trim()) || Number(value) < 1 || Number(value) > 64) throw new InvalidArgumentError(`${flag} needs a whole number from 1 to 64; got "${value.slice(0, 40)}"`);
    return Number(value);
  };
}

function collectParam(value: string, previous: Array<[string, string]>): Array<[string, string]> {
  const i = value.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError(`--param needs key=value, such as audience=https://api.example.com; got "${value.slice(0, 60)}"`);
  return [...previous, [value.slice(0, i), value.slice(i + 1)]];
}

function portList(value: string): number[] {
  const ports = value.split(',').map((p) => p.trim());
  if (ports.length === 0 || ports.some((p) => !/^\d{1,5}$/.test(p) || Number(p) > 65535)) {
    throw new InvalidArgumentError(`--port needs port numbers from 0 to 65535, such as 8000 or 8000,18000; got "${value.slice(0, 40)}"`);
  }
  return ports.map(Number);
}

function callbackPath(value: string): string {
  if (!/^\/[\w\-./~%]*$/.test(value)) throw new InvalidArgumentError(`--callback-path needs a path starting with /, such as /callback; got "${value.slice(0, 60)}"`);
  return value;
}

async function resolveClientSecret(o: Record<string, unknown>, deps: Deps): Promise<string | undefined> {
  const secret = await readClientSecret(o, deps);
  deps.secrets.add(secret, 'credential');
  return secret;
}

async function readClientSecret(o: Record<string, unknown>, deps: Deps): Promise<string | undefined> {
  const given = [o.clientSecret !== undefined, o.clientSecretEnv !== undefined, Boolean(o.clientSecretStdin)].filter(Boolean).length;
  if (given > 1) throw new UsageError('give the client secret one way: --client-secret-env, --client-secret-stdin or --client-secret');
  if (o.clientSecretStdin) {
    const line = await deps.readLine(AbortSignal.timeout(60_000));
    if (line.trim() === '') throw new UsageError('--client-secret-stdin: the first line of standard input is empty');
    return line.trim();
  }
  if (o.clientSecret !== undefined) {
    deps.stderr.write('oauth-doctor: warning: --client-secret on the command line is visible to other users of this machine (ps, shell history); prefer OAUTH_CLIENT_SECRET or --client-secret-stdin\n');
    return String(o.clientSecret);
  }
  const name = o.clientSecretEnv !== undefined ? String(o.clientSecretEnv) : 'OAUTH_CLIENT_SECRET';
  const value = deps.env[name];
  if (o.clientSecretEnv !== undefined && (value === undefined || value === '')) {
    throw new UsageError(`--client-secret-env ${name}: the environment variable ${name} is not set or empty`);
  }
  return value === '' ? undefined : value;
}

function resolveSecret(o: Record<string, unknown>, deps: Deps): string | undefined {
  if (o.secret !== undefined && o.secretEnv !== undefined) throw new UsageError('give either --secret or --secret-env, not both');
  if (o.secretEnv !== undefined) {
    const name = String(o.secretEnv);
    const value = deps.env[name];
    if (value === undefined || value === '') throw new UsageError(`--secret-env ${name}: the environment variable ${name} is not set or empty`);
    deps.secrets.add(value, 'credential');
    return value;
  }
  if (o.secret !== undefined) {
    deps.stderr.write('oauth-doctor: warning: --secret on the command line is visible to other users of this machine (ps, shell history); prefer --secret-env NAME\n');
    deps.secrets.add(String(o.secret), 'credential');
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
