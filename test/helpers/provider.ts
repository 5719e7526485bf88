/**
 * The real OpenID Provider of the tests is the demo's (scripts/demo/provider.mjs): oidc-provider on
 * 127.0.0.1 with a client per case, and the token-endpoint wrapper for strict and GitHub-like servers.
 */
import { fileURLToPath } from 'node:url';

/** `--browser` for a login: the demo's HTTP browser, which signs in on the test providers' pages (scripts/demo/http-browser.mjs). */
export const HTTP_BROWSER = `${process.execPath} ${fileURLToPath(new URL('../../scripts/demo/http-browser.mjs', import.meta.url))}`;

export { API_AUDIENCE, CONFIDENTIAL, EXCHANGE, KEY_JWT, SECRET_JWT, PUBLIC, RESOURCE_SERVER, SERVICE, TOKEN_EXCHANGE_AUDIENCES, WEB, startProvider, startTokenWrapper } from '../../scripts/demo/provider.mjs';

export interface RunningProvider {
  issuer: string;
  close(): Promise<void>;
}
