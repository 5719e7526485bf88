/**
 * Pure table tests: WWW-Authenticate parsing, pasted-token cleaning, the observation parser,
 * claims checks with a fixed clock, redaction.
 */
import { describe, expect, it } from 'vitest';
import { parseWwwAuthenticate } from '../../src/explain/challenge.js';
import { observe } from '../../src/explain/observation.js';
import { KnownSecrets, redactText } from '../../src/redact.js';
import { checkTimeClaims } from '../../src/token/claims.js';
import { cleanPastedToken } from '../../src/token/clean.js';
import { humanDuration, isoDate } from '../../src/token/time.js';

describe('parseWwwAuthenticate', () => {
  it.each([
    ['Bearer realm="example", error="invalid_token", error_description="The access token expired"', [{ scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } }]],
    ['Bearer error=insufficient_scope, scope="read write"', [{ scheme: 'Bearer', params: { error: 'insufficient_scope', scope: 'read write' } }]],
    ['Basic realm="x", Bearer error="invalid_token"', [{ scheme: 'Basic', params: { realm: 'x' } }, { scheme: 'Bearer', params: { error: 'invalid_token' } }]],
    ['Bearer', [{ scheme: 'Bearer', params: {} }]],
    ['Negotiate abc123==, Bearer realm="r"', [{ scheme: 'Negotiate', params: {} }, { scheme: 'Bearer', params: { realm: 'r' } }]],
    ['Bearer error_description="say \\"hi\\""', [{ scheme: 'Bearer', params: { error_description: 'say "hi"' } }]],
  ])('%s', (value, expected) => {
    expect(parseWwwAuthenticate(value)).toEqual(expected);
  });
});

describe('cleanPastedToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi', ['removed the "Bearer" prefix']],
    ['Authorization: Bearer abc.def.ghi', 'abc.def.ghi', ['removed the "Authorization:" header name', 'removed the "Bearer" prefix']],
    ['"abc.def.ghi"', 'abc.def.ghi', ['removed surrounding quotes']],
    ['abc.de\r\nf.ghi', 'abc.def.ghi', ['removed line breaks (CR/LF) inside the token']],
    ['abc.de\\r\\nf.ghi', 'abc.def.ghi', ['removed escaped line breaks (\\r\\n) inside the token']],
    ['  abc.def.ghi \n', 'abc.def.ghi', []],
    ['{"access_token":"abc.def.ghi","token_type":"Bearer"}', 'abc.def.ghi', ['took "access_token" from the pasted JSON token response']],
  ])('%j', (input, token, cleaned) => {
    expect(cleanPastedToken(input)).toMatchObject({ token, cleaned });
  });
});

describe('observe', () => {
  it('reads a raw HTTP response: status, headers, challenge, JSON body', () => {
    const o = observe('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer error="invalid_token"\r\nContent-Type: application/json\r\n\r\n{"error":"invalid_token","error_description":"expired"}');
    expect(o).toMatchObject({ form: 'http', status: 401, challenge: { scheme: 'Bearer' } });
    expect(o.codes).toContain('invalid_token');
    expect(o.descriptions).toContain('expired');
  });
  it('takes the last response of a curl -i with a redirect', () => {
    const o = observe('HTTP/1.1 302 Found\r\nLocation: /x\r\n\r\nHTTP/2 400\r\ncontent-type: application/json\r\n\r\n{"error":"invalid_grant"}');
    expect(o.status).toBe(400);
    expect(o.codes).toContain('invalid_grant');
  });
  it('finds the provider answer inside a passport stack trace', () => {
    const o = observe(`InternalOAuthError: Failed to obtain access token
    at OAuth2Strategy._createOAuthError (/app/node_modules/passport-oauth2/lib/strategy.js:423:17)
  oauthError: { statusCode: 401, data: '{"error":"invalid_client","error_description":"Client authentication failed"}' }`);
    expect(o.codes).toEqual(expect.arrayContaining(['passport:InternalOAuthError', 'invalid_client']));
    expect(o.status).toBe(401);
  });
  it('prefixes provider codes', () => {
    expect(observe('{"error":{"message":"Error validating access token","type":"OAuthException","code":190,"error_subcode":463}}').codes).toEqual(
      expect.arrayContaining(['facebook:190', 'facebook:190/463']),
    );
    expect(observe('{"requestId":"e42b#14272d07d78","success":false,"errors":[{"code":"601","message":"Access token invalid"}]}').codes).toContain('marketo:601');
    expect(observe('{"ok":false,"error":"invalid_auth"}').codes).toContain('slack:invalid_auth');
    expect(observe('{"errorCode":"E0000011","errorSummary":"Invalid token provided"}').codes).toContain('okta:E0000011');
    expect(observe('{"error":"invalid_client","error_codes":[7000215]}').codes).toContain('AADSTS7000215');
    expect(observe('{"message":"x","code":401,"type":"user_jwt_invalid","version":"1.4"}').codes).toContain('appwrite:user_jwt_invalid');
  });
  it('reads redirect URLs and form-encoded bodies', () => {
    expect(observe('http://127.0.0.1:8000/callback?error=access_denied&error_description=User%20denied&state=x')).toMatchObject({ form: 'url', codes: ['access_denied'] });
    expect(observe('error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired.')).toMatchObject({ form: 'form', codes: ['bad_verification_code'] });
  });
  it('reads a bare code', () => {
    expect(observe('invalid_client')).toMatchObject({ form: 'code', codes: ['invalid_client'] });
  });
});

describe('checkTimeClaims (fixed clock)', () => {
  const now = 1_800_000_000;
  const ids = (claims: Record<string, unknown>, tolerance = 0) => checkTimeClaims({ alg: 'RS256' }, claims, now, tolerance).map((f) => f.id);
  it.each([
    [{ iat: now - 60, exp: now + 3600 }, []],
    [{ iat: now - 7200, exp: now - 1 }, ['expired_token']],
    [{ iat: now - 7200, exp: now - 1 }, [], 5],
    [{ iat: now + 100, nbf: now + 100, exp: now + 3700 }, ['not_yet_valid', 'clock_skew']],
    [{ iat: now - 10, nbf: now + 86400, exp: now + 90000 }, ['not_yet_valid']],
    [{ iat: now - 10, exp: now + 290 }, ['short_token_lifetime']],
    [{ iat: now }, ['missing_exp']],
    [{ iat: now, exp: '3600' }, ['invalid_token']],
    [{ iat: now, exp: (now + 3600) * 1000 }, ['invalid_token']],
  ] as Array<[Record<string, unknown>, string[], number?]>)('%j → %j', (claims, expected, tolerance) => {
    expect(ids(claims, tolerance)).toEqual(expected);
  });
  it('names whole-hour skew as a time-zone error', () => {
    const [f] = checkTimeClaims({}, { iat: now + 7 * 3600, exp: now + 8 * 3600 }, now, 0).filter((x) => x.id === 'clock_skew');
    expect(f?.severity).toBe('error');
    expect(f?.detail).toMatch(/time-zone/);
  });
});

describe('humanDuration', () => {
  it.each([
    [5, '5 s'],
    [300, '5 min'],
    [11520, '3 h 12 min'],
    [90061, '1 d 1 h'],
  ])('%d s → %s', (s, text) => expect(humanDuration(s)).toBe(text));
});

describe('isoDate', () => {
  it.each([
    [0, '1970-01-01T00:00:00Z'],
    [1795336431, '2026-11-22T08:33:51Z'],
    [1795336431.5, '2026-11-22T08:33:51.500Z'],
    [-62135596800, '0001-01-01T00:00:00Z'],
    [253402300800, '+010000-01-01T00:00:00Z'], // past 9999: toISOString's extended year
    [Number.NaN, 'NaN'],
  ])('%d → %s, as toISOString writes it', (s, text) => expect(isoDate(s)).toBe(text));
});

describe('redactText', () => {
  it('hides JWTs, bearer values and secret parameters', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const out = redactText(`Authorization: Bearer ${jwt} client_secret=s3cr3t-value-here&code=SplxlOBeZQQYbYS6WxSbIA`);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('s3cr3t-value-here');
    expect(out).not.toContain('SplxlOBeZQQYbYS6WxSbIA');
  });

  it.each([
    ['camelCase JSON', '{"clientSecret":"SuperSecretValue123456","client_id":"abc"}', 'SuperSecretValue123456'],
    ['Google refresh token', '{"refreshToken":"1//0gRefreshTokenValueXYZ123456"}', 'RefreshTokenValueXYZ123456'],
    ['Google access token anywhere', 'got ya29.a0AfH6SMBxyzOpaqueAccessToken1234567890 back', 'OpaqueAccessToken1234567890'],
    ['Ruby hash', '{"error"=>"unauthorized_client", "client_secret"=>"RubyHashSecret98765"}', 'RubyHashSecret98765'],
    ['PHP print_r', 'Array ( [client_secret] => PhpPrintRSecret4567 [error] => invalid_request )', 'PhpPrintRSecret4567'],
    ['GitHub token scheme', 'Authorization: token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'.slice(8)],
    ['API keys', 'api_key=sk_live_51Habcdefghijklmnopqrstu x-api-key: AKIAIOSFODNN7EXAMPLEKEY', 'abcdefghijklmnopqrstu'],
    ['Google client secret', 'code=4/0AX4XfWhAuthCode&client_secret=GOCSPX-abcdefSecret', 'abcdefSecret'],
    ['quoted with spaces', 'client_secret: "Quoted Secret With Spaces 123"', 'Secret With Spaces'],
    ['password in a URL', 'https://user:Passw0rdInUrl@idp.example.com/token', 'Passw0rdInUrl'],
  ])('hides a secret written as %s', (_label, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
  });

  it('keeps error codes that sit in a code field, and what is not secret', () => {
    const text = "{ code: 'invalid_grant', status: 400 } from https://idp.example.com/token";
    expect(redactText(text)).toBe(text);
  });
});

describe('KnownSecrets.scrub (issue 14: every encoding the tool produces, cut secrets, short secrets)', () => {
  const scrubbed = (secret: string, text: string) => {
    const s = new KnownSecrets();
    s.add(secret, 'credential');
    return s.scrub(text);
  };

  it('the form encoding URLSearchParams writes (client_secret_post)', () => {
    const secret = "p@ss!w0rd~(1)xyz'";
    const body = new URLSearchParams({ client_secret: secret }).toString();
    expect(body).toContain('%21');
    expect(scrubbed(secret, `echo: ${body}`)).toBe('echo: client_secret=[redacted, 17 chars]');
  });

  it('a secret cut before it reached the output: its long prefix is the secret', () => {
    const secret = 'Zq8vN2xR4tL6mP0sK3wY7bH1cJ5dF9gA2eU4iOx';
    const cut = `invalid_client: the secret ${secret}`.slice(0, 38 + 'invalid_client: the secret '.length);
    expect(scrubbed(secret, cut)).toBe('invalid_client: the secret [redacted, 39 chars]');
    // Two JWTs share their header: a token's header alone does not take another token.
    const a = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLW9uZS10d28tdGhyZWU';
    const b = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiIn0.YW5vdGhlci1zaWduYXR1cmUtaGVyZQ';
    expect(scrubbed(a, b)).toBe(b);
  });

  it('a short secret, matched where it stands as a value', () => {
    expect(scrubbed('Pa55wd7', 'error: "Pa55wd7" is not the secret (Pa55wd7)')).toBe('error: "[redacted, 7 chars]" is not the secret ([redacted, 7 chars])');
    expect(scrubbed('Pa55wd7', 'body: client_secret=Pa55wd7&grant_type=x')).toBe('body: client_secret=[redacted, 7 chars]&grant_type=x');
    expect(scrubbed('Pa55wd7', 'xPa55wd7y stays')).toBe('xPa55wd7y stays');
    // Ordinary words and other values are left alone (a secret that is a word).
    expect(scrubbed('secret', 'verified with the shared secret given; client_secret_basic')).toBe('verified with the shared [redacted, 6 chars] given; client_secret_basic');
    expect(scrubbed('abc', 'xyz_abc-123 stays')).toBe('xyz_abc-123 stays');
  });

  it('a cut secret marked with "..." is the secret; a repetitive token is scrubbed in linear time', () => {
    const secret = 'Zq8vN3pL0sTt7YwR2mKdQ4xB9cV1nH6e';
    expect(scrubbed(secret, `secret ${secret.slice(0, 20)}...`)).toBe('secret [redacted, 32 chars]...');
    const repetitive = 'a'.repeat(40_000);
    const started = performance.now();
    expect(scrubbed(repetitive, `x ${repetitive.slice(0, 30_000)}`)).toBe('x [redacted, 40000 chars]');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('GitHub Actions annotations (issue 14: the runner log is a terminal too)', () => {
  it('carry no escape sequence or bidi control from a server', async () => {
    const { toGitHubAnnotations } = await import('../../src/commands/probe/junit.js');
    const out = toGitHubAnnotations(
      [
        {
          name: 'idp',
          issuer: 'https://idp.example.test',
          ok: false,
          elapsed_ms: 1,
          checks: [{ name: 'discovery', status: 'fail', summary: 'x', elapsed_ms: 1, findings: [{ id: 'issuer_mismatch', severity: 'error', title: 'The discovery document names another issuer', detail: 'says "issuer": "\u001b]0;TITLE\u0007\u202eevil\u2028"', fixes: [], sources: [], evidence: {} }] }],
        },
      ],
      false,
    );
    expect(out).toContain('::error');
    expect(out).not.toMatch(/[\u001b\u0007\u202e\u2028]/);
  });
});
