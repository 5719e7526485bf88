// Reference for `npm run bench`: the same plain decoder behind a small CLI library (commander).
import { Command } from 'commander';

new Command('decode')
  .argument('<token>')
  .option('--json')
  .action((token) => {
    const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    process.stdout.write(`${JSON.stringify({ header, claims, expires: new Date(claims.exp * 1000).toISOString() }, null, 2)}\n`);
  })
  .parse();
