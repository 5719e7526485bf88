#!/usr/bin/env node
// Thin entry: everything lives in dist/, built from src/ by `npm run build`.
import { existsSync, readFileSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // The most frequent CI call needs nothing but package.json.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else if (!existsSync(entry)) {
  process.stderr.write('oauth-doctor: the build output is missing; run `npm run build` first\n');
  process.exitCode = 2;
} else {
  import(entry.href)
    .then((cli) => cli.runFromProcess())
    .catch((err) => {
      process.stderr.write(`oauth-doctor: internal error, please report it: ${err && err.message}\n`);
      process.exitCode = 2;
    });
}
