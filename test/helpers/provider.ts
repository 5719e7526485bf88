/**
 * The real OpenID Provider of the tests is the demo's (scripts/demo/provider.mjs): oidc-provider on
 * 127.0.0.1 with a client per case, and the token-endpoint wrapper for strict and GitHub-like servers.
 */
export { API_AUDIENCE, CONFIDENTIAL, PUBLIC, SERVICE, WEB, startProvider, startTokenWrapper } from '../../scripts/demo/provider.mjs';

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}
