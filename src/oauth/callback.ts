/**
 * What a callback on the loopback listener means. Order matters: state and iss are checked
 * before an error= is believed, so a forged callback cannot plant a diagnosis. Pure.
 * @see RFC 6749 §4.1.2, §10.12 (CSRF and state), RFC 9207 §2.4 (iss), oauth4webapi validateAuthResponse
 */
import { explainText } from '../explain/index.js';
import { finding, type Finding } from '../findings.js';

/** A genuine callback that cannot be used, for one reason. */
const failWith = (f: Finding): CallbackVerdict => ({ kind: 'fail', findings: [f] });

export type CallbackVerdict =
  /** Not the genuine callback (wrong or missing state): answer it, keep waiting. */
  | { kind: 'ignore'; finding: Finding }
  /** The genuine callback carried an error, or cannot be used: stop here. */
  | { kind: 'fail'; findings: Finding[] }
  | { kind: 'code'; code: string };

/**
 * `requireIss`: the provider's metadata says authorization_response_iss_parameter_supported, so a
 * callback without iss is refused (RFC 9207 §2.4).
 */
export function checkCallback(params: URLSearchParams, expected: { state: string; issuer?: string; requireIss?: boolean }): CallbackVerdict {
  const states = params.getAll('state');
  // State first: a callback that does not carry this login's state is refused and the wait goes
  // on, whatever else it carries (repeated parameters included), so a forged one cannot end it.
  if (!states.includes(expected.state)) {
    const state = states[0];
    return {
      kind: 'ignore',
      finding: finding({
        id: 'state_mismatch',
        severity: 'error',
        title: state === undefined ? 'A callback arrived without "state"' : 'A callback arrived with a state that was never sent',
        detail:
          'state ties the callback to the request this tool made; a callback with another value may be forged (a CSRF attempt), stale (an old tab) or from another login. ' +
          'It was refused and the genuine callback is still awaited.',
        fixes: [
          'Finish the sign-in in the tab that oauth-doctor opened, not an older one.',
          'If your own app reports this: store state in the session before redirecting, compare it on the callback, and answer 401 when it differs; check that the session cookie survives the round trip (SameSite, domain).',
        ],
        sources: ['RFC 6749 §10.12', '002_8a173236cfaf1cfa.txt (state against CSRF; 401 when it does not match)', '000_771f3fde50da5341.txt (CSRF tokens do not match)'],
        evidence: { state_received: state === undefined ? null : '[differs from the state sent]' },
      }),
    };
  }
  if (states.length > 1 || params.getAll('code').length > 1) {
    return failWith(
      finding({
        id: 'invalid_request',
        severity: 'error',
        title: 'The callback repeats "code" or "state"',
        detail: `It carried ${params.getAll('code').length} code and ${states.length} state parameters. An ambiguous callback must not be used: which value is genuine cannot be told.`,
        fixes: ['Check for a proxy or framework that appends parameters to the redirect.', 'Run the login again.'],
        sources: ['RFC 6749 §3.1 (parameters must not be repeated)'],
        evidence: { code_count: params.getAll('code').length, state_count: states.length },
      }),
    );
  }
  const iss = params.get('iss');
  if (iss === null && expected.requireIss) {
    return failWith(
      finding({
        id: 'issuer_mismatch',
        severity: 'error',
        title: 'The callback has no "iss", although the provider says it always sends one',
        detail: `The provider's metadata has authorization_response_iss_parameter_supported: true, so every authorization response from it carries iss. One without it did not come from this provider the way it says it answers: a mix-up attack, or a proxy that drops parameters.`,
        fixes: ['Check for a proxy or framework between the browser and this listener that rewrites the redirect.', 'Run the login again in a fresh browser tab.'],
        sources: ['RFC 9207 §2.4'],
        evidence: { expected: expected.issuer },
      }),
    );
  }
  if (iss !== null && expected.issuer !== undefined && iss !== expected.issuer) {
    return failWith(
      finding({
        id: 'issuer_mismatch',
        severity: 'error',
        title: 'The callback comes from another issuer',
        detail: `"iss" on the callback is "${iss}", the login was started with "${expected.issuer}". RFC 9207 asks clients to refuse this: it is the sign of a mix-up attack, or of two providers configured with the same redirect_uri.`,
        fixes: ['Use a distinct redirect_uri per provider.', 'Check --issuer against the provider\'s discovery "issuer".'],
        sources: ['RFC 9207 §2.4'],
        evidence: { iss, expected: expected.issuer },
      }),
    );
  }
  const error = params.get('error');
  if (error !== null) {
    const query = new URLSearchParams();
    for (const k of ['error', 'error_description', 'error_uri']) {
      const v = params.get(k);
      if (v !== null) query.set(k, v);
    }
    return { kind: 'fail', findings: explainText(`http://127.0.0.1/callback?${query}`).findings };
  }
  const code = params.get('code');
  if (code === null || code === '') {
    return failWith(
      finding({
        id: 'invalid_request',
        severity: 'error',
        title: 'The callback carries neither "code" nor "error"',
        detail: `It had only ${[...params.keys()].map((k) => `"${k}"`).join(', ') || 'no parameters'}. With response_type=code the provider must send one or the other; tokens in the fragment (implicit flow) never reach a local listener.`,
        fixes: ['Check that the client is registered for response_type "code" and the authorization code grant.', 'If the provider uses response_mode=fragment or form_post, configure it to use query.'],
        sources: ['RFC 6749 §4.1.2', 'OAuth 2.0 Multiple Response Type Encoding Practices §2.1'],
        evidence: { parameters: [...params.keys()] },
      }),
    );
  }
  return { kind: 'code', code };
}
