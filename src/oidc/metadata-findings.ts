/**
 * What a provider's metadata says that matters to every command that reads it.
 * @see RFC 8414 §2, RFC 7636 §4.2
 */
import { finding, type Finding } from '../findings.js';

/** code_challenge_methods_supported without S256 (or missing): PKCE's protection cannot be relied on. */
export function pkceNotAdvertised(advertised: unknown): Finding | undefined {
  if (Array.isArray(advertised) && advertised.includes('S256')) return undefined;
  return finding({
    id: 'spec_deviation',
    severity: 'warning',
    title: Array.isArray(advertised) ? 'PKCE S256 is not advertised' : 'code_challenge_methods_supported is missing',
    detail: `code_challenge_methods_supported is ${JSON.stringify(advertised ?? null)}. Without advertised S256, clients cannot tell whether PKCE protects their codes; a provider that ignores it gives no protection against code interception.`,
    fixes: ['Enable PKCE with S256 in the provider and advertise it; RFC 9700 recommends it for every client.'],
    sources: ['RFC 7636 §4.2', 'RFC 8414 §2'],
    evidence: { code_challenge_methods_supported: advertised ?? null },
  });
}
