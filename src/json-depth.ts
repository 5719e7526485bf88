/**
 * JSON from a server or a token, cut to a depth every output path can handle: JSON.parse reads
 * any depth, but printing, redacting and stringifying recurse, and a member 20 000 arrays deep
 * would end the run with "Maximum call stack size exceeded". Pure.
 */
export const MAX_JSON_DEPTH = 32;

export function limitDepth(value: unknown, max = MAX_JSON_DEPTH): unknown {
  return cut(value, max);
}

function cut(value: unknown, left: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (left <= 0) return `[nested deeper than ${MAX_JSON_DEPTH} levels: left out]`;
  if (Array.isArray(value)) return value.map((v) => cut(v, left - 1));
  // fromEntries defines each member as its own ("__proto__" included), never a prototype.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v, left - 1)]));
}
