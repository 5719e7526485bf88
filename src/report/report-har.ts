/**
 * A report as HAR 1.2 (the HTTP Archive the browsers' devtools import): one entry per exchange,
 * scrubbed as every report is. What oauth-doctor concluded goes in custom fields (`_findings`),
 * which the format allows for anything prefixed with an underscore.
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
import type { ReportDocument, ReportExchange } from './report-document.js';

const nameValues = (h: Record<string, string>) => Object.entries(h).map(([name, value]) => ({ name, value }));

export function reportHar(d: ReportDocument): string {
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'oauth-doctor', version: d.version, comment: d.command_line },
      pages: [],
      entries: d.exchanges.map(entry),
      comment: `${d.title}: ${d.ok ? 'nothing wrong found' : 'problems found'} (${d.errors} errors, ${d.warnings} warnings). Secrets, codes and tokens are redacted.`,
      _findings: d.findings,
      _context: Object.fromEntries(d.context),
    },
  };
  return `${JSON.stringify(har, null, 2)}\n`;
}

function entry(x: ReportExchange) {
  const url = new URL(x.url);
  const requestType = x.request_headers['content-type'] ?? 'application/x-www-form-urlencoded';
  const responseType = x.response_headers['content-type'] ?? '';
  return {
    startedDateTime: new Date(x.started).toISOString(),
    time: x.elapsed_ms,
    request: {
      method: x.method,
      url: x.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(x.request_headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(x.request_body !== undefined ? { postData: { mimeType: requestType, text: x.request_body } } : {}),
      headersSize: -1,
      bodySize: x.request_body === undefined ? 0 : Buffer.byteLength(x.request_body),
    },
    response: {
      // No answer: status 0, as browsers record a request that failed on the network.
      status: x.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nameValues(x.response_headers),
      content: { size: Buffer.byteLength(x.response_body), mimeType: responseType, text: x.response_body },
      redirectURL: x.response_headers.location ?? '',
      headersSize: -1,
      bodySize: x.status === null ? -1 : Buffer.byteLength(x.response_body),
      ...(x.error ? { _error: x.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: x.elapsed_ms, receive: 0 },
    ...(x.tokens.length > 0 ? { _decoded_tokens: x.tokens } : {}),
  };
}
