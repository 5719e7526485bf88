/**
 * The one authenticated POST: a form body to an endpoint that authenticates the client (token,
 * introspection, revocation, device authorization, PAR), with the client's credentials applied by
 * its ClientAuth and every secret value they produce registered for scrubbing.
 * @see RFC 6749 §2.3 and §3.2
 */
import type { Deps } from '../deps.js';
import type { HttpResponse } from '../http/client.js';
import type { ClientAuth } from './client-auth/index.js';

export async function authenticatedPost(
  endpoint: string,
  params: Readonly<Record<string, string>>,
  auth: ClientAuth,
  deps: Pick<Deps, 'http' | 'secrets'>,
  timeoutMs: number,
  issuer?: string,
): Promise<HttpResponse> {
  const request = {
    body: new URLSearchParams(params),
    // GitHub answers form-encoded unless asked for JSON.
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } as Record<string, string>,
  };
  for (const secret of await auth.apply(request, { endpoint, ...(issuer ? { issuer } : {}) })) deps.secrets.add(secret, 'credential');
  // A method that authenticates with a certificate says which; the transport presents it (RFC 8705).
  const tls = auth.clientCertificate ? { clientCertificate: { cert: auth.clientCertificate.cert, key: auth.clientCertificate.key } } : {};
  return deps.http.request({ url: endpoint, method: 'POST', headers: request.headers, body: request.body.toString(), timeoutMs, ...tls });
}
