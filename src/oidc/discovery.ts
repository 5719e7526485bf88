/**
 * OpenID Connect discovery (with the RFC 8414 location as fallback) and JWKS retrieval.
 * Each step in two halves: the request returns the raw response, a pure process* turns it into
 * metadata or findings.
 * @see OpenID Connect Discovery 1.0 §4, RFC 8414 §3, RFC 7517 §5
 */
import type { Deps } from '../deps.js';
import { NetworkError } from '../errors.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { networkFinding, readJsonAnswer } from '../http/diagnose.js';
import { trimTrailing } from '../trim.js';
import { isIssuerTemplate, issuerMatches } from './issuer.js';

export interface ProviderMetadata {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
  jwks_uri?: string;
  [member: string]: unknown;
}

export interface Fetched<T> {
  value?: T;
  findings: Finding[];
  response?: HttpResponse;
}

const OPENID_SUFFIX = '/.well-known/openid-configuration';
const RFC8414_SEGMENT = '/.well-known/oauth-authorization-server';

export function discoveryUrls(issuer: string): string[] {
  const base = trimTrailing(issuer, '/');
  const u = new URL(base);
  const path = u.pathname === '/' ? '' : u.pathname;
  // OpenID appends; RFC 8414 inserts the well-known segment before the issuer's path.
  return [`${base}${OPENID_SUFFIX}`, `${u.origin}${RFC8414_SEGMENT}${path}`];
}

/**
 * Where to look for the metadata of what the user gave, and which issuer it must name: an issuer
 * (the two well-known locations), or the URL of a discovery document itself, which is fetched as
 * it is and whose issuer is worked out as the specs build the URL from it.
 * @see OpenID Connect Discovery 1.0 §4.1 and §4.3, RFC 8414 §3
 */
export function discoveryLocations(given: string): { urls: string[]; issuer: string } {
  const u = new URL(given);
  const openid = trimTrailing(u.pathname, '/').endsWith(OPENID_SUFFIX);
  if (openid) return { urls: [given], issuer: `${u.origin}${trimTrailing(u.pathname, '/').slice(0, -OPENID_SUFFIX.length)}` };
  if (u.pathname === RFC8414_SEGMENT || u.pathname.startsWith(`${RFC8414_SEGMENT}/`)) {
    return { urls: [given], issuer: `${u.origin}${trimTrailing(u.pathname.slice(RFC8414_SEGMENT.length), '/')}` };
  }
  return { urls: discoveryUrls(given), issuer: given };
}

/** At most this many redirects of a discovery document are followed, each on the same origin. */
const MAX_DISCOVERY_REDIRECTS = 3;

export async function discover(given: string, deps: Pick<Deps, 'http'>, timeoutMs: number): Promise<Fetched<ProviderMetadata>> {
  const { urls, issuer } = discoveryLocations(given);
  let first: Fetched<ProviderMetadata> | undefined;
  for (const url of urls) {
    let response = await getJson(url, 'The discovery document', deps, timeoutMs);
    const followed: Finding[] = [];
    const visited = new Set([url]);
    // A same-origin redirect of the document (Django's trailing slash) is followed and said; one
    // to another host is not: the metadata must come from the issuer's own origin. A loop stops.
    for (let hop = 0; hop < MAX_DISCOVERY_REDIRECTS && 'status' in response && isSameOriginRedirect(response); hop += 1) {
      const target = new URL(response.headers.location as string, response.url).toString();
      if (visited.has(target)) break;
      visited.add(target);
      followed.push(redirectFollowed(response, target));
      response = await getJson(target, 'The discovery document', deps, timeoutMs);
    }
    if (!('status' in response)) return { findings: [response] };
    const result = processDiscoveryResponse(issuer, response);
    // Said only where it led to the document: otherwise the answer's own finding says enough.
    if (result.value) result.findings.unshift(...followed);
    if (result.value) return result;
    first ??= result;
    // The RFC 8414 location is tried when the OpenID one is missing or points elsewhere.
    if (response.status !== 404 && !(response.status >= 300 && response.status < 400)) break;
  }
  return first as Fetched<ProviderMetadata>;
}

function isSameOriginRedirect(response: HttpResponse): boolean {
  const location = response.headers.location;
  if (response.status < 300 || response.status >= 400 || !location) return false;
  try {
    return new URL(location, response.url).origin === new URL(response.url).origin;
  } catch {
    return false;
  }
}

function redirectFollowed(response: HttpResponse, target: string): Finding {
  return finding({
    id: 'spec_deviation',
    severity: 'info',
    title: `The discovery document is served at ${target}`,
    detail: `${response.url} answered HTTP ${response.status} with a redirect to ${target}, on the same host; oauth-doctor followed it. Clients that build the discovery URL from the issuer and do not follow redirects (many do not) stop here.`,
    fixes: [`Give such clients the discovery URL itself (${target}), or have the provider serve the document at the URL the specs name.`],
    sources: ['OpenID Connect Discovery 1.0 §4.1', 'RFC 8414 §3'],
    evidence: { url: response.url, status: response.status, location: target },
  });
}

export function processDiscoveryResponse(expectedIssuer: string, response: HttpResponse): Fetched<ProviderMetadata> {
  const answer = readJsonAnswer(response, 'The discovery document');
  if (answer.findings.length > 0) return { findings: answer.findings, response };
  const json = answer.json as Record<string, unknown>;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof json.issuer !== 'string') {
    return {
      response,
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: 'The discovery document has no "issuer"',
          detail: `${response.url} answered JSON, but not provider metadata: "issuer" must be a string.`,
          fixes: ['Check that --issuer is the issuer URL itself (what appears in tokens as "iss").'],
          sources: ['OpenID Connect Discovery 1.0 §3', 'RFC 8414 §2'],
          evidence: { url: response.url },
        }),
      ],
    };
  }
  const metadata = json as ProviderMetadata;
  const findings: Finding[] = [];
  const template = isIssuerTemplate(metadata.issuer) ? issuerMatches(expectedIssuer, metadata.issuer) : undefined;
  if (template?.match && template.how === 'tenant') {
    findings.push(
      finding({
        id: 'issuer_mismatch',
        severity: 'info',
        title: 'A multi-tenant discovery document: its issuer is a template',
        detail: `Asked for ${expectedIssuer}, the document says "issuer": "${metadata.issuer}". The placeholder stands for each tenant: tokens name their own tenant in "iss" (and "tid"), so clients compare iss with the template filled in, not with this URL.`,
        fixes: ['In your verifier, accept the issuer of each tenant you serve (or match the template and check "tid" against an allow-list).'],
        sources: ['OpenID Connect Discovery 1.0 §4.3', 'Microsoft identity platform: ID token claims reference'],
        evidence: { expected: expectedIssuer, issuer: metadata.issuer, tenant_segment: template.tenant },
      }),
    );
  } else if (metadata.issuer !== expectedIssuer && trimTrailing(metadata.issuer, '/') !== trimTrailing(expectedIssuer, '/')) {
    findings.push(
      finding({
        id: 'issuer_mismatch',
        severity: 'error',
        title: 'The discovery document names another issuer',
        detail: `Asked for ${expectedIssuer}, the document says "issuer": "${metadata.issuer}". Clients that follow the spec refuse this, and tokens will carry the other value in "iss".`,
        fixes: [
          `Use --issuer ${metadata.issuer} if that is the real issuer.`,
          'Behind a proxy, set the provider\'s public URL (Keycloak: hostname / frontend URL) so it advertises the URL clients use.',
        ],
        sources: ['OpenID Connect Discovery 1.0 §4.3', 'RFC 8414 §3.3'],
        evidence: { expected: expectedIssuer, issuer: metadata.issuer, url: response.url },
      }),
    );
  } else if (metadata.issuer !== expectedIssuer) {
    findings.push(
      finding({
        id: 'issuer_mismatch',
        severity: 'warning',
        title: 'The issuer differs from the URL given by a trailing slash',
        detail: `Asked for ${expectedIssuer}, the document says "${metadata.issuer}". Strict clients compare exactly and fail on the slash.`,
        fixes: [`Configure clients with exactly ${metadata.issuer}.`],
        sources: ['OpenID Connect Discovery 1.0 §4.3'],
        evidence: { expected: expectedIssuer, issuer: metadata.issuer },
      }),
    );
  }
  return { value: metadata, findings, response };
}

export interface Jwks {
  keys: Array<Record<string, unknown>>;
}

export async function fetchJwks(jwksUri: string, deps: Pick<Deps, 'http'>, timeoutMs: number): Promise<Fetched<Jwks>> {
  const response = await getJson(jwksUri, 'The JWKS', deps, timeoutMs);
  return 'status' in response ? processJwksResponse(response) : { findings: [response] };
}

/** GET asking for JSON: the response, or the network_error finding when none came. */
async function getJson(url: string, what: string, deps: Pick<Deps, 'http'>, timeoutMs: number): Promise<HttpResponse | Finding> {
  try {
    return await deps.http.request({ url, headers: { accept: 'application/json' }, timeoutMs });
  } catch (err) {
    if (err instanceof NetworkError) return networkFinding(err, what);
    throw err;
  }
}

export function processJwksResponse(response: HttpResponse): Fetched<Jwks> {
  const answer = readJsonAnswer(response, 'The JWKS');
  if (answer.findings.length > 0) return { findings: answer.findings, response };
  const json = answer.json as { keys?: unknown };
  if (typeof json !== 'object' || json === null || !Array.isArray(json.keys)) {
    return {
      response,
      findings: [
        finding({
          id: 'wrong_endpoint',
          severity: 'error',
          title: 'The JWKS has no "keys" array',
          detail: `${response.url} answered JSON, but a JWK Set is an object with a "keys" array.`,
          fixes: ['Use the jwks_uri from the discovery document.'],
          sources: ['RFC 7517 §5'],
          evidence: { url: response.url },
        }),
      ],
    };
  }
  const keys = json.keys.filter((k): k is Record<string, unknown> => typeof k === 'object' && k !== null && !Array.isArray(k));
  return { value: { keys }, findings: [], response };
}
