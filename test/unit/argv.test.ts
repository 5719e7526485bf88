/**
 * argv → the typed options each command's run receives, in-process through main()'s run seam:
 * defaults, flag groups that mean the same in every command, and what is refused before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { fakeDeps } from '../helpers/in-process.js';

async function optionsOf(argv: string[], env: Record<string, string> = {}, stdin?: string) {
  const f = fakeDeps({ env, ...(stdin !== undefined ? { stdin } : {}) });
  let seen: { command: string; options: any } | undefined;
  // --json: the stand-in result is printed as it is, not given to a renderer.
  const code = await main([...argv, '--json'], f.deps, {
    run: async (command, options) => {
      seen = { command, options };
      return { command, ok: true, findings: [] };
    },
  });
  return { code, seen, stderr: f.stderr(), stdout: f.stdout(), secrets: f.deps.secrets };
}

describe('argv → options', () => {
  it.each([
    [['decode', 'eyJ.x.y'], { token: 'eyJ.x.y', timeoutMs: 10_000, clockTolerance: 0, showTokens: false }],
    [['decode', '--file', 't.txt', '--timeout', '3', '--audience', 'api', '--clock-tolerance', '30'], { file: 't.txt', timeoutMs: 3000, audience: 'api', clockTolerance: 30 }],
    [['explain', 'invalid_client'], { text: 'invalid_client', log: false }],
    [['explain', '--log', '-f', 'app.log'], { file: 'app.log', log: true }],
    [
      ['login', '--issuer', 'https://idp.example.com', '--client-id', 'app'],
      { clientId: 'app', authMethod: 'auto', scope: 'openid', pkce: true, host: '127.0.0.1', ports: [0], callbackPath: '/callback', open: true, timeoutMs: 300_000, requestTimeoutMs: 10_000, clientSecretSource: 'OAUTH_CLIENT_SECRET' },
    ],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--login-timeout', '2', '--timeout', '4'], { timeoutMs: 2000, requestTimeoutMs: 4000 }],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--request-timeout', '7'], { requestTimeoutMs: 7000, timeoutMs: 300_000 }],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--no-pkce', '--port', '8000,18000', '--param', 'audience=api'], { pkce: false, ports: [8000, 18000], params: [['audience', 'api']] }],
    [['probe', '--issuer', 'https://idp.example.com'], { concurrency: 4, timeoutMs: 10_000, maxTimeMs: 300_000, strict: false }],
    [['completion', 'fish'], { shell: 'fish' }],
    [['userinfo', '--issuer', 'https://idp.example.com'], { issuer: 'https://idp.example.com', accessToken: 'at-1', accessTokenSource: 'OAUTH_ACCESS_TOKEN', timeoutMs: 10_000 }],
    [['userinfo', '--userinfo-endpoint', 'https://idp.example.com/me', '--access-token-env', 'AT', '--id-token-env', 'IDT'], { userinfoEndpoint: 'https://idp.example.com/me', accessToken: 'at-2', accessTokenSource: 'AT', idToken: 'idt-1' }],
    [
      ['token-exchange', '--issuer', 'https://idp.example.com', '--client-id', 'gw'],
      { clientId: 'gw', authMethod: 'auto', subjectToken: 'st-1', subjectTokenSource: 'OAUTH_SUBJECT_TOKEN', subjectTokenType: 'urn:ietf:params:oauth:token-type:access_token', showTokens: false },
    ],
    [
      ['token-exchange', '--token-endpoint', 'https://idp.example.com/token', '--client-id', 'gw', '--subject-token-type', 'jwt', '--requested-token-type', 'urn:ietf:params:oauth:token-type:id_token', '--actor-token-env', 'AT', '--audience', 'orders', '--resource', 'https://api.example.com', '--scope', 'read'],
      { subjectTokenType: 'urn:ietf:params:oauth:token-type:jwt', requestedTokenType: 'urn:ietf:params:oauth:token-type:id_token', actorToken: 'at-2', actorTokenSource: 'AT', actorTokenType: 'urn:ietf:params:oauth:token-type:access_token', audience: 'orders', resource: 'https://api.example.com', scope: 'read' },
    ],
    [['introspect', '--issuer', 'https://idp.example.com', '--client-id', 'api'], { clientId: 'api', authMethod: 'auto', token: 'tok-from-env-0123', tokenSource: 'OAUTH_TOKEN', timeoutMs: 10_000, showTokens: false }],
    [['introspect', '--introspection-endpoint', 'https://idp.example.com/introspect', '--client-id', 'api', '--token-env', 'MINE', '--token-type-hint', 'refresh_token', '--auth-method', 'post'], { introspectionEndpoint: 'https://idp.example.com/introspect', token: 'mine-token-0123', tokenSource: 'MINE', tokenTypeHint: 'refresh_token', authMethod: 'post' }],
    [['revoke', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--check'], { clientId: 'app', token: 'tok-from-env-0123', check: true, authMethod: 'auto' }],
    [['revoke', '--revocation-endpoint', 'https://idp.example.com/revoke', '--client-id', 'app'], { revocationEndpoint: 'https://idp.example.com/revoke', check: false }],
  ])('%j', async (argv, expected) => {
    const r = await optionsOf(argv, { OAUTH_TOKEN: 'tok-from-env-0123', MINE: 'mine-token-0123', OAUTH_ACCESS_TOKEN: 'at-1', AT: 'at-2', IDT: 'idt-1', OAUTH_SUBJECT_TOKEN: 'st-1' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.seen?.command).toBe(argv[0]);
    expect(r.seen?.options).toMatchObject(expected);
  });

  it('reads one probe target from the flags', async () => {
    const r = await optionsOf(['probe', '--issuer', 'https://idp.example.com/realms/a', '--client-id', 'ci', '--check', 'clock', '--check', 'jwks', '--expect-auth-method', 'client_secret_post']);
    expect(r.seen?.options.targets).toEqual([
      expect.objectContaining({ name: 'idp.example.com', issuer: 'https://idp.example.com/realms/a', client_id: 'ci', checks: ['clock', 'jwks'], expect: { token_endpoint_auth_method: 'client_secret_post' } }),
    ]);
  });

  it('reads the client secret from the environment, standard input or argv, and registers it as a secret', async () => {
    const fromEnv = await optionsOf(['login', '--issuer', 'https://idp.example.com', '--client-id', 'app'], { OAUTH_CLIENT_SECRET: 'env-secret-1' });
    expect(fromEnv.seen?.options.clientSecret).toBe('env-secret-1');
    expect(fromEnv.secrets.scrub('x env-secret-1 y')).not.toContain('env-secret-1');
    const named = await optionsOf(['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--client-secret-env', 'MINE'], { MINE: 'named-secret' });
    expect(named.seen?.options).toMatchObject({ clientSecret: 'named-secret', clientSecretSource: 'MINE' });
    const stdin = await optionsOf(['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--client-secret-stdin'], {}, 'stdin-secret\n');
    expect(stdin.seen?.options).toMatchObject({ clientSecret: 'stdin-secret', clientSecretSource: 'standard input' });
    // An empty variable is no secret: a public client.
    const empty = await optionsOf(['login', '--issuer', 'https://idp.example.com', '--client-id', 'app'], { OAUTH_CLIENT_SECRET: '' });
    expect(empty.seen?.options.clientSecret).toBeUndefined();
  });

  it('takes the global flags before or after the command', async () => {
    // (optionsOf adds --json after the command; here --no-color goes before or after it.)
    for (const argv of [['--no-color', 'explain', 'x'], ['explain', 'x', '--no-color']]) {
      const r = await optionsOf(argv);
      expect(JSON.parse(r.stdout)).toEqual({ command: 'explain', ok: true, findings: [] });
    }
  });

  it.each([
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--client-secret-env', 'UNSET'], /--client-secret-env UNSET: the environment variable UNSET is not set or empty/],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--auth-method', 'basic'], /--auth-method basic needs a client secret/],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--param', 'state=x'], /--param state=… would repeat a parameter the login sets itself/],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--redirect-uri', 'http://127.0.0.1:8000/cb', '--port', '9000'], /--redirect-uri fixes host, port and path already/],
    [['login', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--timeout', '0'], /--timeout needs a number of seconds between 0 and 3600/],
    [['decode', 'x', '--secret', 'a', '--secret-env', 'B'], /give either --secret or --secret-env, not both/],
    [['probe', '--config', 'targets.json', '--client-id', 'a', '--client-secret-env', 'S'], /--client-id, --client-secret-env describe one target and do not apply with --config/],
    [['probe', '--issuer', 'https://idp.example.com', '--check', 'nope'], /--check needs one of discovery, clock, jwks, client_credentials, redirect_uri, device_authorization, resource, introspection, refresh; got "nope"/],
    [['probe'], /nothing to probe: pass --issuer URL or --config FILE/],
    [['completion', 'tcsh'], /completion needs bash, zsh or fish; got "tcsh"/],
    [['userinfo', '--issuer', 'https://idp.example.com'], /no access token: set OAUTH_ACCESS_TOKEN, or use --access-token-stdin or --from FILE/],
    [['userinfo', '--issuer', 'https://idp.example.com', '--from', 'tokens.json', '--id-token-env', 'X'], /give the ID token one way/],
    [['token-exchange', '--client-id', 'gw'], /no token endpoint: pass --issuer \(discovery\) or --token-endpoint/],
    [['token-exchange', '--issuer', 'https://idp.example.com', '--client-id', 'gw', '--requested-token-type', 'saml'], /--requested-token-type needs access_token, refresh_token, id_token, jwt or a token type URI/],
    [['token-exchange', '--issuer', 'https://idp.example.com', '--client-id', 'gw', '--subject-token-stdin', '--client-secret-stdin'], /standard input can carry one secret/],
    [['introspect', '--client-id', 'api'], /no endpoint: pass --issuer \(discovery\) or --introspection-endpoint/],
    [['introspect', '--issuer', 'https://idp.example.com', '--client-id', 'api'], /no token: set OAUTH_TOKEN, or use --token-stdin or --from FILE/],
    [['introspect', '--issuer', 'https://idp.example.com', '--client-id', 'api', '--token-stdin', '--client-secret-stdin'], /standard input can carry one secret/],
    [['revoke', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--token-env', 'A', '--from', 'f.json'], /give the token one way: --token-env, --token-stdin or --from/],
    [['revoke', '--issuer', 'https://idp.example.com', '--client-id', 'app', '--token-type-hint', 'id_token'], /argument 'id_token' is invalid/],
  ])('refuses %j before anything runs', async (argv, message) => {
    const r = await optionsOf(argv);
    expect(r.code).toBe(2);
    expect(r.seen).toBeUndefined();
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
