/**
 * The real edges: process streams, files, the network, the browser and the loopback listener,
 * wired into Deps.
 */
// Node's own modules are loaded where they are used: `decode` and `explain` need none of the
// network, process or file-writing ones, and each costs start-up time.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { nodeCrypto } from './builtins.js';
import type { BrowserLaunch, Deps, OutputStream } from './deps.js';
import { InputError, UsageError } from './errors.js';
import { createHttpClient } from './http/client.js';
import { KnownSecrets } from './redact.js';
import { loadOpen } from './lazy-modules.js';

/**
 * stdout or stderr as an OutputStream. On POSIX the text goes straight to the file descriptor
 * with writeSync: touching process.stdout builds a stream (node:stream, and node:net for a pipe
 * or node:tty for a terminal), a few milliseconds of every start (npm run bench), and a
 * synchronous write is complete when the command returns, whatever the exit. Windows keeps
 * Node's streams, which write a console as UTF-16.
 */
function output(fd: 1 | 2, secrets: KnownSecrets): OutputStream {
  if (process.platform === 'win32') return streamOutput(fd === 1 ? process.stdout : process.stderr, secrets);
  let terminal: boolean | undefined;
  let closed = false;
  return {
    write: (text) => {
      if (closed) return;
      closed = !writeAll(fd, secrets.scrub(text));
      // Without stderr, progress and prompts (login's URL) reach no one: the run ends here.
      if (closed && fd === 2) process.exit(process.exitCode ?? 0);
    },
    get isTTY() {
      terminal ??= isTerminal(fd);
      return terminal;
    },
    get columns() {
      // A terminal: its stream is built anyway to ask the width, and only then.
      return this.isTTY ? (fd === 1 ? process.stdout : process.stderr).columns : undefined;
    },
  };
}

/**
 * Every byte of text to fd, waiting out a non-blocking descriptor (EAGAIN) a millisecond at a
 * time. False when the reader has gone (EPIPE: `oauth-doctor ... | head`): the command then
 * finishes quietly, with its own exit code. A reader that stops reading holds the process here,
 * as it would hold any program writing synchronously.
 */
function writeAll(fd: 1 | 2, text: string): boolean {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return false;
      if (code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      else cannotWrite(fd, code ?? String(err));
    }
  }
  return true;
}

/** A full disk or a closed file: one line where it can still go, exit 2, no stack. */
function cannotWrite(fd: 1 | 2, code: string): never {
  if (fd === 1) {
    try {
      writeSync(2, `oauth-doctor: cannot write the output: ${code}\n`);
    } catch {
      // stderr is gone too
    }
  }
  process.exit(2);
}

/**
 * A terminal is a character device; so is /dev/null, where output often goes, and which one stat
 * tells apart. Only another character device is asked of node:tty, which loads node:net.
 */
function isTerminal(fd: 1 | 2): boolean {
  let device;
  try {
    device = fstatSync(fd);
  } catch {
    return false; // closed
  }
  if (!device.isCharacterDevice()) return false;
  let isDevNull = false;
  try {
    isDevNull = device.rdev === statSync('/dev/null').rdev;
  } catch {
    // no /dev/null here: node:tty decides
  }
  return !isDevNull && process.getBuiltinModule('node:tty').isatty(fd);
}

function streamOutput(s: NodeJS.WriteStream, secrets: KnownSecrets): OutputStream {
  let closed = false;
  s.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') cannotWrite(s === process.stdout ? 1 : 2, err.code ?? err.message);
    // As on POSIX: without stdout the command finishes quietly, without stderr the run ends.
    closed = true;
    if (s === process.stderr) process.exit(process.exitCode ?? 0);
  });
  return {
    write: (text) => {
      if (!closed) s.write(secrets.scrub(text));
    },
    get isTTY() {
      return Boolean(s.isTTY);
    },
    get columns() {
      return s.isTTY ? s.columns : undefined;
    },
  };
}

export function processDeps(): Deps {
  const secrets = new KnownSecrets();
  return {
    now: () => Date.now(),
    env: process.env,
    stdout: output(1, secrets),
    stderr: output(2, secrets),
    secrets,
    // A getter: touching process.stdin sets up a stream (and, for a file, fs/promises and readline).
    get stdinIsTTY() {
      return Boolean(process.stdin.isTTY);
    },
    readStdin: (maxBytes) => readLimited(process.stdin, maxBytes, 'standard input'),
    readFile: async (path, maxBytes) => {
      const handle = await openForReading(path);
      try {
        return await readLimited(handle.createReadStream(), maxBytes, path);
      } finally {
        await handle.close().catch(() => {});
      }
    },
    readChunks: (path) => (path === undefined ? readStdinChunks() : readFileChunks(path)),
    http: createHttpClient({ env: process.env }),
    randomBytes: (n) => nodeCrypto().randomBytes(n),
    openBrowser,
    listenLoopback: async (options) => (await import('./loopback/listener.js')).listenLoopback(options),
    readLine,
    writePrivateFile,
    sleep,
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

async function openForReading(path: string) {
  const { open } = await import('node:fs/promises');
  try {
    return await open(path, 'r');
  } catch (err) {
    throw new InputError(`cannot read ${path}: ${readFailure(err)}`);
  }
}

function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code ?? String(err);
}

/**
 * A file in 4 MiB reads into one buffer, reused: a log of any size in constant memory. The reads
 * are synchronous: nothing else runs meanwhile, and a thread-pool round trip per read was a tenth
 * of the scan of a 100 MB log (npm run bench).
 */
async function* readFileChunks(path: string): AsyncIterable<Buffer> {
  const handle = await openForReading(path);
  const { readSync } = await import('node:fs');
  const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  try {
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(handle.fd, buffer, 0, buffer.length, null);
      } catch (err) {
        throw new InputError(`cannot read ${path}: ${readFailure(err)}`);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close().catch(() => {});
  }
}

async function* readStdinChunks(): AsyncIterable<Buffer> {
  try {
    for await (const chunk of process.stdin) yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
  } catch (err) {
    throw new InputError(`cannot read standard input: ${readFailure(err)}`);
  }
}

/** Reads a stream to the end, stopping as soon as it is over the limit. */
export async function readLimited(input: NodeJS.ReadableStream, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of input) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buf.length;
      if (total > maxBytes) {
        throw new InputError(
          `${what} is larger than ${Math.round(maxBytes / 1024)} KiB; ${what === 'standard input' ? 'pass only the token or the error, not a whole log' : 'is it the right file?'}`,
          'ERR_INPUT_TOO_LARGE',
        );
      }
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${what}: ${code === 'EISDIR' ? 'it is a directory' : code ?? String(err)}`);
  }
  return Buffer.concat(chunks);
}

/** Splits `open -a 'Google Chrome'` into words as a shell would (quotes and backslashes), without a shell. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i += 1) {
    const c = command[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < command.length) word = (word ?? '') + command[++i];
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < command.length) word = (word ?? '') + command[++i];
    else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quote) throw new UsageError(`--browser ${command}: unbalanced ${quote} quote`);
  if (word !== undefined) words.push(word);
  return words;
}

/** This process's environment without the variables that carry a secret of the run. */
function envWithout(secrets: readonly string[]): NodeJS.ProcessEnv {
  // A short secret only as the whole value: "1" inside PATH is not the secret.
  const carries = (v: string | undefined) => v !== undefined && secrets.some((s) => s !== '' && (v === s || (s.length >= 8 && v.includes(s))));
  return Object.fromEntries(Object.entries(process.env).filter(([, v]) => !carries(v)));
}

async function openBrowser(url: string, command?: string, o: { secrets?: readonly string[] } = {}): Promise<BrowserLaunch> {
  const secrets = o.secrets ?? [];
  if (command) {
    // The command gets the URL as one argument, never through a shell.
    const [file, ...args] = splitCommand(command);
    if (!file) throw new UsageError('--browser needs a command, such as "firefox"');
    const { spawn } = await import('node:child_process');
    return new Promise<BrowserLaunch>((resolve, reject) => {
      const child = spawn(file, [...args, url], { stdio: ['ignore', 'ignore', 'inherit'], detached: false, env: envWithout(secrets) });
      const exited = new Promise<{ code: number | null; signal: string | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
      child.once('error', (err) => reject(new UsageError(`--browser ${command}: cannot run it (${(err as NodeJS.ErrnoException).code ?? err.message})`)));
      child.once('spawn', () => {
        child.unref();
        resolve({ exited });
      });
    });
  }
  const { default: open } = await loadOpen();
  // `open` spawns with process.env and takes no env of its own: the secret variables are left out
  // of process.env while it spawns (the child's environment is copied then), and put back.
  // (On Windows, `open` waits for its launcher: nothing reads process.env meanwhile.)
  const kept = envWithout(secrets);
  const hidden = Object.entries(process.env).filter(([k]) => !(k in kept));
  for (const [k] of hidden) delete process.env[k];
  let child;
  try {
    child = await open(url, { wait: false });
  } finally {
    for (const [k, v] of hidden) process.env[k] = v;
  }
  child.on('error', () => {});
  child.unref();
  return {};
}

/** Bytes read from stdin past the last line handed out, kept for the next readLine. */
let pending = '';
let stdinEnded = false;

function readLine(signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const take = (): boolean => {
      const i = pending.indexOf('\n');
      if (i !== -1) {
        const line = pending.slice(0, i).replace(/\r$/, '');
        pending = pending.slice(i + 1);
        resolve(line);
        return true;
      }
      if (stdinEnded) {
        const rest = pending.trim();
        pending = '';
        if (rest) resolve(rest);
        else reject(new InputError('standard input ended before the expected line was given'));
        return true;
      }
      return false;
    };
    if (take()) return;
    if (signal.aborted) return reject(signal.reason);
    const cleanup = () => {
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      signal.removeEventListener('abort', onAbort);
      process.stdin.pause();
    };
    const onData = (chunk: Buffer | string) => {
      pending += chunk.toString();
      if (pending.length > 64 * 1024) {
        cleanup();
        pending = '';
        reject(new InputError('the line on standard input is longer than 64 KiB; paste only the URL the browser ended on'));
        return;
      }
      if (pending.includes('\n')) {
        cleanup();
        take();
      }
    };
    const onEnd = () => {
      stdinEnded = true;
      cleanup();
      take();
    };
    const onAbort = () => {
      cleanup();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.resume();
  });
}

async function writePrivateFile(path: string, data: string): Promise<void> {
  const { open, rename, rm } = await import('node:fs/promises');
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${nodeCrypto().randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(tmp, 'wx', 0o600);
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}
