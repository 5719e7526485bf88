/**
 * `probe`: its flags, how they become ProbeOptions (one target from flags, or many from --config),
 * and its examples.
 */
import { Option, type Command } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addReportFlags, reportRequest, type ReportFlags } from '../../cli/report-flags.js';
import { addClientFlags, addNetworkFlags, checkWritable, collectParam, collectUrl, positiveInt, repeatableChoice, positiveSeconds, url, type ClientFlags, type NetworkFlags } from '../../cli/flags.js';
import type { Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import type { ProbeOptions, ProbeResult } from './run.js';
import { CHECK_NAMES, PROBE_AUTH_METHODS, TARGET_KEYS, type CheckName, type ProbeAuthMethod, type ProbeTarget } from './types.js';

interface ProbeFlags extends ClientFlags, NetworkFlags, ReportFlags {
  issuer?: string;
  config?: string;
  name?: string;
  scope?: string;
  param: Array<[string, string]>;
  tokenEndpoint?: string;
  redirectUri: string[];
  refreshTokenEnv?: string;
  resource?: string;
  tokenEnv?: string;
  check: CheckName[];
  expectAuthMethod?: ProbeAuthMethod;
  concurrency: number;
  maxTime: number;
  strict?: boolean;
  junit?: string;
}

export const probeCommand: CommandModule<ProbeOptions, ProbeResult> = {
  define(cmd) {
    cmd
      .description(
        'Checks discovery, the JWKS, the provider clock, client credentials with both secret methods, redirect_uri registration, ' +
          'a refresh token and a protected resource, with no browser and no prompt. Secrets come only from environment variables. ' +
          'Several targets from --config run concurrently; every request has a timeout and the run has an overall limit.',
      )
      .option('--issuer <url>', 'the provider to check (one target)', url('--issuer'))
      .option('--config <file>', 'a JSON file listing targets: {"targets": [{"name", "issuer", "client_id", "client_secret_env", ...}]}')
      .option('--name <name>', 'a name for the --issuer target in the report');
    addClientFlags(cmd, { interactive: false, clientIdHelp: 'check this client (client credentials, redirect URIs, refresh)' })
      .option('--scope <scope>', 'scope for the client_credentials request')
      .option('--param <key=value>', 'an extra token or authorization parameter (audience, resource...); repeatable', collectParam, [] as Array<[string, string]>)
      .option('--token-endpoint <url>', 'use this token endpoint instead of the discovered one', url('--token-endpoint'))
      .option('--redirect-uri <url>', 'check that the provider accepts this redirect_uri for the client; repeatable', collectUrl('--redirect-uri'), [] as string[])
      .option('--refresh-token-env <name>', 'check the refresh grant with the refresh token in this environment variable')
      .option('--resource <url>', 'call this protected resource with the token (from --token-env or the client-credentials check)', url('--resource'))
      .option('--token-env <name>', 'the environment variable with an access token for --resource')
      .addOption(repeatableChoice('--check <name>', 'run only this check; repeatable', CHECK_NAMES))
      .addOption(new Option('--expect-auth-method <method>', 'fail unless this client authentication method works').choices(PROBE_AUTH_METHODS))
      .option('--concurrency <n>', 'targets checked at once', positiveInt('--concurrency'), 4);
    addNetworkFlags(cmd)
      .option('--max-time <seconds>', 'limit of the whole run', positiveSeconds('--max-time'), 300)
      .option('--strict', 'warnings fail the run too')
      .option('--junit <file>', 'also write a JUnit XML report to this file');
    addReportFlags(cmd).addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor probe --issuer https://idp.example.com
  $ OAUTH_CLIENT_SECRET=... oauth-doctor probe --issuer https://idp.example.com --client-id ci-bot --redirect-uri https://app.example.com/callback
  $ oauth-doctor probe --config probe.json --junit probe-report.xml --json > probe.json.out
  $ oauth-doctor probe --issuer https://idp.example.com --client-id ci-bot --report probe.html   every exchange, redacted, in one page
  $ TOKEN=... oauth-doctor probe --issuer https://idp.example.com --resource https://api.example.com/me --token-env TOKEN
  $ oauth-doctor probe --issuer https://idp.example.com --client-id ci-bot --client-cert client.pem --client-cert-key client.key   # mutual TLS

Exit codes: 0 every check passed (warnings allowed unless --strict), 1 a check failed, 2 usage error.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<ProbeFlags>(cmd);
    if (f.junit !== undefined) checkWritable('--junit', f.junit);
    const report = reportRequest(f);
    return {
      ...(report ? { report } : {}),
      targets: await probeTargets(f, cmd, deps),
      concurrency: f.concurrency,
      timeoutMs: f.timeout * 1000,
      maxTimeMs: f.maxTime * 1000,
      strict: Boolean(f.strict),
      junit: f.junit,
    };
  },

  report: (o) => o.report,
  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderProbe(r, style),
};

async function probeTargets(f: ProbeFlags, cmd: Command, deps: Deps): Promise<ProbeTarget[]> {
  const { parseConfig, validateTarget } = await import('./config.js');
  if (f.config !== undefined && f.issuer !== undefined) throw new UsageError('give either --config or --issuer, not both');
  if (f.config !== undefined) {
    // The flags that describe the one --issuer target have no target to apply to.
    const targetFlags = new Set<string>(Object.values(TARGET_KEYS));
    const given = cmd.options.filter((o) => o.long && targetFlags.has(o.long) && o.long !== '--issuer' && cmd.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long);
    if (given.length > 0) throw new UsageError(`${given.join(', ')} describe one target and do not apply with --config: put them in the config's targets`);
    return parseConfig((await deps.readFile(f.config, 1024 * 1024)).toString('utf8'), f.config);
  }
  if (f.issuer === undefined) throw new UsageError('nothing to probe: pass --issuer URL or --config FILE');
  const params = Object.fromEntries(f.param);
  return [
    validateTarget(
      {
        name: f.name ?? new URL(f.issuer).host,
        issuer: f.issuer,
        client_id: f.clientId,
        client_secret_env: f.clientSecretEnv,
        client_cert: f.clientCert,
        client_cert_key: f.clientCertKey,
        client_key_file: f.clientKey,
        client_key_env: f.clientKeyEnv,
        client_key_id: f.clientKeyId,
        scope: f.scope,
        params: Object.keys(params).length ? params : undefined,
        token_endpoint: f.tokenEndpoint,
        redirect_uris: f.redirectUri.length ? f.redirectUri : undefined,
        refresh_token_env: f.refreshTokenEnv,
        resource: f.resource,
        token_env: f.tokenEnv,
        checks: f.check.length ? f.check : undefined,
        expect: f.expectAuthMethod ? { token_endpoint_auth_method: f.expectAuthMethod } : undefined,
      },
      'probe',
    ),
  ];
}
