/**
 * Trimming a repeated character off the end, in linear time: `/\/+$/` is quadratic on a run of
 * the character that is not at the end (it retries from each one). Pure.
 */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end -= 1;
  return text.slice(0, end);
}
