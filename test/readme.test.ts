/**
 * README.md tells the truth about finding ids and exit codes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../src/findings.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(Object.entries(FINDING_IDS))('documents finding id %s', (id, meaning) => {
    expect(readme).toContain(`| \`${id}\` | ${meaning} |`);
  });
  it('gives the test command that .ci/run runs', () => {
    expect(readme).toContain('npm test');
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toMatch(/^npm test$/m);
  });
});
