/**
 * Django OAuth Toolkit (Debian's python3-django-oauth-toolkit, DOT 1.7 on oauthlib), a second real
 * authorization server for the tests: test/servers/dot/server.py, started on 127.0.0.1 with a fresh
 * database and key per run. Its quirks are left as the package has them: discovery lives at
 * ".../openid-configuration/" (the slash-less URL answers 301), the issuer is BASE/o, redirect URIs
 * are compared exactly (ports included), and each client has one grant type.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../servers/dot/server.py', import.meta.url));

export interface DotClient {
  client_id: string;
  client_secret?: string;
  client_type?: 'confidential' | 'public';
  grant?: 'authorization-code' | 'client-credentials' | 'password';
  redirect_uris?: string[];
  algorithm?: 'RS256' | 'HS256' | '';
  skip_authorization?: boolean;
}

export interface RunningDot {
  base: string;
  /** What DOT names itself in its metadata and tokens: BASE/o. */
  issuer: string;
  close(): Promise<void>;
}

/** The user every DOT test signs in as; scripts/demo/http-browser.mjs types this password. */
export const DOT_USER = { username: 'alice', password: 'any' };

export function startDot(clients: DotClient[]): Promise<RunningDot> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`the DOT server stopped (${code}) before serving: ${err.slice(-2000)}`)));
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { base } = JSON.parse(line) as { base: string };
      resolve({
        base,
        issuer: `${base}/o`,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.stdin.end(JSON.stringify({ users: [DOT_USER], clients }));
  });
}
