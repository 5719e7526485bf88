/**
 * What a token's claims say about its validity at a given moment: expiry, not-before, clock skew,
 * lifetime. Pure: the clock is a parameter.
 * @see RFC 7519 §4.1.4 (exp), §4.1.5 (nbf), §4.1.6 (iat); OpenID Connect Core §2 (auth_time)
 */
import { finding, type Finding } from '../findings.js';
import { humanDuration, isoDate, relative } from './time.js';

export interface TimeClaim {
  name: 'iat' | 'nbf' | 'exp' | 'auth_time';
  epoch: number;
  date: string;
  relative: string;
}

export interface ClaimsTimeline {
  times: TimeClaim[];
  /** exp − (nbf ?? iat), when both are there. */
  lifetimeSeconds?: number;
  /** Where now falls in [start, exp], 0..1, for the lifetime bar. */
  position?: number;
}

const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;
/** A lifetime at or under this is "a few minutes" (the Portainer case in 001_b11ec28349281b2a.txt had 5 min). */
export const SHORT_LIFETIME_SECONDS = 10 * 60;

export function timeline(claims: Record<string, unknown>, nowSeconds: number): ClaimsTimeline {
  const times: TimeClaim[] = [];
  for (const name of TIME_CLAIMS) {
    const v = claims[name];
    if (typeof v === 'number' && Number.isFinite(v)) {
      // Shown as what it means, with its unit said: "expires in forever" helps no one.
      const ms = isMilliseconds(v);
      const at = ms ? v / 1000 : v;
      times.push({ name, epoch: v, date: `${isoDate(at)}${ms ? ' (read as milliseconds)' : ''}`, relative: relative(at, nowSeconds) });
    }
  }
  const asSeconds = (v: unknown) => {
    const n = num(v);
    return n !== undefined && isMilliseconds(n) ? n / 1000 : n;
  };
  const exp = asSeconds(claims.exp);
  const start = asSeconds(claims.nbf) ?? asSeconds(claims.iat);
  const result: ClaimsTimeline = { times };
  if (exp !== undefined && start !== undefined && exp > start) {
    result.lifetimeSeconds = exp - start;
    result.position = Math.min(1, Math.max(0, (nowSeconds - start) / (exp - start)));
  }
  return result;
}

export function checkTimeClaims(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  nowSeconds: number,
  toleranceSeconds: number,
): Finding[] {
  const findings: Finding[] = [];
  // A time claim in milliseconds is said once below and left out of the checks that read seconds.
  const seconds = (v: unknown) => {
    const n = num(v);
    return n !== undefined && isMilliseconds(n) ? undefined : n;
  };
  const exp = seconds(claims.exp);
  const nbf = seconds(claims.nbf);
  const iat = seconds(claims.iat);

  for (const name of ['exp', 'nbf', 'iat'] as const) {
    const v = claims[name];
    if (v !== undefined && num(v) === undefined) {
      findings.push(
        finding({
          id: 'invalid_token',
          severity: 'error',
          title: `"${name}" is not a number of seconds`,
          detail: `RFC 7519 §2 defines "${name}" as a NumericDate, seconds since 1970 as a JSON number; this token has ${JSON.stringify(v)}. Most libraries reject the token outright.`,
          fixes: ['Fix the issuer so it writes time claims as JSON numbers (seconds, not milliseconds, not strings).'],
          sources: ['RFC 7519 §2 (NumericDate)', `RFC 7519 §4.1`],
          evidence: { [name]: v },
        }),
      );
    }
  }
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    const v = num(claims[name]);
    if (v === undefined || !isMilliseconds(v)) continue;
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'error',
        title: `"${name}" looks like milliseconds, not seconds`,
        detail:
          `${name} is ${v}, which as seconds lies in the year ${new Date(Math.min(v, 8.64e12) * 1000).getUTCFullYear() || '∞'}; read as milliseconds it is ${isoDate(v / 1000)}. ` +
          `The issuer probably wrote Date.now() instead of seconds, and verifiers read seconds: ${name === 'exp' ? 'for them the token never expires' : 'for them it lies thousands of years ahead'}.`,
        fixes: [`Divide by 1000 where the token is issued: ${name} = Math.floor(Date.now() / 1000)${name === 'exp' ? ' + lifetime' : ''}.`],
        sources: ['RFC 7519 §2 (NumericDate is seconds)'],
        evidence: { [name]: v, [`${name}_as_milliseconds`]: isoDate(v / 1000) },
      }),
    );
  }

  const rawExp = num(claims.exp);
  if (rawExp !== undefined && rawExp >= 1e14) {
    const exp = rawExp;
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'warning',
        title: '"exp" lies beyond any plausible date',
        detail: `exp is ${exp}: in effect the token never expires. Some libraries overflow on such values and reject it.`,
        fixes: ['Give the token a real expiry (minutes for access tokens).'],
        sources: ['RFC 7519 §4.1.4'],
        evidence: { exp },
      }),
    );
  }
  if (exp === undefined && claims.exp === undefined) {
    findings.push(
      finding({
        id: 'missing_exp',
        severity: 'warning',
        title: 'The token has no "exp" claim',
        detail:
          'Without exp the token never expires on its own: anyone who copies it can use it until the key changes or the server revokes it. ' +
          'OpenID Connect requires exp in every ID token.',
        fixes: ['Configure the issuer to set an expiry (minutes for access tokens, with refresh tokens for long sessions).'],
        sources: ['RFC 7519 §4.1.4', 'OpenID Connect Core 1.0 §2 (exp is REQUIRED in ID tokens)'],
        evidence: {},
      }),
    );
  } else if (exp !== undefined && exp <= nowSeconds - toleranceSeconds) {
    findings.push(
      finding({
        id: 'expired_token',
        severity: 'error',
        title: `The token expired ${relative(exp, nowSeconds)}`,
        detail: `exp is ${isoDate(exp)}; it is now ${isoDate(nowSeconds)}. A resource server must answer 401 with error="invalid_token" for it.`,
        fixes: [
          'Get a new token: use the refresh token if you have one (grant_type=refresh_token), otherwise sign in again.',
          'Refresh before expiry: renew when less than a minute of lifetime is left rather than waiting for the 401.',
          'If the token should still be valid, compare this machine\'s clock with the issuer\'s (NTP).',
        ],
        sources: ['RFC 7519 §4.1.4', 'RFC 6750 §3.1 (invalid_token)', '001_b11ec28349281b2a.txt (expired token → 401)'],
        evidence: { exp, exp_date: isoDate(exp), now: isoDate(nowSeconds), tolerance_seconds: toleranceSeconds },
      }),
    );
  }

  if (nbf !== undefined && nbf > nowSeconds + toleranceSeconds) {
    findings.push(
      finding({
        id: 'not_yet_valid',
        severity: 'error',
        title: `The token is not valid until ${relative(nbf, nowSeconds)}`,
        detail: `nbf is ${isoDate(nbf)}; it is now ${isoDate(nowSeconds)}. Until then every verifier must reject it.`,
        fixes: [
          'If the token was just issued, the issuer\'s clock runs ahead of this one: synchronise both with NTP.',
          'Allow a small clock tolerance in the verifier (30–60 s; --clock-tolerance here).',
        ],
        sources: ['RFC 7519 §4.1.5'],
        evidence: { nbf, nbf_date: isoDate(nbf), now: isoDate(nowSeconds) },
      }),
    );
  }

  const futureIat = iat !== undefined && iat > nowSeconds + toleranceSeconds;
  const nbfAtIssue = nbf !== undefined && nbf > nowSeconds + toleranceSeconds && (iat === undefined || nbf - iat <= 60);
  if (futureIat || nbfAtIssue) {
    const ahead = (futureIat ? (iat as number) : (nbf as number)) - nowSeconds;
    findings.push(
      finding({
        id: 'clock_skew',
        severity: ahead > 300 ? 'error' : 'warning',
        title: `The token was issued ${humanDuration(ahead)} in the future`,
        detail:
          `${futureIat ? 'iat' : 'nbf'} lies ${humanDuration(ahead)} ahead of this machine's clock. A token cannot be issued in the future, ` +
          'so one of the two clocks is wrong; verifiers without tolerance reject such tokens as not yet valid. ' +
          (ahead > 3000 ? 'A difference of whole hours usually means a time-zone error: JWT times are UTC seconds, never local time.' : ''),
        fixes: [
          'Synchronise the clocks of the issuer and this machine (NTP).',
          'Allow a small clock tolerance in the verifier (30–60 s).',
          'If the offset is whole hours, look for code that writes local time into iat/nbf/exp.',
        ],
        sources: ['RFC 7519 §4.1.6', '001_b11ec28349281b2a.txt (Portainer: suspected time-zone difference)'],
        evidence: { iat, nbf, now: isoDate(nowSeconds), ahead_seconds: Math.round(ahead) },
      }),
    );
  }

  const start = nbf ?? iat;
  if (exp !== undefined && start !== undefined && exp > start && exp - start <= SHORT_LIFETIME_SECONDS) {
    const lifetime = exp - start;
    findings.push(
      finding({
        id: 'short_token_lifetime',
        severity: 'warning',
        title: `The token lives only ${humanDuration(lifetime)}`,
        detail:
          `From ${isoDate(start)} to ${isoDate(exp)}. Short access tokens are fine on their own, but an application that ties its session ` +
          'to the token\'s lifetime logs users out after a few minutes (the Portainer case: a 5-minute Keycloak access token ended the session).',
        fixes: [
          'Keep the application session separate from the access token and renew the token with a refresh token before it expires.',
          'Ask for offline_access (or enable refresh tokens for the client) if no refresh token is issued.',
          'If minutes are too short, raise the access-token lifespan in the provider (Keycloak: Realm settings > Tokens > Access Token Lifespan).',
        ],
        sources: ['001_b11ec28349281b2a.txt (Portainer: logged out after the access-token lifetime)', 'RFC 6749 §1.5 (refresh tokens)'],
        evidence: { lifetime_seconds: lifetime, alg: header.alg },
      }),
    );
  }
  return findings;
}

/** 1e11 s is the year 5138; Date.now() in milliseconds is about 1.8e12 today. */
export function isMilliseconds(v: number): boolean {
  return v > 1e11 && v < 1e14;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
