/**
 * The knowledge base, entry by entry: a realistic recorded input for every entry, run through the
 * built CLI, must come out with the entry's finding first, with fixes and sources.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../src/findings.js';
import { citation, SEED_DOCUMENT } from '../src/knowledge/citations.js';
import { KNOWLEDGE } from '../src/knowledge/index.js';
import { PROVIDERS } from '../src/knowledge/providers.js';
import type { ExplainCase } from './fixtures/explain/types.js';
import { runCli as spawnCli, STACK_TRACE } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';

const modules = import.meta.glob<{ cases: ExplainCase[] }>('./fixtures/explain/*.ts', { eager: true });
const cases = Object.entries(modules)
  .filter(([path]) => !path.endsWith('/types.ts'))
  .flatMap(([path, m]) => m.cases.map((c) => ({ ...c, file: path.replace(/^.*\//, '') })));

describe('the knowledge base', () => {
  it('has unique keys, known finding ids, and meaning, causes, fixes and sources in every entry', () => {
    const keys = KNOWLEDGE.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of KNOWLEDGE) {
      expect(Object.keys(FINDING_IDS), e.key).toContain(e.finding);
      expect(e.meaning.length, e.key).toBeGreaterThan(20);
      expect(e.fixes.length, e.key).toBeGreaterThan(0);
      expect(e.sources.length, e.key).toBeGreaterThan(0);
      expect(e.match.length, e.key).toBeGreaterThan(0);
    }
  });

  it('has a recorded case for every entry', () => {
    const covered = new Set(cases.map((c) => c.entry));
    expect(KNOWLEDGE.map((e) => e.key).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('keeps the seed documents as provenance, never as a source shown to users', () => {
    const provenance = KNOWLEDGE.flatMap((e) => e.provenance ?? []).join('\n');
    for (const seed of ['000_771f3fde50da5341.txt', '001_b11ec28349281b2a.txt', '002_8a173236cfaf1cfa.txt', '003_86f37ce835789711.txt']) {
      expect(provenance).toContain(seed);
    }
    expect(KNOWLEDGE.flatMap((e) => e.sources).filter((s) => SEED_DOCUMENT.test(s))).toEqual([]);
  });

  it('names a provider or library in a title only in an entry that needs that provider shown', () => {
    const named = (title: string) =>
      PROVIDERS.filter((p) => p.names.some((n) => new RegExp(`(?<![\\w.-])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(title))).map((p) => p.id);
    const wrong = KNOWLEDGE.flatMap((e) => named(e.title).filter((id) => id !== e.provider && !(e.provider === 'google_workspace' && id === 'google')).map((id) => `${e.key} (${e.provider ?? 'general'}) names ${id}: ${e.title}`));
    expect(wrong).toEqual([]);
  });

  it('gives every entry sources a reader can open: each title resolves to an https URL', () => {
    for (const e of KNOWLEDGE) {
      expect(e.sources.filter((s) => citation(s) === undefined), e.key).toEqual([]);
      for (const s of e.sources) expect(citation(s)?.url, `${e.key}: ${s}`).toMatch(/^https:\/\/[^\s]+$/);
    }
  });
});

describe.concurrent('explain on recorded inputs', () => {
  it.each(cases.map((c) => [`${c.file}: ${c.entry}`, c] as const))('%s', async (_name, c) => {
    const r = await runCli(['explain', '--json'], { input: c.input });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect([0, 1]).toContain(r.code);
    const findings = r.json().findings;
    const primary = findings[0];
    const shown = findings[c.rank ?? 0];
    expect(shown.id).toBe(c.finding);
    expect(shown.evidence.knowledge_entry).toBe(c.entry);
    expect(primary.fixes.length).toBeGreaterThan(0);
    expect(primary.sources.length).toBeGreaterThan(0);
    // explain exits 0 only when the input shows success; any failure it describes is exit 1.
    expect(r.code).toBe(primary.id === 'success' ? 0 : 1);
  });
});
