/**
 * The one way oauth-doctor talks HTTP: every request has a timeout, a body size cap, and never
 * follows redirects (a redirect is something to diagnose, not to obey). Failures become
 * NetworkError with the low-level code kept, for the network_error diagnosis.
 */
import { NetworkError } from '../errors.js';
import { loadUndici } from '../lazy-modules.js';
import { readTlsAlert } from './tls-alert.js';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Whole request, connect to last byte. */
  timeoutMs: number;
  /** Refuse bodies larger than this. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Ends the request early, as a timeout would (a whole run's deadline). */
  signal?: AbortSignal;
  /** A client certificate to present on the TLS connection (mutual TLS, RFC 8705). PEM. */
  clientCertificate?: { cert: string; key: string };
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from sending to the last byte. */
  elapsedMs: number;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface HttpClientOptions {
  /** Extra trusted CA certificates (PEM), added to Node's own (--ca FILE). */
  ca?: string;
  /** Where HTTP_PROXY, HTTPS_PROXY and NO_PROXY (or their lower-case forms) are read. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The proxy settings of an environment, as curl and most tools read them (lower case first). */
export function proxySettings(env: Readonly<Record<string, string | undefined>>): { httpProxy: string; httpsProxy: string; noProxy: string } | undefined {
  const read = (name: string) => env[name.toLowerCase()] || env[name] || undefined;
  const httpProxy = read('HTTP_PROXY');
  const httpsProxy = read('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return undefined;
  // All three given (an empty one is "none"): undici would otherwise read this process's own environment.
  return { httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy: read('NO_PROXY') ?? '' };
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  // One dispatcher per client certificate (none: ""): a connection made with a certificate is never reused without it, nor the other way round.
  const dispatchers = new Map<string, unknown>();
  const proxy = proxySettings(options.env ?? {});
  return {
    async request(req) {
      // undici is loaded on first use so commands that never touch the network start fast.
      const { request, Agent, EnvHttpProxyAgent } = await loadUndici();
      const identity = req.clientCertificate?.cert ?? '';
      let dispatcher = dispatchers.get(identity);
      if ((options.ca || proxy || req.clientCertificate) && !dispatcher) {
        const { rootCertificates } = await import('node:tls');
        const tls = {
          ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
          ...(req.clientCertificate ? { cert: req.clientCertificate.cert, key: req.clientCertificate.key } : {}),
        };
        const given = Object.keys(tls).length > 0 ? tls : undefined;
        // Behind a company proxy the provider is reachable only through it; NO_PROXY is honoured.
        dispatcher = proxy ? new EnvHttpProxyAgent({ ...proxy, ...(given ? { connect: given, requestTls: given } : {}) }) : new Agent({ connect: given });
        dispatchers.set(identity, dispatcher);
      }
      const started = performance.now();
      const max = req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error('timeout')), req.timeoutMs);
      const onOuterAbort = () => controller.abort(new Error('deadline'));
      if (req.signal?.aborted) onOuterAbort();
      req.signal?.addEventListener('abort', onOuterAbort, { once: true });
      try {
        const res = await request(req.url, {
          method: req.method ?? 'GET',
          headers: req.headers,
          body: req.body,
          signal: controller.signal,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
          ...(dispatcher ? { dispatcher: dispatcher as never } : {}),
        });
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        for await (const chunk of res.body) {
          total += (chunk as Buffer).length;
          if (total > max) {
            res.body.destroy();
            throw new NetworkError(
              'ERR_HTTP_BODY_TOO_LARGE',
              `${req.url} answered with a body over ${Math.round(max / 1024)} KiB; stopped reading`,
              req.url,
              undefined,
            );
          }
          chunks.push(chunk as Buffer);
        }
        return {
          url: req.url,
          status: res.statusCode,
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
          elapsedMs: performance.now() - started,
        };
      } catch (err) {
        let failure = err instanceof NetworkError ? err : toNetworkError(err, req, controller.signal.aborted);
        // A TLS connection closed mid-request, not through a proxy: the server may have sent an alert about the client certificate.
        if (failure.causeCode === 'UND_ERR_SOCKET' && req.url.startsWith('https:') && !proxy) {
          const { rootCertificates } = await import('node:tls');
          const alert = await readTlsAlert(
            req.url,
            { ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}), ...(req.clientCertificate ?? {}) },
            Math.min(req.timeoutMs, 5000),
          );
          if (alert) failure = new NetworkError('ERR_NETWORK', `${req.url}: the server ended the TLS connection with an alert (${alert})`, req.url, alert, { cause: err });
        }
        if (proxy) {
          const through = req.url.startsWith('https:') ? proxy.httpsProxy || proxy.httpProxy : proxy.httpProxy;
          if (through) failure.proxy = through;
        }
        throw failure;
      } finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onOuterAbort);
      }
    },
  };
}

function toNetworkError(err: unknown, req: HttpRequest, timedOut: boolean): NetworkError {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.cause?.code ?? e?.code;
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new NetworkError(
      'ERR_HTTP_TIMEOUT',
      `${req.url} did not answer within ${(req.timeoutMs / 1000).toFixed(1)} s`,
      req.url,
      code ?? 'ETIMEDOUT',
      { cause: err },
    );
  }
  const message = e?.cause?.message ?? e?.message ?? String(err);
  return new NetworkError('ERR_NETWORK', `${req.url}: ${message}`, req.url, code, { cause: err });
}
