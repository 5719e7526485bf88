/**
 * Human time: durations like "3 h 12 min" and the relative phrases decode prints. Pure.
 */

export function humanDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${name}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  // Past a day, minutes and seconds are noise; past an hour, seconds are.
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
  return Number.isNaN(d.getTime()) ? String(epochSeconds) : d.toISOString().replace('.000Z', 'Z');
}
