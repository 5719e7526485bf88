/**
 * explain()'s input, whatever its shape, as one text for the classifier.
 */
import { errorText, httpClientErrorText, isHttpClientError, isResponseLike, responseText } from './input-text.js';
import { inspect } from 'node:util';

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
