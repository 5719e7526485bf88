/**
 * `completion`: the scripts load in their shells and complete commands, options and choices.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as spawnCli } from './helpers/cli.js';
import { runInProcess as runCli } from './helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-completion-'));

async function script(shell: string) {
  const r = await runCli(['completion', shell]);
  expect(r.code).toBe(0);
  const file = join(dir, `oauth-doctor.${shell}`);
  writeFileSync(file, r.stdout);
  return file;
}

describe('completion', () => {
  it('bash completes commands, options and option choices', async () => {
    const file = await script('bash');
    const complete = (words: string[]) =>
      execFileSync('bash', ['-c', `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _oauth_doctor; echo "\${COMPREPLY[@]}"`]).toString().trim();
    expect(complete(['oauth-doctor', 'lo'])).toBe('login');
    expect(complete(['oauth-doctor', 'probe', '--ju'])).toBe('--junit');
    expect(complete(['oauth-doctor', 'login', '--auth-method', 'b'])).toBe('basic');
    expect(complete(['oauth-doctor', 'probe', '--check', 'cl'])).toBe('clock client_credentials');
    expect(complete(['oauth-doctor', 'completion', ''])).toBe('bash zsh fish');
    expect(complete(['oauth-doctor', 'decode', '--js'])).toBe('--json');
    expect(complete(['oauth-doctor', 'in'])).toBe('introspect');
    expect(complete(['oauth-doctor', 're'])).toBe('refresh revoke');
    expect(complete(['oauth-doctor', 'revoke', '--token-type-hint', ''])).toBe('access_token refresh_token');
    expect(complete(['oauth-doctor', 'probe', '--check', 'in'])).toBe('introspection');
  });

  it('zsh loads it', async () => {
    const file = await script('zsh');
    execFileSync('zsh', ['-n', file]);
    expect(execFileSync('zsh', ['-c', `autoload -Uz compinit && compinit -u -D; source ${file}; echo $_comps[oauth-doctor]`]).toString().trim()).toBe('_oauth_doctor');
  });

  it('fish completes commands and options', async () => {
    const file = await script('fish');
    const out = execFileSync('fish', ['-c', `source ${file}; complete -C 'oauth-doctor lo'; complete -C 'oauth-doctor login --auth-m'`]).toString();
    expect(out).toMatch(/^login\t/m);
    expect(out).toMatch(/^--auth-method\t/m);
  });

  it('refuses another shell with one line and exit 2', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('oauth-doctor: completion needs bash, zsh or fish; got "tcsh"\n');
  });

  it('--json prints one JSON document holding the script', async () => {
    const r = await runCli(['completion', 'bash', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ command: 'completion', ok: true, shell: 'bash' });
    expect(r.json().script).toContain('_oauth_doctor');
  });
});
