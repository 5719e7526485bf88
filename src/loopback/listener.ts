/**
 * The loopback redirect listener: binds only the loopback address asked for, answers on the
 * callback path only, refuses foreign Host headers (DNS rebinding), and hands each callback to
 * the caller, who answers it once it knows the outcome.
 * @see RFC 8252 §7.3 (loopback interface redirection), §8.3 (bind to loopback only)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../errors.js';

export type LoopbackHost = '127.0.0.1' | 'localhost' | '::1';

export interface LoopbackOptions {
  host: LoopbackHost;
  /** Tried in order; 0 means any free port. */
  ports: number[];
  callbackPath: string;
}

export interface Callback {
  /** The query parameters, all values kept (a repeated parameter is itself suspicious). */
  params: URLSearchParams;
  /** Answers the browser; the first call wins. */
  respond(status: number, html: string): void;
}

export interface LoopbackListener {
  redirectUri: string;
  port: number;
  /** Ports of --port tried before this one and why they were passed over (in use, privileged). */
  passedOver: Array<{ port: number; code: string }>;
  /** Waits for the next request on the callback path; rejects when the signal aborts. */
  next(signal: AbortSignal): Promise<Callback>;
  close(): Promise<void>;
}

const MAX_URL_LENGTH = 16 * 1024;

export async function listenLoopback(options: LoopbackOptions): Promise<LoopbackListener> {
  const queue: Callback[] = [];
  const waiters: Array<(cb: Callback) => void> = [];
  const servers: Server[] = [];
  let port = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
      if (res.headersSent) return;
      res.writeHead(status, {
        'content-type': type,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        connection: 'close',
      });
      res.end(body);
    };
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts(port).has(host)) return send(421, 'Misdirected request', 'text/plain');
    if ((req.url ?? '').length > MAX_URL_LENGTH) return send(414, 'URI too long', 'text/plain');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return send(400, 'Bad request', 'text/plain');
    }
    if (req.method !== 'GET' || url.pathname !== options.callbackPath) return send(404, 'Not found', 'text/plain');
    const callback: Callback = { params: url.searchParams, respond: (status, html) => send(status, html) };
    const waiter = waiters.shift();
    if (waiter) waiter(callback);
    else queue.push(callback);
  };

  const addresses = options.host === 'localhost' ? ['127.0.0.1', '::1'] : [options.host];
  let lastError: NodeJS.ErrnoException | undefined;
  const passedOver: LoopbackListener['passedOver'] = [];
  // "Any free port" is tried a few times: a free IPv4 port may be taken on ::1.
  const candidates = options.ports.flatMap((p) => (p === 0 ? [0, 0, 0] : [p]));
  for (const candidate of candidates) {
    try {
      const first = await bind(handler, addresses[0] as string, candidate);
      servers.push(first);
      port = (first.address() as AddressInfo).port;
      for (const extra of addresses.slice(1)) {
        // With `localhost`, browsers may pick either family. IPv6 may be off, which is fine; but
        // another program on [::1]:port would receive the code of a browser that tries ::1 first.
        try {
          servers.push(await bind(handler, extra, port));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') continue;
          await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
          throw Object.assign(new Error(`[${extra}]:${port} is in use`), { code: 'EADDRINUSE', otherFamilyTaken: extra });
        }
      }
      break;
    } catch (err) {
      lastError = err as NodeJS.ErrnoException;
      if (lastError.code !== 'EADDRINUSE' && lastError.code !== 'EACCES') break;
      if (candidate !== 0) passedOver.push({ port: candidate, code: lastError.code });
    }
  }
  if (servers.length === 0) {
    const tried = options.ports.join(', ');
    if (lastError?.code === 'EADDRINUSE') {
      const family = (lastError as { otherFamilyTaken?: string }).otherFamilyTaken;
      const where = family ? `${options.host} (its ${family} address is taken by another program, which would receive the code)` : options.host;
      const which = options.ports.length > 1 ? `ports ${tried} on ${where} are all in use` : `port ${tried} on ${where} is already in use`;
      throw new UsageError(`${which}: stop the program using it, or pass --port with another port registered for this client`);
    }
    if (lastError?.code === 'EACCES') {
      throw new UsageError(`port ${tried} on ${options.host} needs privileges to listen on: use a port above 1023 registered for this client`);
    }
    if (lastError?.code === 'EADDRNOTAVAIL') throw new UsageError(`cannot listen on ${options.host}: this machine has no such loopback address; use --host 127.0.0.1`);
    throw new UsageError(`cannot listen on ${options.host} port ${tried}: ${lastError?.code ?? lastError?.message ?? 'unknown error'}`);
  }

  const hostInUri = options.host === '::1' ? '[::1]' : options.host;
  return {
    redirectUri: `http://${hostInUri}:${port}${options.callbackPath}`,
    port,
    passedOver,
    next(signal) {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<Callback>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        const onAbort = () => {
          const i = waiters.indexOf(deliver);
          if (i !== -1) waiters.splice(i, 1);
          reject(signal.reason);
        };
        const deliver = (cb: Callback) => {
          signal.removeEventListener('abort', onAbort);
          resolve(cb);
        };
        waiters.push(deliver);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeIdleConnections();
              // A slow client that never finishes its request must not hold the process open.
              setTimeout(() => s.closeAllConnections(), 1000).unref();
            }),
        ),
      );
    },
  };
}

function allowedHosts(port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // A browser leaves the default port out of the Host header.
  return new Set([...names.map((n) => `${n}:${port}`), ...(port === 80 ? names : [])]);
}

function bind(handler: (req: IncomingMessage, res: ServerResponse) => void, address: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.requestTimeout = 10_000;
    server.headersTimeout = 5_000;
    server.maxHeadersCount = 100;
    server.once('error', reject);
    server.listen({ host: address, port, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', () => {});
      resolve(server);
    });
  });
}
