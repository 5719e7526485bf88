/**
 * The device authorization request (RFC 8628 §3.1, §3.2): the client asks for a device code and a
 * user code, and the user approves on another device at the verification URI. The request
 * authenticates the client as the token endpoint does, so it goes through the same method loop.
 */
import { explainText } from '../explain/index.js';
import { finding, type Finding } from '../findings.js';
import type { HttpResponse } from '../http/client.js';
import { readJsonAnswer } from '../http/diagnose.js';
import { limitDepth } from '../json-depth.js';
import type { ClientAuthMethod } from './client-auth/index.js';
import { tryMethods, type AuthenticatedEndpoint, type EndpointReading, type MethodTrial, type TrialOptions } from './method-trial.js';
import { mtlsEndpointOf, type Session } from './session.js';
import { asRawHttp } from './token-request.js';

export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete?: string;
  /** Seconds the device code lives. */
  expires_in: number;
  /** Seconds between polls; RFC 8628 §3.2 says 5 when the provider gives none. */
  interval: number;
  /** Whether the provider gave the interval, or the default is in use. */
  interval_given: boolean;
}

/** RFC 8628 §3.2: the interval when none is given. */
export const DEFAULT_POLL_INTERVAL = 5;

const positiveNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

export function readDeviceAuthorization(res: HttpResponse): EndpointReading<DeviceAuthorization> {
  const what = 'The device authorization endpoint';
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = limitDepth(JSON.parse(res.body));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // readJsonAnswer says what it is instead
  }
  if (res.status >= 300 && res.status < 400) return { findings: readJsonAnswer(res, what).findings };
  if (json && typeof json.error === 'string') {
    return {
      error: json.error,
      ...(typeof json.error_description === 'string' ? { error_description: json.error_description } : {}),
      findings: explainText(asRawHttp(res), ['device']).findings.map((f) => ({ ...f, evidence: { ...f.evidence, device_authorization_endpoint: res.url } })),
    };
  }
  if (!json || res.status >= 400) {
    const answer = readJsonAnswer(res, what);
    return { findings: answer.findings.length > 0 ? answer.findings : explainText(asRawHttp(res), ['device']).findings };
  }
  // Google's device endpoint says verification_url, from a draft of the RFC.
  const verification = typeof json.verification_uri === 'string' ? json.verification_uri : typeof json.verification_url === 'string' ? json.verification_url : undefined;
  const expires = positiveNumber(json.expires_in);
  const missing = [
    ...(typeof json.device_code === 'string' && json.device_code !== '' ? [] : ['device_code']),
    ...(typeof json.user_code === 'string' && json.user_code !== '' ? [] : ['user_code']),
    ...(verification ? [] : ['verification_uri']),
    ...(expires ? [] : ['expires_in']),
  ];
  if (missing.length > 0) {
    return {
      findings: [
        finding({
          id: 'spec_deviation',
          severity: 'error',
          title: `${what}'s answer lacks ${missing.join(', ')}`,
          detail: `HTTP ${res.status} with members ${Object.keys(json).map((k) => `"${k}"`).join(', ') || '(none)'}. RFC 8628 §3.2 requires device_code, user_code, verification_uri and expires_in; without them the flow cannot go on.`,
          fixes: ['Check that the URL is the device authorization endpoint (discovery\'s device_authorization_endpoint), not the token or authorization endpoint.'],
          sources: ['RFC 8628 §3.2'],
          evidence: { members: Object.keys(json), url: res.url },
        }),
      ],
    };
  }
  const interval = positiveNumber(json.interval);
  const findings: Finding[] = [];
  if (typeof json.verification_uri !== 'string') {
    findings.push(
      finding({
        id: 'spec_deviation',
        severity: 'info',
        title: 'The device authorization answer says verification_url, not verification_uri',
        detail: 'An early draft of RFC 8628 named it verification_url; the RFC says verification_uri. oauth-doctor read it anyway; a strict client library will not.',
        fixes: ['In your own client, accept verification_url as well when talking to this provider.'],
        sources: ['RFC 8628 §3.2'],
        evidence: { url: res.url },
      }),
    );
  }
  const complete = typeof json.verification_uri_complete === 'string' ? json.verification_uri_complete : undefined;
  return {
    value: {
      device_code: json.device_code as string,
      user_code: json.user_code as string,
      verification_uri: verification as string,
      ...(complete ? { verification_uri_complete: complete } : {}),
      expires_in: expires as number,
      interval: interval ?? DEFAULT_POLL_INTERVAL,
      interval_given: interval !== undefined,
    },
    findings,
  };
}

/** Asks for a device code and a user code, with each client authentication method in turn. */
export function requestDeviceAuthorization(
  session: Session,
  params: Readonly<Record<string, string>>,
  methods: readonly ClientAuthMethod[],
  o: TrialOptions = {},
): Promise<MethodTrial<DeviceAuthorization>> {
  const url = session.endpoints.deviceAuthorization;
  if (!url) throw new Error('requestDeviceAuthorization: the session has no device authorization endpoint');
  const endpoint: AuthenticatedEndpoint<DeviceAuthorization> = { url, name: 'The device authorization endpoint', read: readDeviceAuthorization, ...(session.issuer ? { issuer: session.issuer } : {}), ...mtlsEndpointOf(session, 'deviceAuthorization') };
  return tryMethods(endpoint, params, session.client, methods, session.deps, session.timeoutMs, o);
}

/** No device authorization endpoint: the provider (or this configuration of it) has no device flow. */
export function noDeviceEndpointFinding(issuer: string | undefined, grantTypes: unknown): Finding {
  const advertised = Array.isArray(grantTypes) && grantTypes.includes('urn:ietf:params:oauth:grant-type:device_code');
  return finding({
    id: 'missing_endpoint',
    severity: 'error',
    title: 'The provider has no device authorization endpoint',
    detail:
      `${issuer ? `Discovery at ${issuer} lists no device_authorization_endpoint` : 'No device authorization endpoint is known'}` +
      `${advertised ? ', although grant_types_supported names the device_code grant' : ''}. The device flow starts there (RFC 8628 §3.1); without it there is nothing to poll. ` +
      'Either the provider does not implement the device flow, or it is switched off for this tenant or realm.',
    fixes: [
      'Enable the device authorization grant on the provider (and for this client), or pass the endpoint with --device-authorization-endpoint if the provider has one that discovery does not list.',
      'Without a device flow, sign in with the browser flow: run login without --device (use --redirect-uri and paste mode when the browser is on another machine).',
    ],
    sources: ['RFC 8628 §3.1', 'RFC 8628 §4 (device_authorization_endpoint metadata)'],
    evidence: { issuer: issuer ?? null, device_grant_advertised: advertised },
  });
}
