/**
 * A small API protected by bearer tokens that answers as RFC 6750 §3 says: 401 with
 * WWW-Authenticate error="invalid_token" for a missing, bad or expired token, 403 with
 * error="insufficient_scope" when the scope is missing. It verifies the provider's JWT access
 * tokens against its JWKS. `bare401: true` makes it answer 401 without a challenge, as some APIs do.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { startServer } from './server.js';

export async function startBearerApi(options: { issuer: string; audience: string; scope: string; bare401?: boolean }) {
  const jwks = createRemoteJWKSet(new URL(`${options.issuer}/jwks`));
  return startServer({
    '/orders': (req, res) => {
      const challenge = (error: string, description: string) => `Bearer realm="orders", error="${error}", error_description="${description}"`;
      const deny = (status: number, error: string, description: string) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (!options.bare401) headers['www-authenticate'] = challenge(error, description);
        res.writeHead(status, headers);
        res.end(JSON.stringify({ message: description }));
      };
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token) return deny(401, 'invalid_token', 'No access token');
      jwtVerify(token, jwks, { issuer: options.issuer, audience: options.audience }).then(
        ({ payload }) => {
          const scopes = String(payload.scope ?? '').split(' ');
          if (!scopes.includes(options.scope)) return deny(403, 'insufficient_scope', `The "${options.scope}" scope is required`);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ orders: [] }));
        },
        (err) => deny(401, 'invalid_token', err instanceof errors.JWTExpired ? 'The access token expired' : 'The access token is invalid'),
      );
    },
  });
}
