import type { KnowledgeEntry } from '../types.js';

const PASSPORT = '000_771f3fde50da5341.txt (passport-oauth2 InternalOAuthError: unreachable token endpoint)';
const NODE_ERRORS = 'Node.js docs: Errors (Common system errors)';
const NODE_TLS = 'Node.js docs: TLS (X509 certificate error codes)';
const NODE_CLI = 'Node.js docs: Command-line options (NODE_EXTRA_CA_CERTS)';
const UNDICI = 'undici docs: Errors';

const CA_FIX =
  'Give Node the CA that signed the server certificate: `NODE_EXTRA_CA_CERTS=/path/to/corporate-or-private-ca.pem node app.js` (PEM, read once at start-up), or pass it as the `ca` option of the HTTPS agent.';
const NO_REJECT =
  'Do not set NODE_TLS_REJECT_UNAUTHORIZED=0 (or rejectUnauthorized: false) outside a throw-away test: it turns off certificate checks for every connection and lets anyone in the middle read tokens and secrets.';

/** Network and TLS failures between the client and the authorization server or API. */
export const networkEntries: readonly KnowledgeEntry[] = [
  {
    key: 'network.connection_refused',
    finding: 'network_error',
    severity: 'error',
    title: 'Connection refused: nothing listens at that host and port',
    meaning:
      'The TCP connection was actively refused (ECONNREFUSED): the host is reachable but no server accepts connections on that port. No HTTP request was made, ' +
      'so there is no OAuth answer to look at.',
    causes: [
      'The authorization server or API is not running, or listens on another port.',
      'Inside a container, "localhost" / 127.0.0.1 points at the container itself, not at the host or the provider container.',
      'The URL uses the wrong port or scheme (http on the https port, or the reverse).',
    ],
    fixes: [
      'Check the host and port in the token / issuer URL and that the server is up (`curl -v <url>` from the same machine or container).',
      'In Docker Compose, use the service name (http://keycloak:8080) instead of localhost, and make the issuer URL the same for browser and server.',
      'Check firewalls or security groups between the app and the server.',
    ],
    sources: [NODE_ERRORS],
    provenance: [PASSPORT],
    match: [{ code: ['node:ECONNREFUSED'] }, { text: /\bconnect ECONNREFUSED\b/ }],
  },
  {
    key: 'network.dns_failure',
    finding: 'network_error',
    severity: 'error',
    title: 'The host name could not be resolved (DNS)',
    meaning:
      'Node could not turn the host name into an address: ENOTFOUND means the name does not exist for this resolver, EAI_AGAIN a temporary DNS failure.',
    causes: [
      'A typo in the host of the issuer / token URL, or a placeholder left in configuration (e.g. {tenant}, your-domain).',
      'The host exists only on another network (VPN, internal DNS, Docker network).',
      'No DNS or no network in the container / CI runner (EAI_AGAIN).',
    ],
    fixes: [
      'Print the exact URL the client uses and resolve its host from the same machine (`nslookup host` or `getent hosts host`).',
      'Fix the host in configuration; take endpoints from the issuer\'s discovery document.',
      'For EAI_AGAIN, check the container\'s DNS settings and network, then retry.',
    ],
    sources: [NODE_ERRORS],
    provenance: [PASSPORT],
    match: [{ code: ['node:ENOTFOUND', 'node:EAI_AGAIN'] }, { text: /\bgetaddrinfo (?:ENOTFOUND|EAI_AGAIN)\b/ }],
  },
  {
    key: 'network.timeout',
    finding: 'network_error',
    severity: 'error',
    title: 'The connection or the response timed out',
    meaning:
      'The server did not answer in time: either the TCP connection never completed (ETIMEDOUT, UND_ERR_CONNECT_TIMEOUT) or it connected but sent no response ' +
      'headers / body in time (UND_ERR_HEADERS_TIMEOUT, UND_ERR_BODY_TIMEOUT).',
    causes: [
      'A firewall silently drops the traffic (outbound rules, security groups, egress restrictions).',
      'An HTTP(S) proxy is required to reach the Internet but the client does not use it.',
      'The server is overloaded or hangs on this request.',
    ],
    fixes: [
      'Test from the same host: `curl -v --max-time 10 <token url>`.',
      'If a proxy is required, configure it for the client (Node\'s fetch does not read HTTPS_PROXY by itself; use an undici ProxyAgent or the library\'s proxy option).',
      'Open the outbound route to the provider, or raise the client timeout if the server is merely slow.',
    ],
    sources: [NODE_ERRORS, UNDICI],
    provenance: [PASSPORT],
    match: [
      { code: ['node:ETIMEDOUT', 'node:UND_ERR_CONNECT_TIMEOUT', 'node:UND_ERR_HEADERS_TIMEOUT', 'node:UND_ERR_BODY_TIMEOUT'] },
      { text: /\bconnect ETIMEDOUT\b|\bConnect Timeout Error\b|\bHeaders Timeout Error\b/ },
    ],
  },
  {
    key: 'network.connection_reset',
    finding: 'network_error',
    severity: 'error',
    title: 'The connection was closed abruptly (reset / socket hang up)',
    meaning:
      'The other side (or something between) closed the connection before a full response arrived: ECONNRESET, "socket hang up", or undici\'s UND_ERR_SOCKET "other side closed".',
    causes: [
      'A proxy, load balancer or firewall cut the connection (idle timeout, TLS inspection, blocked host).',
      'A plain http request was sent to a TLS port, or the reverse, and the server dropped it.',
      'A kept-alive connection was reused after the server had closed it.',
      'The server crashed or restarted while handling the request.',
    ],
    fixes: [
      'Retry once; if it repeats, call the URL with `curl -v` from the same host to see where the connection ends.',
      'Check the scheme and port of the URL (https:// for port 443).',
      'Check proxy / firewall logs for the provider\'s host name.',
    ],
    sources: [NODE_ERRORS, UNDICI],
    provenance: [PASSPORT],
    match: [{ code: ['node:ECONNRESET', 'node:UND_ERR_SOCKET'] }, { text: /\bsocket hang up\b|\bother side closed\b/i }],
  },
  {
    key: 'network.host_unreachable',
    finding: 'network_error',
    severity: 'error',
    title: 'No route to the host or network',
    meaning: 'The operating system has no route to the server\'s address (EHOSTUNREACH, ENETUNREACH): the packets cannot leave toward it.',
    causes: [
      'The server is on a private network (VPN, VPC) the client is not connected to.',
      'An IPv6 address was chosen but the machine has no IPv6 connectivity.',
    ],
    fixes: [
      'Connect the client to the network that hosts the server, or use its public URL.',
      'If the host resolves to IPv6 only where IPv4 works, prefer IPv4 (`--dns-result-order=ipv4first`).',
    ],
    sources: [NODE_ERRORS],
    match: [{ code: ['node:EHOSTUNREACH', 'node:ENETUNREACH'] }],
  },
  {
    key: 'network.tls_self_signed',
    finding: 'network_error',
    severity: 'error',
    title: 'TLS: the server\'s certificate is self-signed or signed by an untrusted CA',
    meaning:
      'Node refused the TLS connection because the certificate chain ends in a certificate it does not trust: a self-signed server certificate ' +
      '(DEPTH_ZERO_SELF_SIGNED_CERT) or a private root in the chain (SELF_SIGNED_CERT_IN_CHAIN), typical of local Keycloak/IdentityServer setups and of corporate proxies that inspect TLS.',
    causes: [
      'The authorization server uses a self-signed or internal-CA certificate (development, on-premises).',
      'A corporate proxy or antivirus re-signs HTTPS traffic with its own root CA, which the OS trusts but Node does not (Node has its own CA list).',
    ],
    fixes: [CA_FIX, 'Or give the server a certificate from a public CA (e.g. Let\'s Encrypt).', NO_REJECT],
    sources: [NODE_TLS, NODE_CLI],
    provenance: [PASSPORT],
    match: [
      { code: ['node:DEPTH_ZERO_SELF_SIGNED_CERT', 'node:SELF_SIGNED_CERT_IN_CHAIN'] },
      { text: /\bself[- ]signed certificate\b/i },
    ],
  },
  {
    key: 'network.tls_untrusted_chain',
    finding: 'network_error',
    severity: 'error',
    title: 'TLS: the certificate chain cannot be verified',
    meaning:
      'Node could not build a chain from the server certificate to a trusted root: "unable to verify the first certificate" (UNABLE_TO_VERIFY_LEAF_SIGNATURE) usually ' +
      'means the server does not send its intermediate certificate; "unable to get local issuer certificate" (UNABLE_TO_GET_ISSUER_CERT_LOCALLY) means the issuing CA is not in Node\'s store.',
    causes: [
      'The server is configured with only its leaf certificate, without the intermediate chain (browsers often hide this by fetching intermediates themselves).',
      'The issuing CA is private or a TLS-inspecting proxy\'s CA.',
    ],
    fixes: [
      'On the server, install the full chain (leaf + intermediates, e.g. fullchain.pem); check with `openssl s_client -connect host:443 -showcerts`.',
      CA_FIX,
      NO_REJECT,
    ],
    sources: [NODE_TLS, NODE_CLI],
    provenance: [PASSPORT],
    match: [
      { code: ['node:UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'node:UNABLE_TO_GET_ISSUER_CERT_LOCALLY'] },
      { text: /\bunable to verify the first certificate\b|\bunable to get local issuer certificate\b/i },
      // The same words inside an OAuth error's description are the cause its code only classifies (a JWKS fetch that failed TLS).
      { code: ['invalid_client', 'invalid_grant', 'invalid_request', 'server_error'], text: /\bunable to verify the first certificate\b|\bunable to get local issuer certificate\b/i },
    ],
  },
  {
    key: 'network.tls_cert_expired',
    finding: 'network_error',
    severity: 'error',
    title: 'TLS: the server\'s certificate has expired',
    meaning: 'The certificate presented by the server (or one in its chain) is past its validity end date (CERT_HAS_EXPIRED), so Node refuses the connection.',
    causes: [
      'The server\'s certificate was not renewed.',
      'An expired intermediate or cross-signed root is still served in the chain.',
      'The client machine\'s clock is far off, making a valid certificate look expired.',
    ],
    fixes: [
      'Renew the server certificate and serve the current chain; check dates with `openssl s_client -connect host:443 | openssl x509 -noout -dates`.',
      'Check the client\'s clock (NTP).',
      NO_REJECT,
    ],
    sources: [NODE_TLS],
    match: [{ code: ['node:CERT_HAS_EXPIRED'] }, { text: /\bcertificate has expired\b/i }],
  },
  {
    key: 'network.tls_altname_mismatch',
    finding: 'network_error',
    severity: 'error',
    title: 'TLS: the certificate is for another host name',
    meaning:
      'The certificate is valid but does not list the host name in the URL among its subject alternative names (ERR_TLS_CERT_ALTNAME_INVALID: "Hostname/IP does not match certificate\'s altnames").',
    causes: [
      'The URL uses an IP address, an internal name or a container name while the certificate is for the public name.',
      'The URL points at a shared host / CDN that serves another site\'s certificate (missing SNI, wrong domain).',
    ],
    fixes: [
      'Call the server by a name the certificate lists (the issuer\'s public host name), and make the issuer URL consistent across browser and server.',
      'Or issue a certificate that includes the name you use.',
      NO_REJECT,
    ],
    sources: [NODE_TLS, NODE_ERRORS],
    match: [{ code: ['node:ERR_TLS_CERT_ALTNAME_INVALID'] }, { text: /\bdoes not match certificate'?s altnames\b/i }],
  },
  {
    key: 'network.tls_wrong_protocol',
    finding: 'network_error',
    severity: 'error',
    title: 'TLS handshake failed: probably https to a plain-http port',
    meaning:
      'The TLS handshake failed at protocol level (EPROTO), typically "wrong version number": the client spoke TLS to a port that answers plain HTTP, or a proxy intercepted it.',
    causes: [
      'The URL says https:// but the server listens with plain http on that port (a local Keycloak on 8080, for instance).',
      'An http proxy is used as if it were an https proxy.',
    ],
    fixes: [
      'Use http:// for a plain-http development port, or the server\'s TLS port with https://.',
      'Check the proxy URL scheme in HTTPS_PROXY.',
    ],
    sources: [NODE_ERRORS],
    match: [{ code: ['node:EPROTO'] }, { text: /\bwrong version number\b/i }],
  },
  {
    key: 'network.fetch_failed',
    finding: 'network_error',
    severity: 'error',
    title: 'fetch failed: the request did not reach the server',
    meaning:
      'Node\'s fetch (undici) throws "TypeError: fetch failed" for every network-level failure and puts the real reason in err.cause (a DNS, connection, timeout or TLS error).',
    causes: ['See err.cause: DNS failure, refused connection, timeout, or certificate problem.'],
    fixes: [
      'Log `err.cause` (e.g. `console.error(err.cause)`) and explain that message or code.',
      'Call the same URL with `curl -v` from the same machine.',
    ],
    sources: [UNDICI],
    provenance: [PASSPORT],
    match: [{ text: /\bfetch failed\b/i }],
    priority: -1,
  },
];
