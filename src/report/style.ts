/**
 * Colour decision, made once from the environment: off when the stream is not a TTY or NO_COLOR
 * is set (https://no-color.org), forced by FORCE_COLOR.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export type Style = ChalkInstance;

export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}

export function createStyle(level: 0 | 1 | 2 | 3): Style {
  return new Chalk({ level });
}
