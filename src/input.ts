/**
 * Where a command's main input comes from: the argument, a file, or standard input.
 */
import type { Deps } from './deps.js';
import { UsageError } from './errors.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

export async function readInput(
  what: string,
  sources: { argument?: string; file?: string },
  deps: Pick<Deps, 'readFile' | 'readStdin' | 'stdinIsTTY' | 'stderr'>,
): Promise<{ text: string; from: 'argument' | 'file' | 'stdin' }> {
  if (sources.argument !== undefined && sources.file !== undefined) {
    throw new UsageError(`give the ${what} either as an argument or with --file, not both`);
  }
  if (sources.argument !== undefined) {
    if (sources.argument === '-') return { text: await stdinText(what, deps), from: 'stdin' };
    return { text: nonEmpty(sources.argument, what, 'the argument'), from: 'argument' };
  }
  if (sources.file !== undefined) {
    if (sources.file === '-') return { text: await stdinText(what, deps), from: 'stdin' };
    const buf = await deps.readFile(sources.file, MAX_INPUT_BYTES);
    return { text: nonEmpty(buf.toString('utf8'), what, sources.file), from: 'file' };
  }
  return { text: await stdinText(what, deps), from: 'stdin' };
}

function nonEmpty(text: string, what: string, where: string): string {
  if (text.trim() === '') throw new UsageError(`no ${what} given: ${where} is empty`);
  return text;
}

async function stdinText(what: string, deps: Pick<Deps, 'readStdin' | 'stdinIsTTY' | 'stderr'>): Promise<string> {
  if (deps.stdinIsTTY) deps.stderr.write(`Paste the ${what}, then press Ctrl-D on an empty line:\n`);
  const text = (await deps.readStdin(MAX_INPUT_BYTES)).toString('utf8');
  if (text.trim() === '') throw new UsageError(`no ${what} given: pass it as an argument, with --file FILE, or on standard input`);
  return text;
}
