/**
 * The built-in local demo provider: a real OpenID Provider (oidc-provider, a devDependency) on
 * 127.0.0.1, with the clients the demo and the tests use, and a small documented wrapper in front
 * of its token endpoint for the ways real providers differ from it.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

export const CONFIDENTIAL = { client_id: 'confidential-app', client_secret: 'cs-Canary-Secret-7f3a9c2e1b' };
export const PUBLIC = { client_id: 'public-app' };
/** A machine client for the client_credentials grant (probe's credentials check). */
export const SERVICE = { client_id: 'service-app', client_secret: 'ss-Canary-Secret-5b1f2e9d07' };
/** The resource indicator (and JWT audience) of the demo API; its scopes are read and write. */
export const API_AUDIENCE = 'https://api.example.test';
/**
 * A client that may exchange tokens (RFC 8693) at the demo's own token-exchange grant (below), for
 * the audiences in TOKEN_EXCHANGE_AUDIENCES only.
 */
export const EXCHANGE = { client_id: 'exchange-app', client_secret: 'xs-Canary-Secret-3c8e1f0a92' };
export const TOKEN_EXCHANGE_AUDIENCES = [API_AUDIENCE];
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/**
 * A resource server (an API registered as its own client): it introspects other clients' tokens
 * with its own credentials, and its client_credentials tokens are opaque (no default resource), so
 * the provider introspects and revokes them (it refuses JWT access tokens at both endpoints).
 */
export const RESOURCE_SERVER = { client_id: 'api-gateway', client_secret: 'rs-Canary-Secret-3c8e1a7f42' };
/** Registered only for a non-loopback redirect_uri: the paste flow. */
export const WEB = { client_id: 'web-app', client_secret: 'ws-Canary-Secret-0d4e8b6a55', redirect_uri: 'https://app.example.test/callback' };
/** Registered with require_pushed_authorization_requests (RFC 9126 §6): its authorization requests must be pushed. */
export const PAR_CLIENT = { client_id: 'par-app', client_secret: 'ps-Canary-Secret-8e2d4c6b19' };
/**
 * A client that authenticates with private_key_jwt (OpenID Connect Core §9): its public key is
 * registered (jwks), its private key is KEY_JWT.private_jwk, generated for each run (the tests
 * write it to a file, as a user's key would be).
 */
const keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
export const KEY_JWT = {
  client_id: 'key-jwt-app',
  kid: 'demo-key-1',
  private_jwk: { ...keyPair.privateKey.export({ format: 'jwk' }), kid: 'demo-key-1', alg: 'ES256' },
  public_jwk: { ...keyPair.publicKey.export({ format: 'jwk' }), kid: 'demo-key-1', alg: 'ES256', use: 'sig' },
};
/** A client that authenticates with client_secret_jwt: an HS256 assertion keyed with its secret (32+ bytes). */
export const SECRET_JWT = { client_id: 'secret-jwt-app', client_secret: 'sj-Canary-Secret-4e9a1c7d30b25f86a1d' };

// oidc-provider's development-mode notices are meant for its integrators, not for the demo's reader.
for (const level of ['info', 'warn']) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider')) return;
    original(...args);
  };
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/**
 * Who may introspect a token: its own client, or a confidential client (a resource server such as
 * RESOURCE_SERVER), as oidc-provider's default allows; said here so that it does not warn.
 */
const introspectionPolicy = (_ctx, client, token) => client.clientAuthMethod !== 'none' || token.clientId === client.clientId;

const loopbacks = ['http://127.0.0.1/callback', 'http://localhost/callback', 'http://[::1]/callback'];

async function listen(handler, port = 0) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, base: `http://127.0.0.1:${server.address().port}`, close };
}

/**
 * `authMethods` is what discovery advertises in token_endpoint_auth_methods_supported; with
 * private_key_jwt or client_secret_jwt among them, KEY_JWT and SECRET_JWT are registered.
 * `assertionAlgs` is token_endpoint_auth_signing_alg_values_supported; `assertion` makes the
 * provider stricter about client assertions than oidc-provider's defaults, as real providers are,
 * through its own hook (assertJwtClientAuthClaimsAndHeader, as its FAPI 2.0 profile does):
 * `audience` accepts only the issuer or only the token endpoint as aud (oidc-provider takes both),
 * `maxLifetime` caps exp - iat. With `dateOffsetSeconds`, iat and exp are also checked against the
 * provider's offset clock: a provider whose clock is off, not only its Date header.
 */
/**
 * `deviceInterval` is the polling interval the device authorization answer gives (oidc-provider
 * gives none, which means 5 s; real providers send 5, the tests ask for 1 to run fast);
 * `deviceCodeTtl` the device code's lifetime in seconds (oidc-provider's default is 600).
 * `tokenEndpoints: false` leaves out introspection (RFC 7662) and revocation (RFC 7009), as providers without them.
 * `requirePar` makes every client push its authorization requests (discovery then says
 * require_pushed_authorization_requests, RFC 9126 §5); `par: false` leaves the PAR endpoint out.
 * `dpopNonce` makes the provider require a DPoP nonce of its own choosing in every proof (RFC 9449 §8).
 * @param {{ authMethods?: string[], accessTokenTtl?: number, port?: number, dateOffsetSeconds?: number, path?: string, deviceInterval?: number, deviceCodeTtl?: number, tokenEndpoints?: boolean, requirePar?: boolean, par?: boolean, dpopNonce?: boolean, assertionAlgs?: string[], assertion?: { audience?: 'issuer' | 'token_endpoint', maxLifetime?: number } }} [options]
 */
export async function startProvider({ authMethods, accessTokenTtl, port, dateOffsetSeconds, path = '', deviceInterval, deviceCodeTtl, tokenEndpoints = true, requirePar = false, par = true, dpopNonce = false, assertionAlgs, assertion = {} } = {}) {
  const methods = authMethods ?? ['client_secret_basic', 'client_secret_post', 'none'];
  const secretMethod = methods.includes('client_secret_basic') ? 'client_secret_basic' : 'client_secret_post';
  let callback = (_req, res) => res.end();
  // `path` mounts the provider under a path, as Keycloak's issuers are (https://host/realms/NAME):
  // the issuer carries it, and requests outside it are 404s.
  const mounted = (req, res) => {
    if (!path) return callback(req, res);
    if (req.url !== path && !req.url.startsWith(`${path}/`) && !req.url.startsWith(`${path}?`)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('Not Found');
    }
    // As express mounts it: oidc-provider reads its mount path from originalUrl.
    req.originalUrl = req.url;
    req.url = req.url.slice(path.length) || '/';
    return callback(req, res);
  };
  const listening = await listen(mounted, port);
  const issuer = `${listening.base}${path}`;
  const { close } = listening;
  const provider = new Provider(issuer, {
    clients: [
      {
        ...CONFIDENTIAL,
        application_type: 'native',
        redirect_uris: loopbacks,
        grant_types: ['authorization_code', 'refresh_token', DEVICE_GRANT],
        response_types: ['code'],
        token_endpoint_auth_method: secretMethod,
        // Not "email": requesting it gives invalid_scope.
        scope: 'openid offline_access profile',
      },
      { ...PUBLIC, application_type: 'native', redirect_uris: loopbacks, token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token', DEVICE_GRANT] },
      { client_id: WEB.client_id, client_secret: WEB.client_secret, redirect_uris: [WEB.redirect_uri], token_endpoint_auth_method: secretMethod },
      { ...SERVICE, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], token_endpoint_auth_method: secretMethod, scope: 'read write' },
      { ...EXCHANGE, grant_types: [TOKEN_EXCHANGE], response_types: [], redirect_uris: [], token_endpoint_auth_method: secretMethod, scope: 'read write' },
      { ...RESOURCE_SERVER, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], token_endpoint_auth_method: secretMethod, scope: 'read' },
      { ...PAR_CLIENT, application_type: 'native', redirect_uris: loopbacks, token_endpoint_auth_method: secretMethod, require_pushed_authorization_requests: true, scope: 'openid offline_access profile' },
      ...(methods.includes('private_key_jwt')
        ? [{ client_id: KEY_JWT.client_id, application_type: 'native', redirect_uris: loopbacks, grant_types: ['authorization_code', 'refresh_token', 'client_credentials'], response_types: ['code'], token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [KEY_JWT.public_jwk] }, scope: 'openid offline_access profile read' }]
        : []),
      ...(methods.includes('client_secret_jwt')
        ? [{ ...SECRET_JWT, application_type: 'native', redirect_uris: loopbacks, grant_types: ['authorization_code', 'refresh_token', 'client_credentials'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_jwt', scope: 'openid offline_access profile read' }]
        : []),
    ],
    ...(assertionAlgs ? { enabledJWA: { clientAuthSigningAlgValues: assertionAlgs } } : {}),
    assertJwtClientAuthClaimsAndHeader: async (ctx, claims) => {
      const refuse = (why) => {
        throw new errors.InvalidClientAuth(why);
      };
      if (assertion.audience === 'issuer' && claims.aud !== ctx.oidc.issuer) refuse('audience (aud) must equal the issuer identifier url');
      if (assertion.audience === 'token_endpoint' && claims.aud !== ctx.oidc.urlFor('token')) refuse('audience (aud) must equal the token endpoint url');
      if (assertion.maxLifetime && claims.exp - claims.iat > assertion.maxLifetime) refuse('client_assertion lifetime too long');
      if (dateOffsetSeconds) {
        const now = Math.floor(Date.now() / 1000) + dateOffsetSeconds;
        if (claims.exp <= now - 5) refuse('jwt expired');
        if (claims.iat > now + 5) refuse('jwt issued in the future');
      }
    },
    clientAuthMethods: methods,
    scopes: ['openid', 'offline_access', 'profile', 'email', 'read', 'write'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oauth-doctor-demo-cookie-key'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      // The device authorization grant (RFC 8628), for login --device; web-app and service-app may not use it.
      deviceFlow: { enabled: true },
      // Pushed authorization requests (RFC 9126), for login --par; required of every client with requirePar.
      pushedAuthorizationRequests: { enabled: par, requirePushedAuthorizationRequests: requirePar },
      // DPoP (RFC 9449), for --dpop; with dpopNonce every proof must carry the provider's nonce.
      dPoP: { enabled: true, ...(dpopNonce ? { nonceSecret: Buffer.alloc(32, 7), requireNonce: () => true } : {}) },
      // Opaque tokens only: oidc-provider answers unsupported_token_type for a JWT at both.
      introspection: { enabled: tokenEndpoints, allowedPolicy: introspectionPolicy },
      revocation: { enabled: tokenEndpoints },
      // JWT access tokens for the demo API, for the machine client only.
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx, client) => (client?.clientId === SERVICE.client_id ? API_AUDIENCE : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'read write', audience: API_AUDIENCE, accessTokenTTL: accessTokenTtl ?? 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    ttl: { AccessToken: accessTokenTtl ?? 3600, ...(deviceCodeTtl ? { DeviceCode: deviceCodeTtl } : {}) },
    // Delegation by token exchange: who acts for the subject (RFC 8693 §4.1).
    extraTokenClaims: (_ctx, token) => (token.exchangeActor ? { act: { sub: token.exchangeActor } } : undefined),
    // Refresh tokens only for offline_access, as most providers do.
    issueRefreshToken: async (_ctx, client, code) => client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  });
  provider.on('server_error', () => {});
  if (deviceInterval) {
    provider.use(async (ctx, next) => {
      await next();
      if (ctx.oidc?.route === 'device_authorization' && ctx.status === 200 && ctx.body) ctx.body = { ...ctx.body, interval: deviceInterval };
    });
  }
  registerTokenExchange(provider);
  const handle = provider.callback();
  // A provider whose clock is off: its Date header lies by dateOffsetSeconds.
  callback = dateOffsetSeconds
    ? (req, res) => {
        const writeHead = res.writeHead.bind(res);
        res.writeHead = (...args) => {
          res.setHeader('date', new Date(Date.now() + dateOffsetSeconds * 1000).toUTCString());
          return writeHead(...args);
        };
        handle(req, res);
      }
    : handle;
  return { issuer, close };
}

/**
 * Token exchange (RFC 8693), which oidc-provider does not have, as a grant of its own
 * (provider.registerGrantType): the subject token must be an access token this provider issued
 * and still holds (opaque, as logins get them: AccessToken.find), the audience one of
 * TOKEN_EXCHANGE_AUDIENCES (default the demo API); the new token is a JWT access token for that
 * audience, for the subject's user, with scope read and/or write. An actor token (delegation), when
 * sent, must be such an access token too and is named in an "act" claim (RFC 8693 §4.1).
 * Refusals are RFC 8693 §2.2.2's: invalid_request for a bad subject or actor token or token type,
 * invalid_target for an audience not allowed.
 */
function registerTokenExchange(provider) {
  const { InvalidRequest, InvalidTarget, InvalidScope } = errors;
  const accessToken = async (value, type, name) => {
    if (type !== ACCESS_TOKEN_TYPE) throw new InvalidRequest(`${name}_type ${type ?? '(none)'} is not supported: only access tokens of this provider are exchanged`);
    const token = await provider.AccessToken.find(value);
    if (!token || token.isExpired || !token.accountId) throw new InvalidRequest(`${name} is invalid, expired or not a user's access token of this provider`);
    return token;
  };
  const handler = async (ctx) => {
    const { params, client } = ctx.oidc;
    if (params.requested_token_type && params.requested_token_type !== ACCESS_TOKEN_TYPE) throw new InvalidRequest('requested_token_type: only access tokens are issued');
    const subject = await accessToken(params.subject_token, params.subject_token_type, 'subject_token');
    const actor = params.actor_token ? await accessToken(params.actor_token, params.actor_token_type, 'actor_token') : undefined;
    const audience = params.audience ?? API_AUDIENCE;
    if (!TOKEN_EXCHANGE_AUDIENCES.includes(audience)) throw new InvalidTarget(`the audience ${audience} is not allowed for this client`);
    const asked = (params.scope ?? 'read').split(' ').filter(Boolean);
    const refused = asked.filter((s) => !['read', 'write'].includes(s));
    if (refused.length > 0) throw new InvalidScope(`scope ${refused.join(' ')} is not available for ${audience}`);
    const token = new provider.AccessToken({
      accountId: subject.accountId,
      client,
      scope: asked.join(' '),
      gty: 'token_exchange',
    });
    // Read by extraTokenClaims (the provider's configuration) into the JWT's claims.
    if (actor) token.exchangeActor = actor.accountId;
    token.resourceServer = new provider.ResourceServer(audience, { audience, scope: 'read write', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } });
    const value = await token.save();
    ctx.body = { access_token: value, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: token.expiration, scope: token.scope };
  };
  provider.registerGrantType(TOKEN_EXCHANGE, handler, ['subject_token', 'subject_token_type', 'actor_token', 'actor_token_type', 'requested_token_type', 'audience', 'scope']);
}

/**
 * A wrapper in front of the provider's token endpoint, to behave as real providers do where
 * oidc-provider does not (it accepts both secret methods for a secret client):
 * - `basic-only` / `post-only`: strict servers that accept client credentials one way only and
 *   answer the other with 401 {"error":"invalid_client"};
 * - `github`: GitHub, which answers token errors with HTTP 200 and its own codes;
 * - `html-404`: a wrong token URL that lands on a web server's HTML 404 page;
 * - `redirect`: a token URL that redirects (http→https, a login page), which must not be followed;
 * - `sloppy`: a server whose successful answer bends RFC 6749 §5.1 ("expires_in" as a string,
 *   "token_type" in lower case), as several do;
 * - `empty-scope`: a successful answer whose "scope" is "" (granted nothing, or a server that means
 *   "as requested" and says it wrongly);
 * - `escapes`: a successful answer with members whose names and values carry terminal escape
 *   sequences, bidi controls and line separators (a hostile or broken server);
 * - `slow-down-once`: a provider that answers the first device-flow poll with slow_down, as GitHub
 *   and others do to a client that polls faster than they like (RFC 8628 §3.5);
 * - `dpop-proxy`: a reverse proxy that forwards the DPoP header (and the DPoP-Nonce answer) under
 *   its own URL, so the proof's htu names the proxy, not the provider's token endpoint: the
 *   provider answers invalid_dpop_proof "htu mismatch", as behind a proxy that rewrites the host;
 * - `echo-assertion`: a careless server that refuses a client assertion and quotes it back in its
 *   error_description (the canary sweep: the assertion must never reach the output);
 * - `passthrough`: nothing changed, only recorded (a DPoP header is not forwarded: a provider
 *   behind it ignores DPoP and issues Bearer tokens).
 * Everything else is forwarded unchanged to the real token endpoint.
 */
export async function startTokenWrapper(issuer, mode) {
  const upstream = `${issuer}/token`;
  /** Every exchange that reached the provider, for tests that check nothing secret leaks. */
  const exchanges = [];
  let slowedDown = false;
  return listen((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const send = (status, json, headers = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(json));
      };
      if (new URL(req.url, 'http://x').pathname !== '/token' || mode === 'html-404') {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
        return;
      }
      if (mode === 'redirect') {
        res.writeHead(302, { location: 'https://idp.example.test/login?next=/token' });
        res.end();
        return;
      }
      const body = Buffer.concat(chunks).toString();
      if (mode === 'slow-down-once' && new URLSearchParams(body).get('grant_type') === DEVICE_GRANT && !slowedDown) {
        slowedDown = true;
        return send(400, { error: 'slow_down', error_description: 'you are polling too quickly' });
      }
      const assertion = new URLSearchParams(body).get('client_assertion');
      if (mode === 'echo-assertion' && assertion) {
        exchanges.push({ request: body, authorization: '', response: '' });
        return send(401, { error: 'invalid_client', error_description: `client_assertion ${assertion} is not valid for client_assertion=${encodeURIComponent(assertion)}` });
      }
      const usesBasic = /^basic /i.test(req.headers.authorization ?? '');
      if (mode === 'basic-only' && !usesBasic) {
        return send(401, { error: 'invalid_client', error_description: 'client credentials must be sent with HTTP Basic' }, { 'www-authenticate': 'Basic realm="token"' });
      }
      if (mode === 'post-only' && usesBasic) return send(401, { error: 'invalid_client', error_description: 'client authentication failed' });
      const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      if (mode === 'dpop-proxy' && req.headers.dpop) headers.dpop = req.headers.dpop;
      const upstreamRes = await fetch(upstream, { method: 'POST', headers, body });
      const text = await upstreamRes.text();
      exchanges.push({ request: body, authorization: req.headers.authorization ?? '', response: text, ...(req.headers.dpop ? { dpop: req.headers.dpop } : {}) });
      if (mode === 'github' && upstreamRes.status >= 400) {
        const github = {
          invalid_client: ['incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.'],
          invalid_grant: ['bad_verification_code', 'The code passed is incorrect or expired.'],
        };
        const { error } = JSON.parse(text);
        const [code, description] = github[error] ?? [error, ''];
        return send(200, { error: code, error_description: description, error_uri: `https://docs.github.com/apps/oauth#${code}` });
      }
      if (mode === 'empty-scope' && upstreamRes.ok) return send(200, { ...JSON.parse(text), scope: '' });
      if (mode === 'escapes' && upstreamRes.ok) {
        return send(200, { ...JSON.parse(text), '\u001b]0;TITLE\u0007\u001b[2J': 'x', note: '\u001b]8;;https://evil.example\u001b\\click\u202egnp.exe\u2028\u0085' });
      }
      if (mode === 'sloppy' && upstreamRes.ok) {
        const tokens = JSON.parse(text);
        return send(200, { ...tokens, expires_in: String(tokens.expires_in), token_type: 'bearer' });
      }
      const nonce = mode === 'dpop-proxy' ? upstreamRes.headers.get('dpop-nonce') : null;
      res.writeHead(upstreamRes.status, { 'content-type': upstreamRes.headers.get('content-type') ?? 'application/json', ...(nonce ? { 'dpop-nonce': nonce } : {}) });
      res.end(text);
    });
  }).then(({ base, close }) => ({ tokenEndpoint: `${base}/token`, base, close, exchanges }));
}
