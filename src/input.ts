/**
 * Where a command's main input comes from: the argument, a file, or standard input.
 */
import type { Deps } from './deps.js';
import { UsageError } from './errors.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

type InputDeps = Pick<Deps, 'readFile' | 'readStdin' | 'readChunks' | 'stdinIsTTY' | 'stderr'>;
type Sources = { argument?: string; file?: string };

export async function readInput(what: string, sources: Sources, deps: InputDeps): Promise<{ text: string; from: 'argument' | 'file' | 'stdin' }> {
  const where = inputSource(what, sources);
  if (where.from === 'argument') return { text: nonEmpty(where.text, what, 'the argument'), from: 'argument' };
  if (where.from === 'file') {
    const buf = await deps.readFile(where.path, MAX_INPUT_BYTES);
    return { text: nonEmpty(buf.toString('utf8'), what, where.path), from: 'file' };
  }
  promptIfTerminal(what, deps);
  const text = (await deps.readStdin(MAX_INPUT_BYTES)).toString('utf8');
  return { text: nonEmpty(text, what, 'standard input'), from: 'stdin' };
}

/**
 * The input of any size: its first `headBytes` as text, and, when there is more, the bytes read so
 * far and the rest still to read (a whole log streamed through `explain`).
 */
export type StreamedInput =
  | { complete: true; text: string }
  | { complete: false; head: Buffer; rest: AsyncIterator<Buffer> };

export async function readInputHead(what: string, sources: Sources, headBytes: number, deps: InputDeps): Promise<StreamedInput> {
  const where = inputSource(what, sources);
  if (where.from === 'argument') return { complete: true, text: nonEmpty(where.text, what, 'the argument') };
  if (where.from === 'stdin') promptIfTerminal(what, deps);
  const rest = deps.readChunks(where.from === 'file' ? where.path : undefined)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    // Copied: the reader may reuse its buffer for the next chunk.
    chunks.push(Buffer.from(next.value));
    size += next.value.length;
    if (size > headBytes) return { complete: false, head: Buffer.concat(chunks), rest };
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return { complete: true, text: nonEmpty(text, what, where.from === 'file' ? where.path : 'standard input') };
}

function inputSource(what: string, sources: Sources): { from: 'argument'; text: string } | { from: 'file'; path: string } | { from: 'stdin' } {
  if (sources.argument !== undefined && sources.file !== undefined) {
    throw new UsageError(`give the ${what} either as an argument or with --file, not both`);
  }
  if (sources.argument !== undefined && sources.argument !== '-') return { from: 'argument', text: sources.argument };
  if (sources.file !== undefined && sources.file !== '-') return { from: 'file', path: sources.file };
  return { from: 'stdin' };
}

function promptIfTerminal(what: string, deps: Pick<Deps, 'stdinIsTTY' | 'stderr'>): void {
  if (deps.stdinIsTTY) deps.stderr.write(`Paste the ${what}, then press Ctrl-D on an empty line:\n`);
}

function nonEmpty(text: string, what: string, where: string): string {
  if (text.trim() !== '') return text;
  if (where === 'standard input') throw new UsageError(`no ${what} given: pass it as an argument, with --file FILE, or on standard input`);
  throw new UsageError(`no ${what} given: ${where} is empty`);
}
