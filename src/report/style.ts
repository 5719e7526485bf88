/**
 * Colour decision, made once from the environment: off when the stream is not a TTY or NO_COLOR
 * is set (https://no-color.org), forced by FORCE_COLOR. Without colour, chalk is not even loaded:
 * pipes and CI, the common case, start faster.
 */
import type { ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

/** `isTTY` is asked last: finding out costs a little, and NO_COLOR or FORCE_COLOR settle it first. */
export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTTY: () => boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (env.TERM === 'dumb' || !isTTY()) return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

/** A style that leaves text as it is, whatever chain of modifiers is asked for (style.red.bold(...)). */
// `then` stays undefined, or `await` would take the proxy for a promise.
const plain: Style = new Proxy((text: unknown) => String(text), { get: (_t, key) => (key === 'then' ? undefined : plain) }) as unknown as Style;

export async function createStyle(level: 0 | 1 | 2 | 3): Promise<Style> {
  if (level === 0) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}
