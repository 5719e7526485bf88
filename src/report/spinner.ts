/**
 * The wait for a person (signing in, approving a device) shown on standard error: a spinner on a
 * terminal, one line elsewhere.
 */
import type { Deps } from '../deps.js';

/** A spinner on a terminal (one line elsewhere); the function it returns clears it, once. */
export function spinner(deps: Pick<Deps, 'stderr'>, text: string, timeoutMs: number, o: { announce?: boolean } = {}): () => void {
  if (!deps.stderr.isTTY) {
    if (o.announce !== false) deps.stderr.write(`${text} (timeout ${Math.round(timeoutMs / 1000)} s)…\n`);
    return () => {};
  }
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  const timer = setInterval(() => {
    i += 1;
    deps.stderr.write(`\r${frames[i % frames.length]} ${text}`);
  }, 100);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    deps.stderr.write('\r\u001b[K');
  };
}
