/**
 * A real OpenID Provider for the tests: oidc-provider on 127.0.0.1, with clients for each case.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CONFIDENTIAL = { client_id: 'confidential-app', client_secret: 'cs-Canary-Secret-7f3a9c2e1b' };
export const PUBLIC = { client_id: 'public-app' };
/** Registered only for a non-loopback redirect_uri: the paste flow. */
export const WEB = { client_id: 'web-app', client_secret: 'ws-Canary-Secret-0d4e8b6a55', redirect_uri: 'https://app.example.test/callback' };

const loopbacks = ['http://127.0.0.1/callback', 'http://localhost/callback', 'http://[::1]/callback'];

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}

/** `authMethods` is what discovery advertises in token_endpoint_auth_methods_supported. */
export async function startProvider(options: { authMethods?: string[]; accessTokenTtl?: number } = {}): Promise<RunningProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const methods = options.authMethods ?? ['client_secret_basic', 'client_secret_post', 'none'];
  const secretMethod = methods.includes('client_secret_basic') ? 'client_secret_basic' : 'client_secret_post';
  const provider = new Provider(issuer, {
    clients: [
      {
        ...CONFIDENTIAL,
        application_type: 'native',
        redirect_uris: loopbacks,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: secretMethod,
        // Not "email": requesting it gives invalid_scope.
        scope: 'openid offline_access profile',
      },
      { ...PUBLIC, application_type: 'native', redirect_uris: loopbacks, token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'] },
      { client_id: WEB.client_id, client_secret: WEB.client_secret, redirect_uris: [WEB.redirect_uri], token_endpoint_auth_method: secretMethod },
    ],
    clientAuthMethods: methods,
    scopes: ['openid', 'offline_access', 'profile', 'email'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oauth-doctor-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: options.accessTokenTtl ?? 3600 },
    // Refresh tokens only for offline_access, as most providers do.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(g: string): boolean }, code: { scopes: Set<string> }) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  } as never);
  provider.on('server_error', () => {});
  server.on('request', provider.callback());
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
