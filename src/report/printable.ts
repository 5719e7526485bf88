/**
 * Characters that drive a terminal or reorder what it shows: C0 and C1 controls (ESC starts the
 * escape and OSC sequences), the bidi controls, and the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text that came from outside (a token, a server) must not drive the terminal: such characters are shown as escapes. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/**
 * One JSON document, with what JSON.stringify leaves as it is (C1, bidi controls, U+2028/2029)
 * escaped as \\uXXXX too: the same value to a parser, nothing a terminal acts on.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escape);
}
