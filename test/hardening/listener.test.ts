/**
 * The loopback listener under a real login: garbage, hostile and slow requests on the callback
 * port neither crash it, nor reach the token endpoint, nor keep the process alive.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnLogin, STACK_TRACE } from '../helpers/cli.js';
import { CONFIDENTIAL, startProvider, startTokenWrapper, type RunningProvider } from '../helpers/provider.js';
import { walk } from '../../scripts/demo/http-browser.mjs';

let provider: RunningProvider;
let wrapper: { tokenEndpoint: string; close(): Promise<void>; exchanges: Array<{ request: string }> };

beforeAll(async () => {
  provider = await startProvider();
  wrapper = await startTokenWrapper(provider.issuer, 'passthrough');
});
afterAll(async () => {
  await wrapper.close();
  await provider.close();
});

const env = { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret };
const start = () => spawnLogin(['--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--no-open', '--login-timeout', '20', '--token-endpoint', wrapper.tokenEndpoint], env);

/** Sends raw bytes to the listener and returns what came back (or '' if the socket was closed). */
function raw(port: number, bytes: Buffer | string, { wait = 2000, end = true } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c));
    socket.on('error', () => resolve(data));
    socket.on('close', () => resolve(data));
    socket.write(bytes);
    if (end) socket.end();
    setTimeout(() => {
      socket.destroy();
      resolve(data);
    }, wait).unref();
  });
}

describe.concurrent('loopback listener under attack', () => {
  it('survives a long URL, many parameters, non-UTF-8 bytes, a foreign Host and a forged state, then completes', async () => {
    const l = start();
    const url = await l.url;
    const redirect = new URL(new URL(url).searchParams.get('redirect_uri') as string);
    const port = Number(redirect.port);

    expect(await raw(port, `GET /callback?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (414|431)/); // ours, or Node's header limit
    const many = Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&');
    expect(await raw(port, `GET /callback?${many} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    const nonUtf8 = Buffer.concat([Buffer.from('GET /callback?code='), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`&state=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)]);
    expect(await raw(port, nonUtf8)).toMatch(/^HTTP\/1\.1 (400|404)/);
    expect(await raw(port, `GET /callback?code=a&state=b HTTP/1.1\r\nHost: attacker.example:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 421/);
    const forged = await fetch(`${redirect.origin}${redirect.pathname}?code=forged-code-123&state=forged-state`);
    expect(forged.status).toBe(400);
    // Repeated parameters with a forged state: refused like any forged callback, and the wait goes on.
    const repeated = await fetch(`${redirect.origin}${redirect.pathname}?code=forged-code-456&code=y&state=forged`);
    expect(repeated.status).toBe(400);

    const result = await walk(url);
    expect(result.page).toContain('Signed in');
    const done = await l.done;
    expect(done.stderr).not.toMatch(STACK_TRACE);
    expect(done.code).toBe(0);
    expect(wrapper.exchanges.some((e) => e.request.includes('forged-code-123') || e.request.includes('forged-code-456'))).toBe(false);
    // exactly one valid callback, then the port is closed
    await expect(fetch(`${redirect.origin}/callback`)).rejects.toThrow();
  });

  it('a slow client that never finishes its request neither blocks the login nor keeps the process alive', async () => {
    const l = start();
    const url = await l.url;
    const port = Number(new URL(new URL(url).searchParams.get('redirect_uri') as string).port);
    void raw(port, `GET /callback?code=slow&state=slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `, { wait: 30_000, end: false });
    const started = Date.now();
    await walk(url);
    const done = await l.done;
    expect(done.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('repeated code and state with the genuine state: ambiguous, refused, never exchanged', async () => {
    const l = start();
    const url = await l.url;
    const redirect = new URL(new URL(url).searchParams.get('redirect_uri') as string);
    const state = new URL(url).searchParams.get('state') as string;
    const res = await fetch(`${redirect.origin}${redirect.pathname}?code=dup-code-1&code=dup-code-2&state=${state}&state=${state}`);
    expect(res.status).toBe(400);
    const done = await l.done;
    expect(done.code).toBe(1);
    const out = JSON.parse(done.stdout);
    expect(out.findings[0]).toMatchObject({ id: 'invalid_request', title: 'The callback repeats "code" or "state"' });
    expect(wrapper.exchanges.some((e) => e.request.includes('dup-code'))).toBe(false);
  });
});
