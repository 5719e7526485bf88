/**
 * HTTP_PROXY / HTTPS_PROXY / NO_PROXY: every request of a run goes through the proxy they name,
 * here a real forward proxy on 127.0.0.1 in front of a real provider, and NO_PROXY is honoured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startForwardProxy, type RunningProxy } from './helpers/forward-proxy.js';
import { runInProcess as runCli } from './helpers/in-process.js';
import { SERVICE, startProvider, type RunningProvider } from './helpers/provider.js';

let provider: RunningProvider;
let proxy: RunningProxy;

beforeAll(async () => {
  provider = await startProvider();
  proxy = await startForwardProxy();
});
afterAll(async () => {
  await proxy?.close();
  await provider?.close();
});

const probe = (env: Record<string, string>) =>
  runCli(['probe', '--json', '--issuer', provider.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret, ...env } });

describe('proxies from the environment', () => {
  it('probe reaches the provider through HTTP_PROXY: discovery, keys and tokens all pass through it', async () => {
    proxy.seen.length = 0;
    const r = await probe({ HTTP_PROXY: proxy.url, NO_PROXY: '' });
    expect(r.code).toBe(0);
    // undici tunnels with CONNECT and keeps the tunnel for the run's requests.
    const host = new URL(provider.issuer).host;
    expect(proxy.seen.length).toBeGreaterThanOrEqual(1);
    expect(proxy.seen.every((s) => s.includes(host))).toBe(true);
  });

  it('honours NO_PROXY', async () => {
    proxy.seen.length = 0;
    const r = await probe({ http_proxy: proxy.url, no_proxy: '127.0.0.1' });
    expect(r.code).toBe(0);
    expect(proxy.seen).toEqual([]);
  });

  it('a proxy that is down is a network_error that names the proxy setting', async () => {
    const r = await probe({ HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' });
    expect(r.code).toBe(1);
    const discovery = r.json().targets[0].checks[0];
    expect(discovery.findings[0]).toMatchObject({ id: 'network_error', title: 'The discovery document could not be reached (ECONNREFUSED) through the proxy' });
    expect(discovery.findings[0].fixes[0]).toBe('Check the proxy: is http://127.0.0.1:9 up, and does it allow this host? Hosts listed in NO_PROXY are reached directly (HTTPS_PROXY / HTTP_PROXY / NO_PROXY).');
  });
});
