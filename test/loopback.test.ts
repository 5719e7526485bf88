/**
 * The loopback listener's contract, tested on real sockets.
 */
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenLoopback } from '../src/loopback/listener.js';

function get(port: number, path: string, host = `127.0.0.1:${port}`, address = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('listenLoopback', () => {
  it('hands the callback to the caller and answers 404 elsewhere, favicon included', async () => {
    const l = await listenLoopback({ host: '127.0.0.1', ports: [0], callbackPath: '/callback' });
    try {
      expect(l.redirectUri).toBe(`http://127.0.0.1:${l.port}/callback`);
      expect((await get(l.port, '/favicon.ico')).status).toBe(404);
      expect((await get(l.port, '/other')).status).toBe(404);
      const pending = get(l.port, '/callback?code=abc&state=xyz');
      const cb = await l.next(AbortSignal.timeout(5000));
      expect(cb.params.get('code')).toBe('abc');
      cb.respond(200, '<h1>ok</h1>');
      expect(await pending).toEqual({ status: 200, body: '<h1>ok</h1>' });
    } finally {
      await l.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding) with 421', async () => {
    const l = await listenLoopback({ host: '127.0.0.1', ports: [0], callbackPath: '/callback' });
    try {
      expect((await get(l.port, '/callback?code=a&state=b', `evil.example:${l.port}`)).status).toBe(421);
      expect((await get(l.port, '/callback?code=a&state=b', `localhost:${l.port + 1}`)).status).toBe(421);
    } finally {
      await l.close();
    }
  });

  it('is not reachable on the machine\'s other addresses', async () => {
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    const l = await listenLoopback({ host: '127.0.0.1', ports: [0], callbackPath: '/callback' });
    try {
      if (external) await expect(get(l.port, '/callback', `127.0.0.1:${l.port}`, external.address)).rejects.toThrow(/ECONNREFUSED/);
      else expect(external).toBeUndefined(); // a machine with loopback only: nothing else to reach
    } finally {
      await l.close();
    }
  });

  it('with host localhost, answers on 127.0.0.1 (and ::1 where the machine has it)', async () => {
    const l = await listenLoopback({ host: 'localhost', ports: [0], callbackPath: '/cb' });
    try {
      expect(l.redirectUri).toBe(`http://localhost:${l.port}/cb`);
      expect((await get(l.port, '/nope', `localhost:${l.port}`)).status).toBe(404);
    } finally {
      await l.close();
    }
  });

  it('ends the wait when the signal aborts', async () => {
    const l = await listenLoopback({ host: '127.0.0.1', ports: [0], callbackPath: '/callback' });
    try {
      await expect(l.next(AbortSignal.timeout(50))).rejects.toThrow();
    } finally {
      await l.close();
    }
  });

  it('with localhost, refuses a port whose ::1 address another program holds (it would receive the code), or moves on', async () => {
    const squatter = createServer().listen(0, '::1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      await expect(listenLoopback({ host: 'localhost', ports: [taken], callbackPath: '/cb' })).rejects.toThrow(/its ::1 address is taken by another program/);
      const l = await listenLoopback({ host: 'localhost', ports: [taken, 0], callbackPath: '/cb' });
      try {
        expect(l.port).not.toBe(taken);
        expect(l.passedOver).toEqual([{ port: taken, code: 'EADDRINUSE' }]);
      } finally {
        await l.close();
      }
    } finally {
      squatter.close();
    }
  });
});
