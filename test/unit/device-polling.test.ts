/**
 * The device flow's polling loop (RFC 8628 §3.4, §3.5) on a fake clock: the interval kept, 5 s
 * added on every slow_down, the end on any other answer, on our deadline, and when a provider says
 * pending past the device code's life.
 */
import { describe, expect, it } from 'vitest';
import { pollForTokens } from '../../src/oauth/device-polling.js';
import type { MethodTrial } from '../../src/oauth/method-trial.js';
import { drawQr } from '../../src/report/qr.js';

function answering(answers: Array<string | null>) {
  let clock = 0;
  const polledAt: number[] = [];
  const poll = async (): Promise<MethodTrial> => {
    polledAt.push(clock / 1000);
    const error = answers.length > 1 ? answers.shift() ?? null : answers[0] ?? null;
    const attempt = { auth_method: 'none' as const, status: error ? 400 : 200, error, elapsed_ms: 1 };
    return { outcomes: [], attempts: [attempt], auth_method: error ? null : 'none', authenticated: [], findings: [], ...(error ? {} : { value: { access_token: 'a', token_type: 'Bearer' } }) };
  };
  return { poll, polledAt, now: () => clock, sleep: async (ms: number) => void (clock += ms) };
}

describe('pollForTokens', () => {
  it('polls at the interval while pending, and ends with the tokens', async () => {
    const a = answering(['authorization_pending', 'authorization_pending', null]);
    const { end, log } = await pollForTokens({ interval: 5, expiresAt: 600_000, deadline: 600_000, ...a });
    expect(end.kind).toBe('answered');
    expect(a.polledAt).toEqual([5, 10, 15]);
    expect(log).toMatchObject({ polls: 3, answers: { authorization_pending: 2 }, interval: 5, waited_seconds: 15 });
  });

  it('adds 5 s on each slow_down and keeps the slower pace', async () => {
    const a = answering(['slow_down', 'authorization_pending', 'slow_down', 'authorization_pending', 'access_denied']);
    const { end, log } = await pollForTokens({ interval: 5, expiresAt: 600_000, deadline: 600_000, ...a });
    expect(a.polledAt).toEqual([5, 15, 25, 40, 55]);
    expect(log).toMatchObject({ slow_downs: 2, interval: 15, answers: { slow_down: 2, authorization_pending: 2, access_denied: 1 } });
    expect(end.kind).toBe('answered');
  });

  it('stops at the deadline without a poll that would come after it', async () => {
    const a = answering(['authorization_pending']);
    const { end, log } = await pollForTokens({ interval: 5, expiresAt: 600_000, deadline: 12_000, ...a });
    expect(end.kind).toBe('timeout');
    expect(a.polledAt).toEqual([5, 10]);
    expect(log.waited_seconds).toBe(12);
  });

  it('ends a flow the provider keeps pending past the device code\'s life', async () => {
    const a = answering(['authorization_pending']);
    const { end, log } = await pollForTokens({ interval: 5, expiresAt: 20_000, deadline: 600_000, ...a });
    expect(end.kind).toBe('outlived');
    expect(a.polledAt.at(-1)).toBe(30);
    expect(log.polls).toBe(6);
  });
});

describe('drawQr', () => {
  it('draws light modules and the quiet zone, two rows to a line', () => {
    // A 2×2 code, dark on the diagonal.
    expect(drawQr(2, (r, c) => r === c)).toBe(['██████', '██▄▀██', '██████', ''].join('\n'));
  });
});
