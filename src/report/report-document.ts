/**
 * What a `--report` holds, whatever its format: the command run, what it found, and every HTTP
 * exchange, all scrubbed by the caller's scrub (the run's known secrets, then anything that looks
 * like one). A token keeps its decoded claims, never its signature; with `redactClaims`, the
 * claims that name a person are hidden too.
 */
import type { Finding } from '../findings.js';
import type { Exchange } from './exchanges.js';

export type ReportFormat = 'markdown' | 'html' | 'har';

export interface ReportRequest {
  file: string;
  format: ReportFormat;
  redactClaims: boolean;
}

export interface ReportInput {
  command: string;
  argv: readonly string[];
  /** The command's result, as --json prints it. */
  result: { ok: boolean; findings: Finding[] };
  exchanges: readonly Exchange[];
  generatedAt: number;
  version: string;
  /** What explain was given. */
  input?: string;
}

export interface DecodedToken {
  /** Where it was seen: "response body", "request body", "authorization header". */
  where: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

export interface ReportExchange extends Exchange {
  tokens: DecodedToken[];
}

export interface ProbeRow {
  target: string;
  check: string;
  status: string;
  summary: string;
}

export interface ReportDocument {
  title: string;
  command: string;
  command_line: string;
  generated_at: string;
  version: string;
  ok: boolean;
  errors: number;
  warnings: number;
  /** The run's own facts: issuer, redirect URI, endpoints, the method that worked, where it stopped. */
  context: Array<[string, string]>;
  checks: ProbeRow[];
  findings: Finding[];
  exchanges: ReportExchange[];
  input?: string;
}

/** Claims that name or reach a person (OpenID Connect Core §5.1, and Entra's upn). */
const PERSONAL_CLAIMS = new Set(['email', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'phone_number', 'address', 'birthdate', 'picture', 'profile', 'website', 'upn', 'unique_name']);
// Only where a run of token characters starts (as redact.ts's JWT_LIKE): otherwise "eyJeyJ…" is rescanned from each eyJ.
const JWS = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const INPUT_LIMIT = 8 * 1024;

export function buildReport(r: ReportInput, scrub: (text: string) => string, o: { redactClaims: boolean }): ReportDocument {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]));
    return value;
  };
  const claimsOf = (text: string, where: string): DecodedToken[] =>
    [...text.matchAll(JWS)].flatMap(([jwt]) => {
      const [header, payload] = jwt.split('.').slice(0, 2).map(decodePart);
      return header && payload ? [{ where, header: clean(header) as Record<string, unknown>, claims: clean(o.redactClaims ? hidePersonal(payload) : payload) as Record<string, unknown> }] : [];
    });
  const findings = r.result.findings;
  return {
    title: `oauth-doctor ${r.command} report`,
    command: r.command,
    command_line: scrub(['oauth-doctor', ...r.argv].map(shellQuote).join(' ')),
    generated_at: new Date(r.generatedAt).toISOString(),
    version: r.version,
    ok: r.result.ok,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    context: Object.entries(r.result as unknown as Record<string, unknown>)
      .filter(([k, v]) => !['command', 'ok'].includes(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
      .map(([k, v]) => [k, scrub(String(v))]),
    checks: probeRows((r.result as { targets?: unknown }).targets).map((row) => ({ ...row, summary: scrub(row.summary) })),
    findings: clean(findings) as Finding[],
    exchanges: r.exchanges.map((x) => ({
      ...(clean(x) as Exchange),
      tokens: [
        ...claimsOf(Object.values(x.request_headers).join('\n'), 'request headers'),
        ...claimsOf(x.request_body ?? '', 'request body'),
        ...claimsOf(x.response_body, 'response body'),
      ],
    })),
    ...(r.input !== undefined ? { input: scrub(r.input.length > INPUT_LIMIT ? `${r.input.slice(0, INPUT_LIMIT)}\n[… ${r.input.length - INPUT_LIMIT} more characters not shown]` : r.input) } : {}),
  };
}

/** A JSON body indented for reading (a report is read; HAR keeps the body as it came). */
export function readableBody(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return body;
  }
}

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function hidePersonal(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, PERSONAL_CLAIMS.has(k) ? '[redacted: personal data]' : v]));
}

function probeRows(targets: unknown): ProbeRow[] {
  if (!Array.isArray(targets)) return [];
  return targets.flatMap((t: { name?: unknown; checks?: unknown }) =>
    Array.isArray(t.checks) ? t.checks.map((c: { name?: unknown; status?: unknown; summary?: unknown }) => ({ target: String(t.name ?? ''), check: String(c.name ?? ''), status: String(c.status ?? ''), summary: String(c.summary ?? '') })) : [],
  );
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
