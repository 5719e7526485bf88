/**
 * `login --device`: the device authorization grant (RFC 8628), for SSH sessions, containers and
 * machines without a browser. The user code and verification URI (and a QR code of the complete
 * URI on a terminal) are shown on standard error; the token endpoint is polled at the interval the
 * provider gives, slower on slow_down; each way it can end is a diagnosis.
 */
import type { Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import { finding, isOk, type Finding } from '../../findings.js';
import { clientOf, methodsToTry } from '../../oauth/client-auth/index.js';
import { clientRefusedFindings } from '../../oauth/client-auth-findings.js';
import { noDeviceEndpointFinding, requestDeviceAuthorization, type DeviceAuthorization } from '../../oauth/device-authorization.js';
import { pollForTokens, SLOW_DOWN_STEP, type PollEnd, type PollLog } from '../../oauth/device-polling.js';
import { deviceCodeGrant } from '../../oauth/grants.js';
import { insecureTransportFinding } from '../../oauth/insecure-transport.js';
import { openSession } from '../../oauth/open-session.js';
import { requestTokens } from '../../oauth/session.js';
import { printable } from '../../report/printable.js';
import { qrText } from '../../report/qr.js';
import { spinner } from '../../report/spinner.js';
import { newLoginResult, type DeviceOptions, type DeviceReport, type LoginOptions, type LoginResult } from './run.js';
import { settleTokens } from './settle-tokens.js';

export async function runDevice(o: LoginOptions, d: DeviceOptions, deps: Deps): Promise<LoginResult> {
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const result = newLoginResult(o, 'device_code');
  const findings = result.findings;
  const done = (): LoginResult => {
    result.ok = isOk(findings) && result.stage === 'done';
    return result;
  };

  const opened = await openSession(
    {
      progress,
      issuer: o.issuer,
      overrides: { token: o.tokenEndpoint, jwks: o.jwksUri, deviceAuthorization: d.endpoint },
      client: clientOf(o),
      timeoutMs: o.requestTimeoutMs,
      ...(o.dpop ? { dpop: await (await import('../../oauth/dpop.js')).createDpopProver(deps, o.dpop.key) } : {}),
    },
    deps,
  );
  findings.push(...opened.findings);
  const session = opened.session;
  result.issuer = session.issuer ?? null;
  if (findings.some((f) => f.severity === 'error')) return done();
  if (!session.endpoints.token) {
    throw new UsageError('no token endpoint: pass --issuer (discovery), or --device-authorization-endpoint and --token-endpoint');
  }
  result.stage = 'device_authorization';
  if (!session.endpoints.deviceAuthorization) {
    findings.push(noDeviceEndpointFinding(session.issuer, session.metadata.grant_types_supported));
    return done();
  }
  const insecure = insecureTransportFinding(session, { issuer: o.issuer, discovered: Object.keys(session.metadata).length > 0, allowed: Boolean(o.insecureHttp), endpoints: ['deviceAuthorization', 'token'] });
  if (insecure) {
    findings.push(insecure);
    if (!o.insecureHttp) return done();
  }

  // 1. The device code and the user code.
  const methods = methodsToTry(o.authMethod, session.client, session.advertisedAuthMethods);
  progress(`→ Device authorization at ${session.endpoints.deviceAuthorization}`);
  const params: Record<string, string> = { ...Object.fromEntries(o.params), ...(o.scope ? { scope: o.scope } : {}) };
  const authorized = await requestDeviceAuthorization(session, params, o.authMethod === 'auto' ? methods : methods.slice(0, 1), {
    onAttempt: (a) => progress(`  ${a.auth_method}: ${a.status === null ? 'no answer' : `HTTP ${a.status}`}${a.error ? ` ${printable(a.error.slice(0, 80))}` : ' ok'}`),
  });
  result.attempts = authorized.attempts;
  const grant = authorized.value;
  const method = authorized.auth_method;
  if (!grant || !method) {
    findings.push(...clientRefusedFindings(authorized.findings, authorized, { hadSecret: o.clientSecret !== undefined || o.clientAssertion?.key !== undefined, secretSource: o.clientSecretSource }));
    return done();
  }
  findings.push(...authorized.findings);
  deps.secrets.add(grant.device_code, 'credential');
  const report: DeviceReport = {
    device_authorization_endpoint: session.endpoints.deviceAuthorization,
    verification_uri: grant.verification_uri,
    verification_uri_complete: grant.verification_uri_complete ?? null,
    expires_in: grant.expires_in,
    interval: grant.interval,
    interval_given: grant.interval_given,
    polls: 0,
    slow_downs: 0,
    answers: {},
    waited_seconds: 0,
  };
  result.device = report;
  await showInstructions(grant, d, deps);

  // 2. Polling, with the method the device authorization accepted.
  result.stage = 'polling';
  const started = deps.now();
  const deadline = d.timeoutGiven ? started + o.timeoutMs : started + (grant.expires_in + 2 * grant.interval) * 1000;
  const stopSpinner = spinner(deps, `Waiting for the approval of code ${grant.user_code}`, deadline - started);
  let ended: { end: PollEnd; log: PollLog };
  try {
    ended = await pollForTokens({
      interval: grant.interval,
      expiresAt: started + grant.expires_in * 1000,
      deadline,
      now: deps.now,
      sleep: (ms) => deps.sleep(ms),
      poll: () => requestTokens(session, deviceCodeGrant({ deviceCode: grant.device_code }), [method]),
      onPoll: (log, error, trial) => {
        // The attempts shown are the last poll's from now on, not the device authorization's.
        result.attempts = trial.attempts;
        if (error === 'slow_down') progress(`\n  slow_down: polling every ${log.interval} s from now on`);
      },
    });
  } finally {
    stopSpinner();
  }
  Object.assign(report, { polls: ended.log.polls, slow_downs: ended.log.slow_downs, answers: ended.log.answers, interval: ended.log.interval, waited_seconds: ended.log.waited_seconds });
  // Said after the finding that ends the flow: it is the reason the polls were fewer.
  const slowedDown = ended.log.slow_downs > 0 ? [slowDownFinding(grant, ended.log)] : [];
  if (ended.end.kind !== 'answered') {
    findings.push(stillPendingFinding(ended.end.kind, grant, ended.log, o.timeoutMs), ...slowedDown);
    return done();
  }
  const trial = ended.end.trial;
  if (!trial.value) {
    result.attempts = trial.attempts;
    const read = clientRefusedFindings(trial.findings, trial, { hadSecret: o.clientSecret !== undefined || o.clientAssertion?.key !== undefined, secretSource: o.clientSecretSource });
    findings.unshift(...endedFindings(read, trial.attempts.at(-1)?.error ?? null, grant, ended.log));
    findings.push(...slowedDown);
    return done();
  }
  progress('→ Approved; tokens received');
  await settleTokens(trial, { o, deps, progress, result, session });
  findings.push(...slowedDown);
  return done();
}

async function showInstructions(grant: DeviceAuthorization, d: DeviceOptions, deps: Deps): Promise<void> {
  const err = deps.stderr;
  err.write(`\nTo sign in, open ${printable(grant.verification_uri)} on any device and enter the code\n\n    ${printable(grant.user_code)}\n\n`);
  if (grant.verification_uri_complete) {
    err.write(`or open ${printable(grant.verification_uri_complete)} (the code is filled in)\n`);
    if (d.qr && err.isTTY) err.write(`\n${await qrText(grant.verification_uri_complete)}\n`);
  }
  err.write(`The code expires in ${humanSeconds(grant.expires_in)}.\n\n`);
}

function humanSeconds(s: number): string {
  return s >= 120 ? `${Math.round(s / 60)} minutes` : `${s} s`;
}

/** Our wait ended while the provider still said authorization_pending. */
function stillPendingFinding(kind: 'timeout' | 'outlived', grant: DeviceAuthorization, log: PollLog, timeoutMs: number): Finding {
  const pending = log.answers.authorization_pending ?? 0;
  const outlived = kind === 'outlived';
  return finding({
    id: outlived ? 'spec_deviation' : 'authorization_pending',
    severity: 'error',
    title: outlived
      ? `The provider still said authorization_pending after the device code's ${humanSeconds(grant.expires_in)} were over`
      : `Nobody approved the device code within ${humanSeconds(Math.round(timeoutMs / 1000))}`,
    detail: outlived
      ? `${log.polls} polls over ${humanSeconds(log.waited_seconds)}, ${pending} answered authorization_pending, including those after expires_in (${grant.expires_in} s). RFC 8628 §3.5 says a provider answers expired_token once the device code has expired; this one never ends the flow, so a client that trusts it polls forever.`
      : `${log.polls} poll${log.polls === 1 ? '' : 's'}, ${pending} answered authorization_pending: the user code was not entered and approved at ${grant.verification_uri} in time (the device code itself would have lasted ${humanSeconds(grant.expires_in)}).`,
    fixes: outlived
      ? ['In your own client, stop polling when expires_in is over, whatever the provider says.', 'Report it to the provider: the device code should answer expired_token after its lifetime.']
      : [
          `Open ${grant.verification_uri}, enter the user code, sign in and approve; then the next poll gets the tokens.`,
          'If the page refused the code, it was mistyped or already used: run login --device again for a fresh one.',
          'Give more time with --login-timeout (by default the wait is the device code\'s own lifetime).',
        ],
    sources: ['RFC 8628 §3.4', 'RFC 8628 §3.5'],
    evidence: { polls: log.polls, answers: log.answers, expires_in: grant.expires_in, waited_seconds: log.waited_seconds, verification_uri: grant.verification_uri },
  });
}

/**
 * The provider ended the flow with an error. expired_token and access_denied are the two RFC 8628
 * §3.5 gives the end of a device flow; they are said with what this run saw. Others are read as
 * any token endpoint error is.
 */
function endedFindings(read: Finding[], error: string | null, grant: DeviceAuthorization, log: PollLog): Finding[] {
  const polled = `${log.polls} poll${log.polls === 1 ? '' : 's'} over ${humanSeconds(log.waited_seconds)}`;
  if (error === 'expired_token') {
    return [
      finding({
        id: 'device_code_expired',
        severity: 'error',
        title: `The device code expired before anyone approved it (it had ${humanSeconds(grant.expires_in)})`,
        detail: `The provider answered expired_token after ${polled}. The device code lives expires_in (${grant.expires_in} s) from the device authorization; the user has to enter the code and approve within that time.`,
        fixes: ['Run login --device again and approve at the verification page straight away; the code is shown with the time it has.', 'If approving takes longer (an MFA enrolment), ask the provider for a longer device code lifetime.'],
        sources: ['RFC 8628 §3.5'],
        evidence: { expires_in: grant.expires_in, polls: log.polls, waited_seconds: log.waited_seconds },
      }),
    ];
  }
  if (error === 'access_denied') {
    return [
      finding({
        id: 'access_denied',
        severity: 'error',
        title: 'The sign-in was refused at the verification page (access_denied)',
        detail: `The provider answered access_denied after ${polled}: the person who entered the code declined or aborted, or the provider's policy refused the sign-in (a user not assigned to the app, conditional access).`,
        fixes: ['Run login --device again and approve the request, checking that the code on the page is the one shown here.', 'If you did approve, the provider refused by policy: its sign-in logs say which rule.'],
        sources: ['RFC 8628 §3.5'],
        evidence: { polls: log.polls, waited_seconds: log.waited_seconds },
      }),
    ];
  }
  return read;
}

function slowDownFinding(grant: DeviceAuthorization, log: PollLog): Finding {
  return finding({
    id: 'slow_down',
    severity: 'warning',
    title: `The provider asked to poll more slowly ${log.slow_downs === 1 ? 'once' : `${log.slow_downs} times`} (slow_down)`,
    detail: `Polling started every ${grant.interval} s${grant.interval_given ? ' (the interval it gave)' : ' (the default, since it gave none)'}; each slow_down added ${SLOW_DOWN_STEP} s, to ${log.interval} s. oauth-doctor obeyed; a client that does not is refused or rate-limited.`,
    fixes: [`In your own client, wait interval seconds between polls and add ${SLOW_DOWN_STEP} s on every slow_down, for the rest of the flow.`],
    sources: ['RFC 8628 §3.5'],
    evidence: { interval_given: grant.interval, interval_now: log.interval, slow_downs: log.slow_downs },
  });
}
