#!/usr/bin/env node
// The demo: what oauth-doctor shows on a real, locally signed token and a real library error.
// (It grows into a full login against a local provider once `login` exists.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';

const bin = fileURLToPath(new URL('../bin/oauth-doctor.js', import.meta.url));
const run = (args, input) => {
  process.stderr.write(`\n$ oauth-doctor ${args.map((a) => (a.length > 60 ? `${a.slice(0, 57)}...` : a)).join(' ')}${input ? '   (input on stdin)' : ''}\n\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { input, stdio: [input ? 'pipe' : 'ignore', 'inherit', 'inherit'] });
  process.stderr.write(`\n(exit code ${r.status})\n`);
};

const now = Math.floor(Date.now() / 1000);
const { privateKey } = await jose.generateKeyPair('RS256');
// A 5-minute access token that expired an hour ago: the Portainer case of the seed documents.
const token = await new jose.SignJWT({ sub: 'demo-user', scope: 'openid profile', aud: 'orders-api' })
  .setProtectedHeader({ alg: 'RS256', kid: 'demo-key', typ: 'at+jwt' })
  .setIssuer('https://idp.example.test')
  .setIssuedAt(now - 3900)
  .setExpirationTime(now - 3600)
  .sign(privateKey);

run(['decode'], `Authorization: Bearer ${token.slice(0, 60)}\r\n${token.slice(60)}\n`);
run(['explain'], `InternalOAuthError: Failed to obtain access token
    at OAuth2Strategy._createOAuthError (/app/node_modules/passport-oauth2/lib/strategy.js:423:17)
    at /app/node_modules/passport-oauth2/lib/strategy.js:177:45
  oauthError: { statusCode: 401, data: '{"error":"invalid_client","error_description":"Client authentication failed"}' }`);
