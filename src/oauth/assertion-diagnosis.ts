/**
 * Why a provider refused a client assertion. Providers answer a bad assertion with a bare
 * invalid_client ("client authentication failed"), so the reasons come from comparing what was sent
 * (decoded: never the key, never the signature) with what the provider says of itself, and from
 * sending the assertion again with one thing changed: the provider's clock (its Date header), the
 * a short lifetime, the other audience (issuer vs endpoint: providers disagree), no kid. The first
 * change that works names the cause.
 * @see RFC 7523 §3 and §3.1, OpenID Connect Core 1.0 §9, RFC 8414 §2
 */
import { finding, type Finding } from '../findings.js';
import type { AssertionSettings, SentAssertion } from './client-auth/index.js';
import type { Attempt, AttemptOutcome } from './method-trial.js';

/** Below this, a difference between the Date header (whole seconds) and our clock is noise. */
const SKEW_NOTICE_SECONDS = 10;
/** What a diagnosis retry tries as the short lifetime. */
const SHORT_LIFETIME = 60;

export interface AssertionContext {
  sent: SentAssertion;
  /** The provider's Date header, in ms, when it sent one. */
  serverDate?: number;
  /** Our clock when the answer came. */
  clientNow: number;
  endpoint: string;
  issuer?: string;
  settings: AssertionSettings;
}

/** The provider's clock minus ours, in whole seconds, from its Date header. */
export function skewSeconds(serverDate: number | undefined, clientNow: number): number | undefined {
  if (serverDate === undefined || !Number.isFinite(serverDate)) return undefined;
  return Math.round((serverDate - clientNow) / 1000);
}

const shown = (sent: SentAssertion) => ({ header: sent.header, claims: { ...sent.claims, jti: `${sent.claims.jti.slice(0, 6)}…` } });

/** The alg the assertion was signed with is not one the provider lists (pure; no retry will help). */
export function algFinding(c: AssertionContext): Finding | undefined {
  const advertised = c.settings.advertisedAlgs;
  if (!advertised || advertised.includes(c.sent.header.alg)) return undefined;
  const hmac = c.sent.header.alg.startsWith('HS');
  const usable = advertised.filter((a) => (hmac ? a.startsWith('HS') : !a.startsWith('HS')));
  return finding({
    id: 'client_assertion_alg',
    severity: 'error',
    title: `The client assertion is signed with ${c.sent.header.alg}, which the provider does not accept`,
    detail: `token_endpoint_auth_signing_alg_values_supported lists ${advertised.join(', ')}; the assertion's header says alg ${c.sent.header.alg}.`,
    fixes: [
      usable.length > 0 ? `Sign with ${usable.join(' or ')} (--client-assertion-alg, or the "alg" of the JWK), with a key of that type.` : 'The provider lists no alg of this kind: use another authentication method.',
      'If the provider registers an alg per client (token_endpoint_auth_signing_alg), sign with that one.',
    ],
    sources: ['RFC 8414 §2 (token_endpoint_auth_signing_alg_values_supported)', 'OpenID Connect Core 1.0 §9', 'RFC 7515 §4.1.1'],
    evidence: { sent: shown(c.sent), advertised },
  });
}

interface Variant {
  change: Partial<AssertionSettings>;
  /** The finding when this change made the provider accept the assertion. */
  explain: (c: AssertionContext, pinned: boolean) => Finding;
  pinned: boolean;
}

function variants(c: AssertionContext): Variant[] {
  const out: Variant[] = [];
  const skew = skewSeconds(c.serverDate, c.clientNow);
  if (skew !== undefined && Math.abs(skew) >= SKEW_NOTICE_SECONDS) {
    out.push({
      change: { clockOffsetMs: skew * 1000 },
      pinned: true,
      explain: () =>
        finding({
          id: 'clock_skew',
          severity: 'error',
          title: `The provider's clock is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} this machine's: the client assertion was refused for its times`,
          detail:
            `The provider's Date header said ${new Date(c.serverDate as number).toISOString()} when this machine's clock said ${new Date(c.clientNow).toISOString()}. ` +
            `The assertion's iat/exp (${c.sent.claims.iat} to ${c.sent.claims.exp}) ${skew > 0 ? 'had already expired by the provider\'s clock' : 'lay in the provider\'s future'}; the same assertion with times from the provider's clock was accepted.`,
          fixes: ['Synchronise the clock of the machine that signs assertions (NTP: timedatectl set-ntp true, w32tm /resync).', 'If the provider\'s clock is the wrong one, tell its operators; meanwhile a longer assertion lifetime hides a clock behind, not one ahead.'],
          sources: ['RFC 7523 §3 (exp, iat)', 'RFC 7519 §4.1.4 (clock skew allowance)'],
          evidence: { skew_seconds: skew, server_date: new Date(c.serverDate as number).toISOString(), client_time: new Date(c.clientNow).toISOString(), sent: shown(c.sent) },
        }),
    });
  }
  const lifetime = c.sent.claims.exp - c.sent.claims.iat;
  if (lifetime > SHORT_LIFETIME) {
    out.push({
      change: { lifetime: SHORT_LIFETIME },
      pinned: true,
      explain: () =>
        finding({
          id: 'client_assertion_lifetime',
          severity: 'error',
          title: `The provider refuses a client assertion that lives ${lifetime} s; one of ${SHORT_LIFETIME} s works`,
          detail: `exp - iat was ${lifetime} s and the assertion was refused; the same assertion with exp ${SHORT_LIFETIME} s after iat was accepted. Providers cap an assertion's lifetime (Okta: 1 hour, others a few minutes) since a captured assertion may be replayed until exp.`,
          fixes: [`Sign each assertion just before the request with exp a minute or so after iat (here: --client-assertion-lifetime ${SHORT_LIFETIME}); never cache assertions.`],
          sources: ['RFC 7523 §3 (exp)', 'RFC 7523 §5.2'],
          evidence: { lifetime_seconds: lifetime, sent: shown(c.sent) },
        }),
    });
  }
  if (c.issuer && c.issuer !== c.endpoint) {
    const other = c.sent.audience === 'issuer' ? 'endpoint' : 'issuer';
    const otherValue = other === 'issuer' ? c.issuer : c.endpoint;
    out.push({
      change: { audience: other },
      pinned: c.settings.audience !== undefined,
      explain: (_c, pinned) =>
        finding({
          id: 'client_assertion_audience',
          severity: pinned ? 'error' : 'warning',
          title: `The provider refuses aud ${c.sent.claims.aud} in the client assertion; aud ${otherValue} works`,
          detail:
            `The assertion with aud = the ${c.sent.audience === 'issuer' ? 'issuer' : 'endpoint URL'} (${c.sent.claims.aud}) was refused with invalid_client; the same assertion with aud = the ${other === 'issuer' ? 'issuer' : 'endpoint URL'} (${otherValue}) was accepted. ` +
            'Providers disagree: OpenID Connect Core §9 says the token endpoint URL, RFC 7523 and FAPI 2.0 the issuer; some accept only one.',
          fixes: [`Set the assertion's aud to ${otherValue} in your client (here: --client-assertion-aud ${other}).`, 'openid-client / oauth4webapi take the issuer or the token endpoint by option; Spring Security\'s NimbusJwtClientAuthenticationParametersConverter lets you customise the claims.'],
          sources: ['RFC 7523 §3 (aud)', 'OpenID Connect Core 1.0 §9'],
          evidence: { refused_aud: c.sent.claims.aud, accepted_aud: otherValue, sent: shown(c.sent) },
        }),
    });
  }
  if (c.sent.header.kid !== undefined) {
    out.push({
      change: { omitKid: true },
      pinned: false,
      explain: () =>
        finding({
          id: 'client_assertion_kid',
          severity: 'warning',
          title: `The provider does not know kid "${c.sent.header.kid}"; the same key without a kid works`,
          detail: `With kid "${c.sent.header.kid}" in its header the assertion was refused; without a kid the provider found the key among the client's registered keys${c.settings.key ? ` (this key's RFC 7638 thumbprint: ${c.settings.key.thumbprint})` : ''}. The key is registered under another kid, or without one.`,
          fixes: [
            'Use the kid the provider has for this key: look it up in the client\'s registered jwks (or jwks_uri) and pass --client-key-id, or set "kid" in the JWK.',
            'Or register the public key again with this kid (after a key rotation, publish the new kid before signing with it).',
          ],
          sources: ['RFC 7515 §4.1.4 (kid)', 'OpenID Connect Core 1.0 §10.1.1 (rotation of asymmetric signing keys)'],
          evidence: { kid: c.sent.header.kid, thumbprint: c.settings.key?.thumbprint, sent: shown(c.sent) },
        }),
    });
  }
  return out;
}

/** Nothing changed made it work: the key (or secret) itself, with what to compare. */
function keyFinding(c: AssertionContext, tried: string[]): Finding {
  const key = c.settings.key;
  const hmac = c.sent.header.alg.startsWith('HS');
  return finding({
    id: 'invalid_client',
    severity: 'error',
    title: `The client assertion was refused${tried.length > 0 ? `, and still was with ${tried.join(', ')}` : ''}`,
    detail:
      (hmac
        ? 'The assertion is signed with the client secret (client_secret_jwt): the secret is wrong, or the client is not registered for client_secret_jwt.'
        : `The provider could not verify the signature with the keys it holds for ${c.sent.claims.iss}, or the client is not registered for private_key_jwt.`) +
      ` What was sent: alg ${c.sent.header.alg}${c.sent.header.kid ? `, kid "${c.sent.header.kid}"` : ', no kid'}, aud ${c.sent.claims.aud}, iat ${c.sent.claims.iat}, exp ${c.sent.claims.exp}.`,
    causes: [
      ...(hmac ? ['The client secret is not the one the provider holds.'] : [`The public key registered for the client (its jwks or jwks_uri) is not the pair of this private key${key ? ` (thumbprint ${key.thumbprint})` : ''}.`]),
      `The client is registered with another token_endpoint_auth_method than ${hmac ? 'client_secret_jwt' : 'private_key_jwt'}.`,
      'The client_id (iss and sub) is not this provider\'s (another tenant, realm or environment).',
    ],
    fixes: [
      hmac ? 'Copy the client secret again from the provider.' : `Compare the client's registered keys with this key: its RFC 7638 thumbprint is ${key?.thumbprint ?? '(unknown)'}${c.sent.header.kid ? ` and its kid "${c.sent.header.kid}"` : ''}; register the public key if it is missing.`,
      `Register the client for ${hmac ? 'client_secret_jwt' : 'private_key_jwt'} (token_endpoint_auth_method), or authenticate another way.`,
    ],
    sources: ['RFC 7523 §3', 'OpenID Connect Core 1.0 §9', 'RFC 7638'],
    evidence: { sent: shown(c.sent), ...(key ? { thumbprint: key.thumbprint } : {}), retried_with: tried },
  });
}

const describe = (v: Partial<AssertionSettings>): string =>
  v.clockOffsetMs !== undefined ? "the provider's clock" : v.audience ? `aud = the ${v.audience}` : v.omitKid ? 'no kid' : `a ${v.lifetime} s lifetime`;

/**
 * The outcome of a refused assertion after diagnosis: the first retry that worked (with the
 * finding that names the cause in front of its own), or the refusal with the findings that say
 * what was compared and tried.
 */
export async function diagnoseAssertion(
  refused: AttemptOutcome<unknown>,
  c: AssertionContext,
  retry: (change: Partial<AssertionSettings>) => Promise<AttemptOutcome<unknown>>,
): Promise<AttemptOutcome<unknown>> {
  const alg = algFinding(c);
  if (alg) return { ...refused, findings: [alg, ...refused.findings.filter((f) => f.id !== 'invalid_client')] };
  const tried: string[] = [];
  const attempts: Attempt[] = [refused.attempt];
  // Every request shows in the report: the refused one, then each retry with what it changed.
  const withEarlier = (o: AttemptOutcome<unknown>): AttemptOutcome<unknown> => ({ ...o, earlier: attempts.slice(0, -1), attempt: attempts.at(-1) as Attempt });
  for (const v of variants(c)) {
    const again = await retry(v.change);
    attempts.push({ ...again.attempt, retry: describe(v.change) });
    if (again.kind === 'client_refused') {
      tried.push(describe(v.change));
      continue;
    }
    if (again.kind === 'network' || again.kind === 'other') return withEarlier(again);
    return withEarlier({ ...again, findings: [v.explain(c, v.pinned), ...again.findings] });
  }
  return withEarlier({ ...refused, findings: [keyFinding(c, tried), ...refused.findings.filter((f) => f.id !== 'invalid_client')] });
}
