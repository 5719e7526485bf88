/**
 * In-process Deps for tests that run main() many times (property tests): captured streams,
 * a fixed clock, and a network that is never reached.
 */
import type { Deps } from '../../src/deps.js';
import { NetworkError, InputError, UsageError } from '../../src/errors.js';
import { KnownSecrets } from '../../src/redact.js';

export function fakeDeps(options: { stdin?: string; env?: Record<string, string>; now?: number } = {}) {
  let stdout = '';
  let stderr = '';
  const secrets = new KnownSecrets();
  const deps: Deps = {
    secrets,
    now: () => options.now ?? Date.UTC(2026, 10, 22, 12, 0, 0),
    env: options.env ?? {},
    stdout: { write: (s) => void (stdout += secrets.scrub(s)), isTTY: false },
    stderr: { write: (s) => void (stderr += secrets.scrub(s)), isTTY: false },
    stdinIsTTY: false,
    readStdin: async (max) => {
      const buf = Buffer.from(options.stdin ?? '', 'utf8');
      if (buf.length > max) throw new InputError('standard input is too large', 'ERR_INPUT_TOO_LARGE');
      return buf;
    },
    readFile: async (path) => {
      throw new InputError(`cannot read ${path}: no such file`);
    },
    readChunks: async function* (path) {
      if (path !== undefined) throw new InputError(`cannot read ${path}: no such file`);
      yield Buffer.from(options.stdin ?? '', 'utf8');
    },
    http: {
      request: async (req) => {
        throw new NetworkError('ERR_NETWORK', `${req.url}: connect ECONNREFUSED`, req.url, 'ECONNREFUSED');
      },
    },
    randomBytes: (n) => Buffer.alloc(n, 7),
    openBrowser: async () => {},
    listenLoopback: async () => {
      throw new UsageError('port 0 on 127.0.0.1 is already in use (fake deps have no listener)');
    },
    readLine: async () => {
      const line = (options.stdin ?? '').split('\n')[0]?.trim();
      if (!line) throw new InputError('standard input ended before the expected line was given');
      return line;
    },
    writePrivateFile: async () => {},
  };
  return { deps, stdout: () => stdout, stderr: () => stderr };
}
