/**
 * The checks of `probe`, one function each. The protocol steps (discovery, the token endpoint through
 * a Session, the preflight) are the ones every command uses; what is probe's own is how each answer
 * is judged.
 */
import type { Deps } from '../../deps.js';
import { NetworkError } from '../../errors.js';
import { explainText } from '../../explain/index.js';
import { finding, type Finding } from '../../findings.js';
import type { HttpResponse } from '../../http/client.js';
import { networkFinding } from '../../http/diagnose.js';
import { buildAuthorizationRequest } from '../../oauth/authorization-request.js';
import { isLoopbackUrl } from '../../oauth/loopback-url.js';
import { preflight } from '../../oauth/preflight.js';
import { hasCredentials, methodsToTry, SECRET_METHODS, type ClientAuthMethod } from '../../oauth/client-auth/index.js';
import { requestDeviceAuthorization } from '../../oauth/device-authorization.js';
import { clientRefusedFindings, methodRefusedFindings } from '../../oauth/client-auth-findings.js';
import { clientCredentialsGrant, refreshTokenGrant } from '../../oauth/grants.js';
import { inactiveFinding, introspect } from '../../oauth/introspection.js';
import { rememberTokens, type Attempt } from '../../oauth/method-trial.js';
import { requestTokens, type Session } from '../../oauth/session.js';
import { asRawHttp } from '../../oauth/token-request.js';
import { pkceNotAdvertised } from '../../oidc/metadata-findings.js';
import { discover, fetchJwks, type ProviderMetadata } from '../../oidc/discovery.js';
import { humanDuration } from '../../token/time.js';
import type { CheckName, CheckResult, ProbeTarget } from './types.js';
import { loadJose } from '../../lazy-modules.js';

export interface ProbeContext {
  deps: Deps;
  timeoutMs: number;
  clientSecret?: string;
  refreshToken?: string;
  bearerToken?: string;
}

/** A check's findings decide its status: an error fails it, a warning warns. */
export function judge(name: CheckName, summary: string, elapsed: number, findings: Finding[]): CheckResult {
  const status = findings.some((f) => f.severity === 'error') ? 'fail' : findings.some((f) => f.severity === 'warning') ? 'warn' : 'pass';
  return { name, status, summary, elapsed_ms: Math.round(elapsed), findings };
}

export function skipped(name: CheckName, why: string): CheckResult {
  return { name, status: 'skip', summary: why, elapsed_ms: 0, findings: [] };
}

// ---------------------------------------------------------------- discovery
export async function checkDiscovery(t: ProbeTarget, ctx: ProbeContext): Promise<{ result: CheckResult; metadata?: ProviderMetadata; dateHeader?: string; fetchedAt?: number }> {
  const started = performance.now();
  const discovered = await discover(t.issuer, ctx.deps, ctx.timeoutMs);
  const fetchedAt = ctx.deps.now();
  const findings = [...discovered.findings];
  const m = discovered.value;
  // The answer's Date header still tells the provider's clock.
  if (!m) return { result: judge('discovery', 'no usable discovery document', performance.now() - started, findings), dateHeader: discovered.response?.headers.date, fetchedAt };
  const isUrl = (v: unknown) => {
    try {
      return typeof v === 'string' && /^https?:$/.test(new URL(v).protocol);
    } catch {
      return false;
    }
  };
  const missing = ['authorization_endpoint', 'token_endpoint', 'jwks_uri'].filter((k) => !isUrl(m[k]));
  // Later checks use only what is usable: an endpoint that is not an http(s) URL counts as missing.
  for (const k of missing) delete m[k];
  if (missing.length > 0) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: missing.includes('token_endpoint') ? 'error' : 'warning',
        title: `The discovery document lacks a usable ${missing.join(', ')}`,
        detail: 'A client needs the authorization and token endpoints and the JWKS to sign users in and verify ID tokens.',
        fixes: ['Check the provider configuration, or give the endpoints to your client directly.'],
        sources: ['OpenID Connect Discovery 1.0 §3', 'RFC 8414 §2'],
        evidence: { missing },
      }),
    );
  }
  const insecure = Object.entries(m)
    .filter(([k, v]) => (k === 'issuer' || k.endsWith('_endpoint') || k === 'jwks_uri') && typeof v === 'string' && v.startsWith('http:') && !isLoopbackUrl(v))
    .map(([k]) => k);
  if (insecure.length > 0) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: `Plain http:// for ${insecure.join(', ')}`,
        detail: 'Tokens, codes and client secrets would cross the network unencrypted. OAuth requires TLS for every endpoint except loopback.',
        fixes: ['Serve the provider over https; behind a TLS-terminating proxy, configure its public https URL.'],
        sources: ['RFC 6749 §3.1 and §3.2 (TLS required)', 'RFC 8414 §2'],
        evidence: { insecure },
      }),
    );
  }
  const pkce = pkceNotAdvertised(m.code_challenge_methods_supported);
  if (pkce) findings.push(pkce);
  return {
    result: judge('discovery', `issuer ${m.issuer}`, performance.now() - started, findings),
    metadata: m,
    dateHeader: discovered.response?.headers.date,
    fetchedAt,
  };
}

// ---------------------------------------------------------------- clock
export function checkClock(dateHeader: string | undefined, localMs: number): CheckResult {
  if (!dateHeader) return skipped('clock', 'the provider sent no Date header');
  const remote = Date.parse(dateHeader);
  if (Number.isNaN(remote)) return skipped('clock', `unreadable Date header "${dateHeader.slice(0, 40)}"`);
  // The Date header has whole seconds; a second of difference is noise.
  const skew = Math.round((remote - localMs) / 1000);
  const abs = Math.abs(skew);
  const findings: Finding[] = [];
  if (abs >= 30) {
    const ahead = skew > 0 ? 'ahead of' : 'behind';
    findings.push(
      finding({
        id: 'clock_skew',
        severity: abs >= 300 ? 'error' : 'warning',
        title: `The provider's clock is ${humanDuration(abs)} ${ahead} this machine's`,
        detail:
          `Its Date header says ${new Date(remote).toISOString()}, this machine ${new Date(localMs).toISOString()}. ` +
          (skew > 0
            ? 'Tokens it issues will look issued in the future here (iat/nbf), and verifiers without tolerance reject them as not yet valid.'
            : 'Tokens it issues will look older here and expire early by the same amount.') +
          (abs >= 3000 ? ' A difference of whole hours usually means a time-zone error.' : ''),
        fixes: ['Synchronise both clocks with NTP.', 'Allow a small clock tolerance (30–60 s) in token verification, not minutes.'],
        sources: ['RFC 7519 §4.1.4–4.1.6 (clock skew allowance)', 'RFC 9110 §6.6.1 (Date)'],
        evidence: { provider_date: dateHeader, local: new Date(localMs).toISOString(), skew_seconds: skew },
      }),
    );
  }
  return judge('clock', abs < 2 ? 'in sync' : `${skew > 0 ? '+' : '-'}${humanDuration(abs)}`, 0, findings);
}

// ---------------------------------------------------------------- jwks
const KTY_FOR_ALG: Array<[RegExp, (k: Record<string, unknown>) => boolean]> = [
  [/^(RS|PS)\d+$/, (k) => k.kty === 'RSA'],
  [/^ES256$/, (k) => k.kty === 'EC' && k.crv === 'P-256'],
  [/^ES384$/, (k) => k.kty === 'EC' && k.crv === 'P-384'],
  [/^ES512$/, (k) => k.kty === 'EC' && k.crv === 'P-521'],
  [/^(EdDSA|Ed25519)$/, (k) => k.kty === 'OKP'],
];

export async function checkJwks(t: ProbeTarget, metadata: ProviderMetadata, ctx: ProbeContext): Promise<CheckResult> {
  if (typeof metadata.jwks_uri !== 'string') return skipped('jwks', 'no jwks_uri in discovery');
  const started = performance.now();
  const fetched = await fetchJwks(metadata.jwks_uri, ctx.deps, ctx.timeoutMs);
  const findings = [...fetched.findings];
  if (!fetched.value) return judge('jwks', 'no usable JWKS', performance.now() - started, findings);
  const keys = fetched.value.keys;
  const jose = await loadJose();
  const unusable: string[] = [];
  for (const [i, key] of keys.entries()) {
    try {
      if (key.kty !== 'oct') await jose.importJWK(key as never, typeof key.alg === 'string' ? key.alg : algFor(key));
    } catch (err) {
      unusable.push(`${typeof key.kid === 'string' ? key.kid : `#${i}`}: ${(err as Error).message}`);
    }
  }
  if (unusable.length > 0) {
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'warning',
        title: `${unusable.length} key(s) in the JWKS cannot be imported`,
        detail: unusable.join('; '),
        fixes: ['Check the key material published by the provider (n/e for RSA, x/y/crv for EC).'],
        sources: ['RFC 7517 §4', 'RFC 7518 §6'],
        evidence: { unusable },
      }),
    );
  }
  const kids = keys.map((k) => k.kid).filter((k): k is string => typeof k === 'string');
  const duplicates = [...new Set(kids.filter((k, i) => kids.indexOf(k) !== i))];
  if (duplicates.length > 0) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'warning',
        title: `Duplicate kid in the JWKS: ${duplicates.join(', ')}`,
        detail: 'Verifiers pick the key by kid; two keys with one kid make them try the wrong key, and some libraries refuse the set.',
        fixes: ['Give every key its own kid (a thumbprint, RFC 7638, is a good choice).'],
        sources: ['RFC 7517 §4.5'],
        evidence: { duplicates },
      }),
    );
  }
  const signing = keys.filter((k) => k.use !== 'enc');
  const listed = Array.isArray(metadata.id_token_signing_alg_values_supported) ? metadata.id_token_signing_alg_values_supported.filter((a): a is string => typeof a === 'string') : [];
  const advertised = listed.length > 0 ? listed : ['RS256'];
  const wanted = t.expect?.id_token_signing_alg;
  if (wanted && !advertised.includes(wanted)) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: `${wanted} is not among the advertised ID token algorithms`,
        detail: `id_token_signing_alg_values_supported is ${JSON.stringify(advertised)}; this target expects ${wanted}.`,
        fixes: ['Configure the provider (or the client\'s id_token_signed_response_alg) to sign with the expected algorithm, or update the expectation.'],
        sources: ['OpenID Connect Discovery 1.0 §3'],
        evidence: { advertised, expected: wanted },
      }),
    );
  }
  const noKey = advertised.filter((alg) => {
    if (alg === 'none' || alg.startsWith('HS')) return false;
    const test = KTY_FOR_ALG.find(([re]) => re.test(alg))?.[1];
    return test !== undefined && !signing.some((k) => test(k) && (k.alg === undefined || k.alg === alg));
  });
  if (noKey.length > 0) {
    findings.push(
      finding({
        id: 'invalid_token',
        severity: noKey.length === advertised.filter((a) => a !== 'none' && !a.startsWith('HS')).length ? 'error' : 'warning',
        title: `No key in the JWKS for ${noKey.join(', ')}`,
        detail: `Discovery advertises ${advertised.join(', ')} for ID tokens, but the JWKS has no signing key of the matching type for ${noKey.join(', ')}: tokens signed so cannot be verified.`,
        fixes: ['Publish a key of the matching type (RSA for RS*/PS*, EC with the right curve for ES*), or stop advertising the algorithm.'],
        sources: ['OpenID Connect Discovery 1.0 §3', 'RFC 7518 §3.1'],
        evidence: { advertised, kids },
      }),
    );
  }
  if (keys.length === 0) {
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'error',
        title: 'The JWKS is empty',
        detail: 'No key is published, so no signed token from this provider can be verified.',
        fixes: ['Check the provider\'s key configuration.'],
        sources: ['RFC 7517 §5'],
        evidence: { jwks_uri: metadata.jwks_uri },
      }),
    );
  }
  return judge('jwks', `${keys.length} key(s)${kids.length ? `: ${kids.slice(0, 4).join(', ')}${kids.length > 4 ? ', …' : ''}` : ''}`, performance.now() - started, findings);
}

function algFor(key: Record<string, unknown>): string {
  if (key.kty === 'RSA') return 'RS256';
  if (key.kty === 'EC') return key.crv === 'P-384' ? 'ES384' : key.crv === 'P-521' ? 'ES512' : 'ES256';
  return 'EdDSA';
}

// ---------------------------------------------------------------- client credentials
/**
 * The methods probe tries: with a key, private_key_jwt (and the secret ones when a secret is given
 * too); otherwise both secret methods, and client_secret_jwt when it is the one expected.
 */
export function probeMethods(session: Session, expected: string | undefined): ClientAuthMethod[] {
  const secret: ClientAuthMethod[] = session.client.client_secret === undefined ? [] : [...SECRET_METHODS, ...(expected === 'client_secret_jwt' ? (['client_secret_jwt'] as const) : [])];
  // With a client certificate, the mTLS method first (RFC 8705): methodsToTry picks the one discovery advertises.
  const mtls = session.client.certificate ? methodsToTry('auto', { client_id: session.client.client_id, certificate: session.client.certificate }, session.advertisedAuthMethods).filter((m) => m !== 'none') : [];
  return [...mtls, ...(session.client.assertion?.key ? (['private_key_jwt'] as const) : []), ...secret];
}

export async function checkClientCredentials(t: ProbeTarget, session: Session): Promise<{ result: CheckResult; token?: string; attempts: Attempt[]; working: ClientAuthMethod[] }> {
  const started = performance.now();
  if (!session.endpoints.token) return { result: skipped('client_credentials', 'no token endpoint'), attempts: [], working: [] };
  // Every secret method, even after one worked: the question here is which ones the client may use.
  const trial = await requestTokens(session, clientCredentialsGrant({ scope: t.scope, params: t.params }), probeMethods(session, t.expect?.token_endpoint_auth_method), { every: true });
  const working = trial.authenticated;
  const grantRefused = trial.outcomes.find((x) => x.kind === 'grant_refused');
  const other = trial.outcomes.filter((x) => x.kind === 'ok' || x.kind === 'other' || x.kind === 'network').flatMap((x) => x.findings);
  const findings: Finding[] = other.filter((f, i, all) => all.findIndex((g) => g.title === f.title) === i);
  const firstRefusal = trial.outcomes.find((x) => x.kind === 'client_refused');
  if (working.length === 0 && firstRefusal) {
    findings.unshift(...clientRefusedFindings(firstRefusal.findings, trial, { hadSecret: true }));
  }
  findings.push(...methodRefusedFindings(trial, session.advertisedAuthMethods, t.expect?.token_endpoint_auth_method));
  if (grantRefused) {
    findings.push(
      finding({
        id: 'unauthorized_client',
        severity: 'info',
        title: 'The credentials are valid, but this client may not use client_credentials',
        detail: `The provider authenticated the client and refused the grant (${grantRefused.findings[0]?.title ?? 'unauthorized_client'}). Only the credentials were checked; no token was obtained.`,
        fixes: ['Nothing to do if the client is not meant for machine-to-machine calls; otherwise enable the client_credentials grant for it.'],
        sources: ['RFC 6749 §5.2 (unauthorized_client)', 'RFC 6749 §4.4'],
        evidence: { working },
      }),
    );
  }
  const token = trial.value?.access_token;
  const summary =
    trial.attempts.map((a) => `${a.auth_method.replace('client_secret_', '')} ${a.error === null ? 'ok' : working.includes(a.auth_method) ? 'authenticated' : a.error}`).join(', ') +
    (token ? '; token issued' : grantRefused ? '; credentials valid, grant not allowed (only the credentials were checked)' : '');
  return { result: judge('client_credentials', summary, performance.now() - started, findings), ...(token ? { token } : {}), attempts: trial.attempts, working };
}

// ---------------------------------------------------------------- redirect uri
export async function checkRedirectUris(t: ProbeTarget, metadata: ProviderMetadata, ctx: ProbeContext): Promise<CheckResult> {
  const started = performance.now();
  if (typeof metadata.authorization_endpoint !== 'string') return skipped('redirect_uri', 'no authorization endpoint');
  const findings: Finding[] = [];
  const accepted: string[] = [];
  for (const redirectUri of t.redirect_uris ?? []) {
    let url: string;
    try {
      url = buildAuthorizationRequest({
      authorizationEndpoint: metadata.authorization_endpoint,
      clientId: t.client_id as string,
      redirectUri,
      scope: t.scope ?? 'openid',
      pkce: true,
      extraParams: Object.entries(t.params ?? {}),
      randomBytes: ctx.deps.randomBytes,
      }).url;
    } catch {
      continue; // an unusable authorization endpoint is the discovery check's finding
    }
    const pre = await preflight(url, redirectUri, ctx.deps, ctx.timeoutMs);
    if (pre.passed) accepted.push(redirectUri);
    findings.push(...pre.findings);
  }
  const total = t.redirect_uris?.length ?? 0;
  if (accepted.length < total && !findings.some((f) => f.severity === 'error')) {
    findings.push(
      finding({
        id: 'redirect_uri_mismatch',
        severity: 'error',
        title: `${total - accepted.length} redirect_uri(s) could not be confirmed`,
        detail: 'The provider did not show its sign-in page for them, and gave no error that names the cause.',
        fixes: ['Open the authorization URL in a browser with that redirect_uri to see what the provider shows.'],
        sources: ['RFC 6749 §3.1.2'],
        evidence: { not_confirmed: (t.redirect_uris ?? []).filter((u) => !accepted.includes(u)) },
      }),
    );
  }
  return judge('redirect_uri', `${accepted.length}/${total} accepted`, performance.now() - started, findings);
}

// ---------------------------------------------------------------- refresh
export async function checkRefresh(t: ProbeTarget, session: Session, refreshToken: string, preferred: readonly ClientAuthMethod[]): Promise<CheckResult> {
  const started = performance.now();
  if (!session.endpoints.token) return skipped('refresh', 'no token endpoint');
  const all = probeMethods(session, undefined);
  const methods: ClientAuthMethod[] = all.length === 0 ? ['none'] : [...preferred, ...all.filter((m) => !preferred.includes(m))];
  const outcome = await requestTokens(session, refreshTokenGrant({ refreshToken }), methods);
  // invalid_grant means the refresh token here, whatever the generic reading says.
  const findings = outcome.findings.map((f) =>
    f.id === 'authorization_code_rejected' ? { ...f, id: 'refresh_token_rejected' as const, title: `The refresh token was refused: ${f.title}` } : f,
  );
  rememberTokens(outcome.value, session.deps.secrets);
  if (outcome.value) {
    const rotated = typeof outcome.value.refresh_token === 'string' && outcome.value.refresh_token !== refreshToken;
    if (rotated) {
      findings.push(
        finding({
          id: 'refresh_token_rejected',
          severity: 'warning',
          title: `The provider rotates refresh tokens: the one in ${t.refresh_token_env} may now be used up`,
          detail: 'The refresh returned a new refresh token. With rotation, the old one is invalid from now on (or soon), so the next run of this check will fail unless the stored token is replaced.',
          fixes: ['Store the new refresh token after each run (it is not printed), or probe refresh with a client whose refresh tokens do not rotate.'],
          sources: ['RFC 9700 §4.14.2 (refresh token rotation)', 'RFC 6749 §6'],
          evidence: { env: t.refresh_token_env },
        }),
      );
    }
    return judge('refresh', `${outcome.auth_method} ok${rotated ? '; rotated' : ''}`, performance.now() - started, findings);
  }
  return judge('refresh', outcome.attempts.map((a) => `${a.auth_method} ${a.error ?? a.status}`).join(', '), performance.now() - started, findings);
}

// ---------------------------------------------------------------- device_authorization
/**
 * A device authorization request (RFC 8628 §3.1), as `login --device` starts: the client may use
 * the device flow and the answer has what the flow needs. The code it creates is never approved and
 * expires on its own; nothing is polled.
 */
export async function checkDeviceAuthorization(t: ProbeTarget, session: Session): Promise<CheckResult> {
  const started = performance.now();
  const methods = methodsToTry('auto', session.client, session.advertisedAuthMethods);
  const trial = await requestDeviceAuthorization(session, t.scope ? { scope: t.scope } : {}, methods);
  const elapsed = () => performance.now() - started;
  const grant = trial.value;
  if (!grant) {
    const findings = clientRefusedFindings(trial.findings, trial, { hadSecret: hasCredentials(session.client), secretSource: t.client_secret_env });
    return judge('device_authorization', trial.attempts.map((a) => `${a.auth_method.replace('client_secret_', '')} ${a.error ?? a.status}`).join(', ') || 'no answer', elapsed(), findings);
  }
  const findings = [...trial.findings, ...methodRefusedFindings(trial, session.advertisedAuthMethods)];
  const summary = `a user code came back (${trial.auth_method}): expires in ${humanDuration(grant.expires_in)}, polling every ${grant.interval} s${grant.interval_given ? '' : ' (default)'}${grant.verification_uri_complete ? ', complete URI given' : ''}`;
  return judge('device_authorization', summary, elapsed(), findings);
}

// ---------------------------------------------------------------- introspection
/**
 * The client_credentials token introspected with the same client: it must be active and issued to
 * that client. Nothing is revoked: a CI probe leaves nothing behind but the token it asked for.
 */
export async function checkIntrospection(t: ProbeTarget, session: Session, token: string, nowSeconds: number): Promise<CheckResult> {
  const started = performance.now();
  const outcome = await introspect(session, token, { authMethod: 'auto', hint: 'access_token' });
  const response = outcome.value;
  if (!response) {
    const isJwt = token.split('.').length === 3;
    const refused = outcome.attempts.at(-1)?.error === 'unsupported_token_type';
    if (isJwt && refused) {
      return {
        name: 'introspection',
        status: 'skip',
        summary: 'the provider does not introspect JWT access tokens (unsupported_token_type): they are checked with its keys',
        elapsed_ms: Math.round(performance.now() - started),
        findings: [
          finding({
            id: 'unsupported_token_type',
            severity: 'info',
            title: 'The provider does not introspect its JWT access tokens',
            detail: 'The client authenticated and the provider answered unsupported_token_type for the client_credentials token, a JWT. Resource servers verify such tokens with the provider\'s keys (the jwks check) instead.',
            fixes: ['Nothing to do if your APIs verify JWTs locally; to check introspection here, probe a client whose tokens are opaque.'],
            sources: ['RFC 7009 §2.2.1', 'RFC 7662 §2.1'],
            evidence: { attempts: outcome.attempts.map((a) => ({ auth_method: a.auth_method, status: a.status, error: a.error })) },
          }),
        ],
      };
    }
    return judge('introspection', outcome.attempts.map((a) => `${a.auth_method.replace('client_secret_', '')} ${a.error ?? a.status}`).join(', ') || 'no answer', performance.now() - started, outcome.findings);
  }
  const findings = [...outcome.findings];
  if (!response.active) findings.push(inactiveFinding(token, { issuer: session.issuer, nowSeconds, source: 'the client_credentials token' }));
  else if (typeof response.client_id === 'string' && response.client_id !== t.client_id) {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'error',
        title: `Introspection names client_id "${response.client_id}" for a token issued to "${t.client_id}"`,
        detail: 'The token came from the client_credentials grant of this very client a moment ago; RFC 7662 §2.2 has client_id name the client the token was issued to.',
        fixes: ['Check that the introspection endpoint belongs to the same provider (and tenant) as the token endpoint.'],
        sources: ['RFC 7662 §2.2'],
        evidence: { client_id: response.client_id, expected: t.client_id },
      }),
    );
  }
  const exp = typeof response.exp === 'number' ? `, exp in ${humanDuration(response.exp - nowSeconds)}` : '';
  const summary = response.active ? `active${typeof response.client_id === 'string' ? `, client_id ${response.client_id}` : ''}${exp}` : 'active: false for a token just issued';
  return judge('introspection', summary, performance.now() - started, findings);
}

// ---------------------------------------------------------------- resource
export async function checkResource(t: ProbeTarget, ctx: ProbeContext, token: string): Promise<CheckResult> {
  const started = performance.now();
  let res: HttpResponse;
  try {
    res = await ctx.deps.http.request({ url: t.resource as string, headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, timeoutMs: ctx.timeoutMs });
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    return judge('resource', 'no answer', performance.now() - started, [networkFinding(err, 'The resource')]);
  }
  if (res.status >= 200 && res.status < 300) return judge('resource', `HTTP ${res.status}`, performance.now() - started, []);
  const explained = explainText(asRawHttp(res), ['resource']).findings.map((f) => (f.id === 'unknown' ? { ...f, severity: 'error' as const, title: `The resource answered HTTP ${res.status}` } : f));
  if (res.status === 401 && !res.headers['www-authenticate']) {
    for (const f of explained) if (f.id === 'spec_deviation' && /WWW-Authenticate/.test(f.title)) f.severity = 'warning';
  }
  // A 5xx is the resource failing, not refusing the token: that is the finding to lead with.
  if (res.status >= 500) for (const f of explained) if (f.id === 'server_error') f.severity = 'error';
  if (!explained.some((f) => f.severity === 'error')) {
    explained.unshift(
      finding({
        id: res.status === 403 ? 'insufficient_scope' : res.status === 401 ? 'invalid_token' : 'unknown',
        severity: 'error',
        title: `The resource refused the token (HTTP ${res.status})`,
        detail: 'The answer carries no error code that says why.',
        fixes: ['Decode the token with `oauth-doctor decode` and compare aud, scope and exp with what the API expects.'],
        sources: ['RFC 6750 §3.1'],
        evidence: { status: res.status },
      }),
    );
  }
  const challenge = res.headers['www-authenticate'];
  return judge('resource', `HTTP ${res.status}${challenge ? ` (${challenge.slice(0, 60)})` : ''}`, performance.now() - started, explained);
}

