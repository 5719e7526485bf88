/**
 * Whether a token's "iss" is the issuer expected. Exact string comparison (OIDC Core §3.1.3.7),
 * with the two documented departures providers make:
 * - a multi-tenant discovery document names its issuer as a template with a {tenantid} (or
 *   {tenant}) placeholder; each token's iss names its tenant, which must equal its "tid" claim;
 * - Google's ID tokens carry iss "accounts.google.com" or "https://accounts.google.com", both
 *   documented as valid.
 * @see OpenID Connect Core 1.0 §3.1.3.7, Microsoft identity platform: ID token claims (iss, tid),
 *   Google Identity: Validate an ID token
 */

export type IssuerVerdict =
  | { match: true; how: 'exact' }
  | { match: true; how: 'tenant'; tenant: string }
  | { match: true; how: 'scheme-less' }
  | { match: false; why?: string };

const PLACEHOLDER = /\{(?:tenantid|tenant)\}/gi;
/** What a tenant segment may be (a GUID, a domain name, "common"): never "..", "/" or an escape. */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,99}$/;

/** An issuer with exactly one tenant placeholder. */
export function isIssuerTemplate(issuer: string): boolean {
  return (issuer.match(PLACEHOLDER) ?? []).length === 1;
}

/**
 * `token`: iss comes from a token, which must then carry the "tid" its tenant is checked against
 * (a template matched without it would take any tenant's token).
 */
export function issuerMatches(iss: unknown, expected: string, claims: Record<string, unknown> = {}, o: { token?: boolean } = {}): IssuerVerdict {
  if (iss === expected) return { match: true, how: 'exact' };
  if (typeof iss !== 'string') return { match: false };
  if (isIssuerTemplate(expected)) {
    const [before, after] = expected.split(PLACEHOLDER) as [string, string];
    if (iss.startsWith(before) && iss.endsWith(after) && iss.length > before.length + after.length) {
      const tenant = iss.slice(before.length, iss.length - after.length);
      if (!TENANT.test(tenant) || tenant.includes('..')) return { match: false };
      if (o.token && typeof claims.tid !== 'string') return { match: false, why: 'the token has no "tid" to check its tenant against' };
      if (typeof claims.tid === 'string' && claims.tid !== tenant) return { match: false, why: `the tenant in "iss" (${tenant}) is not the token's "tid" (${claims.tid})` };
      return { match: true, how: 'tenant', tenant };
    }
    return { match: false };
  }
  const google = ['accounts.google.com', 'https://accounts.google.com'];
  if (google.includes(iss) && google.includes(expected)) return { match: true, how: 'scheme-less' };
  return { match: false };
}
