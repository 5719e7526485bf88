/**
 * A small wrapper in front of oidc-provider's token endpoint, to behave as real providers do where
 * oidc-provider does not:
 * - `basic-only` / `post-only`: strict servers that accept client credentials one way only and
 *   answer the other with 401 {"error":"invalid_client"} (oidc-provider accepts both for a secret client);
 * - `github`: GitHub's token endpoint, which answers errors with HTTP 200 and its own codes;
 * - `html-404`: a wrong token URL that lands on a web server's HTML 404 page.
 * Everything else is forwarded unchanged to the real token endpoint.
 */
import { startServer } from './server.js';

export type WrapperMode = 'basic-only' | 'post-only' | 'github' | 'html-404';

export async function startTokenWrapper(issuer: string, mode: WrapperMode) {
  const upstream = `${issuer}/token`;
  return startServer({
    '/token': (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString();
        const usesBasic = /^basic /i.test(req.headers.authorization ?? '');
        const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(json));
        };
        if (mode === 'html-404') {
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>');
          return;
        }
        if (mode === 'basic-only' && !usesBasic) {
          return send(401, { error: 'invalid_client', error_description: 'client credentials must be sent with HTTP Basic' }, { 'www-authenticate': 'Basic realm="token"' });
        }
        if (mode === 'post-only' && usesBasic) return send(401, { error: 'invalid_client', error_description: 'client authentication failed' });
        const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const upstreamRes = await fetch(upstream, { method: 'POST', headers, body });
        const text = await upstreamRes.text();
        if (mode === 'github' && upstreamRes.status >= 400) {
          const err = JSON.parse(text) as { error: string };
          const github: Record<string, [string, string]> = {
            invalid_client: ['incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.'],
            invalid_grant: ['bad_verification_code', 'The code passed is incorrect or expired.'],
          };
          const [error, description] = github[err.error] ?? [err.error, ''];
          return send(200, { error, error_description: description, error_uri: `https://docs.github.com/apps/oauth#${error}` });
        }
        res.writeHead(upstreamRes.status, { 'content-type': upstreamRes.headers.get('content-type') ?? 'application/json' });
        res.end(text);
      });
    },
  });
}
