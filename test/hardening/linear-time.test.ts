/**
 * Every input-facing pattern runs in linear time: the redaction, the observation of free text and
 * the whole explain (every knowledge pattern included) over 100 000-character strings built from
 * the parts those patterns quantify, and the cases an attack review reproduced (issue 14). A
 * quadratic pattern takes seconds to minutes here (JWT_LIKE took 19.6 s on "eyJ-" × 25 000); a
 * linear one a few milliseconds. The budget leaves room for a loaded machine.
 */
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { htmlToText } from '../../src/explain/html-text.js';
import { observe } from '../../src/explain/observation.js';
import { processPreflightResponse } from '../../src/oauth/preflight.js';
import { redactText } from '../../src/redact.js';

const N = 100_000;
const BUDGET_MS = 150;

/** The parts the patterns quantify over: token characters, names, separators, markup, prefixes. */
const PARTS = [
  'eyJ-', 'eyJ', 'eyJhbGciOiJIUzI1NiJ9.', 'xoxb-', 'ghp_', 'ya29.', 'AKIA', 'GOCSPX-', 'sk_live_', '1//0', 'glpat-',
  'token=', 'token: ', 'code=', 'client_secret="', 'Bearer ', 'Authorization: ', '//u:', 'error=', 'error="', '{"error":"',
  'status code ', 'HTTP/1.1 ', 'WWW-Authenticate: Bearer ', 'realm="', ', ', '<', '<a ', 'a', ' ', '\n', '\r\n', '=', '"', "'", '\\"',
];

const repeated = (part: string) => `${part.repeat(Math.ceil(N / part.length)).slice(0, N)}!`;

/** The median of three runs, in milliseconds. */
function timeOf(fn: () => unknown): number {
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
  return runs.sort((a, b) => a - b)[1] as number;
}

describe('linear time on adversarial input', () => {
  it.each(PARTS.map((p) => [JSON.stringify(p), p]))('%s repeated to 100 000 characters', (_name, part) => {
    const text = repeated(part);
    const page = { url: 'https://idp.example.test/authorize', status: 400, headers: { 'content-type': 'text/html' }, body: text, elapsedMs: 1 };
    for (const [name, fn] of [
      ['redactText', () => redactText(text)],
      ['observe', () => observe(text)],
      ['explain', () => explainText(text)],
      ['htmlToText', () => htmlToText(text)],
      ['preflight', () => processPreflightResponse(page, 'http://127.0.0.1:1/cb')],
    ] as const) {
      expect(timeOf(fn), name).toBeLessThan(BUDGET_MS);
    }
  });

  it.each([
    ['a line, 200 000 newlines, a line', `a${'\n'.repeat(200_000)}a`],
    ['an error description of "eyJ-" × 60 000', JSON.stringify({ error: 'invalid_grant', error_description: 'eyJ-'.repeat(60_000) })],
    ['"status code", 60 000 spaces, "x"', `status code${' '.repeat(60_000)}x`],
    ['64 KiB of "<"', '<'.repeat(64 * 1024)],
    // Codes are read with bounded patterns, so the knowledge's code-word patterns (some with lookaheads) never see more.
    ['an error code of 100 000 letters', `{"error":"${'a'.repeat(N)}"}`],
    ['an error code of "refresh_invalid_" words', `{"error":"refresh_${'invalid_'.repeat(12_000)}"}`],
    ['a key=value error of 100 000 letters', `error=${'a'.repeat(N)}`],
    ['a callback URL with an error of 100 000 letters', `https://app.example/cb?error=${'a'.repeat(N)}&error_description=x`],
    ['a 401 invalid_client whose description holds 250 000 newlines', `HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{"error":"invalid_client","error_description":"x${'\n'.repeat(250_000)}"}`],
  ])('the review\'s case: %s', (_name, text) => {
    expect(timeOf(() => explainText(text))).toBeLessThan(BUDGET_MS);
    expect(timeOf(() => redactText(text))).toBeLessThan(BUDGET_MS);
  });
});
