/**
 * The substring test that lets explain skip most knowledge-base patterns (src/explain/required-text.ts)
 * must never skip a pattern that matches: a skipped match is a lost diagnosis.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREE_TEXT_PATTERNS } from '../../src/explain/observation.js';
import { PROVIDERS } from '../../src/knowledge/providers.js';
import { mightMatch, patternKey, requiredText, requiredTextTable } from '../../src/explain/required-text.js';
import { KNOWLEDGE } from '../../src/knowledge/index.js';
import type { KnowledgeEntry } from '../../src/knowledge/types.js';
import { knowledgeFromFiles, knowledgeToFiles } from '../../src/knowledge/serialize.js';
import type { ExplainCase } from '../fixtures/explain/types.js';

const seed = Number(process.env.FC_SEED ?? 20261122);

describe('requiredText', () => {
  it.each([
    ['invalid_client', '', ['invalid_client']],
    ['Invalid Client', 'i', ['invalid client']],
    ['\\bjwt expired\\b', 'i', ['jwt expired']],
    ['abc|de', '', ['abc', 'de']],
    ['abc|', '', undefined], // the empty branch matches anything
    ['(?:abc)?x', '', ['x']],
    ['ab?cd', '', ['cd']], // "b" is optional: "a" and "cd" are the runs, the longer wins
    ['a(?:bc|de)+f', '', ['bc', 'de']],
    ['x{2}yz', '', ['yz']],
    ['x{0,20}', '', undefined],
    ['a{b', '', ['a{b']], // no quantifier: "{" is a literal without the u flag
    ['[abc]+', '', undefined],
    ['foo[\\]x]bars', '', ['bars']], // the class ends at the unescaped "]"; one run is enough, the longest
    ['\\/authz\\/users', '', ['/authz/users']],
    ['^(?=[\\s\\S]*Invalid refresh token)(?=[\\s\\S]*auth0)', 'i', ['invalid refresh token']],
    ['(?!abc)de', '', ['de']],
    ['(?<=abc)de', '', ['de']],
    ['(?<name>abc)\\k<name>', '', ['abc']],
    ['(a)\\1bc', '', ['bc']],
    ['Не удалось', 'i', [' ']], // letters outside ASCII are left to the pattern
    ['\\u0041BC', '', ['BC']],
    ['\\x41BC', '', ['BC']],
    ['\\qfoo', '', undefined], // an unusual escape: nothing is claimed
    ['abc', 'u', undefined],
    ['a(b', '', undefined],
    ['a)b', '', undefined],
  ])('/%s/%s → %j', (source, flags, expected) => {
    expect(requiredText(source, flags)).toEqual(expected);
  });
});

describe('mightMatch', () => {
  it('is false only when the pattern cannot match, whatever the case with the i flag', () => {
    expect(mightMatch(/jwt expired/i, 'JsonWebTokenError: JWT EXPIRED')).toBe(true);
    expect(mightMatch(/jwt expired/, 'JsonWebTokenError: JWT EXPIRED')).toBe(false);
    expect(mightMatch(/jwt expired/i, 'invalid_client')).toBe(false);
    expect(mightMatch(/[abc]+/, 'zzz')).toBe(true); // nothing known: the pattern decides
  });

  it('never skips a random pattern on a string it matches', () => {
    const atom: fc.Arbitrary<string> = fc.oneof(
      fc.constantFrom('a', 'b', 'A', 'B', ' ', '\\.', '.', '[ab]', '[^a]', '\\d', '\\s', '\\w', '\\b', '\\B', '^', '$', '{', '}', ']', '1', '\\u0061', '\\x62'),
    );
    const pattern = fc.letrec<{ alt: string; seq: string; item: string }>((tie) => ({
      alt: fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((s) => s.join('|')),
      seq: fc.array(tie('item'), { minLength: 0, maxLength: 5 }).map((s) => s.join('')),
      item: fc.oneof(
        { weight: 5, arbitrary: atom },
        { weight: 2, arbitrary: fc.tuple(atom, fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,}', '+?')).map(([a, q]) => (/^[$^]|\\[bB]$/.test(a) ? a : a + q)) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom('(', '(?:', '(?=', '(?!', '(?<=', '(?<!'), tie('alt'), fc.constantFrom('', '?', '+', '*'))
            .map(([open, inner, q]) => `${open}${inner})${open.startsWith('(?') && open !== '(?:' ? '' : q}`),
        },
      ),
    })).alt;
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', ' ', '.', '1', 'x'), maxLength: 12 });
    fc.assert(
      fc.property(pattern, fc.constantFrom('', 'i', 'm'), fc.array(text, { minLength: 1, maxLength: 20 }), (source, flags, texts) => {
        let re: RegExp;
        try {
          re = new RegExp(source, flags);
        } catch {
          return; // not a pattern JavaScript accepts
        }
        for (const t of texts) if (re.test(t)) expect(mightMatch(re, t), `/${source}/${flags} on ${JSON.stringify(t)}`).toBe(true);
      }),
      { seed, numRuns: 2000 },
    );
  });

  // The entries as the built CLI reads them: patterns and the strings worked out at build time.
  const files = knowledgeToFiles(KNOWLEDGE);
  const readWords = (offset: number, length: number) => files.words.slice(offset, offset + length);
  const shipped = knowledgeFromFiles(files.heads, readWords);

  it('ships the knowledge base as ASCII files that read back to the same entries, words read only when shown', () => {
    expect(files.heads).toMatch(/^[\x00-\x7f]*$/);
    expect(files.words).toMatch(/^[\x00-\x7f]*$/);
    const reads: number[] = [];
    const entries = knowledgeFromFiles(Buffer.from(files.heads).toString('latin1'), (offset, length) => {
      reads.push(offset);
      return Buffer.from(files.words).toString('latin1').slice(offset, offset + length);
    });
    expect(reads).toEqual([]);
    const plain = (e: KnowledgeEntry) => ({ key: e.key, finding: e.finding, severity: e.severity, match: e.match, priority: e.priority, provider: e.provider, alternative: e.alternative, fallback: e.fallback, title: e.title, meaning: e.meaning, causes: e.causes, fixes: e.fixes, sources: e.sources });
    expect(entries.map(plain)).toEqual(KNOWLEDGE.map(plain));
    expect(reads).toHaveLength(KNOWLEDGE.length); // once per entry, not once per field
  });

  // The knowledge base's patterns and those observation.ts scans free text with (their required
  // text ships in the bundle as a table the build makes).
  const patterns = [
    ...shipped.flatMap((e) => e.match.flatMap((m) => (m.text ? [{ key: e.key, re: m.text }] : []))),
    ...FREE_TEXT_PATTERNS.map((re) => ({ key: 'observation.ts', re })),
  ];

  it('ships in the bundle the required text of every free-text pattern, as requiredText works it out', () => {
    // The build writes the table into dist/cli.cjs (scripts/build.mjs, BUILT_REQUIRED_TEXT).
    const bundle = readFileSync(new URL('../../dist/cli.cjs', import.meta.url), 'latin1');
    const shippedTable = /define_BUILT_REQUIRED_TEXT_default = (\{.*\});$/m.exec(bundle)?.[1];
    expect(shippedTable, 'the table in dist/cli.cjs').toBeDefined();
    // An object literal as esbuild prints it (a key holding a double quote is single-quoted).
    const table = new Function(`return (${shippedTable as string});`)() as Record<string, unknown>;
    const shippedPatterns = [...FREE_TEXT_PATTERNS, ...PROVIDERS.map((p) => p.text)];
    expect(table).toEqual(requiredTextTable(shippedPatterns));
    expect(Object.keys(table)).toHaveLength(new Set(shippedPatterns.map(patternKey)).size);
    expect(table['/\\bAADSTS(\\d{4,9})\\b/g']).toEqual(['AADSTS']);
  });

  it('never skips a knowledge-base pattern on a recorded case it matches', () => {
    const modules = import.meta.glob<{ cases: ExplainCase[] }>('../fixtures/explain/*.ts', { eager: true });
    const inputs = Object.entries(modules)
      .filter(([path]) => !path.endsWith('/types.ts'))
      .flatMap(([, m]) => m.cases.map((c) => c.input));
    expect(inputs.length).toBeGreaterThan(300);
    let matched = 0;
    for (const { key, re } of patterns) {
      for (const input of inputs) {
        if (!re.test(input)) continue;
        matched += 1;
        expect(mightMatch(re, input), `${key} ${re} on ${input.slice(0, 80)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(200);
  });

  it('never skips a knowledge-base pattern on strings generated from it', () => {
    let checked = 0;
    for (const { key, re } of patterns) {
      // fast-check generates from patterns without i, \b or lookarounds: drop \b (zero-width, so
      // every string matching the rest still holds the required text) and skip lookarounds.
      if (/\(\?<?[=!]/.test(re.source)) continue;
      const generator = new RegExp(re.source.replace(/\\b/g, ''), re.flags.replace('i', ''));
      const flipCase = (s: string, flips: boolean[]) => [...s].map((ch, i) => (flips[i % flips.length] && re.flags.includes('i') ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join('');
      fc.assert(
        fc.property(fc.stringMatching(generator, { size: 'small' }), fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), (s, flips) => {
          const t = flipCase(s, flips);
          expect(mightMatch(re, t), `${key} ${re} on ${JSON.stringify(t)}`).toBe(true);
        }),
        { seed, numRuns: 30 },
      );
      checked += 1;
    }
    expect(checked).toBeGreaterThan(190);
  });
});
