/**
 * Every HTTP exchange of a run, kept for `--report`: the HTTP client is wrapped, nothing else
 * changes. What is kept is raw; the report scrubs it when it is written, when every secret of the
 * run (the tokens that came back included) is known.
 */
import { NetworkError } from '../errors.js';
import type { HttpClient } from '../http/client.js';

export interface Exchange {
  /** Epoch ms when the request was sent. */
  started: number;
  method: string;
  url: string;
  request_headers: Record<string, string>;
  request_body?: string;
  /** null when no answer came. */
  status: number | null;
  response_headers: Record<string, string>;
  response_body: string;
  elapsed_ms: number;
  /** The network error, when no answer came. */
  error?: string;
}

/** Bodies longer than this are cut in a report: a report is read, not replayed. */
const BODY_LIMIT = 64 * 1024;

export function recordExchanges(http: HttpClient, now: () => number): { http: HttpClient; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  return {
    exchanges,
    http: {
      async request(req) {
        const started = now();
        const base = { started, method: req.method ?? 'GET', url: req.url, request_headers: { ...(req.headers ?? {}) }, ...(req.body !== undefined ? { request_body: req.body.slice(0, BODY_LIMIT) } : {}) };
        try {
          const res = await http.request(req);
          exchanges.push({ ...base, url: res.url || req.url, status: res.status, response_headers: res.headers, response_body: res.body.slice(0, BODY_LIMIT), elapsed_ms: Math.round(res.elapsedMs) });
          return res;
        } catch (err) {
          const error = err instanceof NetworkError ? `${err.causeCode ?? err.code}: ${err.message}` : String((err as Error)?.message ?? err);
          exchanges.push({ ...base, status: null, response_headers: {}, response_body: '', elapsed_ms: Math.round(now() - started), error });
          throw err;
        }
      },
    },
  };
}
