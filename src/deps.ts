/**
 * Everything a command touches outside itself, built once at start-up and passed in,
 * so the core never reaches for the clock, the environment or the network on its own.
 */
import type { HttpClient } from './http/client.js';

export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
}

export interface Deps {
  /** Milliseconds since the epoch. */
  now(): number;
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  /** True when standard input is a terminal (nothing piped in). */
  stdinIsTTY: boolean;
  /** Reads all of standard input, refusing more than maxBytes. */
  readStdin(maxBytes: number): Promise<Buffer>;
  /** Reads a file, refusing more than maxBytes. */
  readFile(path: string, maxBytes: number): Promise<Buffer>;
  http: HttpClient;
}
