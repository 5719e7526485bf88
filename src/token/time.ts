/**
 * Human time: durations like "3 h 12 min" and the relative phrases decode prints. Pure.
 */

export function humanDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (!Number.isFinite(s) || s > 1e12) return 'forever';
  if (s < 60) return `${s} s`;
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ];
  // The largest unit and the one right below it: "3 h 12 min", "1 d 1 h", "2 min 5 s", never "1 h 1 s".
  const first = units.findIndex(([, size]) => s >= size);
  const [bigName, bigSize] = units[first] as [string, number];
  const parts = [`${Math.floor(s / bigSize)} ${bigName}`];
  const next = units[first + 1];
  if (next) {
    const n = Math.floor((s % bigSize) / next[1]);
    if (n > 0) parts.push(`${n} ${next[0]}`);
  }
  return parts.join(' ');
}

/** "3 h 12 min ago" or "in 5 min". */
export function relative(epochSeconds: number, nowSeconds: number): string {
  const delta = epochSeconds - nowSeconds;
  if (Math.abs(delta) < 1) return 'now';
  return delta < 0 ? `${humanDuration(delta)} ago` : `in ${humanDuration(delta)}`;
}

export function isoDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  if (Number.isNaN(d.getTime())) return String(epochSeconds);
  const year = d.getUTCFullYear();
  // The first toISOString() of a process costs about 3 ms (npm run bench); the getters do not.
  // Years outside 0000-9999 take toISOString's extended form.
  if (year < 0 || year > 9999) return d.toISOString().replace('.000Z', 'Z');
  const two = (n: number) => String(n).padStart(2, '0');
  const ms = d.getUTCMilliseconds();
  return (
    `${String(year).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}` +
    `T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${ms ? `.${String(ms).padStart(3, '0')}` : ''}Z`
  );
}
