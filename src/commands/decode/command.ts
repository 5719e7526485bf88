/**
 * `decode`: its flags, how they become DecodeOptions, and its examples.
 */
import type { Command } from 'commander';
import { flagsOf, type CommandModule } from '../../cli/command.js';
import { addNetworkFlags, seconds, secretFromEnv, url, type NetworkFlags } from '../../cli/flags.js';
import type { Deps } from '../../deps.js';
import { UsageError } from '../../errors.js';
import type { DecodeOptions, DecodeResult } from './run.js';

interface DecodeFlags extends NetworkFlags {
  file?: string;
  issuer?: string;
  jwksUri?: string;
  key?: string;
  secretEnv?: string;
  secret?: string;
  audience?: string;
  expectIssuer?: string;
  clockTolerance: number;
  showTokens?: boolean;
  clientCert?: string;
}

export const decodeCommand: CommandModule<DecodeOptions, DecodeResult> = {
  define(cmd) {
    cmd
      .description(
        'Decodes a token (JWS, JWE header, or opaque), shows its claims and times, and flags expiry, not-yet-valid, clock skew, short lifetimes, alg "none" and a missing exp. ' +
          'With --issuer, --jwks-uri, --key or a secret it also verifies the signature, issuer and audience. Cleans pasted tokens (Bearer prefix, header name, quotes, line breaks).',
      )
      .option('-f, --file <file>', 'read the token from a file ("-" for standard input)')
      .option('--issuer <url>', 'verify with the keys found by OpenID discovery at this issuer (its iss is then expected)', url('--issuer'))
      .option('--jwks-uri <url>', 'verify with the keys at this JWKS URL', url('--jwks-uri'))
      .option('--key <file>', 'verify with this key: PEM public key, certificate, JWK or JWK Set')
      .option('--secret-env <name>', 'verify an HS256/384/512 token with the secret in this environment variable')
      .option('--secret <secret>', 'the HS* secret on the command line (visible to other users: prefer --secret-env)')
      .option('--audience <aud>', 'expected "aud" (the API identifier or client_id)')
      .option('--expect-issuer <iss>', 'expected "iss", compared exactly')
      .option('--clock-tolerance <seconds>', 'seconds of clock difference to allow', seconds('--clock-tolerance'), 0)
      .option('--client-cert <file>', 'compare a certificate-bound token (cnf.x5t#S256) with this client certificate (PEM; no key needed)');
    addNetworkFlags(cmd)
      .option('--show-tokens', 'print the token itself (otherwise only its first characters and length)')
      .addHelpText(
        'after',
        `
Examples:
  $ oauth-doctor decode "eyJhbGciOiJSUzI1NiIs..."
  $ pbpaste | oauth-doctor decode                       # "Bearer ...", quotes and line breaks are cleaned
  $ oauth-doctor decode --file token.txt --issuer https://login.example.com --audience api://orders
  $ MY_SECRET=... oauth-doctor decode --file token.txt --secret-env MY_SECRET --json
  $ oauth-doctor decode --file token.txt --client-cert client.pem      # is this mTLS-bound token bound to this certificate?

Exit codes: 0 the token is fine, 1 expired, not yet valid or failed verification, 2 the input is not a token.`,
      );
  },

  async options(cmd, deps) {
    const f = flagsOf<DecodeFlags>(cmd);
    deps.secrets.revealTokens = Boolean(f.showTokens);
    return {
      token: cmd.processedArgs[0] as string | undefined,
      file: f.file,
      issuer: f.issuer,
      jwksUri: f.jwksUri,
      key: f.key,
      secret: verificationSecret(f, deps),
      audience: f.audience,
      expectIssuer: f.expectIssuer,
      clockTolerance: f.clockTolerance,
      ...(f.clientCert ? { clientCertificate: await readCertificateFile(f.clientCert, deps) } : {}),
      timeoutMs: f.timeout * 1000,
      showTokens: Boolean(f.showTokens),
    };
  },

  run: async (o, deps) => (await import('./run.js')).run(o, deps),
  render: async (r, style) => (await import('./render.js')).renderDecode(r, style),
};

/** The HS* secret, from the environment (or argv, with a warning). */
function verificationSecret(f: DecodeFlags, deps: Deps): string | undefined {
  if (f.secret !== undefined && f.secretEnv !== undefined) throw new UsageError('give either --secret or --secret-env, not both');
  let secret: string | undefined;
  if (f.secretEnv !== undefined) {
    secret = secretFromEnv(f.secretEnv, deps.env);
    if (secret === undefined) throw new UsageError(`--secret-env ${f.secretEnv}: the environment variable ${f.secretEnv} is not set or empty`);
  } else if (f.secret !== undefined) {
    deps.stderr.write('oauth-doctor: warning: --secret on the command line is visible to other users of this machine (ps, shell history); prefer --secret-env NAME\n');
    secret = f.secret;
  }
  deps.secrets.add(secret, 'credential');
  return secret;
}

/** --client-cert FILE: the certificate's subject and thumbprint (public), to compare with cnf.x5t#S256. */
async function readCertificateFile(file: string, deps: Deps): Promise<{ subject: string; x5tS256: string }> {
  let pem: string;
  try {
    pem = (await deps.readFile(file, 1024 * 1024)).toString('utf8');
  } catch (err) {
    throw new UsageError(`--client-cert ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { describeCertificate } = await import('../../oauth/client-auth/certificate.js');
  return describeCertificate(pem, `--client-cert ${file}`);
}
