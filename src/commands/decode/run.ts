/**
 * `oauth-doctor decode`: what is in this token, and is it still good?
 */
import type { Deps } from '../../deps.js';
import { finding, isOk, bySeverity, type Finding } from '../../findings.js';
import { readInput } from '../../input.js';
import { redactValue } from '../../redact.js';
import { certificateBindingFindings } from '../../token/certificate-binding.js';
import { checkTimeClaims, timeline, type TimeClaim } from '../../token/claims.js';
import { cleanPastedToken } from '../../token/clean.js';
import { parseToken, type TokenKind } from '../../token/parse.js';
import { verifyToken, wantsVerification, type Verification } from '../../token/verify.js';
import type { CommandResult } from '../result.js';
import { readConfirmation, type DpopBinding } from '../../token/confirmation.js';

export interface DecodeOptions {
  token?: string;
  file?: string;
  jwksUri?: string;
  issuer?: string;
  secret?: string;
  key?: string;
  audience?: string;
  expectIssuer?: string;
  clockTolerance: number;
  /** A client certificate to compare with cnf.x5t#S256 (RFC 8705 §3.1): its subject and thumbprint. */
  clientCertificate?: { subject: string; x5tS256: string };
  timeoutMs: number;
  showTokens: boolean;
}

export interface DecodeResult extends CommandResult {
  command: 'decode';
  token: {
    kind: TokenKind;
    length: number;
    /** Only with --show-tokens. */
    value?: string;
    redacted: string;
    cleaned: string[];
    taken_from?: string;
    header?: Record<string, unknown>;
    claims?: Record<string, unknown>;
    times: TimeClaim[];
    lifetime_seconds?: number;
    /** Where now falls between issue and expiry, 0..1. */
    lifetime_position?: number;
    /** cnf.jkt: bound to a DPoP key (RFC 9449 §6.1). */
    dpop_binding?: DpopBinding;
  };
  verification: Verification;
  now: string;
}

export async function run(options: DecodeOptions, deps: Deps): Promise<DecodeResult> {
  const input = await readInput('token', { argument: options.token, file: options.file }, deps);
  const { token, cleaned, fromMember } = cleanPastedToken(input.text);
  deps.secrets.add(token, 'token');
  const parsed = parseToken(token);
  const nowSeconds = Math.floor(deps.now() / 1000);
  const findings: Finding[] = [];

  /** What the signature's length says, if anything; dropped when the signature verifies after all. */
  let signatureFinding: Finding | undefined;
  if (cleaned.length > 0) {
    findings.push(
      finding({
        id: 'token_cleaned',
        severity: 'info',
        title: 'Extra characters were removed from the pasted token',
        detail: `${cleaned.join('; ')}. Servers reject tokens that carry such characters; if your code sends the token the same way, fix it there too.`,
        fixes: ['Send the token exactly as issued: `Authorization: Bearer <token>`, one line, no quotes, no line breaks.'],
        sources: ['000_771f3fde50da5341.txt (Diadoc: 401 "Invalid auth token" from a token with line breaks)', 'RFC 6750 §2.1'],
        evidence: { cleaned },
      }),
    );
  }

  if (parsed.malformed) {
    findings.push(
      finding({
        id: 'invalid_token',
        severity: 'error',
        title: 'The token looks like a JWT but cannot be read',
        detail: `${parsed.malformed}. Every verifier rejects it (jsonwebtoken says "jwt malformed").`,
        fixes: [
          'Copy the token again, whole: it may have been cut or re-encoded on the way.',
          'If it came from a URL or a form, check that it was not URL-encoded or wrapped.',
        ],
        sources: ['RFC 7519 §7.2', 'RFC 7515 §7.1'],
        evidence: { parts: token.split('.').length },
      }),
    );
  } else if (parsed.signatureProblem) {
    const der = parsed.signatureProblem.includes('DER');
    signatureFinding = finding({
      id: 'invalid_token',
      severity: 'error',
      title: der ? 'The signature is DER-encoded, not the raw form JWS uses' : 'The signature is cut short or damaged',
      detail: `${parsed.signatureProblem}. ${der ? 'Verifiers that follow RFC 7518 reject it.' : 'No key can verify such a signature, so every verifier rejects the token, whatever its claims say'}; the claims below are readable but unproven.`,
      fixes: der
        ? ['Convert the ECDSA signature from DER to r||s where the token is signed (jose and most JWT libraries do it for you).']
        : ['Copy the token again, whole (a terminal, a log line or a form field may have cut its end).', 'If it travels in a URL or a cookie, check that nothing truncates it (length limits, line wrapping).'],
      sources: ['RFC 7515 §5.2', 'RFC 7518 §3.1', ...(der ? ['RFC 7518 §3.4'] : [])],
      evidence: { alg: parsed.header?.alg, signature_chars: token.split('.')[2]?.length ?? 0 },
    });
    findings.push(signatureFinding);
  } else if (parsed.kind === 'opaque') {
    findings.push(
      finding({
        id: 'opaque_token',
        severity: 'info',
        title: 'An opaque token: it cannot be read here',
        detail: `This ${parsed.length}-character token is not a JWT; what it means is stored at the server that issued it. Its lifetime and scopes are in the token response (expires_in, scope) or behind the provider's introspection endpoint.`,
        fixes: [
          'Ask the issuer: POST the token to its introspection endpoint (RFC 7662) with the client\'s credentials; "active": false means expired or revoked.',
          'Or call the API (or the userinfo endpoint) with it and read the WWW-Authenticate header of a 401 with `oauth-doctor explain`.',
        ],
        sources: ['RFC 7662 §2', '001_b11ec28349281b2a.txt (introspection "active": false)'],
        evidence: { length: parsed.length },
      }),
    );
  } else if (parsed.kind === 'jwe') {
    findings.push(
      finding({
        id: 'encrypted_token',
        severity: 'info',
        title: 'An encrypted token (JWE): only its header can be read',
        detail: `Encrypted with ${String(parsed.header?.alg)} / ${String(parsed.header?.enc)}. Its claims are readable only with the recipient's private key; resource servers, not clients, decrypt it.`,
        fixes: ['Treat it as opaque on the client side: use expires_in from the token response, or introspection (RFC 7662).'],
        sources: ['RFC 7516 §7.1', 'RFC 7662 §2'],
        evidence: { alg: parsed.header?.alg, enc: parsed.header?.enc },
      }),
    );
  }

  let times: TimeClaim[] = [];
  let lifetime: { seconds?: number; position?: number } = {};
  if (parsed.kind === 'jws' && parsed.header && parsed.claims) {
    const header = parsed.header;
    if (String(header.alg).toLowerCase() === 'none') {
      findings.push(
        finding({
          id: 'alg_none',
          severity: 'error',
          title: 'The token is not signed (alg "none")',
          detail: 'Anyone can write such a token; a verifier must never accept it. Libraries that do are vulnerable to forged tokens.',
          fixes: ['Configure the issuer to sign tokens (RS256 or ES256).', 'Make the verifier accept only the algorithms the issuer uses.'],
          sources: ['RFC 7519 §6 (unsecured JWTs)', 'RFC 8725 §3.1 (JWT best current practice)'],
          evidence: { alg: header.alg },
        }),
      );
    }
    const t = timeline(parsed.claims, nowSeconds);
    times = t.times;
    lifetime = { seconds: t.lifetimeSeconds, position: t.position };
    findings.push(...checkTimeClaims(header, parsed.claims, nowSeconds, options.clockTolerance));
    findings.push(...certificateBindingFindings(parsed.claims, options.clientCertificate));
  }

  const verifyOptions = {
    jwksUri: options.jwksUri,
    issuer: options.issuer,
    secret: options.secret,
    keyFile: options.key,
    audience: options.audience,
    expectIssuer: options.expectIssuer,
    timeoutMs: options.timeoutMs,
  };
  const verified = await verifyToken(token, parsed, verifyOptions, nowSeconds, deps);
  // A signature whose length already says it was cut does not verify: that is not the key's fault.
  findings.push(...verified.findings.filter((f) => !(signatureFinding && f.title === 'The signature does not verify')));
  // The length rules know the usual key sizes; a signature that verifies was not cut, whatever its length.
  if (signatureFinding && verified.verification.signature_valid === true) findings.splice(findings.indexOf(signatureFinding), 1);
  if (parsed.kind === 'jws' && !parsed.malformed && !parsed.signatureProblem && String(parsed.header?.alg).toLowerCase() !== 'none' && !wantsVerification(verifyOptions)) {
    findings.push(
      finding({
        id: 'unverified_token',
        severity: 'info',
        title: 'The signature was not checked',
        detail: 'Decoding shows what the token claims; only a signature check shows that its issuer wrote it.',
        fixes: ['Verify it: --issuer URL (discovery), --jwks-uri URL, --key FILE (PEM or JWK), or --secret-env NAME for HS256.'],
        sources: ['RFC 7515 §5.2'],
        evidence: { alg: parsed.header?.alg, kid: parsed.header?.kid },
      }),
    );
  }

  const binding = readConfirmation(parsed.claims);
  const ordered = bySeverity(findings);
  return {
    command: 'decode',
    ok: isOk(ordered),
    findings: ordered,
    token: {
      kind: parsed.kind,
      length: parsed.length,
      ...(options.showTokens ? { value: token } : {}),
      redacted: redactValue(token),
      cleaned,
      ...(fromMember ? { taken_from: fromMember } : {}),
      header: parsed.header,
      claims: parsed.claims,
      times,
      lifetime_seconds: lifetime.seconds,
      lifetime_position: lifetime.position,
      ...(binding ? { dpop_binding: binding } : {}),
    },
    verification: verified.verification,
    now: new Date(nowSeconds * 1000).toISOString(),
  };
}
