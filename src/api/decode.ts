/**
 * decode() for the library: the `decode` command's core with the edges it needs (clock, network,
 * key files) and none it must not touch (standard input, the terminal).
 */
import { readFile } from 'node:fs/promises';
import { run } from '../commands/decode/run.js';
import type { Deps } from '../deps.js';
import { InputError } from '../errors.js';
import { createHttpClient } from '../http/client.js';
import { KnownSecrets } from '../redact.js';
import type { DecodeOptions, DecodeResult } from './types.js';

export async function decodeToken(token: string, o: DecodeOptions): Promise<DecodeResult> {
  if (typeof token !== 'string' || token.trim() === '' || token.trim() === '-') throw new InputError('decode(): give the token as a non-empty string');
  const now = o.now ?? Date.now();
  const unavailable = (what: string) => () => {
    throw new InputError(`decode(): ${what} is not available from the library`);
  };
  const deps = {
    now: () => now,
    env: process.env,
    http: createHttpClient({ env: process.env }),
    secrets: new KnownSecrets(),
    readFile: async (path: string, maxBytes: number) => {
      const data = await readFile(path);
      if (data.length > maxBytes) throw new InputError(`${path}: larger than ${maxBytes} bytes`, 'ERR_INPUT_TOO_LARGE');
      return data;
    },
    readStdin: unavailable('standard input'),
    // The rest (browser, loopback, terminal) is never reached by decode; a call would fail loudly.
  } as unknown as Deps;
  const result = await run(
    {
      token,
      issuer: o.issuer,
      jwksUri: o.jwksUri,
      key: o.keyFile,
      secret: o.secret,
      audience: o.audience,
      expectIssuer: o.expectIssuer,
      clockTolerance: o.clockToleranceSeconds ?? 0,
      timeoutMs: o.timeoutMs ?? 10_000,
      showTokens: false,
    },
    deps,
  );
  return result as DecodeResult;
}
