/**
 * Makes dist/cli.cjs.cache: loads the bundle the way bin/oauth-doctor.js does, runs the frequent
 * commands once (output to nowhere), and saves the V8 code cache of everything they compiled.
 * V8 accepts it only on the same Node version with the same flags; elsewhere the entry compiles
 * as usual. Run by scripts/build.mjs in a process of its own, whose output (the warm-up's own, such as
 * "unknown command 'decod'") is shown only when it fails.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadCli, bundlePath, buildIdOf, nodeVersionField } = require('../../bin/oauth-doctor.js');

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const jwt = `${b64({ alg: 'RS256', kid: 'warm-up' })}.${b64({ iss: 'https://idp.example.test', sub: 'warm-up', aud: 'api', iat: now, exp: now + 3600 })}.${'A'.repeat(342)}`;
const expired = `${b64({ alg: 'HS256' })}.${b64({ sub: 'warm-up', iat: now - 7200, exp: now - 3600 })}.${'A'.repeat(43)}`;
const runs = [
  ['decode', jwt],
  ['decode', '--json', expired],
  ['explain', 'invalid_client'],
  ['explain', '--json', 'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token"\r\n\r\n{"error":"invalid_token"}'],
  ['--help'],
  ['decode', '--help'],
  ['explain', '--help'],
  ['login', '--help'],
  ['probe', '--help'],
  ['decod'],
];

const { cli, script, source } = loadCli({ useCache: false });
process.env.NO_COLOR = '1';
for (const argv of runs) {
  process.argv = [process.argv[0], bundlePath, ...argv];
  await cli.runFromProcess({ importModule: (specifier) => import(specifier) });
}
const id = buildIdOf(source);
if (!id) throw new Error('dist/cli.cjs has no build id');
// The header says which build and which Node.js version it is for; bin reads the rest only on a match.
writeFileSync(`${bundlePath}.cache`, Buffer.concat([Buffer.from(id + nodeVersionField(process.version), 'latin1'), script.createCachedData()]));
process.exitCode = 0;
