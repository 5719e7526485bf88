/**
 * Polling the token endpoint while the user approves on another device (RFC 8628 §3.4, §3.5):
 * wait `interval` seconds between polls, add 5 seconds each time the provider says slow_down,
 * go on while it says authorization_pending, and stop on anything else, on our own deadline, or
 * when the device code is past its life and the provider still says pending. The poll, the clock
 * and the waiting are passed in.
 */
import type { MethodTrial } from './method-trial.js';
import type { TokenResponse } from './token-request.js';

/** RFC 8628 §3.5: slow_down adds 5 seconds to the interval, for this and every later poll. */
export const SLOW_DOWN_STEP = 5;

export type PollEnd =
  /** Tokens came back, or the provider answered with an error other than pending/slow_down. */
  | { kind: 'answered'; trial: MethodTrial<TokenResponse> }
  /** Our deadline (--login-timeout) came while the provider still said pending. */
  | { kind: 'timeout' }
  /** The device code is past expires_in and the provider still says pending: it never ends. */
  | { kind: 'outlived' };

export interface PollLog {
  polls: number;
  /** How many polls answered each error code (authorization_pending, slow_down...). */
  answers: Record<string, number>;
  slow_downs: number;
  /** The interval in use at the end, in seconds. */
  interval: number;
  waited_seconds: number;
}

export interface PollOptions {
  /** Seconds, as the device authorization answer gave it (or the default). */
  interval: number;
  /** Epoch ms when the device code expires. */
  expiresAt: number;
  /** Epoch ms when we stop waiting whatever the provider says. */
  deadline: number;
  poll: () => Promise<MethodTrial<TokenResponse>>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onPoll?: (log: PollLog, error: string | null, trial: MethodTrial<TokenResponse>) => void;
}

export async function pollForTokens(o: PollOptions): Promise<{ end: PollEnd; log: PollLog }> {
  const started = o.now();
  const log: PollLog = { polls: 0, answers: {}, slow_downs: 0, interval: o.interval, waited_seconds: 0 };
  const finish = (end: PollEnd) => {
    log.waited_seconds = Math.round((o.now() - started) / 1000);
    return { end, log };
  };
  // One interval past expiry is grace for a provider whose clock or rounding differs from ours.
  const outlivedAt = () => o.expiresAt + log.interval * 1000;
  for (;;) {
    const wakeAt = o.now() + log.interval * 1000;
    if (wakeAt > o.deadline) {
      await o.sleep(Math.max(0, o.deadline - o.now()));
      return finish({ kind: 'timeout' });
    }
    await o.sleep(log.interval * 1000);
    const trial = await o.poll();
    log.polls += 1;
    const error = trial.value ? null : (trial.attempts.at(-1)?.error ?? null);
    if (error) log.answers[error] = (log.answers[error] ?? 0) + 1;
    if (error === 'slow_down') {
      log.slow_downs += 1;
      log.interval += SLOW_DOWN_STEP;
    }
    o.onPoll?.(log, error, trial);
    if (error !== 'authorization_pending' && error !== 'slow_down') return finish({ kind: 'answered', trial });
    if (o.now() > outlivedAt()) return finish({ kind: 'outlived' });
  }
}
