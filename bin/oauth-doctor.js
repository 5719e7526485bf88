#!/usr/bin/env node
// Thin entry: everything lives in dist/, built from src/ by `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
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
