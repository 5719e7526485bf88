/**
 * `login`: its flags, how they become LoginOptions (refusing combinations it cannot honour), and
 * its examples.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addClientFlags, addDpopFlags, addNetworkFlags, dpopOptions, type DpopFlags, checkWritable, collectParam, clientOptions, positiveSeconds, seconds, url, type ClientFlags, type NetworkFlags, checkAuthMethodCredentials } from '../../cli/flags.js';
import { DEFAULT_SECRET_ENV } from '../../env-secrets.js';
import { addReportFlags, reportRequest, type ReportFlags } from '../../cli/report-flags.js';
import { UsageError } from '../../errors.js';
import type { LoopbackHost } from '../../loopback/listener.js';
import { RESERVED_AUTHORIZATION_PARAMS } from '../../oauth/authorization-request.js';
import { AUTH_METHOD_CHOICES, type AuthMethodChoice } from '../../oauth/client-auth/index.js';
import type { LoginOptions, LoginResult } from './run.js';

const LOOPBACK_HOSTS: readonly LoopbackHost[] = ['127.0.0.1', 'localhost', '::1'];

interface LoginFlags extends ClientFlags, NetworkFlags, DpopFlags, ReportFlags {
  par?: boolean;
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  authMethod: AuthMethodChoice;
  scope: string;
  param: Array<[string, string]>;
  pkce: boolean;
  host: LoopbackHost;
  port: number[];
  callbackPath: string;
  redirectUri?: string;
  open: boolean;
  browser?: string;
  loginTimeout: number;
  requestTimeout?: number;
  clockTolerance: number;
  showTokens?: boolean;
  save?: string;
  insecureHttp?: boolean;
  device?: boolean;
  deviceAuthorizationEndpoint?: string;
  qr: boolean;
}

export const loginCommand: CommandModule<LoginOptions, LoginResult> = {
  define(cmd) {
    cmd
      .description(
        'Runs the authorization-code flow with PKCE, state and nonce: discovery, a preflight of the authorization request, the browser, a loopback ' +
          'listener for the callback, the code exchange with client_secret_basic and client_secret_post (auto falls back from one to the other on ' +
          'invalid_client), and the validation of what comes back. Every failure is a diagnosis with a fix. The client secret comes from ' +
          'OAUTH_CLIENT_SECRET, --client-secret-env NAME or --client-secret-stdin; none means a public client.',
      )
      .option('--issuer <url>', 'the provider; endpoints come from OpenID discovery (RFC 8414 metadata as fallback)', url('--issuer'))
      .option('--authorization-endpoint <url>', 'use this authorization endpoint', url('--authorization-endpoint'))
      .option('--token-endpoint <url>', 'use this token endpoint', url('--token-endpoint'))
      .option('--jwks-uri <url>', 'verify the ID token with the keys at this URL', url('--jwks-uri'));
    addClientFlags(cmd, { interactive: true, clientIdRequired: true, clientIdHelp: 'the client_id registered at the provider' })
      .addOption(new Option('--auth-method <method>', 'how to authenticate the client at the token endpoint').choices(Object.keys(AUTH_METHOD_CHOICES)).default('auto'))
      .option('--scope <scope>', 'scopes to request', 'openid')
      .option('--param <key=value>', 'an extra authorization parameter (audience, prompt, resource...); repeatable', collectParam, [] as Array<[string, string]>)
      .option('--no-pkce', 'do not send a PKCE code_challenge')
      .addOption(new Option('--host <host>', 'the loopback address to listen on').choices(LOOPBACK_HOSTS).default('127.0.0.1'))
      .option('--port <ports>', 'port(s) to listen on, tried in order, e.g. 8000,18000 (default: any free port)', portList, [0])
      .option('--callback-path <path>', 'the path of the redirect_uri', callbackPath, '/callback')
      .option('--redirect-uri <url>', 'the exact redirect_uri; a non-loopback one makes you paste the URL the browser ends on', url('--redirect-uri'))
      .option('--no-open', 'do not open a browser: print the authorization URL on stderr and wait')
      .option('--browser <command>', 'run this command with the authorization URL instead of the default browser')
      .option('--login-timeout <seconds>', 'how long to wait for the browser to come back (with --device: for the approval; default the device code\'s lifetime)', positiveSeconds('--login-timeout'), 300)
      .option('--device', 'the device flow (RFC 8628) instead of a browser here: shows a code to enter on any device, then polls')
      .option('--device-authorization-endpoint <url>', 'with --device: use this device authorization endpoint', url('--device-authorization-endpoint'))
      .option('--no-qr', 'with --device: do not draw the verification URL as a QR code on the terminal')
      .option('--par', 'push the authorization request first (RFC 9126): the browser gets only client_id and request_uri (done anyway when the provider requires it)');
    addDpopFlags(cmd);
    addNetworkFlags(cmd)
      // The name of --timeout before every command meant the same by it.
      .addOption(new Option('--request-timeout <seconds>', 'the same as --timeout').argParser(positiveSeconds('--request-timeout')).hideHelp())
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow on token times', seconds('--clock-tolerance'), 0)
      .option('--show-tokens', 'print tokens in full (otherwise their first characters and length)')
      .option('--save <file>', 'write the token response to this file, readable only by you (0600)')
      .option('--insecure-http', 'send credentials to plain http:// endpoints on other hosts anyway (only on a network you trust)');
    addReportFlags(cmd).addHelpText(
        'after',
        `
Examples:
  $ OAUTH_CLIENT_SECRET=... oauth-doctor login --issuer https://idp.example.com --client-id my-app
  $ oauth-doctor login --issuer https://accounts.google.com --client-id 123.apps.googleusercontent.com --port 8000,18000 --scope "openid email"
  $ oauth-doctor login --issuer https://idp.example.com --client-id spa --auth-method none --no-open --json
  $ oauth-doctor login --issuer https://idp.example.com --client-id web --redirect-uri https://app.example.com/callback   # paste mode
  $ oauth-doctor login --device --issuer https://idp.example.com --client-id tv-app --scope "openid offline_access"   # no browser here
  $ oauth-doctor login --issuer https://idp.example.com --client-id my-app --report login.md --redact-claims       # to paste into an issue
  $ oauth-doctor login --issuer https://idp.example.com --client-id my-app --par --dpop --save tokens.json   # PAR, DPoP-bound tokens, the key kept beside them
  $ oauth-doctor login --issuer https://idp.example.com --client-id web --client-key-env WEB_PRIVATE_JWK   # private_key_jwt

Exit codes: 0 signed in and nothing wrong, 1 the login failed or a problem was diagnosed, 2 usage error (port in use, bad flag).`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<LoginFlags>(cmd);
    checkLoginFlags(f, cmd);
    deps.secrets.revealTokens = Boolean(f.showTokens);
    const client = await clientOptions(f, deps);
    checkAuthMethodCredentials(f.authMethod, client);
    if (client.clientSecret === undefined && (f.authMethod === 'basic' || f.authMethod === 'post')) {
      throw new UsageError(`--auth-method ${f.authMethod} needs a client secret: set ${DEFAULT_SECRET_ENV}, or use --client-secret-env NAME or --client-secret-stdin`);
    }
    const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
    const report = reportRequest(f);
    return {
      ...(report ? { report } : {}),
      issuer: f.issuer,
      authorizationEndpoint: f.authorizationEndpoint,
      tokenEndpoint: f.tokenEndpoint,
      jwksUri: f.jwksUri,
      ...client,
      authMethod: f.authMethod,
      scope: f.scope,
      params: f.param,
      pkce: f.pkce !== false,
      host: f.host,
      ports: f.port,
      callbackPath: f.callbackPath,
      redirectUri: f.redirectUri,
      open: f.open !== false,
      browser: f.browser,
      timeoutMs: f.loginTimeout * 1000,
      requestTimeoutMs: (!given('timeout') && f.requestTimeout !== undefined ? f.requestTimeout : f.timeout) * 1000,
      clockTolerance: f.clockTolerance,
      showTokens: Boolean(f.showTokens),
      save: f.save,
      insecureHttp: Boolean(f.insecureHttp),
      ...(f.par ? { par: true } : {}),
      ...(await dpopOptions(f, deps)),
      ...(f.device ? { device: { endpoint: f.deviceAuthorizationEndpoint, qr: f.qr !== false, timeoutGiven: given('loginTimeout') } } : {}),
    };
  },

  report: (o) => o.report,
  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderLogin(r, style),
};

/** Flag combinations login cannot honour, refused before anything starts. */
function checkLoginFlags(f: LoginFlags, cmd: Command): void {
  const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  if (f.redirectUri !== undefined && (given('port') || given('callbackPath') || given('host'))) {
    throw new UsageError('--redirect-uri fixes host, port and path already: leave out --host, --port and --callback-path, or leave out --redirect-uri');
  }
  if (f.redirectUri !== undefined && new URL(f.redirectUri).hash) throw new UsageError('--redirect-uri must not have a #fragment (RFC 6749 §3.1.2)');
  for (const [key] of f.param) {
    if (RESERVED_AUTHORIZATION_PARAMS.includes(key)) {
      throw new UsageError(`--param ${key}=… would repeat a parameter the login sets itself; ${key === 'scope' ? 'use --scope' : key === 'redirect_uri' ? 'use --redirect-uri' : key.startsWith('code_challenge') ? 'use --no-pkce to leave PKCE out' : 'leave it out'}`);
    }
  }
  if (f.save !== undefined) checkWritable('--save', f.save);
  if (f.device) {
    // The device flow has no redirect and no browser on this machine.
    const browserFlags = ['redirectUri', 'port', 'host', 'callbackPath', 'browser', 'authorizationEndpoint', 'par'].filter(given);
    if (browserFlags.length > 0) {
      const names = browserFlags.map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ');
      throw new UsageError(`--device has no browser or redirect on this machine: leave out ${names}`);
    }
    if (f.pkce === false && given('pkce')) throw new UsageError('--device sends no PKCE challenge anyway: leave out --no-pkce');
  } else {
    const deviceFlags = ['deviceAuthorizationEndpoint', 'qr'].filter(given);
    if (deviceFlags.length > 0) throw new UsageError(`${deviceFlags.map((n) => (n === 'qr' ? '--no-qr' : '--device-authorization-endpoint')).join(' and ')} only mean something with --device`);
  }
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
