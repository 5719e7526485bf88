/**
 * Runs the checks of one target in order, and many targets with a bound on concurrency. One
 * target's failure never stops another; an overall deadline ends the run whatever happens.
 */
import type { Deps } from '../deps.js';
import { finding } from '../findings.js';
import type { ClientAuthMethod } from '../oauth/token-request.js';
import {
  checkClientCredentials,
  checkClock,
  checkDiscovery,
  checkJwks,
  checkRedirectUris,
  checkRefresh,
  checkResource,
  skipped,
  type ProbeContext,
} from './checks.js';
import type { CheckName, CheckResult, ProbeTarget, TargetResult } from './types.js';

export interface RunOptions {
  timeoutMs: number;
  /** Aborts when the whole run is over its time limit. */
  deadline: AbortSignal;
  strict: boolean;
}

export async function runTarget(t: ProbeTarget, deps: Deps, o: RunOptions): Promise<TargetResult> {
  const started = performance.now();
  const checks: CheckResult[] = [];
  const wanted = (name: CheckName) => !t.checks || t.checks.includes(name);
  const secretEnv = t.client_secret_env ?? 'OAUTH_CLIENT_SECRET';
  const ctx: ProbeContext = {
    deps,
    timeoutMs: o.timeoutMs,
    clientSecret: deps.env[secretEnv] || undefined,
    refreshToken: t.refresh_token_env ? deps.env[t.refresh_token_env] || undefined : undefined,
    bearerToken: t.token_env ? deps.env[t.token_env] || undefined : undefined,
  };
  deps.secrets.add(ctx.clientSecret, 'credential');
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

  const discovery = await checkDiscovery(t, ctx);
  checks.push(discovery.result);
  const metadata = discovery.metadata;
  const order: CheckName[] = ['clock', 'jwks', 'client_credentials', 'redirect_uri', 'refresh', 'resource'];
  if (!metadata) {
    // Only the checks this target asked for, or has the inputs for, are listed as skipped.
    const given: Record<CheckName, boolean> = {
      discovery: true,
      clock: true,
      jwks: true,
      client_credentials: Boolean(t.client_id && ctx.clientSecret !== undefined),
      redirect_uri: Boolean(t.redirect_uris?.length),
      refresh: Boolean(t.refresh_token_env),
      resource: Boolean(t.resource),
    };
    for (const name of order) if (t.checks ? t.checks.includes(name) : given[name]) checks.push(skipped(name, 'no discovery document'));
    return out();
  }
  let issuedToken: string | undefined;
  let working: ClientAuthMethod[] = [];
  for (const name of order) {
    if (!wanted(name)) continue;
    if (o.deadline.aborted) {
      timedOut(name);
      continue;
    }
    switch (name) {
      case 'clock':
        checks.push(checkClock(discovery.dateHeader, discovery.fetchedAt ?? deps.now()));
        break;
      case 'jwks':
        checks.push(await checkJwks(t, metadata, ctx));
        break;
      case 'client_credentials':
        if (!t.client_id || ctx.clientSecret === undefined) {
          if (t.checks?.includes(name)) checks.push(skipped(name, `needs client_id and a secret in ${secretEnv}`));
          break;
        }
        {
          const cc = await checkClientCredentials(t, metadata, ctx);
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
        checks.push(await checkRedirectUris(t, metadata, ctx));
        break;
      case 'refresh':
        if (!t.refresh_token_env) break;
        if (!t.client_id || !ctx.refreshToken) {
          checks.push(skipped(name, !t.client_id ? 'needs client_id' : `${t.refresh_token_env} is not set`));
          break;
        }
        checks.push(await checkRefresh(t, metadata, ctx, working));
        break;
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
  return out();
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
