/**
 * Whether a URL points at this machine's loopback interface, the one exception RFC 8252 §7.3 and
 * RFC 6749 §3.1.2.1 make to https and exact ports. A module of its own so that checking a URL
 * does not load the listener (node:http).
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Plain http:// to another machine: what carries a credential, a code or a key must not travel so. */
export function isInsecureRemoteUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'http:' && !isLoopbackUrl(url);
  } catch {
    return false;
  }
}

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}
