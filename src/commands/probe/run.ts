/**
 * `oauth-doctor probe`: non-interactive checks of one or many providers, for CI.
 */
import type { Deps } from '../../deps.js';
import { toGitHubAnnotations, toJUnit } from './junit.js';
import { internalFailure, pool, runTarget } from './run-target.js';
import type { ProbeTarget, TargetResult } from './types.js';
import { printable } from '../../report/printable.js';
import type { CommandResult } from '../result.js';

import type { ReportRequest } from '../../report/report-document.js';

export interface ProbeOptions {
  targets: ProbeTarget[];
  concurrency: number;
  timeoutMs: number;
  maxTimeMs: number;
  strict: boolean;
  junit?: string;
  report?: ReportRequest;
}

export interface ProbeResult extends CommandResult {
  command: 'probe';
  strict: boolean;
  elapsed_ms: number;
  targets: TargetResult[];
  junit_file?: string;
}

export async function run(o: ProbeOptions, deps: Deps): Promise<ProbeResult> {
  const started = performance.now();
  const deadline = AbortSignal.timeout(o.maxTimeMs);
  deps.stderr.write(`→ Probing ${o.targets.length} target${o.targets.length === 1 ? '' : 's'} (at most ${o.concurrency} at once)\n`);
  const targets = await pool(o.targets, o.concurrency, async (t) => {
    let result: TargetResult;
    try {
      result = await runTarget(t, deps, { timeoutMs: o.timeoutMs, deadline, strict: o.strict });
    } catch (err) {
      // A bug in one target's checks must not take the others down.
      result = {
        name: t.name,
        issuer: t.issuer,
        ok: false,
        elapsed_ms: 0,
        checks: [internalFailure('discovery', err, true)],
      };
    }
    deps.stderr.write(`  ${result.ok ? 'ok  ' : 'FAIL'} ${printable(t.name)} (${result.elapsed_ms} ms)\n`);
    return result;
  });
  // Secrets are scrubbed where everything is written (KnownSecrets); knowledge text stays as written.
  const result: ProbeResult = {
    command: 'probe',
    ok: targets.every((t) => t.ok),
    strict: o.strict,
    elapsed_ms: Math.round(performance.now() - started),
    findings: targets.flatMap((t) => t.checks.flatMap((c) => c.findings.map((f) => ({ ...f, evidence: { target: t.name, check: c.name, ...f.evidence } })))),
    targets: targets,
  };
  if (o.junit) {
    await deps.writePrivateFile(o.junit, deps.secrets.scrub(toJUnit(targets, o.strict)));
    result.junit_file = o.junit;
  }
  if (deps.env.GITHUB_ACTIONS === 'true') deps.stderr.write(toGitHubAnnotations(targets, o.strict));
  return result;
}
