/**
 * Runs the checks of one target in order, and many targets with a bound on concurrency. One
 * target's failure never stops another; an overall deadline ends the run whatever happens.
 */
import type { Deps } from '../../deps.js';
import { DEFAULT_SECRET_ENV, secretFromEnv } from '../../env-secrets.js';
import { finding } from '../../findings.js';
import { clientOf, type ClientAuthMethod } from '../../oauth/client-auth/index.js';
import { readClientCertificateFlags } from '../../cli/flags.js';
import type { ProviderMetadata } from '../../oidc/discovery.js';
import { isInsecureRemoteUrl } from '../../oauth/loopback-url.js';
import { createSession } from '../../oauth/session.js';
import { clientAssertionSettings } from '../../cli/flags.js';
import { noDeviceEndpointFinding } from '../../oauth/device-authorization.js';
import {
  checkClientCredentials,
  checkClock,
  checkDeviceAuthorization,
  checkDiscovery,
  checkIntrospection,
  checkJwks,
  checkRedirectUris,
  checkRefresh,
  checkResource,
  judge,
  skipped,
  type ProbeContext,
} from './checks.js';
import { CHECK_NAMES, type CheckName, type CheckResult, type ProbeTarget, type TargetResult } from './types.js';

export interface RunOptions {
  timeoutMs: number;
  /** Aborts when the whole run is over its time limit. */
  deadline: AbortSignal;
  strict: boolean;
}

export async function runTarget(t: ProbeTarget, runDeps: Deps, o: RunOptions): Promise<TargetResult> {
  const started = performance.now();
  // Every request of this run also ends at the run's deadline.
  const deps: Deps = { ...runDeps, http: { request: (req) => runDeps.http.request({ ...req, signal: o.deadline }) } };
  const checks: CheckResult[] = [];
  // Introspection needs the client_credentials check's token: asking for it asks for that check too.
  const wanted = (name: CheckName) => !t.checks || t.checks.includes(name) || (name === 'client_credentials' && t.checks.includes('introspection'));
  // Secrets of a target come from the variables it names, read here rather than in probe's options():
  // each target of a config names its own.
  const secretEnv = t.client_secret_env ?? DEFAULT_SECRET_ENV;
  const ctx: ProbeContext = {
    deps,
    timeoutMs: o.timeoutMs,
    clientSecret: secretFromEnv(secretEnv, deps.env),
    refreshToken: t.refresh_token_env ? secretFromEnv(t.refresh_token_env, deps.env) : undefined,
    bearerToken: t.token_env ? secretFromEnv(t.token_env, deps.env) : undefined,
  };
  deps.secrets.add(ctx.clientSecret, 'credential');
  // private_key_jwt: the target's key, from the file or variable it names (never the config itself).
  const clientAssertion = await clientAssertionSettings({ clientKey: t.client_key_file, clientKeyEnv: t.client_key_env, clientKeyId: t.client_key_id }, deps);
  deps.secrets.add(ctx.refreshToken, 'token');
  deps.secrets.add(ctx.bearerToken, 'token');
  const out = (): TargetResult => ({
    name: t.name,
    issuer: t.issuer,
    ok: checks.every((c) => c.status === 'pass' || c.status === 'skip' || (c.status === 'warn' && !o.strict)),
    elapsed_ms: Math.round(performance.now() - started),
    checks,
  });
  const timedOut = (name: CheckName) =>
    checks.push({
      name,
      status: 'fail',
      summary: 'not run: the run reached its time limit',
      elapsed_ms: 0,
      findings: [
        finding({
          id: 'network_error',
          severity: 'error',
          title: 'The probe ran out of time before this check',
          detail: 'The whole run has a time limit (--max-time) so that CI always ends; earlier checks of this target used it up.',
          fixes: ['Look at the earlier checks for a slow endpoint; lower --timeout or raise --max-time.'],
          sources: [],
          evidence: {},
        }),
      ],
    });

  if (o.deadline.aborted) {
    timedOut('discovery');
    return out();
  }
  const discovery: Awaited<ReturnType<typeof checkDiscovery>> = await guarded('discovery', () => checkDiscovery(t, ctx), (result) => ({ result }));
  checks.push(discovery.result);
  const metadata = discovery.metadata;
  const order = CHECK_NAMES.filter((name) => name !== 'discovery');
  // Without a discovery document, the checks that have what they need still run: the clock from
  // the answer's Date header, the token checks with --token-endpoint, the resource with its token.
  const meta: ProviderMetadata = metadata ?? { issuer: t.issuer };
  const noDiscovery = (what: string) => (metadata ? `no ${what}` : `no discovery document${what === 'token endpoint' ? ' (give --token-endpoint / token_endpoint)' : ''}`);
  const session = createSession({
    issuer: t.issuer,
    metadata: meta,
    overrides: { token: t.token_endpoint },
    client: clientOf({ clientId: t.client_id ?? '', clientSecret: ctx.clientSecret, clientAssertion, clientCertificate: await readClientCertificateFlags({ clientCert: t.client_cert, clientCertKey: t.client_cert_key }, deps) }),
    deps,
    timeoutMs: o.timeoutMs,
  });
  let issuedToken: string | undefined;
  let working: ClientAuthMethod[] = [];
  for (const name of order) {
    if (!wanted(name)) continue;
    if (o.deadline.aborted) {
      timedOut(name);
      continue;
    }
    const before = checks.length;
    try {
      await runCheck(name);
    } catch (err) {
      checks.splice(before);
      checks.push(internalFailure(name, err));
    }
    if (o.deadline.aborted && checks.length > before && checks.at(-1)?.status === 'fail' && checks.at(-1)?.findings[0]?.id === 'network_error') {
      const last = checks.at(-1) as CheckResult;
      last.summary = `stopped at the run's time limit (--max-time): ${last.summary}`;
    }
  }
  return out();

  async function runCheck(name: CheckName): Promise<void> {
    switch (name) {
      case 'clock':
        checks.push(checkClock(discovery.dateHeader, discovery.fetchedAt ?? deps.now()));
        break;
      case 'jwks':
        checks.push(metadata ? await checkJwks(t, meta, ctx) : skipped(name, noDiscovery('jwks_uri')));
        break;
      case 'client_credentials':
        if (!t.client_id) {
          if (t.checks?.includes(name)) checks.push(skipped(name, 'needs client_id'));
          break;
        }
        if (ctx.clientSecret === undefined && !session.client.certificate && !clientAssertion.key) {
          // A client_id was given, so the secret was meant to be there: a misspelt or unset variable must not pass CI.
          checks.push(missingSecret(secretEnv));
          break;
        }
        if (!session.endpoints.token) {
          checks.push(skipped(name, noDiscovery('token endpoint')));
          break;
        }
        if (isInsecureRemoteUrl(session.endpoints.token)) {
          checks.push(notSentInClear(name, session.endpoints.token));
          break;
        }
        {
          const cc = await checkClientCredentials(t, session);
          checks.push(cc.result);
          issuedToken = cc.token;
          deps.secrets.add(cc.token, 'token');
          working = cc.working;
        }
        break;
      case 'redirect_uri':
        if (!t.client_id || !t.redirect_uris?.length) {
          if (t.checks?.includes(name)) checks.push(skipped(name, 'needs client_id and --redirect-uri'));
          break;
        }
        checks.push(session.endpoints.authorization ? await checkRedirectUris(t, meta, ctx) : skipped(name, noDiscovery('authorization endpoint')));
        break;
      case 'refresh':
        if (!t.refresh_token_env) break;
        if (!t.client_id || !ctx.refreshToken) {
          checks.push(skipped(name, !t.client_id ? 'needs client_id' : `${t.refresh_token_env} is not set`));
          break;
        }
        if (session.endpoints.token && isInsecureRemoteUrl(session.endpoints.token)) checks.push(notSentInClear(name, session.endpoints.token));
        else checks.push(session.endpoints.token ? await checkRefresh(t, session, ctx.refreshToken, working) : skipped(name, noDiscovery('token endpoint')));
        break;
      case 'device_authorization': {
        if (!t.checks?.includes(name)) break;
        if (!t.client_id) {
          checks.push(skipped(name, 'needs client_id'));
          break;
        }
        if (!session.endpoints.deviceAuthorization) {
          // Without a discovery document, its failure is the finding; with one, the missing member is.
          checks.push(metadata ? judge(name, 'no device_authorization_endpoint in discovery', 0, [noDeviceEndpointFinding(session.issuer, meta.grant_types_supported)]) : skipped(name, noDiscovery('device_authorization_endpoint')));
          break;
        }
        if (isInsecureRemoteUrl(session.endpoints.deviceAuthorization)) {
          checks.push(notSentInClear(name, session.endpoints.deviceAuthorization));
          break;
        }
        checks.push(await checkDeviceAuthorization(t, session));
        break;
      }
      case 'introspection': {
        const asked = t.checks?.includes(name);
        if (!session.endpoints.introspection) {
          if (asked) checks.push(skipped(name, noDiscovery('introspection_endpoint')));
          break;
        }
        if (!issuedToken) {
          if (asked || t.client_id) checks.push(skipped(name, 'no token to introspect: needs a client_credentials token from this client'));
          break;
        }
        if (isInsecureRemoteUrl(session.endpoints.introspection)) {
          checks.push(notSentInClear(name, session.endpoints.introspection));
          break;
        }
        checks.push(await checkIntrospection(t, session, issuedToken, Math.floor(deps.now() / 1000)));
        break;
      }
      case 'resource': {
        if (!t.resource) break;
        const token = ctx.bearerToken ?? issuedToken;
        if (!token) {
          checks.push(skipped(name, t.token_env ? `${t.token_env} is not set` : 'no token: give token_env or working client credentials'));
          break;
        }
        checks.push(await checkResource(t, ctx, token));
        break;
      }
    }
  }

  async function guarded<R>(name: CheckName, fn: () => Promise<R>, wrap: (r: CheckResult) => R): Promise<R> {
    try {
      return await fn();
    } catch (err) {
      return wrap(internalFailure(name, err));
    }
  }
}

/** A check that threw (or, with no check named, the whole target): a failure saying so, never a crash of the run. */
export function internalFailure(name: CheckName, err: unknown, whole = false): CheckResult {
  return {
    name,
    status: 'fail',
    summary: whole ? 'internal error' : 'could not be checked',
    elapsed_ms: 0,
    findings: [
      finding({
        id: 'unknown',
        severity: 'error',
        title: whole ? 'Internal error while probing this target' : `The ${name} check could not run`,
        detail: whole
          ? `${(err as Error)?.message ?? String(err)}. Please report it with the target's configuration (without secrets).`
          : `${(err as Error)?.message ?? String(err)}. The provider's answer had a shape this check did not expect; please report it with the target (without secrets).`,
        fixes: [whole ? 'Run again with --verbose and report the output.' : 'Run again with --json and look at the other checks of this target.'],
        sources: [],
        evidence: {},
      }),
    ],
  };
}

/** A check that would send the client secret (or a refresh token) in clear to another host: not run. */
function notSentInClear(name: CheckName, endpoint: string): CheckResult {
  return {
    name,
    status: 'fail',
    summary: 'not sent: plain http:// to another host',
    elapsed_ms: 0,
    findings: [
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: `Plain http:// for the ${name === 'introspection' ? 'introspection' : name === 'device_authorization' ? 'device authorization' : 'token'} endpoint on another host: nothing was sent`,
        detail: `${endpoint}: the client secret${name === 'refresh' ? ' and the refresh token' : name === 'introspection' ? ' and the token' : ''} would cross the network unencrypted. OAuth requires TLS for every endpoint except this machine's loopback.`,
        fixes: ['Use the provider\'s https:// token endpoint (behind a TLS-terminating proxy, configure its public https URL).'],
        sources: ['RFC 6749 §3.2 (TLS required)'],
        evidence: { token_endpoint: endpoint },
      }),
    ],
  };
}

function missingSecret(env: string): CheckResult {
  return {
    name: 'client_credentials',
    status: 'fail',
    summary: `no secret in ${env}`,
    elapsed_ms: 0,
    findings: [
      finding({
        id: 'invalid_client',
        severity: 'error',
        title: `The client secret variable ${env} is not set`,
        detail: `A client_id was given, so the client's credentials were to be checked, but ${env} is empty or unset (a misspelt name, or a CI run without secrets, such as a pull request from a fork).`,
        fixes: [`Set ${env} in the CI job's secrets, or name the right variable with --client-secret-env (client_secret_env in a config).`, 'Leave out --client-id (client_id) where the credentials are not meant to be checked.'],
        sources: [],
        evidence: { env },
      }),
    ],
  };
}

/** Runs fn over items with at most `limit` at once; results keep the input order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
