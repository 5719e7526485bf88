/**
 * The CLI in the test's own process: Deps with captured streams, standard input from a string,
 * and either the real edges (HTTP client, loopback listener, files, browser launcher: runInProcess)
 * or none at all (fakeDeps, for property tests that run main() thousands of times and must never
 * reach the network). Output is scrubbed of the run's secrets where it is written, as io.ts does.
 */
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Deps } from '../../src/deps.js';
import { InputError, NetworkError, UsageError } from '../../src/errors.js';
import { createHttpClient } from '../../src/http/client.js';
import { processDeps, readLimited } from '../../src/io.js';
import { KnownSecrets } from '../../src/redact.js';
import type { CliRun } from './cli.js';

interface TestDepsOptions {
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** A fixed clock; the real one when absent. */
  now?: number;
}

function capturedDeps(options: TestDepsOptions, edges: Pick<Deps, 'http' | 'readFile' | 'readChunks' | 'openBrowser' | 'listenLoopback' | 'writePrivateFile' | 'randomBytes'>) {
  const secrets = new KnownSecrets();
  const input = options.stdin === undefined ? Buffer.alloc(0) : Buffer.from(options.stdin);
  let lines = input.toString('utf8');
  let stdout = '';
  let stderr = '';
  const deps: Deps = {
    ...edges,
    now: () => options.now ?? Date.now(),
    env: (options.env ?? {}) as Deps['env'],
    secrets,
    stdout: { write: (s) => void (stdout += secrets.scrub(s)), isTTY: false },
    stderr: { write: (s) => void (stderr += secrets.scrub(s)), isTTY: false },
    stdinIsTTY: false,
    sleep: (ms, signal) => new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    }),
    readStdin: (max) => readLimited(Readable.from([input]), max, 'standard input'),
    readChunks: (path) => (path === undefined ? Readable.from([input]) : edges.readChunks(path)),
    readLine: async () => {
      const i = lines.indexOf('\n');
      const line = i === -1 ? lines.trim() : lines.slice(0, i).replace(/\r$/, '');
      lines = i === -1 ? '' : lines.slice(i + 1);
      if (i === -1 && line === '') throw new InputError('standard input ended before the expected line was given');
      return line;
    },
  };
  return { deps, stdout: () => stdout, stderr: () => stderr };
}

/** Deps whose network, files and listener are never reached, with a fixed clock. */
export function fakeDeps(options: TestDepsOptions = {}) {
  return capturedDeps(
    { now: Date.UTC(2026, 10, 22, 12, 0, 0), ...options },
    {
      http: {
        request: async (req) => {
          throw new NetworkError('ERR_NETWORK', `${req.url}: connect ECONNREFUSED`, req.url, 'ECONNREFUSED');
        },
      },
      readFile: async (path) => {
        throw new InputError(`cannot read ${path}: no such file`);
      },
      // eslint-disable-next-line require-yield -- it fails on the first read, as a missing file does
      readChunks: async function* (path) {
        throw new InputError(`cannot read ${path}: no such file`);
      },
      randomBytes: (n) => Buffer.alloc(n, 7),
      openBrowser: async () => ({}),
      listenLoopback: async () => {
        throw new UsageError('port 0 on 127.0.0.1 is already in use (fake deps have no listener)');
      },
      writePrivateFile: async () => {},
    },
  );
}

/** Runs main() as the built CLI would run it, with the real edges and captured streams; the same result shape as runCli. */
export async function runInProcess(args: string[], options: { input?: string | Buffer; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const real = processDeps();
  const run = capturedDeps(
    { env, ...(options.input !== undefined ? { stdin: options.input } : {}) },
    {
      http: createHttpClient({ env }),
      readFile: real.readFile,
      readChunks: real.readChunks,
      randomBytes: real.randomBytes,
      openBrowser: real.openBrowser,
      listenLoopback: real.listenLoopback,
      writePrivateFile: real.writePrivateFile,
    },
  );
  const code = await main(args, run.deps);
  const stdout = run.stdout();
  return { code, stdout, stderr: run.stderr(), json: () => JSON.parse(stdout) };
}
