/**
 * `oauth-doctor login`: a real authorization-code flow (PKCE, state, nonce) through a loopback
 * listener, with both client authentication methods, diagnosing where and why it fails.
 */
import type { BrowserLaunch, Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import { finding, isOk, type Finding } from '../../findings.js';
import { buildAuthorizationRequest, type AuthorizationRequest } from '../../oauth/authorization-request.js';
import { checkCallback } from '../../oauth/callback.js';
import type { LoopbackHost, LoopbackListener } from '../../loopback/listener.js';
import { callbackPage } from './page.js';
import { isLoopbackUrl } from '../../oauth/loopback-url.js';
import { insecureTransportFinding } from '../../oauth/insecure-transport.js';
import { settleTokens } from './settle-tokens.js';
import { preflight } from '../../oauth/preflight.js';
import { clientOf, methodsToTry, type AuthMethodChoice, type ClientAuthMethod, type AssertionSettings } from '../../oauth/client-auth/index.js';
import { authorizationCodeGrant } from '../../oauth/grants.js';
import type { Attempt } from '../../oauth/method-trial.js';
import { createSession, requestTokens, type Session } from '../../oauth/session.js';
import { pkceNotAdvertised } from '../../oidc/metadata-findings.js';
import { discover, discoveryLocations, type ProviderMetadata } from '../../oidc/discovery.js';
import type { Verification } from '../../token/verify.js';
import { printable } from '../../report/printable.js';
import type { CommandResult } from '../result.js';
import type { ReportRequest } from '../../report/report-document.js';
import { loadJose } from '../../lazy-modules.js';
import { spinner } from '../../report/spinner.js';
import type { DpopReport } from '../../oauth/dpop.js';
import { withRequestUriLifetime } from '../../oauth/par.js';
import type { ParReport } from './par.js';

export interface LoginOptions {
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  jwksUri?: string;
  clientId: string;
  clientSecret?: string;
  /** Where the secret was looked for, named in diagnoses (an env var name). */
  clientSecretSource?: string;
  /** private_key_jwt / client_secret_jwt: the key and how assertions are made. */
  clientAssertion?: AssertionSettings;
  authMethod: AuthMethodChoice;
  scope: string;
  params: Array<[string, string]>;
  pkce: boolean;
  host: LoopbackHost;
  ports: number[];
  callbackPath: string;
  redirectUri?: string;
  open: boolean;
  browser?: string;
  timeoutMs: number;
  requestTimeoutMs: number;
  clockTolerance: number;
  showTokens: boolean;
  save?: string;
  /** Send credentials over plain http:// to another host anyway (a test network). */
  insecureHttp?: boolean;
  /** The device authorization grant (RFC 8628) instead of the browser on this machine. */
  device?: DeviceOptions;
  report?: ReportRequest;
  /** --par: push the authorization request (RFC 9126); also done when the provider requires it. */
  par?: boolean;
  /** --dpop: bind the tokens to a key (RFC 9449); with a private JWK kept from an earlier run. */
  dpop?: { key?: Record<string, unknown> };
}

export interface DeviceOptions {
  /** --device-authorization-endpoint, over discovery's. */
  endpoint?: string;
  /** Draw the verification URL as a QR code when standard error is a terminal. */
  qr: boolean;
  /** Whether --login-timeout was given; otherwise the wait is the device code's own life. */
  timeoutGiven: boolean;
}

/** What the device flow showed and how the polling went (never the device code). */
export interface DeviceReport {
  device_authorization_endpoint: string;
  verification_uri: string;
  verification_uri_complete: string | null;
  expires_in: number;
  interval: number;
  interval_given: boolean;
  polls: number;
  slow_downs: number;
  /** How many polls got each answer: authorization_pending, slow_down... */
  answers: Record<string, number>;
  waited_seconds: number;
}

export interface LoginResult extends CommandResult {
  command: 'login';
  issuer: string | null;
  redirect_uri: string | null;
  auth_method: ClientAuthMethod | null;
  attempts: Attempt[];
  tokens: Record<string, unknown> | null;
  /** The ID token's signature, issuer and audience check. */
  id_token_verification: Verification | null;
  claims: { id_token?: Record<string, unknown>; access_token?: Record<string, unknown> };
  /** What to set in your own client for the accepted client authentication method. */
  advice: string[];
  /** Which grant: the browser's authorization code, or the device flow. */
  flow: 'authorization_code' | 'device_code';
  /**
   * Where the flow stopped: discovery, preflight, callback, exchange, or done; for the device
   * flow, discovery, device_authorization, polling, or done.
   */
  stage: 'discovery' | 'par' | 'preflight' | 'callback' | 'exchange' | 'device_authorization' | 'polling' | 'done';
  /** The pushed authorization request (RFC 9126), when one was made. */
  par?: ParReport;
  /** With --dpop: the key's thumbprint, the nonce round trips, the token_type that came back. */
  dpop?: DpopReport;
  /** The device flow's verification and polling (device flow only). */
  device?: DeviceReport;
  saved_to?: string;
}

/** A login's result before anything happened: both flows start from it. */
export function newLoginResult(o: LoginOptions, flow: LoginResult['flow'], findings: Finding[] = []): LoginResult {
  return {
    command: 'login',
    ok: false,
    findings,
    issuer: o.issuer ?? null,
    redirect_uri: null,
    auth_method: null,
    attempts: [],
    tokens: null,
    id_token_verification: null,
    advice: [],
    claims: {},
    flow,
    stage: 'discovery',
  };
}

export async function run(o: LoginOptions, deps: Deps): Promise<LoginResult> {
  if (o.device) return (await import('./device.js')).runDevice(o, o.device, deps);
  const progress = (line: string) => deps.stderr.write(`${line}\n`);
  const findings: Finding[] = [];
  const result = newLoginResult(o, 'authorization_code', findings);
  const done = (): LoginResult => {
    result.ok = isOk(findings) && result.stage === 'done';
    return result;
  };

  // 1. Endpoints: discovery, then what the user gave directly.
  let metadata: Partial<ProviderMetadata> = {};
  if (o.issuer) {
    progress(`→ Discovery at ${o.issuer}`);
    const discovered = await discover(o.issuer, deps, o.requestTimeoutMs);
    const overridden = Boolean(o.authorizationEndpoint && o.tokenEndpoint);
    if (!discovered.value && !overridden) {
      findings.push(...discovered.findings);
      return done();
    }
    // Discovery failed, but the endpoints given carry the login: its failure is worth a warning, not a failed login.
    findings.push(
      ...discovered.findings.map((f) =>
        !discovered.value && f.severity === 'error'
          ? { ...f, severity: 'warning' as const, detail: `${f.detail} The endpoints given with --authorization-endpoint and --token-endpoint were used instead.` }
          : f,
      ),
    );
    metadata = discovered.value ?? {};
  }
  const dpop = o.dpop ? await (await import('../../oauth/dpop.js')).createDpopProver(deps, o.dpop.key) : undefined;
  if (dpop) progress(`→ DPoP: proofs signed with a ${o.dpop?.key ? 'kept' : 'new'} ${dpop.alg} key (thumbprint ${dpop.jkt})`);
  const session = createSession({
    ...(dpop ? { dpop } : {}),
    // Without metadata, the issuer is the one given (or worked out from a discovery URL given).
    issuer: o.issuer ? discoveryLocations(o.issuer).issuer : undefined,
    metadata,
    overrides: { authorization: o.authorizationEndpoint, token: o.tokenEndpoint, jwks: o.jwksUri },
    client: clientOf(o),
    deps,
    timeoutMs: o.requestTimeoutMs,
  });
  const { authorization: authorizationEndpoint, token: tokenEndpoint } = session.endpoints;
  if (!authorizationEndpoint || !tokenEndpoint) {
    throw new UsageError('no authorization or token endpoint: pass --issuer (discovery), or both --authorization-endpoint and --token-endpoint');
  }
  const insecure = insecureTransportFinding(session, { issuer: o.issuer, discovered: Object.keys(metadata).length > 0, allowed: Boolean(o.insecureHttp), endpoints: ['authorization', 'token'] });
  if (insecure) {
    findings.push(insecure);
    if (!o.insecureHttp) return done();
  }
  // A provider that says nothing of PKCE (no discovery) is not warned about; one that lists methods without S256 is.
  const pkceWarning = o.pkce && Array.isArray(metadata.code_challenge_methods_supported) ? pkceNotAdvertised(metadata.code_challenge_methods_supported) : undefined;
  if (pkceWarning) findings.push(pkceWarning);

  // 2. Where the browser comes back: a loopback listener, or a pasted URL.
  // Only http:// loopback URIs can land on the listener; anything else is the paste flow.
  const pasted = o.redirectUri !== undefined && !(o.redirectUri.startsWith('http:') && isLoopbackUrl(o.redirectUri));
  let listener: LoopbackListener | undefined;
  if (!pasted) {
    const fromUri = o.redirectUri ? new URL(o.redirectUri) : undefined;
    listener = await deps.listenLoopback({
      host: fromUri ? (fromUri.hostname.replace(/^\[|\]$/g, '') as LoopbackHost) : o.host,
      ports: fromUri ? [Number(fromUri.port || 80)] : o.ports,
      callbackPath: fromUri ? fromUri.pathname : o.callbackPath,
    });
  }
  if (listener && listener.passedOver.length > 0) {
    const taken = listener.passedOver.map((p) => `${p.port} (${p.code === 'EADDRINUSE' ? 'in use' : 'needs privileges'})`).join(', ');
    progress(`  port ${taken} passed over; listening on ${listener.port}`);
    findings.push(
      finding({
        id: 'redirect_uri_mismatch',
        severity: 'warning',
        title: `Port ${listener.passedOver.map((p) => p.port).join(', ')} could not be used; the redirect_uri uses port ${listener.port}`,
        detail: `--port lists ports in order and the first free one is used: ${taken} passed over. A provider that registered only the earlier port refuses this redirect_uri (loopback ports may vary by RFC 8252 §7.3, but many providers compare them exactly).`,
        fixes: ['Stop the program holding the port (ss -ltnp, lsof -i) and run again, or register the port that was used for this client.'],
        sources: ['RFC 8252 §7.3'],
        evidence: { passed_over: listener.passedOver, port: listener.port },
      }),
    );
  }
  // The redirect_uri is sent exactly as given: providers compare strings, not URLs.
  const redirectUri = o.redirectUri ?? (listener as LoopbackListener).redirectUri;
  result.redirect_uri = redirectUri;
  result.issuer = session.issuer ?? null;

  try {
    let request = buildAuthorizationRequest({
      authorizationEndpoint,
      clientId: o.clientId,
      redirectUri,
      scope: o.scope,
      pkce: o.pkce,
      extraParams: o.params,
      randomBytes: deps.randomBytes,
    });
    deps.secrets.add(request.code_verifier, 'credential');

    // 3. PAR: the request pushed, the browser given only its request_uri; a refusal ends here, before any browser.
    const push = async (required: boolean): Promise<boolean> => {
      result.stage = 'par';
      const { pushAuthorizationRequest } = await import('./par.js');
      const pushed = await pushAuthorizationRequest(session, request.url, { clientId: o.clientId, authMethod: o.authMethod, secretSource: o.clientSecretSource, required, redirectUri }, progress);
      result.par = pushed.report;
      findings.push(...pushed.findings);
      if (!pushed.url) return false;
      request = { ...request, url: pushed.url };
      return true;
    };
    const parRequired = session.metadata.require_pushed_authorization_requests === true;
    if ((o.par || parRequired) && !(await push(parRequired))) return done();

    // 4. Preflight: an error the provider gives before any sign-in is diagnosed now.
    result.stage = 'preflight';
    progress(`→ Preflight of the authorization request (redirect_uri ${redirectUri})`);
    let pre = await preflight(request.url, redirectUri, deps, o.requestTimeoutMs);
    // A client registered with require_pushed_authorization_requests: discovery cannot say so, the authorization endpoint does.
    if (!pre.passed && !result.par && session.endpoints.pushedAuthorizationRequest && pre.findings.some((f) => PAR_REQUIRED.test(f.detail))) {
      progress('  this client must push its authorization requests (PAR); pushing it');
      if (!(await push(true))) return done();
      result.stage = 'preflight';
      pre = await preflight(request.url, redirectUri, deps, o.requestTimeoutMs);
    }
    findings.push(...pre.findings);
    if (!pre.passed) return done();
    const flow: Flow = { o, deps, progress, result, session, redirectUri, request };

    // 5. The browser, and the wait for the genuine callback.
    result.stage = 'callback';
    const deadline = AbortSignal.timeout(o.timeoutMs);
    const launchedAt = deps.now();
    // A callback error about the request_uri is read with the request_uri's lifetime.
    const parLifetime = (found: Finding[]): Finding[] =>
      result.par?.expires_in ? withRequestUriLifetime(found, result.par.expires_in, Math.round((deps.now() - launchedAt) / 1000)) : found;
    let code: string | undefined;
    if (listener) {
      const launched = await launch(request.url, o, deps, progress, Boolean(session.endpoints.deviceAuthorization));
      // A --browser command that fails ends the wait at once: nothing will come back.
      const browserGone = new AbortController();
      let browserExit: { code: number | null; signal: string | null } | undefined;
      void launched.exited?.then((e) => {
        if (e.code === 0) return;
        browserExit = e;
        browserGone.abort();
      });
      const waiting = AbortSignal.any([deadline, browserGone.signal]);
      // The person is signing in: load the verifier now so the callback is answered sooner.
      void loadJose().catch(() => undefined);
      const waitText = `Waiting for the browser to come back to ${redirectUri}`;
      let stopSpinner = spinner(deps, waitText, o.timeoutMs);
      try {
        for (;;) {
          const raw = await listener.next(waiting).catch(() => undefined);
          // The spinner's line is cleared before anything else is written on it.
          stopSpinner();
          // The page goes through the same scrubbing as the terminal.
          const callback = raw && { params: raw.params, respond: (status: number, html: string) => raw.respond(status, deps.secrets.scrub(html)) };
          if (!callback) {
            findings.push(browserExit ? browserFailedFinding(o.browser ?? '', browserExit, request.url) : timeoutFinding(o, redirectUri, findings.some((f) => f.id === 'state_mismatch'), Boolean(session.endpoints.deviceAuthorization)));
            return done();
          }
          const verdict = checkCallback(callback.params, { state: request.state, issuer: session.issuer, requireIss: session.metadata.authorization_response_iss_parameter_supported === true });
          if (verdict.kind === 'ignore') {
            if (!findings.some((f) => f.id === 'state_mismatch')) findings.push(verdict.finding);
            callback.respond(400, callbackPage({ ok: false, headline: 'This callback was refused', finding: verdict.finding }));
            progress('  a callback with a wrong state was refused; still waiting for the genuine one');
            stopSpinner = spinner(deps, waitText, o.timeoutMs, { announce: false });
            continue;
          }
          if (verdict.kind === 'fail') {
            findings.push(...parLifetime(verdict.findings));
            callback.respond(400, callbackPage({ ok: false, headline: 'Sign-in failed', finding: verdict.findings[0] }));
            return done();
          }
          code = verdict.code;
          deps.secrets.add(code, 'credential');
          result.stage = 'exchange';
          let outcome: boolean;
          try {
            outcome = await exchange(code, flow);
          } catch (err) {
            callback.respond(500, callbackPage({ ok: false, headline: 'oauth-doctor stopped', finding: undefined }));
            throw err;
          }
          // A forged or stale callback that came before the genuine one is worth a warning, not a failed login.
          for (const f of findings) if (f.id === 'state_mismatch' && outcome) f.severity = 'warning';
          const primary = findings.find((f) => f.severity === 'error');
          callback.respond(
            outcome ? 200 : 400,
            callbackPage(outcome && !primary ? { ok: true, headline: 'Signed in' } : { ok: false, headline: outcome ? 'Signed in, with problems' : 'Sign-in failed', finding: primary }),
          );
          break;
        }
      } finally {
        stopSpinner();
      }
    } else {
      deps.stderr.write(`Open this URL in a browser, sign in, and paste the URL the browser ends on (it may show an error page, that is fine):\n${request.url}\n> `);
      const origin = new URL(redirectUri).origin;
      // A slip of the paste (an empty line, a word, another login's URL) is asked again, a few times.
      for (let tries = PASTE_TRIES; ; tries -= 1) {
        const line = await deps.readLine(deadline).catch((err: unknown) => {
          if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_INPUT')) throw err;
          return undefined;
        });
        if (line === undefined) {
          findings.push(timeoutFinding(o, redirectUri, findings.some((f) => f.id === 'state_mismatch'), Boolean(session.endpoints.deviceAuthorization)));
          return done();
        }
        let landed: URL | undefined;
        try {
          landed = new URL(line.trim());
        } catch {
          if (tries === 1) throw new UsageError(`the pasted text is not a URL: paste the whole address the browser ended on, starting with ${origin}`);
          deps.stderr.write(`That is not a URL. Paste the whole address the browser ended on, starting with ${origin} (${tries - 1} ${tries - 1 === 1 ? 'try' : 'tries'} left):\n> `);
          continue;
        }
        const verdict = checkCallback(new URLSearchParams([...landed.searchParams, ...new URLSearchParams(landed.hash.replace(/^#/, ''))]), { state: request.state, issuer: session.issuer, requireIss: session.metadata.authorization_response_iss_parameter_supported === true });
        if (verdict.kind === 'ignore' && tries > 1) {
          if (!findings.some((f) => f.id === 'state_mismatch')) findings.push(verdict.finding);
          deps.stderr.write(`That URL belongs to another login (its state differs); the genuine one is still awaited. Paste the URL of this sign-in (${tries - 1} ${tries - 1 === 1 ? 'try' : 'tries'} left):\n> `);
          continue;
        }
        if (verdict.kind !== 'code') {
          // No try is left: the wording must not promise a wait that is over.
          const last = verdict.kind === 'ignore' ? [{ ...verdict.finding, detail: verdict.finding.detail.replace('the genuine callback is still awaited', `no pasted URL carried this login's state after ${PASTE_TRIES} tries`) }] : verdict.findings;
          findings.splice(0, findings.length, ...findings.filter((f) => f.id !== 'state_mismatch'), ...last);
          return done();
        }
        for (const f of findings) if (f.id === 'state_mismatch') f.severity = 'warning';
        result.stage = 'exchange';
        deps.secrets.add(verdict.code, 'credential');
        await exchange(verdict.code, flow);
        break;
      }
    }

    return done();
  } finally {
    await listener?.close();
  }
}

/** How providers say a client must use PAR (oidc-provider, Keycloak, Okta word it so). */
const PAR_REQUIRED = /pushed authorization request[s]? (?:must|is required|are required|required)|\bPAR (?:is )?required|request_uri (?:is )?required/i;

/** How many pastes paste mode reads before it gives up. */
const PASTE_TRIES = 3;

/** What the code exchange needs from the flow so far. */
interface Flow {
  o: LoginOptions;
  deps: Deps;
  progress: (line: string) => void;
  /** Its findings array is the one the whole run reports. */
  result: LoginResult;
  session: Session;
  redirectUri: string;
  request: AuthorizationRequest;
}

async function exchange(code: string, flow: Flow): Promise<boolean> {
  const { o, deps, progress, result, session, redirectUri } = flow;
  const { code_verifier: codeVerifier, nonce } = flow.request;
  const methods = methodsToTry(o.authMethod, session.client, session.advertisedAuthMethods);
  progress('→ Callback received; exchanging the code');
  const trial = await requestTokens(session, authorizationCodeGrant({ code, redirectUri, codeVerifier }), o.authMethod === 'auto' ? methods : methods.slice(0, 1), {
    onAttempt: (a) => progress(`  ${a.auth_method}: ${a.status === null ? 'no answer' : `HTTP ${a.status}`}${a.error ? ` ${printable(a.error.slice(0, 80))}` : ' ok'}`),
  });
  return settleTokens(trial, { o, deps, progress, result, session, nonce });
}

function timeoutFinding(o: LoginOptions, redirectUri: string, sawWrongState: boolean, hasDeviceFlow: boolean): Finding {
  return finding({
    id: 'login_timeout',
    severity: 'error',
    title: `The browser did not come back within ${Math.round(o.timeoutMs / 1000)} s`,
    detail: sawWrongState
      ? 'Only callbacks with a wrong state arrived: the sign-in was finished in another tab or an older login.'
      : `Nothing arrived at ${redirectUri}. Either the sign-in was not finished, or the provider showed an error page in the browser instead of redirecting, or the browser runs where ${redirectUri} does not reach this machine.`,
    fixes: [
      'Look at the browser tab: an error page there names the problem (paste it into `oauth-doctor explain`).',
      'If the browser runs on another machine (SSH, a container), forward the port (ssh -L) or use --redirect-uri with a non-loopback URL and paste the result.',
      'If sign-in takes longer, raise --login-timeout.',
      // Offered only where it would work: the provider advertises a device authorization endpoint.
      ...(hasDeviceFlow ? ['This provider has the device flow: `login --device` signs in from a browser on any other device, with nothing to forward.'] : []),
    ],
    sources: ['RFC 8252 §7.3'],
    evidence: { redirect_uri: redirectUri, timeout_seconds: Math.round(o.timeoutMs / 1000) },
  });
}

async function launch(url: string, o: LoginOptions, deps: Deps, progress: (line: string) => void, hasDeviceFlow: boolean): Promise<BrowserLaunch> {
  if (!o.open && !o.browser) {
    progress('Open this URL in a browser to sign in:');
    deps.stderr.write(`${url}\n`);
    return {};
  }
  progress(o.browser ? `→ Running ${o.browser} with the authorization URL` : '→ Opening the browser');
  let launched: BrowserLaunch = {};
  try {
    // The browser and its helpers get no variable that holds the client secret.
    launched = await deps.openBrowser(url, o.browser, { secrets: o.clientSecret !== undefined ? [o.clientSecret] : [] });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    progress(`  could not start a browser${hasDeviceFlow ? '; this provider has the device flow, which needs none here: login --device' : ''}`);
  }
  // A launcher can fail silently (no desktop, xdg-open without a handler): the URL is always shown.
  progress('If no browser opened, open this URL to sign in:');
  deps.stderr.write(`${url}\n`);
  return launched;
}

function browserFailedFinding(command: string, exit: { code: number | null; signal: string | null }, url: string): Finding {
  const how = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`;
  return finding({
    id: 'login_timeout',
    severity: 'error',
    title: `The --browser command ${how} before the browser came back`,
    detail: `${command} ${how}, so no callback will come; oauth-doctor stopped waiting. The command's own error output (above) may say why.`,
    fixes: ['Open the authorization URL (printed above) in a browser by hand, or run again with --no-open and open it yourself.', `Check that \`${command} URL\` opens a browser on this machine.`],
    sources: ['RFC 8252 §7.3'],
    evidence: { command, exit_code: exit.code, signal: exit.signal, url_length: url.length },
  });
}
