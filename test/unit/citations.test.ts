/**
 * Sources a user can open: every source named anywhere in the code resolves to a URL, RFC and
 * OpenID sections link to the section, and the project's own documents are never shown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citation, citations, SEED_DOCUMENT } from '../../src/knowledge/citations.js';
import { finding } from '../../src/findings.js';

const srcDir = new URL('../../src/', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

describe('citations', () => {
  it('links RFC sections, appendices and OpenID sections to the section itself', () => {
    expect(citation('RFC 6749 §5.2')).toEqual({ title: 'RFC 6749 §5.2', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' });
    expect(citation('RFC 6749 Appendix B')?.url).toBe('https://www.rfc-editor.org/rfc/rfc6749#appendix-B');
    expect(citation('RFC 8414 §2 (token_endpoint_auth_methods_supported)')?.url).toBe('https://www.rfc-editor.org/rfc/rfc8414#section-2');
    expect(citation('OpenID Connect Core 1.0 §3.1.2.6 (login_required)')?.url).toBe('https://openid.net/specs/openid-connect-core-1_0.html#AuthError');
    expect(citation('OpenID Connect Discovery 1.0 §4.3')?.url).toBe('https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfigurationValidation');
  });

  it('keeps the project documents out of what users see', () => {
    expect(citation('003_86f37ce835789711.txt (bad_verification_code)')).toBeUndefined();
    const f = finding({ id: 'invalid_client', severity: 'error', title: 't', detail: 'd', sources: ['RFC 6749 §5.2', '002_8a173236cfaf1cfa.txt (x)', 'RFC 6749 §5.2'] });
    expect(f.sources).toEqual([{ title: 'RFC 6749 §5.2', url: 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2' }]);
  });

  it('resolves every source title written in the code', () => {
    const unresolved: string[] = [];
    for (const file of files(srcDir)) {
      const text = readFileSync(file, 'utf8');
      for (const block of text.matchAll(/sources: \[([^\]]*)\]/g)) {
        for (const q of (block[1] ?? '').matchAll(/'((?:[^'\\]|\\.)*)'/g)) {
          const title = (q[1] ?? '').replace(/\\'/g, "'");
          // Fragments joined by a helper (microsoft.ts's src(code)) are checked whole in knowledge.test.ts.
          if (/^[ (:,]|^AADSTS\d+$/.test(title)) continue;
          if (!SEED_DOCUMENT.test(title) && citation(title) === undefined) unresolved.push(`${file.slice(srcDir.length)}: ${title}`);
        }
      }
    }
    expect(unresolved).toEqual([]);
    expect(citations(['RFC 6750 §3.1']).length).toBe(1);
  });
});
