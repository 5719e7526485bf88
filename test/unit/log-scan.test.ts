/**
 * The log scanner on its own: however the bytes arrive (the 4 MiB reads of a file, a pipe's small
 * writes), it finds the same records and groups them the same way.
 */
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { LogScanner, normalise } from '../../src/explain/log-scan.js';

const LOG = [
  '2024-01-01T00:00:00Z ERROR oauth2: cannot fetch token: 400 Bad Request',
  'Response: {"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
  '2024-01-01T00:00:01Z INFO request served path=/api/items id=1',
  'Traceback (most recent call last):',
  '  File "app.py", line 12, in callback',
  '    token = oauth.fetch_token(url, code=code)',
  'oauthlib.oauth2.rfc6749.errors.InvalidClientError: (invalid_client) Client authentication failed.',
  '2024-01-01T00:00:02Z INFO request served path=/api/items id=2',
  '2024-01-01T00:00:03Z ERROR oauth2: cannot fetch token: 400 Bad Request',
  'Response: {"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
  '2024-01-01T00:00:04Z WARN GET /api/items returned HTTP 401 Unauthorized',
  '',
].join('\n');

function scan(chunks: Buffer[]) {
  const scanner = new LogScanner(explainText);
  for (const chunk of chunks) scanner.push(chunk);
  const result = scanner.end();
  return result.groups.map((g) => ({ count: g.count, lines: [g.first_line, g.last_line], id: g.findings[0]?.id }));
}

describe('LogScanner', () => {
  const whole = scan([Buffer.from(LOG)]);

  it('reads the Go oauth2 error with its Response line as one record, and finds the exception under a traceback', () => {
    expect(whole).toEqual([
      { count: 2, lines: [1, 9], id: 'refresh_token_rejected' },
      { count: 1, lines: [7, 7], id: expect.any(String) },
      { count: 1, lines: [11, 11], id: expect.any(String) },
    ]);
    expect(whole[1]!.id).toMatch(/invalid_client/);
  });

  it('finds the same groups whichever byte a chunk ends on', () => {
    const bytes = Buffer.from(LOG);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(scan([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toEqual(whole);
    }
  });

  it('finds the same groups when the bytes come a few at a time', () => {
    const bytes = Buffer.from(LOG);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    expect(scan(chunks)).toEqual(whole);
  });

  it('keeps apart records that differ by an error code or a status, not by a timestamp or an id', () => {
    expect(normalise('2024-01-01T00:00:01Z AADSTS700016 request id=123 took 404 ms')).toBe(normalise('2024-02-03T10:11:12Z AADSTS700016 request id=987 took 404 ms'));
    expect(normalise('AADSTS700016 app not found')).not.toBe(normalise('AADSTS700082 app not found'));
    expect(normalise('GET /x returned HTTP 401')).not.toBe(normalise('GET /x returned HTTP 403'));
  });
});
