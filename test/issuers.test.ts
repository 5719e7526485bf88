/**
 * Issuers as other real providers have them, from their documented behaviour: a Keycloak-style
 * issuer with a path (https://host/realms/NAME), here oidc-provider mounted under /realms/demo as
 * express would mount it (scripts/demo/provider.mjs `path`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess as runCli } from './helpers/in-process.js';
import { CONFIDENTIAL, HTTP_BROWSER, type RunningProvider, SERVICE, startProvider } from './helpers/provider.js';

let realm: RunningProvider;

beforeAll(async () => {
  realm = await startProvider({ path: '/realms/demo' });
});
afterAll(async () => {
  await realm?.close();
});

describe('an issuer with a path (Keycloak realms)', () => {
  it('login discovers it under the path and verifies the ID token against it', async () => {
    expect(realm.issuer).toMatch(/\/realms\/demo$/);
    const r = await runCli(['login', '--json', '--issuer', realm.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20'], {
      env: { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    });
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.claims.id_token.iss).toBe(realm.issuer);
    expect(out.id_token_verification.signature_valid).toBe(true);
  });

  it('probe checks it; the realm\'s root without the path is a clear discovery failure', async () => {
    const ok = await runCli(['probe', '--json', '--issuer', realm.issuer, '--client-id', SERVICE.client_id], { env: { OAUTH_CLIENT_SECRET: SERVICE.client_secret } });
    expect(ok.code).toBe(0);
    const root = await runCli(['probe', '--json', '--issuer', new URL(realm.issuer).origin, '--check', 'discovery']);
    expect(root.code).toBe(1);
    expect(root.json().targets[0].checks[0].findings[0]).toMatchObject({ id: 'wrong_endpoint', title: 'The discovery document was not found (HTTP 404)' });
  });
});
