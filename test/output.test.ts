/**
 * Where the output goes: a terminal, a full disk, a reader that stops early. The CLI
 * writes straight to its file descriptors (src/io.ts), so each of these is its own case.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, STACK_TRACE } from './helpers/cli.js';

const envWithoutColourSettings = () => {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
};

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
    const r = spawnSync('sh', ['-c', '"$0" "$1" explain invalid_client > /dev/full', process.execPath, BIN], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('oauth-doctor: cannot write the output: ENOSPC\n');
  });

  it('stops quietly, with the command own exit code, when the reader has gone (| head)', async () => {
    for (const [args, expected] of [
      [['explain', 'invalid_client'], 1],
      [['--help'], 0],
      [['decode', '--json', 'not a token at all'], 2],
    ] as const) {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy(); // the reader is gone before the CLI writes a byte
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code, args.join(' ')).toBe(expected);
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(stderr).not.toContain('EPIPE');
    }
  });
});
