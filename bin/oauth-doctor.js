#!/usr/bin/env node
// Thin entry: everything lives in dist/, built from src/ by `npm run build`.
import('../dist/cli.js').then((cli) => cli.runFromProcess()).catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    process.stderr.write('oauth-doctor: the build output is missing; run `npm run build` first\n');
  } else {
    process.stderr.write(`oauth-doctor: internal error, please report: ${err && err.message}\n`);
  }
  process.exitCode = 2;
});
