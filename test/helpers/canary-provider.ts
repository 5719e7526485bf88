/**
 * A minimal authorization server whose every secret is a recognisable canary, for the sweep that
 * proves none of them reaches output. It issues a fixed code and fixed tokens, records the
 * code_verifier the CLI sends, and in its failure modes echoes secrets back inside error messages,
 * as careless servers do.
 */
import { createHash } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startServer } from './server.js';

export const CANARY = {
  secret: 'CANARYSECRET-4f1d2c9b7e',
  code: 'CANARYCODE-8a7b6c5d4e3f',
  access: 'CANARYACCESS-1a2b3c4d5e6f7a8b',
  refresh: 'CANARYREFRESH-9f8e7d6c5b4a',
  rotated: 'CANARYROTATED-5e5e5e5e5e5e',
};

export async function startCanaryProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'canary', alg: 'RS256', use: 'sig' };
  const pending = new Map<string, { nonce: string; challenge: string; client_id: string }>();
  const seen = { verifiers: [] as string[], idTokens: [] as string[], proofs: [] as string[] };
  let issuer = '';
  /** Each request's body as it came, for echoing it as careless servers do. */
  const rawBodies = new WeakMap<URLSearchParams, string>();
  const readBody = (req: import('node:http').IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const params = new URLSearchParams(body);
        rawBodies.set(params, body);
        resolve(params);
      });
    });
  const send = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const server = await startServer({
    '/.well-known/openid-configuration': (_req, res) =>
      send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        id_token_signing_alg_values_supported: ['RS256'],
      }),
    '/jwks': (_req, res) => send(res, 200, { keys: [jwk] }),
    '/auth': (req, res) => {
      const q = new URL(req.url ?? '', issuer).searchParams;
      pending.set(CANARY.code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', client_id: q.get('client_id') ?? '' });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', CANARY.code);
      back.searchParams.set('state', q.get('state') ?? '');
      back.searchParams.set('iss', issuer);
      res.writeHead(302, { location: back.toString() });
      res.end();
    },
    '/token': async (req, res) => {
      const p = await readBody(req);
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':').map(decodeURIComponent) : [p.get('client_id'), p.get('client_secret')];
      if (secret !== CANARY.secret) {
        // Careless servers echo what they got, header included.
        return send(res, 401, { error: 'invalid_client', error_description: `client ${id} sent the wrong secret ${secret} (authorization: ${req.headers.authorization ?? 'none'}; body: ${rawBodies.get(p) ?? ''})` });
      }
      const grant = p.get('grant_type');
      // DPoP: careless servers echo the proof they got, in a nonce request and in a refusal.
      const proof = typeof req.headers.dpop === 'string' ? req.headers.dpop : undefined;
      if (proof) {
        seen.proofs.push(proof);
        if (id === 'dpop-echo-app') return send(res, 400, { error: 'invalid_dpop_proof', error_description: `proof ${proof} has a bad htu` });
        const claims = JSON.parse(Buffer.from(proof.split('.')[1] ?? '', 'base64url').toString() || '{}') as { nonce?: string };
        if (!claims.nonce) return send(res, 400, { error: 'use_dpop_nonce', error_description: `proof ${proof} lacks the nonce` }, { 'dpop-nonce': 'canary-nonce-1' });
      }
      const tokens = async (refresh: string) => {
        const started = pending.get(CANARY.code);
        const idToken = await new SignJWT({ sub: 'canary-user', nonce: started?.nonce })
          .setProtectedHeader({ alg: 'RS256', kid: 'canary' })
          .setIssuer(issuer)
          .setAudience(id ?? '')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(privateKey);
        seen.idTokens.push(idToken);
        return { access_token: CANARY.access, token_type: 'Bearer', expires_in: 3600, refresh_token: refresh, id_token: idToken, scope: 'openid offline_access' };
      };
      if (grant === 'authorization_code') {
        const verifier = p.get('code_verifier') ?? '';
        seen.verifiers.push(verifier);
        const started = pending.get(p.get('code') ?? '');
        const ok = started && createHash('sha256').update(verifier).digest('base64url') === started.challenge;
        if (!ok || id === 'fail-app') {
          return send(res, 400, { error: 'invalid_grant', error_description: `code ${p.get('code')} with code_verifier ${verifier} was rejected` });
        }
        // A careless server that echoes what it got into a successful response too.
        if (id === 'echo-app') return send(res, 200, { ...(await tokens(CANARY.refresh)), debug: `code ${p.get('code')} verifier ${verifier} secret ${secret}` });
        return send(res, 200, await tokens(CANARY.refresh));
      }
      if (grant === 'refresh_token') {
        if (p.get('refresh_token') !== CANARY.refresh) return send(res, 400, { error: 'invalid_grant', error_description: `refresh token ${p.get('refresh_token')} is revoked` });
        return send(res, 200, await tokens(CANARY.rotated));
      }
      if (grant === 'client_credentials') return send(res, 200, { access_token: CANARY.access, token_type: proof ? 'DPoP' : 'Bearer', expires_in: 300, ...(proof ? { debug: `bound by ${proof}` } : {}) });
      return send(res, 400, { error: 'unsupported_grant_type' });
    },
    '/api': (req, res) => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      send(res, 401, { message: `token ${token} is not accepted` }, { 'www-authenticate': `Bearer error="invalid_token", error_description="the access token ${token} expired"` });
    },
  });
  issuer = server.base;
  return { issuer, seen, close: server.close };
}
