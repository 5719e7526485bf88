/**
 * The evaluation cases: eval/cases/<set>/<family>.json, each a JSON array of
 * {id, text, url, source, stage, class, cause, provider, shows}. The set is the folder.
 */
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../../eval/cases/', import.meta.url);

export function readCases() {
  const cases = [];
  for (const set of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(new URL(`${set}/`, dir)).filter((f) => f.endsWith('.json')).sort()) {
      for (const c of JSON.parse(readFileSync(new URL(`${set}/${file}`, dir), 'utf8'))) cases.push({ ...c, set });
    }
  }
  return cases;
}
