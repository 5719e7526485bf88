/**
 * Runs main() in the test's own process, as the built CLI would run it, with the real HTTP client,
 * the real loopback listener, the real files and browser launcher, and captured streams. The same
 * result shape as runCli: tests that do not put the process itself under test use this.
 */
import { Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Deps } from '../../src/deps.js';
import { InputError } from '../../src/errors.js';
import { processDeps, readLimited } from '../../src/io.js';
import { KnownSecrets } from '../../src/redact.js';
import type { CliRun } from './cli.js';

export async function runInProcess(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const input = options.input === undefined ? Buffer.alloc(0) : Buffer.from(options.input);
  const real = processDeps();
  const secrets = new KnownSecrets();
  let stdout = '';
  let stderr = '';
  let lines = input.toString('utf8');
  const deps: Deps = {
    now: real.now,
    env,
    secrets,
    // Scrubbed where they are written, as io.ts does.
    stdout: { write: (s) => void (stdout += secrets.scrub(s)), isTTY: false },
    stderr: { write: (s) => void (stderr += secrets.scrub(s)), isTTY: false },
    stdinIsTTY: false,
    readStdin: (max) => readLimited(Readable.from([input]), max, 'standard input'),
    readFile: real.readFile,
    readChunks: (path) => (path === undefined ? Readable.from([input]) : real.readChunks(path)),
    http: real.http,
    randomBytes: real.randomBytes,
    openBrowser: real.openBrowser,
    listenLoopback: real.listenLoopback,
    readLine: async () => {
      const i = lines.indexOf('\n');
      const line = i === -1 ? lines.trim() : lines.slice(0, i).replace(/\r$/, '');
      lines = i === -1 ? '' : lines.slice(i + 1);
      if (i === -1 && line === '') throw new InputError('standard input ended before the expected line was given');
      return line;
    },
    writePrivateFile: real.writePrivateFile,
  };
  const code = await main(args, deps);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
