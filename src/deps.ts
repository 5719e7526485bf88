/**
 * Everything a command touches outside itself, built once at start-up and passed in,
 * so the core never reaches for the clock, the environment or the network on its own.
 */
import type { HttpClient } from './http/client.js';
import type { KnownSecrets } from './redact.js';
import type { LoopbackListener, LoopbackOptions } from './loopback/listener.js';

export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
}

export interface BrowserLaunch {
  exited?: Promise<{ code: number | null; signal: string | null }>;
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
  /**
   * Reads a file (or standard input, for undefined) of any size, a chunk at a time. A chunk is
   * valid only until the next one is asked for: the reader may reuse its buffer.
   */
  readChunks(path: string | undefined): AsyncIterable<Buffer>;
  http: HttpClient;
  /** Secret values seen in this run; all output is scrubbed of them. */
  secrets: KnownSecrets;
  randomBytes(n: number): Buffer;
  /**
   * Opens the URL in the user's browser, or runs `command URL` when given; for a command, `exited`
   * settles when it ends (a command that fails at once is worth saying at once). Environment
   * variables that hold one of `secrets` are not passed to the browser.
   */
  openBrowser(url: string, command?: string, o?: { secrets?: readonly string[] }): Promise<BrowserLaunch>;
  listenLoopback(options: LoopbackOptions): Promise<LoopbackListener>;
  /** Reads one line from standard input (for pasting a URL); rejects when the signal aborts. */
  readLine(signal: AbortSignal): Promise<string>;
  /** Writes a file readable only by the user (0600), atomically (temp file + rename). */
  writePrivateFile(path: string, data: string): Promise<void>;
  /** Waits ms milliseconds (the device flow's polling); rejects when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
