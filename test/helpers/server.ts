/**
 * A small HTTP server on 127.0.0.1 for the tests: serves fixed routes (discovery, JWKS, faults).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, base: string) => void;

export async function startServer(routes: Record<string, Route>): Promise<{ base: string; close(): Promise<void>; hits: string[] }> {
  const hits: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(path);
    const route = routes[path];
    if (route) route(req, res, base);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Route {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** A port free on 127.0.0.1 right now (for clients registered with a fixed loopback port). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A fetch answer as `curl -i` prints it, for explain. */
export async function curlI(res: Response): Promise<string> {
  return `HTTP/1.1 ${res.status} ${res.statusText}\r\n${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${await res.text()}`;
}
