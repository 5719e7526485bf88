/**
 * The words of an HTML page: what an error page says, without its markup, scripts and styles.
 * One pass with indexOf, so its time is linear in the page whatever the page holds (a regular
 * expression over "<<<<..." backtracks). Pure.
 */

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", '#39': "'", lt: '<', gt: '>', amp: '&', nbsp: ' ' };

export function htmlToText(html: string, maxInput = 64 * 1024): string {
  const s = html.length > maxInput ? html.slice(0, maxInput) : html;
  const lower = s.toLowerCase();
  let out = '';
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt === -1) {
      out += s.slice(i);
      break;
    }
    out += `${s.slice(i, lt)} `;
    // Scripts and styles are skipped whole; other tags are dropped.
    const skip = lower.startsWith('<script', lt) ? '</script' : lower.startsWith('<style', lt) ? '</style' : undefined;
    const closeAt = skip ? lower.indexOf(skip, lt) : lt;
    const gt = s.indexOf('>', closeAt === -1 ? s.length : closeAt);
    if (gt === -1) break;
    i = gt + 1;
  }
  return out
    .replace(/&(quot|apos|#39|lt|gt|amp|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether text is an HTML page (or a fragment of one) rather than a message that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).toLowerCase();
  return /<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<title>/.test(head);
}
