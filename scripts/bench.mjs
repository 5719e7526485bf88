#!/usr/bin/env node
/**
 * `npm run bench`: how fast oauth-doctor starts and works, as ratios against plain Node, from runs
 * interleaved in one process, each paired with a baseline run (so machine noise hits both alike).
 * Medians, not means.
 *
 *   decode <jwt>, explain invalid_client, --version, --help   each ÷ `node -e 0`,
 *     with a plain Node script that decodes a JWT (and the same with commander) for scale
 *     (again without NODE_EXTRA_CA_CERTS when it is set: it lengthens every Node start)
 *   probe of 8 targets ÷ the slowest of those targets alone  (shows the concurrency works)
 *   login: callback arrival → result printed, minus the token endpoint's own time
 *   peak RSS of decode; packed size; installed size and count of production dependencies
 *   explain --file on a 100 MB generated log with 300 errors: MB/s, peak RSS, every error found,
 *     and its time against `grep -c -E` with the same needles over the same file
 *
 * Usage: npm run bench [-- --rounds 20]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';
import { makeLog } from './bench/make-log.mjs';
import { importTs } from './build/import-ts.mjs';
import { walk } from './demo/http-browser.mjs';
import { CONFIDENTIAL, startProvider } from './demo/provider.mjs';

const bin = fileURLToPath(new URL('../bin/oauth-doctor.js', import.meta.url));
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 20;

/**
 * Runs node with args; resolves with wall milliseconds (and stderr, for the RSS probe). stdout is a
 * pipe, read to the end, as in CI logs or `$(oauth-doctor ...)`.
 */
function time(args, env = process.env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, NO_COLOR: '1' } });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, stderr }));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const now = Math.floor(Date.now() / 1000);
const { privateKey } = await jose.generateKeyPair('RS256');
const jwt = await new jose.SignJWT({ sub: 'bench', aud: 'api', scope: 'openid' })
  .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
  .setIssuer('https://idp.example.test')
  .setIssuedAt(now)
  .setExpirationTime(now + 3600)
  .sign(privateKey);

const commands = {
  'node -e 0': ['-e', '0'],
  'decode <jwt>': [bin, 'decode', jwt],
  'explain invalid_client': [bin, 'explain', 'invalid_client'],
  '--version': [bin, '--version'],
  '--help': [bin, '--help'],
  // For scale: what a bare JWT decoder costs, without and with a CLI library.
  'reference: plain decode script': [fileURLToPath(new URL('bench/plain-decode.mjs', import.meta.url)), jwt],
  'reference: same with commander': [fileURLToPath(new URL('bench/commander-decode.mjs', import.meta.url)), jwt],
};

/**
 * Median wall time of each command and its median ratio to `node -e 0`. Each run of a command is
 * paired with a baseline run just before it, and the ratio is taken per pair: this machine's speed
 * drifts by tens of percent within a minute, and a pair sees the same speed.
 */
async function startUp(env) {
  const names = Object.keys(commands).slice(1);
  // Warm the file cache once so the first round is not an outlier.
  for (const args of Object.values(commands)) await time(args, env);
  const ms = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const ratios = Object.fromEntries(names.map((k) => [k, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const name of names) {
      const base = (await time(commands['node -e 0'], env)).ms;
      const run = (await time(commands[name], env)).ms;
      ms['node -e 0'].push(base);
      ms[name].push(run);
      ratios[name].push(run / base);
    }
  }
  return {
    ms: Object.fromEntries(Object.entries(ms).map(([name, xs]) => [name, median(xs)])),
    ratio: Object.fromEntries(Object.entries(ratios).map(([name, xs]) => [name, median(xs)])),
  };
}

// NODE_EXTRA_CA_CERTS (set machine-wide on some machines, this one included) makes every Node start
// parse that bundle, which lengthens the baseline as much as any command: then the ratios are shown
// without it as well.
const { NODE_EXTRA_CA_CERTS: extraCa, ...envWithoutExtraCa } = process.env;
const asIs = await startUp(process.env);
const withoutExtraCa = extraCa ? await startUp(envWithoutExtraCa) : undefined;
process.stdout.write(`oauth-doctor bench: ${ROUNDS} rounds, each run paired with a baseline run, node ${process.version}\n`);
process.stdout.write(`  ${'node -e 0'.padEnd(34)} median ${asIs.ms['node -e 0'].toFixed(1).padStart(7)} ms  (baseline)`);
process.stdout.write(withoutExtraCa ? `            without NODE_EXTRA_CA_CERTS: ${withoutExtraCa.ms['node -e 0'].toFixed(1)} ms\n` : '\n');
/** Issue 6's goals, printed beside each figure. */
const START_UP_GOAL = 1.25;
const goal = (ratio) => `(goal ≤ ${START_UP_GOAL}×: ${ratio <= START_UP_GOAL ? 'met' : 'missed'})`;
for (const name of Object.keys(commands).slice(1)) {
  const reference = name.startsWith('reference');
  process.stdout.write(`  ${name.padEnd(34)} median ${asIs.ms[name].toFixed(1).padStart(7)} ms  ratio ${asIs.ratio[name].toFixed(2)}× ${reference ? ''.padEnd(19) : goal(asIs.ratio[name])}`);
  process.stdout.write(withoutExtraCa ? `  without NODE_EXTRA_CA_CERTS: ${withoutExtraCa.ms[name].toFixed(1)} ms, ratio ${withoutExtraCa.ratio[name].toFixed(2)}×\n` : '\n');
}
// The start-up figures rest on the V8 code cache the build made (bin/oauth-doctor.js).
const cacheState = execFileSync(process.execPath, ['-e', `const { script } = require(${JSON.stringify(bin)}).loadCli(); process.stdout.write(script.cachedDataRejected === undefined ? 'missing' : script.cachedDataRejected ? 'refused by V8' : 'used')`]).toString();
process.stdout.write(`  ${'code cache (dist/cli.cjs.cache)'.padEnd(34)} ${cacheState}\n`);

// What the code cache is worth, and what it costs where V8 refuses it: on another Node.js version
// (or other V8 flags) V8 checks the cache's version and flag hash and compiles as usual. A flag that
// changes only that hash (--stack-size) plays the other version; all four run interleaved.
{
  const noCache = fileURLToPath(new URL('bench/no-code-cache.cjs', import.meta.url));
  const otherFlags = '--stack-size=985';
  const variants = {
    'cache used': [bin, 'explain', 'invalid_client'],
    'no cache': [noCache, 'explain', 'invalid_client'],
    'cache refused (other V8)': [otherFlags, bin, 'explain', 'invalid_client'],
    'no cache (other V8)': [otherFlags, noCache, 'explain', 'invalid_client'],
  };
  const ms = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let round = 0; round < ROUNDS * 2; round += 1) for (const [name, args] of Object.entries(variants)) ms[name].push((await time(args)).ms);
  const m = Object.fromEntries(Object.entries(ms).map(([k, xs]) => [k, median(xs)]));
  process.stdout.write(
    `  ${'code cache, explain invalid_client'.padEnd(34)} used ${m['cache used'].toFixed(1)} ms vs none ${m['no cache'].toFixed(1)} ms (saves ${(m['no cache'] - m['cache used']).toFixed(1)} ms); ` +
      `refused ${m['cache refused (other V8)'].toFixed(1)} ms vs none ${m['no cache (other V8)'].toFixed(1)} ms (costs ${(m['cache refused (other V8)'] - m['no cache (other V8)']).toFixed(1)} ms)\n`,
  );
}

// Peak memory of decode, read inside the process at exit.
const rssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('RSS_KB='+process.resourceUsage().maxRSS))`;
const rss = [];
for (let i = 0; i < 5; i += 1) {
  const r = await time(['--import', rssHook, bin, 'decode', jwt]);
  rss.push(Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN));
}
const rssBase = Number(/RSS_KB=(\d+)/.exec((await time(['--import', rssHook, '-e', '0'])).stderr)?.[1] ?? NaN);
process.stdout.write(`  ${'decode peak RSS'.padEnd(34)} median ${(median(rss) / 1024).toFixed(1).padStart(7)} MiB (node -e 0: ${(rssBase / 1024).toFixed(1)} MiB)\n`);

// explain on a whole log: 100 MB with a few hundred errors, against grep over the same file with the
// same needles (what both must find before anything is read), interleaved.
{
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-log-'));
  const file = join(dir, 'app.log');
  const made = makeLog(file, { bytes: 100 * 1024 * 1024, errors: 300 });
  const { LOG_NEEDLES } = await importTs(["export { LOG_NEEDLES } from './src/explain/log-scan.ts';"]);
  const grepArgs = ['-c', '-E', LOG_NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), file];
  const timeGrep = () =>
    new Promise((resolve, reject) => {
      const started = process.hrtime.bigint();
      const child = spawn('grep', grepArgs, { stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.resume();
      child.on('error', reject);
      child.on('close', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
    });
  const ours = [];
  const greps = [];
  const rss = [];
  let found = -1;
  for (let round = 0; round < 5; round += 1) {
    greps.push(await timeGrep());
    const r = await time(['--import', rssHook, bin, 'explain', '--file', file]);
    ours.push(r.ms);
    rss.push(Number(/RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? NaN));
  }
  {
    // explain exits 1 when it finds errors, so its output is read whatever the exit code.
    const run = spawnSync(process.execPath, [bin, 'explain', '--json', '--file', file], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    const log = JSON.parse(run.stdout.toString()).log;
    found = log.groups.reduce((n, g) => n + g.count, 0) + log.ungrouped;
  }
  rmSync(dir, { recursive: true, force: true });
  const mb = made.bytes / 1e6;
  const ratio = median(ours) / median(greps);
  process.stdout.write(
    `  ${'explain --file, 100 MB log'.padEnd(34)} median ${median(ours).toFixed(1).padStart(7)} ms  ${(mb / (median(ours) / 1000)).toFixed(0)} MB/s, ` +
      `${ratio.toFixed(2)}× grep -c -E with the same needles (${median(greps).toFixed(1)} ms; goal ≤ 3×: ${ratio <= 3 ? 'met' : 'missed'}), ` +
      `peak RSS ${(median(rss) / 1024).toFixed(1)} MiB, errors found ${found} of ${made.errors}\n`,
  );
}

// probe: 8 targets at once against the slowest one alone.
const N = 8;
const providers = [];
for (let i = 0; i < N; i += 1) providers.push(await startProvider());
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-bench-'));
const config = join(dir, 'probe.json');
writeFileSync(config, JSON.stringify({ targets: providers.map((p, i) => ({ name: `t${i}`, issuer: p.issuer })) }));
const single = [];
const all = [];
for (let round = 0; round < Math.max(3, Math.floor(ROUNDS / 3)); round += 1) {
  const alone = [];
  for (const p of providers) alone.push((await time([bin, 'probe', '--json', '--issuer', p.issuer])).ms);
  single.push(Math.max(...alone));
  all.push((await time([bin, 'probe', '--json', '--config', config, '--concurrency', String(N)])).ms);
}
await Promise.all(providers.map((p) => p.close()));
rmSync(dir, { recursive: true, force: true });
const slowest = median(single);
const together = median(all);
process.stdout.write(
  `  ${`probe of ${N} targets`.padEnd(34)} median ${together.toFixed(1).padStart(7)} ms  ratio ${(together / slowest).toFixed(2)}× the slowest single target (${slowest.toFixed(1)} ms; goal < 1.5×)\n`,
);

// login: from the callback reaching the listener to the process having printed its result, less
// the time the token endpoint itself took to answer.
{
  const provider = await startProvider();
  const costs = [];
  for (let round = 0; round < Math.max(5, Math.floor(ROUNDS / 2)); round += 1) {
    const child = spawn(process.execPath, [bin, 'login', '--json', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--no-open'], {
      env: { ...process.env, NO_COLOR: '1', OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    const closed = new Promise((resolve) => child.on('close', resolve));
    const url = await new Promise((resolve) =>
      child.stderr.on('data', (c) => {
        stderr += c;
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m.exec(stderr);
        if (m) resolve(m[1]);
      }),
    );
    // Walk the provider's pages up to the redirect back, then time the last hop ourselves.
    const { finalUrl } = await walk(url, { deliver: false });
    // A person takes seconds to sign in; the CLI uses that time to load its verifier. 300 ms is less than any human.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await fetch(finalUrl).then((r) => r.text());
    await closed;
    const total = performance.now() - started;
    const out = JSON.parse(stdout);
    const tokenEndpoint = out.attempts.reduce((n, a) => n + a.elapsed_ms, 0);
    costs.push(Math.max(0, total - tokenEndpoint));
  }
  await provider.close();
  process.stdout.write(`  ${'login: callback → result'.padEnd(34)} median ${median(costs).toFixed(1).padStart(7)} ms  (token endpoint time excluded; goal < 50 ms)\n`);
}

// What users download and install.
{
  const root = fileURLToPath(new URL('..', import.meta.url));
  const work = mkdtempSync(join(tmpdir(), 'oauth-doctor-pack-'));
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  const app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name":"bench-app","version":"1.0.0","private":true}');
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', join(work, pack.filename)], { cwd: app, stdio: 'ignore' });
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const du = Number(execFileSync('du', ['-sk', join(app, 'node_modules')]).toString().split('\t')[0]) * 1024;
  const ours = Number(execFileSync('du', ['-sk', join(app, 'node_modules', 'oauth-doctor')]).toString().split('\t')[0]) * 1024;
  const deps = execFileSync('npm', ['ls', '--all', '--omit=dev', '--parseable'], { cwd: app }).toString().trim().split('\n').length - 2;
  process.stdout.write(`  ${'npm pack'.padEnd(34)} ${kib(pack.size)} packed, ${kib(pack.unpackedSize)} unpacked, ${pack.entryCount} files\n`);
  process.stdout.write(`  ${'installed, production only'.padEnd(34)} ${kib(du - ours)} in ${deps} dependencies (oauth-doctor itself ${kib(ours)})\n`);
  rmSync(work, { recursive: true, force: true });
}

