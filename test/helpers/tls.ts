/**
 * Certificates for the TLS fault tests, made with the openssl command line at test time: a CA, a
 * good server certificate for 127.0.0.1, one for another host name, an expired one, and a
 * self-signed one. EC keys keep it fast.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  caFile: string;
  good: { key: string; cert: string };
  wrongHost: { key: string; cert: string };
  expired: { key: string; cert: string };
  selfSigned: { key: string; cert: string };
}

export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-pki-'));
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  ssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-subj', '/CN=oauth-doctor test CA', '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(
    join(dir, 'ca.cnf'),
    ['[ca]', 'default_ca=test', '[test]', 'database=index.txt', 'new_certs_dir=.', 'serial=serial', 'default_md=sha256', 'policy=any', 'copy_extensions=copy', 'unique_subject=no', '[any]', 'commonName=supplied', ''].join('\n'),
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '1000\n');
  const issue = (name: string, san: string, dates: string[]) => {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`, '-addext', `subjectAltName=${san}`);
    ssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`, '-notext', ...dates);
    return { key: readFileSync(join(dir, `${name}.key`), 'utf8'), cert: readFileSync(join(dir, `${name}.pem`), 'utf8') };
  };
  const valid = ['-days', '2'];
  const good = issue('good', 'IP:127.0.0.1,DNS:localhost', valid);
  const wrongHost = issue('wrong-host', 'DNS:other.example.test', valid);
  const expired = issue('expired', 'IP:127.0.0.1,DNS:localhost', ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z']);
  ssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-subj', '/CN=127.0.0.1', '-days', '2', '-addext', 'subjectAltName=IP:127.0.0.1');
  const selfSigned = { key: readFileSync(join(dir, 'self.key'), 'utf8'), cert: readFileSync(join(dir, 'self.pem'), 'utf8') };
  return { dir, caFile: join(dir, 'ca.pem'), good, wrongHost, expired, selfSigned };
}

/** An HTTPS server on 127.0.0.1 that serves a discovery document for itself. */
export async function startTlsIssuer(pair: { key: string; cert: string }): Promise<{ issuer: string; close(): Promise<void> }> {
  let issuer = '';
  const server: Server = createServer(pair, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, code_challenge_methods_supported: ['S256'] }));
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface KeyPair {
  key: string;
  cert: string;
  keyFile: string;
  certFile: string;
}

/**
 * Client certificates for the mutual-TLS tests (RFC 8705), in the folder of a Pki: `mapped` and
 * `unmapped` issued by the Pki's CA (subjects "CN=mtls-app,O=oauth-doctor test" and
 * "CN=someone-else,O=oauth-doctor test"), `selfSigned` and `otherSelfSigned` self-signed, and
 * `foreign` issued by a CA the servers do not know. Each as PEM text and as files.
 */
export function makeClientCerts(pki: Pki): { mapped: KeyPair; unmapped: KeyPair; selfSigned: KeyPair; otherSelfSigned: KeyPair; foreign: KeyPair; mappedSubject: string } {
  const dir = pki.dir;
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const files = (name: string): KeyPair => ({
    key: readFileSync(join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(join(dir, `${name}.pem`), 'utf8'),
    keyFile: join(dir, `${name}.key`),
    certFile: join(dir, `${name}.pem`),
  });
  const issue = (name: string, subject: string, caCert: string, caKey: string) => {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject, '-addext', 'extendedKeyUsage=clientAuth');
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-copy_extensions', 'copy');
    return files(name);
  };
  const selfSign = (name: string, subject: string) => {
    ssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-subj', subject, '-days', '2');
    return files(name);
  };
  ssl('req', '-x509', ...ec, '-keyout', 'foreign-ca.key', '-out', 'foreign-ca.pem', '-subj', '/CN=some other CA', '-days', '2', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  return {
    mapped: issue('client-mapped', '/O=oauth-doctor test/CN=mtls-app', 'ca.pem', 'ca.key'),
    unmapped: issue('client-unmapped', '/O=oauth-doctor test/CN=someone-else', 'ca.pem', 'ca.key'),
    selfSigned: selfSign('client-self', '/CN=mtls-self-signed-app'),
    otherSelfSigned: selfSign('client-self-other', '/CN=not-registered'),
    foreign: issue('client-foreign', '/O=elsewhere/CN=mtls-app', 'foreign-ca.pem', 'foreign-ca.key'),
    mappedSubject: 'CN=mtls-app,O=oauth-doctor test',
  };
}

/**
 * A TLS server that verifies client certificates in OpenSSL itself (`openssl s_server -Verify 1
 * -verify_return_error`), as TLS terminators do: it answers a certificate it does not trust with a
 * TLS alert (unknown_ca) and a missing one with certificate_required. Node's own HTTPS server
 * verifies after the handshake and just closes the connection, so it cannot show these.
 */
export async function startOpensslMtlsServer(pki: Pki): Promise<{ base: string; close(): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const child = spawn('openssl', ['s_server', '-accept', '127.0.0.1:0', '-cert', 'good.pem', '-key', 'good.key', '-Verify', '1', '-verify_return_error', '-CAfile', 'ca.pem', '-www'], {
    cwd: pki.dir,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`openssl s_server did not start: ${seen}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /ACCEPT (127\.0\.0\.1:\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(`https://${m[1]}`);
      }
    });
  });
  return {
    base,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
