import type { Finding } from '../findings.js';

/** What every command returns; `--json` prints it as it is, the text renderer formats it. */
export interface CommandResult {
  command: string;
  ok: boolean;
  findings: Finding[];
}
