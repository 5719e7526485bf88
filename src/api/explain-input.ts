/**
 * explain()'s input, whatever its shape, as one text for the classifier.
 */
import { errorText, httpClientErrorText, isHttpClientError, isResponseLike, responseText } from './input-text.js';
import { inspect } from 'node:util';
import { KnownSecrets } from '../redact.js';

export async function inputText(input: unknown): Promise<string> {
  if (typeof input === 'string') return input;
  if (isResponseLike(input)) return responseText(input);
  // Before Error: an AxiosError is an Error too, and printing it whole would dump its request.
  if (isHttpClientError(input)) return httpClientErrorText(input);
  if (input instanceof Error) return errorText(input);
  if (typeof input === 'object' && input !== null) {
    try {
      return JSON.stringify(input);
    } catch {
      return inspect(input, { depth: 6 });
    }
  }
  return String(input);
}

/** Every string in the result with the given values scrubbed, as the CLI scrubs all it writes. */
export function scrubDeep<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const known = new KnownSecrets();
  for (const s of secrets) known.add(s, 'credential');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return known.scrub(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return secrets.some((s) => s) ? (walk(value) as T) : value;
}
