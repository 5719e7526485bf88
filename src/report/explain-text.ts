import type { ExplainResult } from '../commands/explain.js';
import { heading, printable, renderFinding } from './findings-text.js';
import type { Style } from './style.js';

const FORM: Record<ExplainResult['input']['form'], string> = {
  code: 'an error code',
  json: 'a JSON error body',
  http: 'an HTTP response',
  challenge: 'a WWW-Authenticate challenge',
  form: 'a form-encoded error body',
  url: 'a redirect URL',
  text: 'an error message or stack trace',
};

export function renderExplain(r: ExplainResult, style: Style): string {
  const i = r.input;
  const read = [FORM[i.form], i.status !== null ? `HTTP ${i.status}` : undefined, i.codes.length ? `codes: ${i.codes.slice(0, 6).join(', ')}` : undefined];
  const out: string[] = [style.dim(printable(`Read as ${read.filter(Boolean).join('; ')}`)), ''];
  const [primary, ...others] = r.findings;
  if (primary) out.push(heading('Diagnosis', style), renderFinding(primary, style));
  if (others.length > 0) out.push('', heading('Also', style), others.map((f) => renderFinding(f, style)).join('\n\n'));
  return `${out.join('\n')}\n`;
}
