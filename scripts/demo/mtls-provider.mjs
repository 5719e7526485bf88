/**
 * A real OpenID Provider (oidc-provider) for mutual-TLS client authentication (RFC 8705), in front
 * of which sit two small HTTPS servers on 127.0.0.1, as providers deploy it:
 * - the issuer's own host, which does not ask for a client certificate (browsers sign in there);
 * - an mTLS host that asks for one (requestCert) and serves the same provider: discovery publishes
 *   it as mtls_endpoint_aliases (token, introspection, revocation, userinfo). oidc-provider 9 no
 *   longer publishes the aliases itself, so a middleware adds them to the discovery document.
 * oidc-provider reads the peer certificate of the TLS connection through features.mTLS.getCertificate;
 * tls_client_auth maps it by subject DN (RFC 4514 string) after the mTLS host checked it against
 * the client CA; self_signed_tls_client_auth by the x5t#S256 of a key in the client's jwks.
 * `strict: true` makes the mTLS host refuse a certificate from another CA in the handshake (as a
 * gateway with a client CA list does); otherwise it takes any and leaves the decision to oidc-provider.
 */
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

/** A machine client registered for tls_client_auth, mapped by subject DN; its tokens are bound to the certificate. */
export const MTLS_CLIENT = { client_id: 'mtls-app' };
/** A machine client registered for self_signed_tls_client_auth with one certificate in its jwks. */
export const SELF_SIGNED_CLIENT = { client_id: 'mtls-self-signed-app' };
export const MTLS_API_AUDIENCE = 'https://api.example.test';

const loopbacks = ['http://127.0.0.1/callback', 'http://localhost/callback'];

/** Node's X509Certificate.subject ("C=..\nCN=..") as RFC 4514 writes it ("CN=..,C=.."). */
const rfc4514 = (dn) => dn.split('\n').filter(Boolean).reverse().join(',');

async function listen(options, handler) {
  const server = createServer(options, handler);
  // A handshake the server refuses is the client's problem to diagnose, not a crash here.
  server.on('tlsClientError', () => {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `https://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * @param {{ server: { key: string, cert: string }, clientCa: string, subjectDn: string, selfSignedJwk: object, strict?: boolean }} o
 *   server: the HTTPS key pair of both hosts; clientCa: the CA (PEM) that issues client certificates;
 *   subjectDn: MTLS_CLIENT's tls_client_auth_subject_dn; selfSignedJwk: the public JWK (with x5c) of SELF_SIGNED_CLIENT's certificate.
 */
export async function startMtlsProvider({ server, clientCa, subjectDn, selfSignedJwk, strict = false }) {
  let handle = (_req, res) => res.end();
  const plain = await listen(server, (req, res) => handle(req, res));
  const mtls = await listen({ ...server, requestCert: true, rejectUnauthorized: strict, ca: [clientCa] }, (req, res) => handle(req, res));
  const issuer = plain.base;
  const peer = (ctx) => ctx.req.socket.getPeerX509Certificate?.() ?? undefined;
  const provider = new Provider(issuer, {
    clients: [
      {
        ...MTLS_CLIENT,
        token_endpoint_auth_method: 'tls_client_auth',
        tls_client_auth_subject_dn: subjectDn,
        tls_client_certificate_bound_access_tokens: true,
        grant_types: ['client_credentials', 'authorization_code'],
        response_types: ['code'],
        redirect_uris: loopbacks,
        application_type: 'native',
        scope: 'openid read write',
      },
      {
        ...SELF_SIGNED_CLIENT,
        token_endpoint_auth_method: 'self_signed_tls_client_auth',
        jwks: { keys: [selfSignedJwk] },
        tls_client_certificate_bound_access_tokens: true,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: 'read write',
      },
    ],
    clientAuthMethods: ['tls_client_auth', 'self_signed_tls_client_auth', 'client_secret_basic', 'none'],
    scopes: ['openid', 'read', 'write'],
    cookies: { keys: ['oauth-doctor-mtls-cookie-key'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      mTLS: {
        enabled: true,
        certificateBoundAccessTokens: true,
        tlsClientAuth: true,
        selfSignedTlsClientAuth: true,
        getCertificate: (ctx) => {
          const cert = peer(ctx);
          // Node gives an empty certificate object when the client sent none.
          return cert && cert.raw?.length ? cert : undefined;
        },
        certificateAuthorized: (ctx) => ctx.req.socket.authorized === true,
        certificateSubjectMatches: (ctx, property, expected) => property === 'tls_client_auth_subject_dn' && rfc4514(peer(ctx)?.subject ?? '') === expected,
      },
      // JWT access tokens for the API, so that decode can show their cnf.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => MTLS_API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'read write', audience: MTLS_API_AUDIENCE, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
  provider.on('server_error', () => {});
  // RFC 8705 §5: the endpoints that authenticate the client, on the mTLS host.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'discovery' && ctx.status === 200 && ctx.body) {
      const alias = (url) => (typeof url === 'string' ? url.replace(issuer, mtls.base) : undefined);
      ctx.body = {
        ...ctx.body,
        mtls_endpoint_aliases: {
          token_endpoint: alias(ctx.body.token_endpoint),
          introspection_endpoint: alias(ctx.body.introspection_endpoint),
          revocation_endpoint: alias(ctx.body.revocation_endpoint),
          userinfo_endpoint: alias(ctx.body.userinfo_endpoint),
        },
      };
    }
  });
  handle = provider.callback();
  return {
    issuer,
    /** The mTLS host: where mtls_endpoint_aliases point. */
    mtlsBase: mtls.base,
    close: async () => {
      await plain.close();
      await mtls.close();
    },
  };
}
