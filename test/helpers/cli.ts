/**
 * Runs the built CLI as a user would: a child process of `node bin/oauth-doctor.js`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/oauth-doctor.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws in the test when it is not exactly one JSON document). */
  json<T = any>(): T;
}

export function runCli(
  args: string[],
  options: { input?: string | Buffer; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      resolve({
        code,
        stdout,
        stderr: Buffer.concat(err).toString('utf8'),
        json: () => JSON.parse(stdout),
      });
    });
    child.stdin.on('error', () => {}); // the CLI may stop reading early (input too large)
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** What must never reach a user: a Node stack trace. */
export const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

/**
 * Starts `oauth-doctor login ...` and hands over the authorization URL it prints on stderr (or,
 * given another pattern, the URL its first group matches: the device flow's verification URL), for
 * tests that play the browser themselves; `done` resolves when the CLI exits.
 */
export function spawnLogin(args: string[], env: Record<string, string> = {}, urlPattern = /^(http:\/\/127\.0\.0\.1:\d+\/auth\?\S+)$/m) {
  const child = spawn(process.execPath, [BIN, 'login', ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
      const m = urlPattern.exec(stderr);
      if (m) resolve(m[1] as string);
    });
    child.on('close', () => reject(new Error(`login ended before printing the URL: ${stderr}`)));
  });
  return { child, url, done };
}
