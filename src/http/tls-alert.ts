/**
 * Why a TLS connection broke: in TLS 1.3 the client's handshake is over before the server has
 * judged the client certificate, so a server that refuses it (or wants one) closes the connection
 * mid-request and the HTTP client sees only "other side closed". One more handshake, made here
 * with the same trust and certificate, reads the alert the server sends, as `openssl s_client`
 * would show it.
 * @see RFC 8446 §4.4.2.4 and §6.2 (certificate_required, unknown_ca, bad_certificate)
 */
/** The OpenSSL alert code Node gives ("ERR_SSL_TLSV1_ALERT_UNKNOWN_CA"), or undefined when the server sends none. */
export async function readTlsAlert(url: string, tls: { ca?: string[]; cert?: string; key?: string }, timeoutMs: number): Promise<string | undefined> {
  // Loaded here, not at the top: commands that never fail a handshake must not load the network modules at start.
  const [{ connect }, { isIP }] = await Promise.all([import('node:tls'), import('node:net')]);
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 443), ...(isIP(u.hostname) ? {} : { servername: u.hostname }), ALPNProtocols: ['http/1.1'], ...tls });
    const done = (code?: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => done(), timeoutMs);
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code?.startsWith('ERR_SSL_') && err.code.includes('ALERT') ? err.code : undefined));
    // The alert comes when the server reads what follows the handshake.
    socket.on('secureConnect', () => socket.write(`HEAD ${u.pathname} HTTP/1.1\r\nhost: ${u.host}\r\nconnection: close\r\n\r\n`));
    socket.on('data', () => done());
    socket.on('end', () => done());
  });
}
