/**
 * Every regular-expression literal in src/ (the knowledge base's included: 500 or so), run over
 * adversarial strings built from the pattern itself: its literal runs and a member of each class
 * and escape it quantifies, repeated. A pattern whose time grows with the square of the input (it
 * retries a long scan from each position) is found by how its time scales from 5 000 to 20 000
 * characters, before it could hang the run at 100 000; each pattern's slowest part must then take
 * under 50 ms at 100 000 characters (issue 14).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

interface Literal {
  where: string;
  re: RegExp;
  source: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

function regexLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sf);
        const end = literal.lastIndexOf('/');
        const source = literal.slice(1, end);
        out.push({ where: `${file.slice(ROOT.length)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, re: new RegExp(source, literal.slice(end + 1).replace('y', '')), source });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** The parts a pattern quantifies over: its literal runs, and a member of each class or escape. */
function adversarialParts(source: string): string[] {
  const parts = new Set(['a', ' ', '\n', '-', '.', '=', '"', "'", '<', '0', '_', '/', ':', '\t']);
  const members = new Set([' ', 'a', '\n', '=']);
  let literal = '';
  const flush = () => {
    if (literal.length >= 2) parts.add(literal);
    literal = '';
  };
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] as string;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      i += 1;
      if ('sSwWdDbB'.includes(n)) {
        flush();
        continue;
      }
      if (n === 'u' || n === 'x') {
        i += n === 'u' ? 4 : 2;
        flush();
        continue;
      }
      literal += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n;
      continue;
    }
    if (c === '[') {
      flush();
      let j = i + 1;
      let cls = '';
      while (j < source.length && source[j] !== ']') {
        if (source[j] === '\\') {
          cls += source[j + 1] ?? '';
          j += 2;
          continue;
        }
        cls += source[j];
        j += 1;
      }
      i = j;
      // The class's first members and its last (a trailing "-" is a member, as in [A-Za-z0-9_-]).
      for (const m of [...cls.replace(/^\^/, '').slice(0, 6), cls.at(-1) ?? '']) if (m) {
        parts.add(m);
        members.add(m);
      }
      continue;
    }
    if ('()|?*+{}.^$'.includes(c)) {
      flush();
      if (c === '{') while (i < source.length && source[i] !== '}') i += 1;
      continue;
    }
    literal += c;
  }
  flush();
  const base = [...parts];
  // A name followed by its value: a literal run, then a class member.
  for (const l of base.filter((p) => p.length >= 2).slice(0, 12)) for (const m of [...members].slice(0, 12)) base.push(l + m);
  return base;
}

const text = (part: string, n: number, tail: string) => `${part.repeat(Math.ceil(n / part.length)).slice(0, n)}${tail}`;

function timeOf(re: RegExp, s: string): number {
  const runs = [0, 1, 2].map(() => {
    re.lastIndex = 0;
    const started = performance.now();
    if (re.global) s.replace(re, '');
    else re.exec(s);
    return performance.now() - started;
  });
  return runs.sort((a, b) => a - b)[1] as number;
}

describe('every pattern in src/ runs in linear time', () => {
  const literals = regexLiterals();

  it('finds the patterns', () => {
    expect(literals.length).toBeGreaterThan(400);
  });

  it('no pattern scales with the square of adversarial input', { timeout: 240_000 }, () => {
    const quadratic: string[] = [];
    const slow: string[] = [];
    for (const { where, re, source } of literals) {
      let worst = { part: '', tail: '', ms: -1 };
      for (const part of adversarialParts(source)) {
        for (const tail of ['!', '\n']) {
          const small = timeOf(re, text(part, 5_000, tail));
          const large = timeOf(re, text(part, 20_000, tail));
          if (large > 10 && large / Math.max(small, 0.05) > 8) quadratic.push(`${where} ${JSON.stringify(part)}: ${small.toFixed(1)} ms at 5 000, ${large.toFixed(1)} ms at 20 000`);
          if (large > worst.ms) worst = { part, tail, ms: large };
        }
      }
      if (quadratic.some((q) => q.startsWith(`${where} `))) continue;
      const ms = timeOf(re, text(worst.part, 100_000, worst.tail));
      if (ms > 50) slow.push(`${where} ${JSON.stringify(worst.part)}: ${ms.toFixed(1)} ms at 100 000`);
    }
    expect(quadratic).toEqual([]);
    expect(slow).toEqual([]);
  });
});
