/**
 * One small hierarchy with stable codes. Only the top level (cli.ts) turns these into exit codes.
 */

export type ErrorCode =
  | 'ERR_USAGE'
  | 'ERR_INPUT'
  | 'ERR_INPUT_TOO_LARGE'
  | 'ERR_NETWORK'
  | 'ERR_HTTP_TIMEOUT'
  | 'ERR_HTTP_BODY_TOO_LARGE';

export class DoctorError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The user asked for something that cannot work as asked: exit 2, one line. */
export class UsageError extends DoctorError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ERR_USAGE', message, options);
  }
}

/** The input given is not what the command reads (not a token, too large, unreadable file): exit 2. */
export class InputError extends DoctorError {
  constructor(message: string, code: 'ERR_INPUT' | 'ERR_INPUT_TOO_LARGE' = 'ERR_INPUT', options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** A request could not complete: refused, DNS, TLS, reset, timeout, or a body over the limit. */
export class NetworkError extends DoctorError {
  /** The low-level code (ECONNREFUSED, ENOTFOUND, UND_ERR_HEADERS_TIMEOUT, DEPTH_ZERO_SELF_SIGNED_CERT, ...). */
  readonly causeCode: string | undefined;
  readonly url: string;
  /** The proxy the request was sent through (HTTP_PROXY / HTTPS_PROXY), when one is set. */
  proxy?: string;
  constructor(
    code: 'ERR_NETWORK' | 'ERR_HTTP_TIMEOUT' | 'ERR_HTTP_BODY_TOO_LARGE',
    message: string,
    url: string,
    causeCode: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.url = url;
    this.causeCode = causeCode;
  }
}
