/**
 * What the library's explain(input) is handed (an Error, a fetch Response, an axios error) written
 * as the text a developer would paste into `oauth-doctor explain`: the classifier is tuned on such
 * text, so the library and the CLI read an error the same way.
 */
import { inspect } from 'node:util';
import type { HttpClientErrorLike, ResponseLike } from './types.js';

export function isResponseLike(value: unknown): value is ResponseLike {
  const v = value as Partial<ResponseLike> | null;
  return typeof v === 'object' && v !== null && typeof v.status === 'number' && typeof v.text === 'function' && typeof v.headers?.forEach === 'function';
}

export function isHttpClientError(value: unknown): value is HttpClientErrorLike {
  const r = (value as { response?: HttpClientErrorLike['response'] } | null)?.response;
  return typeof r === 'object' && r !== null && !isResponseLike(r) && (typeof r.status === 'number' || typeof r.statusCode === 'number');
}

/** A raw HTTP response as `curl -i` prints it, the form explain reads status, headers and body from. */
export function httpText(status: number, statusText: string | undefined, headers: ReadonlyArray<readonly [string, string]>, body: string): string {
  const head = [`HTTP/1.1 ${status}${statusText ? ` ${statusText}` : ''}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\n')}\n\n${body}`;
}

/**
 * The Response's status, headers and body. A clone is read when the body is still unread, so the
 * caller can read it after explain; a body already read is left out.
 */
export async function responseText(response: ResponseLike): Promise<string> {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  let body = '';
  if (!response.bodyUsed) {
    try {
      body = await (response.clone ? response.clone() : response).text();
    } catch {
      // A body that cannot be read (a stream that failed) leaves the status and headers to go on.
    }
  }
  return httpText(response.status, response.statusText, headers, body);
}

/** axios keeps the parsed body in `data` (an object, a string or bytes), got and superagent in `body`. */
export function httpClientErrorText(error: HttpClientErrorLike): string {
  const r = error.response;
  const status = r.status ?? r.statusCode ?? 0;
  const headers: Array<[string, string]> = [];
  const h = r.headers as { toJSON?: () => unknown } | undefined;
  // axios's AxiosHeaders holds the headers as its own properties; toJSON gives them plain.
  const plain = typeof h?.toJSON === 'function' ? h.toJSON() : h;
  if (plain && typeof plain === 'object') {
    for (const [name, value] of Object.entries(plain)) if (typeof value === 'string' || typeof value === 'number') headers.push([name, String(value)]);
  }
  const http = httpText(status, r.statusText, headers, bodyText(r.data ?? r.body));
  // The message says which request failed ("Request failed with status code 401") and, for a
  // library's own wrapper, its name; the answer itself follows.
  return error.message ? `${error.message}\n${http}` : http;
}

function bodyText(data: unknown): string {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  try {
    return JSON.stringify(data) ?? '';
  } catch {
    return inspect(data, { depth: 4 });
  }
}

/**
 * An Error as `console.error(err)` prints it: name, message, stack, its own properties (passport's
 * `oauthError` with the provider's status and body, `code`, `uri`, `status`) and its `cause` chain.
 * That is what people paste into explain, and what the knowledge base was tuned on.
 */
export function errorText(error: Error): string {
  return inspect(error, { depth: 6, colors: false, breakLength: 160, maxStringLength: 64 * 1024, maxArrayLength: 50 });
}
