import type { KnowledgeEntry } from '../types.js';

/**
 * The codes of the device authorization grant (RFC 8628 §3.5) and of DPoP (RFC 9449 §7.1, §8, §9).
 * `expired_token` means a device code that ran out when it comes from polling the token endpoint;
 * typed alone it is this tool's own finding id for a token past exp (own-findings.ts).
 */
export const flowEntries: readonly KnowledgeEntry[] = [
  {
    key: 'rfc8628.authorization_pending',
    finding: 'authorization_pending',
    severity: 'warning',
    title: 'Device flow: the user has not approved yet (authorization_pending)',
    meaning:
      'While the user enters the user_code at the verification URI and signs in, every poll of the token endpoint answers authorization_pending. It is expected, not a failure, ' +
      'until the device code expires. If it never ends, the user never completed the approval, or completed it for another code or client.',
    causes: [
      'The user has not finished yet (it takes them tens of seconds).',
      'The user entered the code at another tenant\'s or another provider\'s page, or approved a different request.',
      'The client polls with another device_code or client_id than the one that started the flow.',
    ],
    fixes: [
      'Keep polling at the interval the device authorization response gave (5 seconds if none), until expires_in runs out.',
      'Show the user the verification_uri and user_code clearly (verification_uri_complete as a link or QR code).',
      'If it never completes, check the user signs in to the same provider and tenant the client uses.',
    ],
    sources: ['RFC 8628 §3.5', 'RFC 8628 §3.4'],
    match: [{ code: ['authorization_pending'] }, { codeLike: /pending/ }, { text: /\bAuthorizationPending\b|authorization (?:request )?is (?:still )?pending|user has not yet (?:completed|approved|authorized)/i }],
  },
  {
    key: 'rfc8628.slow_down',
    finding: 'slow_down',
    severity: 'warning',
    title: 'Device flow: polling too fast (slow_down)',
    meaning: 'The client polls the token endpoint more often than allowed. RFC 8628 says: add 5 seconds to the polling interval, for this and every later poll.',
    causes: ['The client ignores the interval of the device authorization response, or polls at once after each answer.', 'Several pollers share one device code.'],
    fixes: ['Wait `interval` seconds between polls (5 if none was given) and add 5 seconds each time slow_down comes back.'],
    sources: ['RFC 8628 §3.5', 'RFC 8628 §3.2'],
    match: [{ code: ['slow_down'] }, { text: /polling (?:too fast|faster than)/i }, { codeLike: /slow_?down|too_fast|polling_too/ }],
    priority: 1,
  },
  {
    key: 'rfc8628.expired_token',
    finding: 'device_code_expired',
    severity: 'error',
    title: 'Device flow: the device code expired before the user approved (expired_token)',
    meaning:
      'A device code lives for expires_in seconds (often 5 to 15 minutes). The user did not complete the approval in that time, so polling ends with expired_token and the flow must start again.',
    causes: ['The user did not enter the code in time, or never saw it.', 'The client kept polling after expires_in had passed.'],
    fixes: ['Start the device flow again for a new user_code, and tell the user how long they have.', 'Stop polling when expires_in has passed, and say so.'],
    sources: ['RFC 8628 §3.5', 'RFC 8628 §3.2'],
    match: [
      { code: ['expired_token'], context: ['device'] },
      // Outside a resource's answer, expired_token comes from polling: RFC 8628 is where the code is registered.
      { code: ['expired_token'], notContext: ['resource'], form: ['json', 'http', 'form', 'text', 'url'], notText: /access[_ ]token|bearer|\btoken (?:is|has) expired\b/i },
      { code: ['device_code_expired'] },
      { codeLike: /^(?=.*device)(?=.*expire)/ },
      { text: /\bdevice (?:authori[sz]ation )?code\b.{0,60}\b(?:is |has )?expired\b|\bdevice[_ ]code\b.{0,60}\b(?:is |has )?expired\b|\bdeviceCodeExpired\b|\bexpired device code\b/i },
    ],
    priority: 1,
  },
  {
    key: 'rfc8628.access_denied',
    finding: 'access_denied',
    severity: 'error',
    title: 'Device flow: the user declined (access_denied)',
    meaning: 'The user refused the request at the verification page, so polling ends with access_denied.',
    causes: ['The user pressed Deny, or the provider refused the sign-in by policy.'],
    fixes: ['Start the flow again only if the user wants to; show what the app will access before asking.'],
    sources: ['RFC 8628 §3.5'],
    match: [{ code: ['access_denied', 'authorization_declined'], context: ['device'] }],
    priority: 1,
  },
  {
    key: 'rfc9449.invalid_dpop_proof',
    finding: 'invalid_dpop_proof',
    severity: 'error',
    title: 'The DPoP proof was refused (invalid_dpop_proof)',
    meaning:
      'With DPoP every request carries a DPoP header: a JWT signed with the client\'s key, naming the HTTP method (htm) and URL (htu), a fresh jti and iat, and, at an API, the hash of the access token (ath). ' +
      'The server found the proof missing, malformed, or not matching this request or the key the token is bound to.',
    causes: [
      'The DPoP header is missing (the server requires DPoP for this client).',
      'htm or htu do not match the request (another method, a URL with a query string or another host name behind a proxy).',
      'The iat is out of the accepted window (clock skew) or the jti was used before.',
      'At an API: ath does not match the token, or the proof was signed with another key than the one the token is bound to.',
    ],
    fixes: [
      'Make a new proof for every request, with htm and htu exactly as the server sees the request (htu without query or fragment).',
      'Sign with the same key pair for the token request and every API call, and put its public JWK in the proof header.',
      'Synchronise the clock; use a fresh random jti each time.',
    ],
    sources: ['RFC 9449 §4.2', 'RFC 9449 §4.3', 'RFC 9449 §7.1'],
    match: [{ code: ['invalid_dpop_proof'] }, { text: /\bDPoP proof\b.{0,60}(?:missing|invalid|expired|mismatch|not valid|required)/i }],
    priority: 1,
  },
  {
    key: 'rfc9449.use_dpop_nonce',
    finding: 'use_dpop_nonce',
    severity: 'warning',
    title: 'The server wants a DPoP proof with its nonce (use_dpop_nonce)',
    meaning:
      'The server answered with a DPoP-Nonce header and use_dpop_nonce: it requires proofs to carry a nonce it chose, to limit how long a proof can be replayed. This is a normal step, not a failure: retry the same request with a new proof whose nonce claim is that value.',
    causes: ['The first request of a session never has the nonce; the server supplies it in this answer.', 'The nonce rotated since the last request.'],
    fixes: ['Read the DPoP-Nonce header of this answer and retry once with a new proof carrying `"nonce": "<value>"`; keep using the latest nonce the server sent.'],
    sources: ['RFC 9449 §8', 'RFC 9449 §9'],
    match: [{ code: ['use_dpop_nonce'] }, { text: /\bDPoP-Nonce\b/i }],
    priority: 1,
  },
  {
    key: 'rfc9449.dpop_required',
    finding: 'dpop_required',
    severity: 'error',
    title: 'The resource wants a DPoP-bound token and proof, not a Bearer token',
    meaning:
      'The API answered with a DPoP challenge (WWW-Authenticate: DPoP, often with the algorithms it takes in algs): it accepts only sender-constrained tokens, sent as "Authorization: DPoP <token>" together with a DPoP header, a proof signed by the key the token is bound to (cnf.jkt) and carrying the token\'s hash (ath). A Bearer token, or a DPoP token sent as Bearer, is refused.',
    causes: [
      'The client sent the token with the Bearer scheme (or a library that only knows Bearer).',
      'The token itself is a Bearer token: it was requested without a DPoP proof, so it is not bound to a key.',
      'The proof is missing from the API call, though the token is DPoP-bound.',
    ],
    fixes: [
      'Request the token with a DPoP proof (oauth-doctor: --dpop) so that it comes back with token_type DPoP.',
      'Call the API with "Authorization: DPoP <token>" and a fresh DPoP header: htm and htu of the call, and ath, the base64url SHA-256 of the token.',
      'Check the token with `oauth-doctor decode`: a DPoP-bound token shows cnf.jkt.',
    ],
    sources: ['RFC 9449 §7.1', 'RFC 9449 §7.2'],
    match: [
      { challenge: 'DPoP', hasCode: false },
      { challenge: 'DPoP', code: ['invalid_request', 'invalid_token'], text: /\bBearer\b|\bDPoP\b.{0,40}\b(?:required|only)\b/i },
      { text: /\b(?:DPoP (?:is |proof is |token is )?required|Bearer (?:tokens? |scheme )?(?:is |are )?not (?:allowed|accepted|supported))/i },
    ],
    priority: 1,
  },
];
