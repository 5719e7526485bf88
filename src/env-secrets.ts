/**
 * Secrets named by environment variable: the default variable of the client secret, and the rule
 * every command reads them by (an empty value is no secret).
 */
export const DEFAULT_SECRET_ENV = 'OAUTH_CLIENT_SECRET';

export function secretFromEnv(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}
