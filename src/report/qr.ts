/**
 * A QR code of a URL for the terminal, as gh, az and step show the device flow's verification URL:
 * the phone's camera opens it, no typing. Drawn with Unicode half blocks, two module rows to a
 * text line. The light modules and the quiet zone are the ones drawn, so that on the usual dark
 * terminal the code is dark on light, as scanners expect; phone cameras read the inverse too.
 */
import { loadQrcode } from '../lazy-modules.js';

/** Modules of light margin around the code; the standard asks for 4, 2 scans reliably on a screen. */
const QUIET_ZONE = 2;

export function drawQr(size: number, isDark: (row: number, col: number) => boolean): string {
  const light = (r: number, c: number) => r < 0 || c < 0 || r >= size || c >= size || !isDark(r, c);
  const lines: string[] = [];
  for (let r = -QUIET_ZONE; r < size + QUIET_ZONE; r += 2) {
    let line = '';
    for (let c = -QUIET_ZONE; c < size + QUIET_ZONE; c += 1) {
      const top = light(r, c);
      const bottom = light(r + 1, c);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

export async function qrText(text: string): Promise<string> {
  const { default: qrcode } = await loadQrcode();
  // Level L keeps a verification URL small enough for an 80-column terminal.
  const qr = qrcode(0, 'L');
  qr.addData(text);
  qr.make();
  return drawQr(qr.getModuleCount(), (r, c) => qr.isDark(r, c));
}
