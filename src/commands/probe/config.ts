/**
 * Targets for `probe`: from flags (one target) or a JSON config file (several). A config file may
 * name environment variables for secrets, never the secrets themselves.
 */
import { UsageError } from '../../errors.js';
import { RESERVED_AUTHORIZATION_PARAMS } from '../../oauth/authorization-request.js';
import { RESERVED_TOKEN_PARAMS } from '../../oauth/grants.js';
import { CHECK_NAMES, PROBE_AUTH_METHODS, TARGET_KEYS, type CheckName, type ProbeTarget } from './types.js';

const RESERVED_PARAMS = [...new Set([...RESERVED_TOKEN_PARAMS, ...RESERVED_AUTHORIZATION_PARAMS])];
const SECRET_KEYS = ['client_secret', 'secret', 'refresh_token', 'access_token', 'token', 'password'];

export function parseConfig(text: string, file: string): ProbeTarget[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`--config ${file}: not valid JSON (${(err as Error).message})`);
  }
  const list = Array.isArray(json) ? json : (json as { targets?: unknown })?.targets;
  if (!Array.isArray(list) || list.length === 0) throw new UsageError(`--config ${file}: expected {"targets": [ {...}, ... ]} with at least one target`);
  if (list.length > 200) throw new UsageError(`--config ${file}: ${list.length} targets; at most 200 per run`);
  const names = new Set<string>();
  return list.map((raw, i) => {
    const where = `--config ${file}: target ${i + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UsageError(`${where} must be an object`);
    const t = raw as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (SECRET_KEYS.includes(key)) {
        throw new UsageError(`${where}: "${key}" must not be in a file; put the value in an environment variable and name it with "${key === 'client_secret' || key === 'secret' ? 'client_secret_env' : key === 'refresh_token' ? 'refresh_token_env' : 'token_env'}"`);
      }
      if (!Object.hasOwn(TARGET_KEYS, key)) throw new UsageError(`${where}: unknown key "${key}"; known keys: ${Object.keys(TARGET_KEYS).join(', ')}`);
    }
    const target = validateTarget(t as unknown as ProbeTarget, where);
    if (names.has(target.name)) throw new UsageError(`${where}: the name "${target.name}" is used twice`);
    names.add(target.name);
    return target;
  });
}

export function validateTarget(t: ProbeTarget, where: string): ProbeTarget {
  const url = (value: unknown, key: string): void => {
    if (value === undefined) return;
    if (typeof value !== 'string') throw new UsageError(`${where}: "${key}" must be a URL string`);
    let u: URL;
    try {
      u = new URL(value);
    } catch {
      throw new UsageError(`${where}: "${key}" is not a URL: "${value.slice(0, 80)}"`);
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UsageError(`${where}: "${key}" must be an http(s) URL`);
  };
  if (typeof t.issuer !== 'string') throw new UsageError(`${where}: "issuer" is required`);
  url(t.issuer, 'issuer');
  url(t.token_endpoint, 'token_endpoint');
  url(t.resource, 'resource');
  for (const key of ['client_id', 'client_secret_env', 'client_cert', 'client_cert_key', 'client_key_file', 'client_key_env', 'client_key_id', 'scope', 'refresh_token_env', 'token_env', 'name'] as const) {
    if (t[key] !== undefined && typeof t[key] !== 'string') throw new UsageError(`${where}: "${key}" must be a string`);
  }
  if (t.redirect_uris !== undefined) {
    if (!Array.isArray(t.redirect_uris)) throw new UsageError(`${where}: "redirect_uris" must be an array of URLs`);
    t.redirect_uris.forEach((u, i) => url(u, `redirect_uris[${i}]`));
  }
  if (t.params !== undefined && (typeof t.params !== 'object' || t.params === null || Array.isArray(t.params) || Object.values(t.params).some((v) => typeof v !== 'string'))) {
    throw new UsageError(`${where}: "params" must be an object of strings`);
  }
  for (const key of Object.keys(t.params ?? {})) {
    if (RESERVED_PARAMS.includes(key)) throw new UsageError(`${where}: "params" may not set "${key}": the checks set it themselves${key === 'scope' ? ' (use "scope")' : ''}`);
  }
  if (t.name !== undefined && t.name.trim() === '') throw new UsageError(`${where}: "name" must not be empty`);
  if (t.expect !== undefined) {
    if (typeof t.expect !== 'object' || t.expect === null || Array.isArray(t.expect)) throw new UsageError(`${where}: "expect" must be an object`);
    for (const key of Object.keys(t.expect)) {
      if (key !== 'token_endpoint_auth_method' && key !== 'id_token_signing_alg') {
        throw new UsageError(`${where}: unknown key "expect.${key}"; known keys: token_endpoint_auth_method, id_token_signing_alg`);
      }
    }
    if (t.expect.id_token_signing_alg !== undefined && typeof t.expect.id_token_signing_alg !== 'string') {
      throw new UsageError(`${where}: "expect.id_token_signing_alg" must be a string such as "RS256"`);
    }
  }
  if (t.checks !== undefined) {
    if (!Array.isArray(t.checks) || t.checks.some((c) => !CHECK_NAMES.includes(c as CheckName))) {
      throw new UsageError(`${where}: "checks" must list some of ${CHECK_NAMES.join(', ')}`);
    }
  }
  const method = t.expect?.token_endpoint_auth_method;
  if (method !== undefined && !(PROBE_AUTH_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(`${where}: "expect.token_endpoint_auth_method" must be one of ${PROBE_AUTH_METHODS.join(', ')}`);
  }
  return { ...t, name: t.name ?? new URL(t.issuer).host };
}
