/**
 * The one authenticated POST: a form body to an endpoint that authenticates the client (token,
 * introspection, revocation, device authorization, PAR), with the client's credentials applied by
 * its ClientAuth and every secret value they produce registered for scrubbing. With DPoP, every
 * request also carries a fresh proof (a decoration next to client authentication, shared with the
 * resource calls through sendWithDpop); a method that authenticates with a certificate has the
 * transport present it.
 * @see RFC 6749 §2.3 and §3.2, RFC 9449 §5 and §8, RFC 8705 §2
 */
import type { Deps } from '../deps.js';
import type { HttpRequest, HttpResponse } from '../http/client.js';
import type { ClientAuth } from './client-auth/index.js';
import type { DpopProver } from './dpop.js';

export async function authenticatedPost(
  endpoint: string,
  params: Readonly<Record<string, string>>,
  auth: ClientAuth,
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
  issuer?: string,
  dpop?: DpopProver,
): Promise<HttpResponse> {
  // Built afresh for a retry with the DPoP nonce: an assertion-based method signs a new one.
  const build = async (): Promise<HttpRequest> => {
    const request = {
      body: new URLSearchParams(params),
      // GitHub answers form-encoded unless asked for JSON.
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } as Record<string, string>,
    };
    for (const secret of await auth.apply(request, { endpoint, ...(issuer ? { issuer } : {}) })) deps.secrets.add(secret, 'credential');
    // A method that authenticates with a certificate says which; the transport presents it (RFC 8705).
    const tls = auth.clientCertificate ? { clientCertificate: { cert: auth.clientCertificate.cert, key: auth.clientCertificate.key } } : {};
    return { url: endpoint, method: 'POST', headers: request.headers, body: request.body.toString(), timeoutMs, ...tls };
  };
  return sendWithDpop(build, dpop, deps);
}

/**
 * Sends a request, with a DPoP proof when a prover is given (and `accessToken`'s hash in it at a
 * resource). When the server answers use_dpop_nonce with a DPoP-Nonce header, the request is sent
 * once more with a proof carrying that nonce, and the prover notes the retry; a nonce on any other
 * answer is kept for the next request to that server (RFC 9449 §8.2).
 */
export async function sendWithDpop(
  build: () => Promise<HttpRequest>,
  dpop: DpopProver | undefined,
  deps: Pick<Deps, 'http'>,
  o: { accessToken?: string } = {},
): Promise<HttpResponse> {
  const send = async (): Promise<HttpResponse> => {
    const request = await build();
    if (!dpop) return deps.http.request(request);
    const proof = await dpop.proof(request.method ?? 'GET', request.url, o);
    return deps.http.request({ ...request, headers: { ...request.headers, dpop: proof } });
  };
  const res = await send();
  if (!dpop) return res;
  const nonce = res.headers['dpop-nonce'];
  dpop.rememberNonce(res.url, nonce);
  if (!nonce || !asksForNonce(res)) return res;
  dpop.nonceRetries.push({ url: res.url, status: res.status });
  const again = await send();
  dpop.rememberNonce(again.url, again.headers['dpop-nonce']);
  return again;
}

/** use_dpop_nonce, in a token endpoint's JSON body or a resource's WWW-Authenticate challenge (RFC 9449 §8, §9). */
function asksForNonce(res: HttpResponse): boolean {
  if (res.status !== 400 && res.status !== 401) return false;
  return /use_dpop_nonce/.test(res.headers['www-authenticate'] ?? '') || /"error"\s*:\s*"use_dpop_nonce"/.test(res.body);
}
