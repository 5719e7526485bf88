/**
 * Credentials, codes and verifiers go to these endpoints: never in clear to another machine.
 * Endpoints read from a discovery document fetched in clear could have been rewritten on the way.
 * @see RFC 6749 §3.1, §3.2 (TLS required); RFC 8252 §8.3 (loopback is the exception)
 */
import { finding, type Finding } from '../findings.js';
import { isInsecureRemoteUrl } from './loopback-url.js';
import type { Endpoints, Session } from './session.js';

export function insecureTransportFinding(
  session: Session,
  o: { issuer?: string; discovered: boolean; allowed: boolean; endpoints: ReadonlyArray<keyof Endpoints> },
): Finding | undefined {
  const insecureEndpoints = o.endpoints.filter((k) => isInsecureRemoteUrl(session.endpoints[k] ?? ''));
  const insecureDiscovery = Boolean(o.issuer && o.discovered && isInsecureRemoteUrl(o.issuer));
  const insecure: string[] = [...(insecureDiscovery ? ['discovery'] : []), ...insecureEndpoints.map(String)];
  if (insecure.length === 0) return undefined;
  const urls = insecure.map((k) => (k === 'discovery' ? o.issuer : session.endpoints[k as keyof Endpoints]));
  return finding({
    id: 'spec_deviation',
    severity: o.allowed ? 'warning' : 'error',
    title: `Plain http:// for the ${insecure.map(label).join(' and ')} endpoint${insecure.length > 1 ? 's' : ''} on another host`,
    detail:
      `${urls.join(', ')}: the client secret, codes and the PKCE verifier would cross the network unencrypted${insecureDiscovery ? ', to endpoints read from a document anyone on the path could have rewritten' : ''}. OAuth requires TLS for every endpoint except this machine's loopback. ` +
      (o.allowed ? 'Sent anyway, as --insecure-http asks.' : 'Nothing was sent.'),
    fixes: ['Use the provider\'s https:// URLs (behind a TLS-terminating proxy, configure its public https URL).', 'Only on a network you trust, for a test: --insecure-http.'],
    sources: ['RFC 6749 §3.1 and §3.2 (TLS required)', 'RFC 8252 §8.3'],
    evidence: { insecure: urls },
  });
}

const label = (k: string) => (k === 'deviceAuthorization' ? 'device authorization' : k);
