/**
 * What login does with the token endpoint's last answer, whichever way the grant was obtained (the
 * code from the browser, or the device code once the user approved): a refusal diagnosed as a
 * client problem where it is one; tokens remembered as secrets, the accepted method advised,
 * the tokens examined, and the response saved when asked.
 */
import type { Deps } from '../../deps.js';
import { clientConfiguration, hasCredentials } from '../../oauth/client-auth/index.js';
import { clientRefusedFindings, methodRefusedFindings, whatWasTried } from '../../oauth/client-auth-findings.js';
import { rememberTokens, type MethodTrial } from '../../oauth/method-trial.js';
import type { Session } from '../../oauth/session.js';
import { examineTokens } from '../../oidc/examine-tokens.js';
import type { LoginOptions, LoginResult } from './run.js';
import { dpopReport } from '../../oauth/dpop.js';
import { dpopTokenFindings } from '../../oauth/dpop-findings.js';

export async function settleTokens(
  trial: MethodTrial,
  c: { o: LoginOptions; deps: Deps; progress: (line: string) => void; result: LoginResult; session: Session; nonce?: string },
): Promise<boolean> {
  const { o, deps, result, session } = c;
  const findings = result.findings;
  const { client, advertisedAuthMethods: advertised } = session;
  result.attempts = trial.attempts;
  result.auth_method = trial.auth_method;
  rememberTokens(trial.value, deps.secrets);
  if (session.dpop) result.dpop = dpopReport(session.dpop, trial.value);
  if (!trial.value) {
    findings.push(...clientRefusedFindings(trial.findings, trial, { hadSecret: hasCredentials(client), secretSource: o.clientSecretSource }));
    if (session.dpop) findings.push(...dpopTokenFindings(session.dpop, undefined));
    return false;
  }
  findings.push(...trial.findings);
  if (trial.auth_method) {
    const tried = whatWasTried(trial, advertised);
    const otherRefused = trial.outcomes.some((x) => x.kind === 'client_refused');
    result.advice = [...(tried ? [tried] : []), ...clientConfiguration(trial.auth_method, { otherRefused })];
  }
  findings.push(...methodRefusedFindings(trial, advertised));
  const examined = await examineTokens(
    trial.value,
    { issuer: session.issuer, jwksUri: session.endpoints.jwks, clientId: o.clientId, clientSecret: o.clientSecret, nonce: c.nonce, scope: o.scope, showTokens: o.showTokens, clockTolerance: o.clockTolerance, timeoutMs: o.requestTimeoutMs },
    Math.floor(deps.now() / 1000),
    deps,
  );
  findings.push(...examined.findings);
  if (session.dpop) findings.push(...dpopTokenFindings(session.dpop, trial.value, examined.claims.access_token));
  result.tokens = examined.tokens;
  result.id_token_verification = examined.id_token_verification;
  result.claims = examined.claims;
  result.stage = 'done';
  if (o.save) {
    // The tokens, as asked; a secret, code or verifier the server echoed into the response is not.
    await deps.writePrivateFile(o.save, deps.secrets.scrub(`${JSON.stringify(trial.value, null, 2)}\n`, { keepTokens: true }));
    result.saved_to = o.save;
    c.progress(`→ Token response saved to ${o.save} (mode 0600)`);
    if (session.dpop && result.dpop) {
      // A DPoP-bound token is of no use without its key: kept beside it, as private as the tokens.
      const keyFile = `${o.save}.dpop.jwk`;
      await deps.writePrivateFile(keyFile, `${JSON.stringify(await session.dpop.exportPrivateJwk(), null, 2)}\n`);
      result.dpop.key_saved_to = keyFile;
      c.progress(`→ DPoP private key saved to ${keyFile} (mode 0600): --dpop --dpop-key ${keyFile} uses the token again`);
    }
  }
  return true;
}
