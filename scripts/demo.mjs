#!/usr/bin/env node
/**
 * `npm run demo`: oauth-doctor's main job against a built-in local provider.
 *  1. a real login (authorization code + PKCE) against oidc-provider on 127.0.0.1, in your browser
 *     where there is one (sign in with any login and password), or walked automatically with --headless;
 *  2. the same login against a strict token endpoint that refuses HTTP Basic: auto falls back and says
 *     which client authentication method to configure;
 *  3. a login whose redirect_uri is not registered: diagnosed before any browser opens;
 *  then decode and explain on a locally signed token and a passport error.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONFIDENTIAL, startProvider, startTokenWrapper } from './demo/provider.mjs';

const bin = fileURLToPath(new URL('../bin/oauth-doctor.js', import.meta.url));
const walker = `${process.execPath} ${fileURLToPath(new URL('./demo/http-browser.mjs', import.meta.url))}`;
const args = process.argv.slice(2);
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const headless = args.includes('--headless') || Boolean(process.env.CI) || noDisplay || !process.stdin.isTTY;
const env = { ...process.env, OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret };

const bold = process.stderr.isTTY && !process.env.NO_COLOR ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
const say = (text) => process.stderr.write(`\n${bold(text)}\n`);
const show = (argv) => `oauth-doctor ${argv.map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`;

/** Runs the CLI with the terminal attached; resolves with its exit code. */
function run(argv, input) {
  process.stderr.write(`\n$ ${show(argv)}${input ? '   (input on stdin)' : ''}\n\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...argv], { env, stdio: [input ? 'pipe' : 'inherit', 'inherit', 'inherit'] });
    if (input) child.stdin.end(input);
    child.on('close', (code) => {
      process.stderr.write(`\n(exit code ${code})\n`);
      resolve(code);
    });
  });
}

const provider = await startProvider();
const strict = await startTokenWrapper(provider.issuer, 'post-only');
const results = [];
try {
  say(`1. A real login against the demo provider at ${provider.issuer}`);
  if (headless) process.stderr.write('   (headless: the provider\'s pages are walked automatically)\n');
  else process.stderr.write('   Your browser opens: sign in with any login and password, then press Continue.\n');
  const browser = headless ? ['--browser', walker] : [];
  results.push(await run(['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--login-timeout', '300', ...browser]));

  say('2. The same client against a strict token endpoint that refuses client_secret_basic');
  results.push(await run(['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--token-endpoint', strict.tokenEndpoint, '--browser', walker]));

  say('3. A redirect_uri the provider does not know: caught before the browser');
  results.push(await run(['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--callback-path', '/oauth/callback/', '--browser', walker]));

  say('4. decode and explain need no provider');
  const jose = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  const { privateKey } = await jose.generateKeyPair('RS256');
  const token = await new jose.SignJWT({ sub: 'demo-user', scope: 'openid profile', aud: 'orders-api' })
    .setProtectedHeader({ alg: 'RS256', kid: 'demo-key', typ: 'at+jwt' })
    .setIssuer('https://idp.example.test')
    .setIssuedAt(now - 3900)
    .setExpirationTime(now - 3600)
    .sign(privateKey);
  await run(['decode'], `Authorization: Bearer ${token.slice(0, 60)}\r\n${token.slice(60)}\n`);
  await run(['explain'], `InternalOAuthError: Failed to obtain access token
    at OAuth2Strategy._createOAuthError (/app/node_modules/passport-oauth2/lib/strategy.js:423:17)
  oauthError: { statusCode: 401, data: '{"error":"invalid_client","error_description":"Client authentication failed"}' }`);
} finally {
  await strict.close();
  await provider.close();
}

say('Summary');
const [signedIn, fellBack, caught] = results;
process.stderr.write(`  login succeeded:                          ${signedIn === 0 ? 'yes' : 'NO'}\n`);
process.stderr.write(`  client authentication mismatch diagnosed: ${fellBack === 0 ? 'yes (auto fell back to client_secret_post)' : 'NO'}\n`);
process.stderr.write(`  redirect_uri mismatch diagnosed:          ${caught === 1 ? 'yes (exit 1, before the browser)' : 'NO'}\n`);
process.exitCode = signedIn === 0 && fellBack === 0 && caught === 1 ? 0 : 1;

