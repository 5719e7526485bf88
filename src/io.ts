/**
 * The real edges: process streams, files and the network, wired into Deps.
 */
import { open } from 'node:fs/promises';
import type { Deps, OutputStream } from './deps.js';
import { InputError } from './errors.js';
import { createHttpClient } from './http/client.js';

function stream(s: NodeJS.WriteStream): OutputStream {
  return {
    write: (text) => void s.write(text),
    get isTTY() {
      return Boolean(s.isTTY);
    },
  };
}

export function processDeps(): Deps {
  return {
    now: () => Date.now(),
    env: process.env,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: (maxBytes) => readLimited(process.stdin, maxBytes, 'standard input'),
    readFile: async (path, maxBytes) => {
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code ?? 'unreadable';
        throw new InputError(`cannot read ${path}: ${why}`);
      }
      try {
        return await readLimited(handle.createReadStream(), maxBytes, path);
      } finally {
        await handle.close().catch(() => {});
      }
    },
    http: createHttpClient(),
  };
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
          `${what} is larger than ${Math.round(maxBytes / 1024)} KiB; pass only the token or the error, not a whole log`,
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
