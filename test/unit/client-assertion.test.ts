/**
 * The pure halves of signed-JWT client authentication: which methods auto tries with a key, the HS
 * alg of client_secret_jwt, the provider's clock from its Date header, an alg it does not list.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algFinding, skewSeconds, type AssertionContext } from '../../src/oauth/assertion-diagnosis.js';
import { defaultAlg } from '../../src/oauth/client-auth/assertion.js';
import { hmacAlg } from '../../src/oauth/client-auth/client-secret-jwt.js';
import { methodsToTry, type AssertionSettings, type ClientKey } from '../../src/oauth/client-auth/index.js';

const settings = (o: Partial<AssertionSettings> = {}): AssertionSettings => ({ lifetime: 60, now: () => 0, randomBytes: (n) => Buffer.alloc(n), ...o });
const key = { key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, alg: 'ES256', thumbprint: 't' } as ClientKey;

describe('methodsToTry with signed-JWT methods', () => {
  const all = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt'];
  it.each([
    ['a key, nothing advertised', { client_id: 'a', assertion: settings({ key }) }, undefined, ['private_key_jwt']],
    ['a key, advertised', { client_id: 'a', assertion: settings({ key }) }, all, ['private_key_jwt']],
    ['a key and a secret', { client_id: 'a', client_secret: 's', assertion: settings({ key }) }, all, ['private_key_jwt', 'client_secret_basic', 'client_secret_post', 'client_secret_jwt']],
    ['a key the provider does not take', { client_id: 'a', assertion: settings({ key }) }, ['client_secret_basic', 'none'], ['none']],
    ['a secret, client_secret_jwt advertised: last', { client_id: 'a', client_secret: 's', assertion: settings() }, all, ['client_secret_basic', 'client_secret_post', 'client_secret_jwt']],
    ['a secret, client_secret_jwt not advertised', { client_id: 'a', client_secret: 's', assertion: settings() }, ['client_secret_basic'], ['client_secret_basic', 'client_secret_post']],
  ] as const)('%s', (_name, client, advertised, methods) => {
    expect(methodsToTry('auto', client, advertised as string[] | undefined)).toEqual(methods);
  });
  it('a forced method is the only one', () => {
    expect(methodsToTry('client_secret_jwt', { client_id: 'a', client_secret: 's' }, undefined)).toEqual(['client_secret_jwt']);
  });
});

describe('the alg of an assertion', () => {
  it.each([
    [undefined, undefined, 'HS256'],
    [undefined, ['RS256', 'HS512', 'HS384'], 'HS512'],
    [undefined, ['HS384', 'HS256'], 'HS256'],
    ['HS384', ['HS256'], 'HS384'],
  ] as const)('client_secret_jwt: pinned %s, advertised %j → %s', (pinned, advertised, alg) => {
    expect(hmacAlg(pinned, advertised)).toBe(alg);
  });
  it.each([
    ['rsa', generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, 'RS256'],
    ['P-384', generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, 'ES384'],
    ['ed25519', generateKeyPairSync('ed25519').privateKey, 'EdDSA'],
    ['secp256k1 (no JOSE default)', createPrivateKey(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).privateKey.export({ format: 'pem', type: 'pkcs8' })), undefined],
  ])('private_key_jwt: %s → %s', (_name, k, alg) => {
    expect(defaultAlg(k)).toBe(alg);
  });
});

describe('diagnosis without a request', () => {
  const sent = { header: { alg: 'ES256', kid: 'k1' }, claims: { iss: 'c', sub: 'c', aud: 'https://idp/token', jti: 'abcdefgh', iat: 1000, exp: 1060 }, audience: 'endpoint' as const };
  const ctx = (o: Partial<AssertionContext> = {}): AssertionContext => ({ sent, clientNow: 0, endpoint: 'https://idp/token', issuer: 'https://idp', settings: settings(), ...o });

  it('the provider clock from its Date header, in whole seconds either way', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(skewSeconds(Date.parse('Thu, 01 Jan 2026 00:05:00 GMT'), now)).toBe(300);
    expect(skewSeconds(Date.parse('Wed, 31 Dec 2025 23:58:00 GMT'), now)).toBe(-120);
    expect(skewSeconds(undefined, now)).toBeUndefined();
    expect(skewSeconds(Number.NaN, now)).toBeUndefined();
  });

  it('an alg the provider does not list: the asymmetric ones it takes', () => {
    const f = algFinding(ctx({ settings: settings({ advertisedAlgs: ['RS256', 'HS256', 'PS256'] }) }));
    expect(f).toMatchObject({ id: 'client_assertion_alg', severity: 'error' });
    expect(f?.fixes[0]).toMatch(/^Sign with RS256 or PS256/);
    // The jti is cut in what is shown: it names the assertion.
    expect(JSON.stringify(f?.evidence)).not.toContain('abcdefgh');
  });

  it('no finding when the alg is listed, or nothing is listed', () => {
    expect(algFinding(ctx({ settings: settings({ advertisedAlgs: ['ES256'] }) }))).toBeUndefined();
    expect(algFinding(ctx())).toBeUndefined();
  });
});
