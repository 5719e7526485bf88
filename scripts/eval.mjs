#!/usr/bin/env node
/**
 * `npm run eval`: how often `explain` names the right class on real error texts it was never
 * written for (eval/README.md says how they were gathered and split). Prints, for each set, top-1
 * and top-3, per class, per provider and per stage, the confusion pairs, every finding title that
 * names a provider the input does not show, and every miss.
 *
 *   npm run eval                      both sets
 *   npm run eval -- --set tuning      one set (what to read while changing matchers)
 *   npm run eval -- --brief           figures only, no misses
 *   npm run eval -- --no-guess        the knowledge base alone, without the word reading
 *   npm run eval -- --family a,b      only the cases of these families (a wave's files, scored when it arrives)
 *   npm run eval -- --json            one JSON document
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readCases } from './eval/cases.mjs';
import { score } from './eval/score.mjs';
import { importTs } from './build/import-ts.mjs';

const args = process.argv.slice(2);
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const brief = args.includes('--brief');
const json = args.includes('--json');
const families = args.includes('--family') ? new Set(args[args.indexOf('--family') + 1].split(',')) : undefined;

const { explainText } = await importTs(["export { explainText } from './src/explain/index.ts';"]);
const cases = readCases().filter((c) => (!only || c.set === only) && (!families || families.has(c.id.replace(/-\d+$/, ''))));
if (cases.length === 0) {
  process.stderr.write(`no cases${only ? ` in set "${only}"` : ''}: see eval/README.md\n`);
  process.exit(2);
}
// As the explain command reads a pasted text: with the word reading, unless --no-guess.
const guess = !args.includes('--no-guess');
const report = score(cases, (text) => explainText(text, undefined, { guess }).findings, readings());

/** The blind readings (eval/blind/<set>.json), by case id: what a reader made of each text alone. */
function readings() {
  const map = new Map();
  const dir = new URL('../eval/blind/', import.meta.url);
  if (!existsSync(dir)) return map;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    for (const r of JSON.parse(readFileSync(new URL(file, dir), 'utf8'))) map.set(r.id, r);
  }
  return map;
}

// No process.exit after writing: a pipe takes the rest of a long write after this script returns.
if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else process.stdout.write(render(report));

function render(report) {
  const out = [];
  const line = (s = '') => out.push(s);
  const table = (rows, label) => {
    const width = Math.max(label.length, ...rows.map((r) => String(r.key).length));
    line(`  ${label.padEnd(width)}  ${'n'.padStart(4)}  ${'top-1'.padStart(6)}  ${'top-3'.padStart(6)}`);
    for (const r of rows) line(`  ${String(r.key).padEnd(width)}  ${String(r.n).padStart(4)}  ${`${r.top1}%`.padStart(6)}  ${`${r.top3}%`.padStart(6)}`);
  };
  const clip = (s, n) => {
    const flat = s.replace(/\s+/g, ' ').trim();
    return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
  };

  for (const r of report) {
    line(`== ${r.set}: ${r.n} cases  top-1 ${r.top1}%  top-3 ${r.top3}%  titles naming an unshown provider: ${r.unshown.length}`);
    if (r.reader) {
      const { reader } = r;
      line(
        `   a reader, from the text alone (${reader.n} cases): top-1 ${reader.top1}%  top-3 ${reader.top3}%; ` +
          `on the ${reader.settled.n} the text settles: reader ${reader.settled.reader_top1}%, explain ${reader.settled.tool_top1}%`,
      );
    }
    if (brief) continue;
    line();
    table(r.byClass, 'class');
    line();
    table(r.byProvider, 'provider');
    line();
    table(r.byStage, 'stage');
    if (r.confusion.length > 0) {
      line();
      line('  confusion (expected → first finding):');
      for (const c of r.confusion) line(`    ${String(c.n).padStart(3)}  ${c.pair}`);
    }
    if (r.unshown.length > 0) {
      line();
      line('  titles naming a provider or library the input does not show:');
      for (const u of r.unshown) line(`    ${u.id}: ${u.names.join(', ')} in "${u.titles[0]}"`);
    }
    if (r.misses.length > 0) {
      line();
      line(`  misses (${r.misses.length}):`);
      for (const m of r.misses) {
        line(`    ${m.id}  expected ${m.class}, got ${m.got.join(' > ') || '(nothing)'}`);
        line(`      ${clip(m.text, 160)}`);
        line(`      ${m.url}`);
      }
    }
    line();
  }
  if (!only && report.length > 1 && brief === false) {
    line(report.map((r) => `${r.set}: ${r.n} cases, top-1 ${r.top1}%, top-3 ${r.top3}%`).join('  |  '));
  }
  return `${out.join('\n')}\n`;
}
