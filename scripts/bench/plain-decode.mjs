// Reference for `npm run bench`: the least a JWT decoder can do, a plain Node script with no CLI library.
import { parseArgs } from 'node:util';

const { positionals } = parseArgs({ allowPositionals: true });
const [header, claims] = positionals[0].split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
process.stdout.write(`${JSON.stringify({ header, claims, expires: new Date(claims.exp * 1000).toISOString() }, null, 2)}\n`);
