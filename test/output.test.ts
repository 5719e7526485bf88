/**
 * Where the output goes: a terminal, a full disk, a reader that stops early or reads slowly. The
 * CLI writes straight to its file descriptors (src/io.ts), so each of these is its own case.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, spawnLogin, STACK_TRACE } from './helpers/cli.js';
import { CONFIDENTIAL, HTTP_BROWSER, type RunningProvider, startProvider } from './helpers/provider.js';
import { NOW, signHs256 } from './helpers/tokens.js';

const envWithoutColourSettings = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
};

let provider: RunningProvider;
/** A token whose `decode --json --show-tokens` is over 100 KB: more than a pipe holds (64 KiB). */
let big: string;
const bigToken = () => big;
beforeAll(async () => {
  provider = await startProvider();
  big = await signHs256('output-test', { sub: 'x', big: 'a'.repeat(46_000), exp: NOW() + 3600 });
});
afterAll(async () => {
  await provider?.close();
});

/** Runs the CLI on a real pseudo-terminal of `columns` columns (util-linux `script`); what the terminal showed. */
function onTerminal(args: string[], columns: number): { code: number | null; screen: string } {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', `stty cols ${columns}; ${quoted}`, '/dev/null'], { env: envWithoutColourSettings(), encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, screen: r.stdout.replace(/\r\n/g, '\n') };
}

describe('output', () => {
  it('colours a terminal by itself, and wraps --help to its width', () => {
    const explained = onTerminal(['explain', 'invalid_client'], 100);
    expect(explained.code).toBe(1);
    expect(explained.screen).toMatch(/\u001b\[/);
    expect(explained.screen).toContain('invalid_client');

    const narrow = onTerminal(['decode', '--help'], 50);
    const wide = onTerminal(['decode', '--help'], 160);
    expect(narrow.code).toBe(0);
    // commander wraps the description to the terminal's width.
    const descriptionLine = (s: string) => s.split('\n').find((l) => l.startsWith('Decodes a token')) ?? '';
    expect(descriptionLine(narrow.screen).length).toBeLessThanOrEqual(50);
    expect(descriptionLine(wide.screen).length).toBeGreaterThan(100);
  });

  it('says in one line that the disk is full, exit 2', () => {
    for (const args of ['explain invalid_client', '--version', '--help']) {
      const r = spawnSync('sh', ['-c', `"$0" "$1" ${args} > /dev/full`, process.execPath, BIN], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.status, args).toBe(2);
      expect(r.stderr, args).toBe('oauth-doctor: cannot write the output: ENOSPC\n');
    }
  });

  it("stops quietly, with the command's own exit code, when the reader of stdout has gone (| head)", async () => {
    for (const [args, expected] of [
      [['explain', 'invalid_client'], 1],
      [['--help'], 0],
      [['--version'], 0],
      [['decode', '--json', 'not a token at all'], 2],
      [['decode', '--json', '--show-tokens', bigToken()], 0],
    ] as const) {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy(); // the reader is gone before the CLI writes a byte
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code, args[0]).toBe(expected);
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(stderr).not.toContain('EPIPE');
    }
  });

  it('clears the spinner of a login on a terminal before the next progress line', async () => {
    const args = ['login', '--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--browser', HTTP_BROWSER, '--login-timeout', '20'];
    const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // Asynchronously: the provider answers from this very process.
    const child = spawn('script', ['-qec', `stty cols 200; ${quoted}`, '/dev/null'], { env: { ...envWithoutColourSettings(), OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret } });
    let screen = '';
    child.stdout.on('data', (c: Buffer) => (screen += c));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(screen).toContain('→ Callback received; exchanging the code');
    // Each progress line starts on a clean line: after a line break, or after the spinner's "erase line".
    for (const m of screen.matchAll(/→ Callback received/g)) expect(screen.slice(Math.max(0, (m.index ?? 0) - 3), m.index)).toMatch(/\n$|\u001b\[K$/);
  });

  it('ends a login at once when the reader of stderr, where its URL goes, has gone', async () => {
    const args = ['--issuer', provider.issuer, '--client-id', CONFIDENTIAL.client_id, '--no-open', '--login-timeout', '20'];
    // With stderr read, the same login gets as far as printing its URL and waiting.
    const control = spawnLogin(args, { OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret });
    expect(await control.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\?/);
    control.child.kill();
    await control.done;

    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'login', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', OAUTH_CLIENT_SECRET: CONFIDENTIAL.client_secret },
    });
    child.stderr.destroy();
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('writes every byte to a non-blocking pipe whose reader is slow', () => {
    // A shell pipe (64 KiB) made non-blocking by a preload, read only after half a second: the
    // CLI's writes meet EAGAIN hundreds of times (strace shows it) and must wait them out.
    const preload = fileURLToPath(new URL('./fixtures/nonblocking-stdout.cjs', import.meta.url));
    const r = spawnSync('sh', ['-c', '{ "$0" --require "$1" "$2" decode --json --show-tokens "$3"; echo "exit $?" >&2; } | { sleep 0.5; cat; }', process.execPath, preload, BIN, bigToken()], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 10 * 1024 * 1024,
    });
    expect(r.stderr).toBe('exit 0\n');
    expect(r.stdout.length).toBeGreaterThan(100_000);
    expect(JSON.parse(r.stdout).command).toBe('decode');
  });

  it('builds no stream, network or terminal module for output to a pipe or a file (start-up time)', async () => {
    const preload = fileURLToPath(new URL('./fixtures/report-loaded-modules.cjs', import.meta.url));
    for (const args of [['explain', 'invalid_client'], ['decode', bigToken()], ['--help'], ['completion', 'bash']]) {
      const r = await runCli(args, { env: { NODE_OPTIONS: `--require ${preload}` } });
      const loaded = /^loaded modules: (.*)$/m.exec(r.stderr)?.[1];
      expect(loaded, args[0]).toBeDefined();
      expect(JSON.parse(loaded as string), args[0]).not.toEqual(expect.arrayContaining([expect.stringMatching(/^NativeModule (net|tty|stream)$/)]));
    }
  });
});
