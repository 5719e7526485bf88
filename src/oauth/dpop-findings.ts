/**
 * What DPoP's outcomes mean, as findings: a refused proof compared with what was sent (htu
 * against the URL the provider names, iat against the provider's Date, alg against
 * dpop_signing_alg_values_supported), the nonce round trip, and a token that came back unbound.
 * Pure: every input is handed in.
 * @see RFC 9449 §4.3 (checking a proof), §5 (token_type DPoP), §6.1 (cnf.jkt), §8 (nonces)
 */
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { htuOf, type DpopProver, type SentProof } from './dpop.js';

/** Beyond this, a proof's iat is out of most servers' window (oidc-provider allows 300 s; many less). */
const IAT_SKEW_SECONDS = 60;

/**
 * The invalid_dpop_proof finding of a refusal, told what the proof said and how that compares with
 * the provider: the likely cause first.
 */
export function dpopProofRefused(
  findings: Finding[],
  sent: SentProof,
  res: Pick<HttpResponse, 'url' | 'headers' | 'body'>,
  ctx: { advertisedUrl?: string; algs?: readonly string[] },
): Finding[] {
  const description = errorDescription(res.body);
  const causes: Array<{ short: string; check: string; fix: string }> = [];
  if (ctx.advertisedUrl && htuOf(ctx.advertisedUrl) !== sent.claims.htu) {
    causes.push({
      short: 'htu names another URL than the provider\'s own endpoint',
      check: `htu is ${sent.claims.htu}, the URL this request was sent to, but the provider names its endpoint ${htuOf(ctx.advertisedUrl)}: it compares htu with its own URL, so a proxy, a load balancer or an endpoint given by hand under another host, port or path breaks every proof.`,
      fix: `Send the request to ${ctx.advertisedUrl} (drop --token-endpoint), or make the proxy forward the original host and path so the provider sees the URL the client used (X-Forwarded-Host, a proxy mode the provider trusts).`,
    });
  }
  const date = Date.parse(res.headers.date ?? '');
  const skew = Number.isFinite(date) ? sent.claims.iat - Math.floor(date / 1000) : undefined;
  if (skew !== undefined && Math.abs(skew) > IAT_SKEW_SECONDS) {
    causes.push({
      short: `iat is ${Math.abs(skew)} s off the provider's clock`,
      check: `iat is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the provider's clock (its Date header): the proof looks ${skew > 0 ? 'issued in the future' : 'stale'}.`,
      fix: 'Synchronise this machine\'s clock (NTP); a provider that sends DPoP-Nonce lets a client with a wrong clock use its nonce instead of iat.',
    });
  }
  if (ctx.algs && ctx.algs.length > 0 && !ctx.algs.includes(sent.header.alg)) {
    causes.push({
      short: `alg ${sent.header.alg} is not one the provider supports`,
      check: `alg ${sent.header.alg} is not in dpop_signing_alg_values_supported (${ctx.algs.join(', ')}).`,
      fix: `Sign proofs with one of ${ctx.algs.join(', ')}.`,
    });
  }
  if (description && /\bhtm\b/i.test(description)) {
    causes.push({ short: 'htm does not match the request', check: `htm is ${sent.claims.htm}, the method this request used; the provider expected another.`, fix: 'Name the request\'s own HTTP method in htm.' });
  }
  if (description && /\b(replay|jti)\b/i.test(description)) {
    causes.push({ short: 'the proof was replayed', check: 'The provider saw this jti before (a proof used twice).', fix: 'Make a new proof with a new jti for every request, retries included.' });
  }
  const shown = { header: sent.header, claims: sent.claims };
  const lead = causes[0];
  return findings.map((f) =>
    f.id !== 'invalid_dpop_proof'
      ? f
      : {
          ...f,
          title: lead ? `The DPoP proof was refused: ${lead.short}` : f.title,
          detail: `${f.detail} The proof sent (its claims, not the key): htm ${sent.claims.htm}, htu ${sent.claims.htu}, iat ${sent.claims.iat}, alg ${sent.header.alg}${sent.claims.nonce ? ', with the provider\'s nonce' : ''}.${causes.length > 0 ? ` ${causes.map((c) => c.check).join(' ')}` : ' Nothing in it differs from what the provider advertises; the provider\'s error_description says what it checked.'}`,
          fixes: [...causes.map((c) => c.fix), ...f.fixes],
          evidence: { ...f.evidence, proof: shown, ...(description ? { error_description: description } : {}), ...(skew !== undefined ? { iat_skew_seconds: skew } : {}), ...(ctx.advertisedUrl ? { advertised_endpoint: ctx.advertisedUrl } : {}) },
        },
  );
}

/**
 * What a DPoP run says once tokens came back: each nonce round trip (a normal step, said so), and
 * a token the provider did not bind to the key (token_type Bearer, or a cnf.jkt of another key).
 */
export function dpopTokenFindings(prover: DpopProver, tokens: Record<string, unknown> | undefined, accessTokenClaims?: Record<string, unknown>): Finding[] {
  const out: Finding[] = prover.nonceRetries.map((r) =>
    finding({
      id: 'use_dpop_nonce',
      severity: 'info',
      title: `${r.url.split('?')[0]} asked for its DPoP nonce (use_dpop_nonce); the request was sent again with it`,
      detail: `The first proof carried no nonce; the server answered ${r.status} use_dpop_nonce with a DPoP-Nonce header, and the same request with a new proof carrying that nonce went through. Your own client must do the same: keep the latest DPoP-Nonce each server sends and retry once on use_dpop_nonce.`,
      fixes: ['In your client, retry once on use_dpop_nonce with a proof whose nonce claim is the DPoP-Nonce header\'s value (oauth4webapi, openid-client and most DPoP libraries do this).'],
      sources: ['RFC 9449 §8'],
      evidence: { url: r.url.split('?')[0], status: r.status },
    }),
  );
  if (!tokens) return out;
  const tokenType = typeof tokens.token_type === 'string' ? tokens.token_type : '';
  const cnf = accessTokenClaims?.cnf as Record<string, unknown> | undefined;
  const jkt = typeof cnf?.jkt === 'string' ? cnf.jkt : undefined;
  if (tokenType.toLowerCase() !== 'dpop') {
    out.push(
      finding({
        id: 'dpop_not_bound',
        severity: 'error',
        title: `DPoP was asked for, but the token came back as token_type "${tokenType || '(none)'}"`,
        detail: 'Every token request carried a DPoP proof, yet the provider issued a token not bound to the key: it ignored the DPoP header. A thief of this token can use it; an API that requires DPoP will refuse it.',
        fixes: [
          'Check that DPoP is enabled at the provider for this client (often a per-client or per-API setting: "DPoP-bound access tokens", dpop_bound_access_tokens).',
          'Check that no proxy between you and the provider drops the DPoP header.',
        ],
        sources: ['RFC 9449 §5', 'RFC 9449 §7.1'],
        evidence: { token_type: tokenType, expected: 'DPoP', jkt: prover.jkt },
      }),
    );
  } else if (jkt !== undefined && jkt !== prover.jkt) {
    out.push(
      finding({
        id: 'dpop_not_bound',
        severity: 'error',
        title: 'The access token is bound to another key (cnf.jkt differs from the proof key\'s thumbprint)',
        detail: `cnf.jkt is ${jkt}, the key that signed the proofs has the thumbprint ${prover.jkt}: no proof of this run will be accepted with this token.`,
        fixes: ['Report it to the provider: it must bind the token to the key of the proof that came with the token request.'],
        sources: ['RFC 9449 §6.1'],
        evidence: { cnf_jkt: jkt, jkt: prover.jkt },
      }),
    );
  }
  return out;
}

function errorDescription(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { error_description?: unknown };
    return typeof json.error_description === 'string' ? json.error_description.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}
