/**
 * What the times an error prints say about its cause. Verifiers that refuse a token or an
 * assertion for its time claims often print the current time beside the validity window
 * ("Current time: ..., assertion valid from ..., expiry time of assertion ..."; "ValidTo: '...'
 * Current time: '...'"). Compared, they decide between readings the words leave open: a window
 * that ended before now is an expired token or assertion; one that starts after now is a clock
 * ahead; an expiry a whole number of hours before now is a time zone applied twice.
 *
 * @see RFC 7519 §4.1.4 (exp), §4.1.5 (nbf)
 */
import type { ContextFlag } from './observation.js';

/** A date and time as errors print them: ISO 8601 (T or space) or US month/day/year. Offsets are left aside. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})/;

/** A label, an optional "(UTC)", up to a few quote or separator characters, then the time. */
const NOW = /\b(?:current time|current_time|now)\b(?: \(UTC\))?['"]?\s{0,2}[:=]?\s{0,2}['"]?(\d[\d/:. TZ-]{9,30})/i;
const END = /\b(?:ValidTo|expiry time of (?:the )?assertion|valid until|expired at|Token Expiry|expires at)\b(?: \(UTC\))?['"]?\s{0,2}[:=]?\s{0,2}['"]?(\d[\d/:. TZ-]{9,30})/i;
const START = /\b(?:ValidFrom|valid from|not before)\b(?: \(UTC\))?['"]?\s{0,2}[:=]?\s{0,2}['"]?(\d[\d/:. TZ-]{9,30})/i;

function seconds(s: string): number | undefined {
  const iso = ISO.exec(s);
  const us = iso ? undefined : US.exec(s);
  const p = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]] : us ? [us[3], us[1], us[2], us[4], us[5], us[6]] : undefined;
  if (!p) return undefined;
  const [y, mo, d, h, mi, se] = p.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, se) / 1000;
}

const at = (re: RegExp, text: string): number | undefined => {
  const m = re.exec(text);
  return m?.[1] ? seconds(m[1]) : undefined;
};

/** Tolerance around a whole number of hours: a token refused one minute after a round hour is chance. */
const WHOLE_HOUR_SLACK = 120;

/**
 * The flags the printed times give: `window_passed` (the window ended before the current time),
 * `window_ahead` (it starts after it), `window_whole_hours` (it ended a whole number of hours,
 * one to fourteen, before it: a time zone offset).
 */
export function timeWindowFlags(text: string): ContextFlag[] {
  // Cheap test first: most inputs print no current time at all.
  if (!/current[ _]time|\bnow\b/i.test(text)) return [];
  const now = at(NOW, text);
  if (now === undefined) return [];
  const flags: ContextFlag[] = [];
  const start = at(START, text);
  const end = at(END, text);
  if (start !== undefined && start > now) flags.push('window_ahead');
  if (end !== undefined && end < now) {
    flags.push('window_passed');
    const gap = now - end;
    const hours = Math.round(gap / 3600);
    if (hours >= 1 && hours <= 14 && Math.abs(gap - hours * 3600) <= WHOLE_HOUR_SLACK) flags.push('window_whole_hours');
  }
  return flags;
}
