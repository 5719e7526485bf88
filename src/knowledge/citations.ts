/**
 * Sources a reader can open. Knowledge entries and findings name their sources as short titles
 * ("RFC 6749 §5.2", "Okta Developer: Error codes (E0000011)"); this turns each into a title and
 * a URL: RFC and OpenID sections as links to the section, provider pages by the page's address,
 * library errors by the source file at the version read.
 *
 * The project's own source documents (shared/seeds/NNN_*.txt) are where a fact came from, kept
 * with the knowledge as provenance; they are not shown to users, who cannot open them.
 */

export interface Source {
  title: string;
  url: string;
}

/** A file name of the project's source documents. */
export const SEED_DOCUMENT = /^\d{3}_[0-9a-f]{16}\.txt\b/;

const OIDC_CORE = 'https://openid.net/specs/openid-connect-core-1_0.html';
const OIDC_DISCOVERY = 'https://openid.net/specs/openid-connect-discovery-1_0.html';

/** OpenID specifications name their sections by anchors, not numbers. */
const OIDC_ANCHORS: Record<string, Record<string, string>> = {
  [OIDC_CORE]: {
    '2': 'IDToken',
    '3.1.2.1': 'AuthRequest',
    '3.1.2.6': 'AuthError',
    '3.1.3.3': 'TokenResponse',
    '3.1.3.7': 'IDTokenValidation',
    '5.3': 'UserInfo',
    '5.3.2': 'UserInfoResponse',
    '5.3.3': 'UserInfoError',
    '10.1': 'Signing',
    '11': 'OfflineAccess',
    '15.5.2': 'NonceNotes',
  },
  [OIDC_DISCOVERY]: { '3': 'ProviderMetadata', '4': 'ProviderConfig', '4.3': 'ProviderConfigurationValidation' },
};

/**
 * Pages by the start of their title, longest first wins. The title keeps its own words (the code
 * or section in parentheses); the URL is the page.
 */
const PAGES: ReadonlyArray<readonly [string, string]> = [
  ['Microsoft Entra documentation: Microsoft Entra authentication and authorization error codes', 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes'],
  ['Azure AD B2C documentation: Error codes', 'https://learn.microsoft.com/en-us/azure/active-directory-b2c/error-codes'],
  ['Microsoft Entra Conditional Access documentation', 'https://learn.microsoft.com/en-us/entra/identity/conditional-access/troubleshoot-conditional-access'],
  ['Microsoft identity platform: OAuth 2.0 authorization code flow', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow'],
  ['Microsoft identity platform: OAuth 2.0 implicit grant flow', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-implicit-grant-flow'],
  ['Microsoft identity platform: OAuth 2.0 resource owner password credentials', 'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth-ropc'],
  ['Microsoft identity platform: ID token claims reference', 'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference'],
  ['Microsoft identity platform: Refresh tokens', 'https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens'],
  ['Microsoft identity platform: Redirect URI', 'https://learn.microsoft.com/en-us/entra/identity-platform/reply-url'],
  ['Microsoft identity platform: Add and manage application credentials', 'https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials'],
  ['Microsoft identity platform: Certificate credentials', 'https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials'],
  ['Microsoft identity platform: Public client and confidential client applications', 'https://learn.microsoft.com/en-us/entra/identity-platform/msal-client-applications'],
  ['Microsoft identity platform: Permissions and consent overview', 'https://learn.microsoft.com/en-us/entra/identity-platform/permissions-consent-overview'],
  ['Microsoft identity platform: Scopes and permissions', 'https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc'],
  ['Microsoft identity platform: Single-page application, app registration', 'https://learn.microsoft.com/en-us/entra/identity-platform/scenario-spa-app-registration'],
  ['Microsoft identity platform: Tenancy in Microsoft Entra ID', 'https://learn.microsoft.com/en-us/entra/identity-platform/single-and-multi-tenant-apps'],
  ['Microsoft.IdentityModel', 'https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Tokens/LogMessages.cs'],
  ['Google Identity: Validate an ID token', 'https://developers.google.com/identity/openid-connect/openid-connect#validatinganidtoken'],
  ['Google Identity: Using OAuth 2.0 for Web Server Applications', 'https://developers.google.com/identity/protocols/oauth2/web-server'],
  ['Google Identity: Using OAuth 2.0 to Access Google APIs', 'https://developers.google.com/identity/protocols/oauth2'],
  ['Google Identity: Out-Of-Band (OOB) flow migration guide', 'https://developers.google.com/identity/protocols/oauth2/resources/oob-migration'],
  ['Google Cloud APIs: API design guide, Errors', 'https://cloud.google.com/apis/design/errors'],
  ['Google Cloud Console Help: OAuth consent screen', 'https://support.google.com/cloud/answer/10311615'],
  ['Google Cloud Docs: Enabling an API', 'https://cloud.google.com/apis/docs/getting-started#enabling_apis'],
  ['Google Workspace Admin Help: Control which third-party & internal apps', 'https://support.google.com/a/answer/7281227'],
  ['Google Workspace Admin Help: Set session length for Google Cloud services', 'https://support.google.com/a/answer/9368756'],
  ['Google Workspace Admin Help: Auto-provisioning errors', 'https://support.google.com/a/answer/6294829'],
  ['Gmail API: Resolve errors', 'https://developers.google.com/gmail/api/guides/handle-errors'],
  ['Auth0 Docs: Application Settings', 'https://auth0.com/docs/get-started/applications/application-settings'],
  ['Auth0 Docs: Authenticate Using the Resource Owner Password Flow with MFA', 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa'],
  ['Auth0 Docs: Authentication API', 'https://auth0.com/docs/api/authentication'],
  ['Auth0 Docs: Brute-Force Protection', 'https://auth0.com/docs/secure/attack-protection/brute-force-protection'],
  ['Auth0 Docs: Configure Silent Authentication', 'https://auth0.com/docs/authenticate/login/configure-silent-authentication'],
  ['Auth0 Docs: Rate Limit Policy', 'https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy'],
  ['Auth0 Docs: Refresh Token Rotation', 'https://auth0.com/docs/secure/tokens/refresh-tokens/refresh-token-rotation'],
  ['Auth0 Docs: Register APIs', 'https://auth0.com/docs/get-started/auth0-overview/set-up-apis'],
  ['Auth0 Docs: Register Machine-to-Machine Applications', 'https://auth0.com/docs/get-started/auth0-overview/create-applications/machine-to-machine-apps'],
  ['Auth0 Docs: Update Grant Types', 'https://auth0.com/docs/get-started/applications/update-grant-types'],
  ['Auth0 Support: Callback URL Mismatch Error', 'https://auth0.com/docs/get-started/applications/application-settings#application-uris'],
  ['Facebook Graph API docs: Handling Errors', 'https://developers.facebook.com/docs/graph-api/guides/error-handling'],
  ['Facebook Login docs: Access Tokens', 'https://developers.facebook.com/docs/facebook-login/guides/access-tokens'],
  ['GitHub Docs: About security hardening with OpenID Connect', 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect'],
  ['GitHub Docs: Authorizing OAuth apps', 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps'],
  ['GitHub Docs: Troubleshooting OAuth app access token request errors', 'https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors'],
  ['Keycloak Server Administration Guide', 'https://www.keycloak.org/docs/latest/server_admin/index.html'],
  ['Keycloak Server Guide: Configuring the hostname', 'https://www.keycloak.org/server/hostname'],
  ['Keycloak Server Guide: Enabling and disabling features', 'https://www.keycloak.org/server/features'],
  ['Keycloak source: MtlsHoKTokenUtil', 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/services/util/MtlsHoKTokenUtil.java'],
  ['oidc-provider source: client authentication', 'https://github.com/panva/node-oidc-provider/blob/main/lib/shared/client_auth.js'],
  ['Keycloak source: JWTClientAuthenticator (signed JWT client authentication)', 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/authentication/authenticators/client/JWTClientAuthenticator.java'],
  ['Keycloak source: TokenManager / TokenEndpoint', 'https://github.com/keycloak/keycloak/blob/main/services/src/main/java/org/keycloak/protocol/oidc/TokenManager.java'],
  ['Marketo REST API', 'https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/error-codes'],
  ['Marketo developer docs: Authentication', 'https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication'],
  ['Node.js docs: Command-line options', 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile'],
  ['Node.js documentation: NODE_EXTRA_CA_CERTS', 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile'],
  ['Node.js docs: Errors', 'https://nodejs.org/api/errors.html#common-system-errors'],
  ['Node.js docs: TLS', 'https://nodejs.org/api/tls.html#x509-certificate-error-codes'],
  ['Node.js documentation: tls errors', 'https://nodejs.org/api/tls.html#x509-certificate-error-codes'],
  ['OAuth 2.0 Multiple Response Type Encoding Practices', 'https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html'],
  ['Okta Developer: Configure an access policy', 'https://developer.okta.com/docs/guides/configure-access-policy/main/'],
  ['Okta Developer: Error codes', 'https://developer.okta.com/docs/reference/error-codes/'],
  ['Okta Developer: Implement OAuth for Okta', 'https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/'],
  ['Okta Developer: OpenID Connect & OAuth 2.0 API', 'https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/'],
  ['Okta Developer: Rate limits', 'https://developer.okta.com/docs/reference/rate-limits/'],
  ['Okta Developer: Refresh access tokens', 'https://developer.okta.com/docs/guides/refresh-tokens/main/'],
  ['Okta Developer: Request user consent', 'https://developer.okta.com/docs/guides/request-user-consent/main/'],
  ['Okta Help Center: "Policy evaluation failed for this request" error', 'https://support.okta.com/help/s/article/Policy-evaluation-failed-for-this-request-please-check-the-policy-configurations'],
  ['Okta Help Center: The audience claim for client_assertion must be the endpoint invoked', 'https://support.okta.com/help/s/article/the-audience-claim-for-client-assertion-must-be-the-endpoint-invoked-for-the-request'],
  ['Okta Help Center: Client assertion "Invalid Key ID"', 'https://support.okta.com/help/s/article/okta-client-assertion-error-invalid-key-id'],
  ['Okta Help Center: Administrator roles and permissions', 'https://help.okta.com/en-us/content/topics/security/administrators-admin-comparison.htm'],
  ['PyJWT documentation: API Reference', 'https://pyjwt.readthedocs.io/en/stable/api.html#exceptions'],
  ['PyJWT changelog', 'https://pyjwt.readthedocs.io/en/stable/changelog.html'],
  ['Slack API: Installing with OAuth', 'https://api.slack.com/authentication/oauth-v2'],
  ['Slack API: Rate limits', 'https://api.slack.com/apis/rate-limits'],
  ['Slack API: Scopes and permissions', 'https://api.slack.com/scopes'],
  ['Slack API: Token rotation', 'https://api.slack.com/authentication/rotation'],
  ['Slack API: Token types', 'https://api.slack.com/authentication/token-types'],
  ['Slack API: Web API basics', 'https://api.slack.com/web#responses'],
  ['Slack API: auth.test method', 'https://api.slack.com/methods/auth.test'],
  ['Slack API: oauth.v2.access method', 'https://api.slack.com/methods/oauth.v2.access'],
  ['Slack API: tokens_revoked event', 'https://api.slack.com/events/tokens_revoked'],
  ['Spring Security Reference: OAuth 2.0 Resource Server, JWT', 'https://docs.spring.io/spring-security/reference/servlet/oauth2/resource-server/jwt.html'],
  ['Spring Security Reference: OAuth 2.0 Client', 'https://docs.spring.io/spring-security/reference/servlet/oauth2/client/index.html'],
  ['Yandex Direct API docs: Errors and warnings', 'https://yandex.com/dev/direct/doc/en/concepts/errors'],
  ['Yandex Metrica API docs: API error descriptions', 'https://yandex.com/dev/metrika/en/intro/errors'],
  ['Yandex Market API docs: Error codes', 'https://yandex.ru/dev/market/partner-api/doc/ru/concepts/error-codes'],
  ['Appwrite docs: Account createJWT', 'https://appwrite.io/docs/references/cloud/client-web/account#createJWT'],
  ['Appwrite docs: Response codes', 'https://appwrite.io/docs/advanced/platform/response-codes'],
  ['Databricks docs: Personal access tokens', 'https://docs.databricks.com/en/dev-tools/auth/pat.html'],
  ['jose (panva) documentation: util/errors', 'https://github.com/panva/jose/blob/v6.1.0/docs/util/errors/README.md'],
  ['jsonwebtoken README: Errors & Codes', 'https://github.com/auth0/node-jsonwebtoken/blob/v9.0.2/README.md#errors--codes'],
  ['passport-oauth2 source', 'https://github.com/jaredhanson/passport-oauth2/blob/v1.8.0/lib/strategy.js'],
  ['undici docs: Errors', 'https://undici.nodejs.org/#/docs/api/Errors'],
  ['Dropbox Developers: HTTP API documentation', 'https://www.dropbox.com/developers/documentation/http/documentation'],
  ['Dropbox Developers: OAuth Guide', 'https://developers.dropbox.com/oauth-guide'],
  ['X Developer Platform: Response codes and errors', 'https://docs.x.com/x-api/fundamentals/response-codes-and-errors'],
  ['X Developer Platform: OAuth 2.0 Authorization Code Flow with PKCE', 'https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code'],
  ['X Developer Platform: Authorizing a request (OAuth 1.0a)', 'https://docs.x.com/resources/fundamentals/authentication/oauth-1-0a/authorizing-a-request'],
  ['Salesforce Help: OAuth 2.0 Authorization Errors', 'https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_flow_errors.htm&type=5'],
  ['Salesforce Developers: REST API status codes and error responses', 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm'],
  ['Zoom Developer: OAuth error messages', 'https://developers.zoom.us/docs/integrations/oauth-error-messages/'],
  ['Zoom Developer: API error codes', 'https://developers.zoom.us/docs/api/errors/'],
  ['Zoom Developer: Access token change FAQ', 'https://developers.zoom.us/blog/access-token-change-faq/'],
  ['Twitch Developers: Validating tokens', 'https://dev.twitch.tv/docs/authentication/validate-tokens/'],
  ['Twitch Developers: Refreshing access tokens', 'https://dev.twitch.tv/docs/authentication/refresh-tokens/'],
  ['Twitch Developers: Authentication', 'https://dev.twitch.tv/docs/authentication/'],
  ['Discord Developer Portal: OAuth2', 'https://discord.com/developers/docs/topics/oauth2'],
  ['Discord Developer Portal: Opcodes and status codes', 'https://discord.com/developers/docs/topics/opcodes-and-status-codes#json'],
  ['Spotify for Developers: Authorization code flow', 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow'],
  ['Spotify for Developers: Web API (response status codes)', 'https://developer.spotify.com/documentation/web-api/concepts/api-calls'],
  ['Spotify for Developers: Refreshing tokens', 'https://developer.spotify.com/documentation/web-api/tutorials/refreshing-tokens'],
  ['Docusign Developers: Request an access token with JWT Grant', 'https://developers.docusign.com/platform/auth/jwt-get-token/'],
  ['Docusign Developers: Obtaining consent', 'https://developers.docusign.com/platform/auth/consent/'],
  ['Login with Amazon: Authorization code grant', 'https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html'],
  ['Amazon SP-API: Connecting to the Selling Partner API', 'https://developer-docs.amazon.com/sp-api/docs/connecting-to-the-selling-partner-api'],
  ['Amazon SP-API: Response format', 'https://developer-docs.amazon.com/sp-api/docs/response-format'],
  ['HubSpot Developers: Error handling', 'https://developers.hubspot.com/docs/api/error-handling'],
  ['HubSpot Developers: OAuth quickstart guide', 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide'],
  ['Atlassian Developer: OAuth 2.0 (3LO) apps', 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/'],
  ['GitLab Docs: OAuth 2.0 identity provider API', 'https://docs.gitlab.com/api/oauth2/'],
  ['Shopify Dev: Authentication and authorization', 'https://shopify.dev/docs/apps/build/authentication-authorization'],
  ['Shopify Dev: Access scopes', 'https://shopify.dev/docs/api/usage/access-scopes'],
  ['Stripe Docs: Connect OAuth reference', 'https://docs.stripe.com/connect/oauth-reference'],
  ['Stripe Docs: API reference, authentication', 'https://docs.stripe.com/api/authentication'],
  ['Xero Developer: OAuth 2.0 troubleshooting', 'https://developer.xero.com/documentation/guides/oauth2/troubleshooting/'],
  ['Intuit Developer: QuickBooks Online API error codes', 'https://developer.intuit.com/app/developer/qbo/docs/develop/troubleshooting/error-codes'],
  ['Intuit Developer: OAuth 2.0 FAQ and troubleshooting', 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/faq'],
  ['PayPal Developer: REST API authentication', 'https://developer.paypal.com/api/rest/authentication/'],
  ['PayPal Developer: REST API responses', 'https://developer.paypal.com/api/rest/responses/'],
  ['Square Developer: Handling errors', 'https://developer.squareup.com/docs/build-basics/handling-errors'],
  ['Square Developer: OAuth API overview', 'https://developer.squareup.com/docs/oauth-api/overview'],
  ['Box Developer: Common errors', 'https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/'],
  ['LinkedIn API documentation: Error handling', 'https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling'],
  ['LinkedIn API documentation: Authorization code flow', 'https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow'],
  ['Notion API: Status codes', 'https://developers.notion.com/reference/status-codes'],
  ['Strava Developers: Authentication', 'https://developers.strava.com/docs/authentication/'],
  ['TikTok for Developers: API v2 error handling', 'https://developers.tiktok.com/doc/tiktok-api-v2-error-handling'],
  ['eBay Developers: Handling error messages', 'https://developer.ebay.com/api-docs/static/handling-error-messages.html'],
  ['Heroku Dev Center: Platform API reference', 'https://devcenter.heroku.com/articles/platform-api-reference#errors'],
  ['DigitalOcean API reference: Authentication', 'https://docs.digitalocean.com/reference/api/digitalocean/#section/Authentication'],
  ['Vercel REST API: Errors', 'https://vercel.com/docs/rest-api/reference/errors'],
  ['Figma Developers: REST API', 'https://www.figma.com/developers/api#errors'],
  ['Mastodon documentation: OAuth scopes', 'https://docs.joinmastodon.org/api/oauth-scopes/'],
  ['Bitbucket Cloud REST API: Authentication methods', 'https://developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication'],
  ['Pinterest Developers: API v5 errors', 'https://developers.pinterest.com/docs/api/v5/'],
  ['OAuth Extensions: Problem Reporting', 'https://wiki.oauth.net/w/page/12238543/ProblemReporting'],
  ['Meta for Developers: Manually build a login flow', 'https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow'],
  ['PRAW documentation: Authenticating via OAuth', 'https://praw.readthedocs.io/en/stable/getting_started/authentication.html'],
  ['Reddit API: OAuth2 (GitHub wiki)', 'https://github.com/reddit-archive/reddit/wiki/OAuth2'],
  ['Adobe Developer: Authentication troubleshooting', 'https://developer.adobe.com/developer-console/docs/guides/authentication/'],
  ['Meta for Developers: Instagram Basic Display API troubleshooting', 'https://developers.facebook.com/docs/instagram-basic-display-api/overview'],
  ['Box Developer: JWT authentication', 'https://developer.box.com/guides/authentication/jwt/'],
  ['Datadog API reference: Authentication', 'https://docs.datadoghq.com/api/latest/authentication/'],
  ['Datadog documentation: Getting started with Datadog sites', 'https://docs.datadoghq.com/getting_started/site/'],
  ['Twitch Developers: EventSub', 'https://dev.twitch.tv/docs/eventsub/'],
  ['Spotify for Developers: Quota modes', 'https://developer.spotify.com/documentation/web-api/concepts/quota-modes'],
  ['Linear Developers: GraphQL API', 'https://linear.app/developers/graphql'],
  ['Miro Developers: Troubleshoot OAuth2.0', 'https://developers.miro.com/docs/troubleshooting-oauth20'],
  ['Firebase Admin SDK source: src/auth/token-verifier.ts', 'https://github.com/firebase/firebase-admin-node/blob/5a203f6737ffd96e44824a22a5a9004411d088e3/src/auth/token-verifier.ts'],
  ['Firebase Admin SDK source: src/auth/error.ts', 'https://github.com/firebase/firebase-admin-node/blob/5a203f6737ffd96e44824a22a5a9004411d088e3/src/auth/error.ts'],
  ['Firebase JS SDK source: packages/auth/src/core/errors.ts', 'https://github.com/firebase/firebase-js-sdk/blob/6f865964baf5b4bd23b077fecec1028434a7387e/packages/auth/src/core/errors.ts'],
  ['Firebase JS SDK source: packages/auth/src/api/errors.ts', 'https://github.com/firebase/firebase-js-sdk/blob/6f865964baf5b4bd23b077fecec1028434a7387e/packages/auth/src/api/errors.ts'],
  ['Firebase docs: Manage User Sessions', 'https://firebase.google.com/docs/auth/admin/manage-sessions'],
  ['Firebase docs: Verify ID Tokens', 'https://firebase.google.com/docs/auth/admin/verify-id-tokens'],
  ['Firebase docs: Firebase Auth REST API', 'https://firebase.google.com/docs/reference/rest/auth'],
  ['Firebase docs: FirebaseAuthInvalidUserException', 'https://firebase.google.com/docs/reference/android/com/google/firebase/auth/FirebaseAuthInvalidUserException'],
  ['Firebase docs: auth.Error (common error codes)', 'https://firebase.google.com/docs/reference/js/v8/firebase.auth.Error'],
  ['Supabase docs: Auth error codes', 'https://supabase.com/docs/guides/auth/debugging/error-codes'],
  ['Supabase docs: User sessions', 'https://supabase.com/docs/guides/auth/sessions'],
  ['Supabase Auth source: internal/tokens/service.go', 'https://github.com/supabase/auth/blob/bc32168e13fdc928c98b449fc76bc3fdb9a293c5/internal/tokens/service.go'],
  ['Supabase Auth source: internal/api/auth.go', 'https://github.com/supabase/auth/blob/bc32168e13fdc928c98b449fc76bc3fdb9a293c5/internal/api/auth.go'],
  ['Supabase Auth source: internal/api/token.go', 'https://github.com/supabase/auth/blob/bc32168e13fdc928c98b449fc76bc3fdb9a293c5/internal/api/token.go'],
  ['Supabase Auth source: internal/api/external.go', 'https://github.com/supabase/auth/blob/bc32168e13fdc928c98b449fc76bc3fdb9a293c5/internal/api/external.go'],
  ['Supabase auth-js: errors', 'https://supabase.com/docs/reference/javascript/auth-error-codes'],
  ['AWS STS API Reference: AssumeRoleWithWebIdentity', 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html'],
  ['AWS IAM User Guide: Create an OpenID Connect (OIDC) identity provider', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html'],
  ['Amazon Cognito API Reference: InitiateAuth', 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html'],
  ['Amazon Cognito Developer Guide: Computing secret hash values', 'https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html#cognito-user-pools-computing-secret-hash'],
  ['Amazon Cognito Developer Guide: Refresh tokens', 'https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html'],
  ['Amazon Cognito Developer Guide: The token issuer endpoint', 'https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html'],
  ['Google Cloud IAM: Security Token Service API, token', 'https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token'],
  ['Google Cloud IAM: Troubleshoot Workload Identity Federation', 'https://cloud.google.com/iam/docs/troubleshooting-workload-identity-federation'],
  ['Microsoft Entra Workload ID: Important considerations and restrictions for federated identity credentials', 'https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation-considerations'],
  ['Azure Workload Identity docs: Troubleshooting', 'https://azure.github.io/azure-workload-identity/docs/troubleshooting.html'],
  ['Keycloak source: org.keycloak.events.Errors', 'https://github.com/keycloak/keycloak/blob/b15290a48f6c97a8cca11e29e47e2336e441b990/server-spi-private/src/main/java/org/keycloak/events/Errors.java'],
  ['ory/fosite source: errors.go', 'https://github.com/ory/fosite/blob/a5f0b09bf31c17297b25637bb3fec2ff7a55b159/errors.go'],
  ['ory/fosite source: handler/oauth2 and handler/pkce', 'https://github.com/ory/fosite/blob/a5f0b09bf31c17297b25637bb3fec2ff7a55b159/handler/pkce/handler.go'],
  ['Auth0 Docs: Log Event Type Codes', 'https://auth0.com/docs/deploy-monitor/logs/log-event-type-codes'],
  ['Clerk JavaScript SDK source: packages/backend/src/jwt/assertions.ts', 'https://github.com/clerk/javascript/blob/e21ae9a4cf189ed20cb04bee94497533cd9d4dbe/packages/backend/src/jwt/assertions.ts'],
  ['Clerk JavaScript SDK source: packages/backend/src/tokens/keys.ts', 'https://github.com/clerk/javascript/blob/e21ae9a4cf189ed20cb04bee94497533cd9d4dbe/packages/backend/src/tokens/keys.ts'],
  ['zitadel/oidc source: pkg/oidc/verifier.go', 'https://github.com/zitadel/oidc/blob/81322d90d32a331bbf05574be8147e1913628d47/pkg/oidc/verifier.go'],
  ['Ory Kratos source: text/message_error.go', 'https://github.com/ory/kratos/blob/b86338da04a040247a07f46100a86dcfb3875909/text/message_error.go'],
  ['Supabase Auth source: internal/api/verify.go', 'https://github.com/supabase/auth/blob/bc32168e13fdc928c98b449fc76bc3fdb9a293c5/internal/api/verify.go'],
  ['Dex source: server/authflow and server/grants', 'https://github.com/dexidp/dex/blob/ab64ed778070e983cbb10cfc07ea4bb397d14312/server/grants/grants.go'],
  ['go-oidc source: oidc/verify.go', 'https://github.com/coreos/go-oidc/blob/22dfdcabd450013b4d51ac15b6423f529d957e9f/oidc/verify.go'],
  ['mod_auth_openidc source: src/handle/response.c (v2.4.20)', 'https://github.com/OpenIDC/mod_auth_openidc/blob/1deff3d91057dd3f3cb1db7d0d1773c2764e795c/src/handle/response.c'],
  ['mod_auth_openidc source: src/proto/id_token.c (v2.4.20)', 'https://github.com/OpenIDC/mod_auth_openidc/blob/1deff3d91057dd3f3cb1db7d0d1773c2764e795c/src/proto/id_token.c'],
  ['mod_auth_openidc source: src/proto/jwt.c (v2.4.20)', 'https://github.com/OpenIDC/mod_auth_openidc/blob/1deff3d91057dd3f3cb1db7d0d1773c2764e795c/src/proto/jwt.c'],
  ['mod_auth_openidc source: src/handle/request.c (v2.4.20)', 'https://github.com/OpenIDC/mod_auth_openidc/blob/1deff3d91057dd3f3cb1db7d0d1773c2764e795c/src/handle/request.c'],
  ['mod_auth_openidc source: src/oauth.c (v2.4.20)', 'https://github.com/OpenIDC/mod_auth_openidc/blob/1deff3d91057dd3f3cb1db7d0d1773c2764e795c/src/oauth.c'],
  ['lua-resty-openidc source: lib/resty/openidc.lua (v1.8.0)', 'https://github.com/zmartzone/lua-resty-openidc/blob/fabf64e29062f5e7658de1cee52f572221203b1e/lib/resty/openidc.lua'],
  ['oauth2-proxy source: oauthproxy.go (v7.15)', 'https://github.com/oauth2-proxy/oauth2-proxy/blob/14af2951e562c9573c72c433732ceee83aea3282/oauthproxy.go'],
  ['oauth2-proxy source: pkg/middleware/jwt_session.go (v7.15)', 'https://github.com/oauth2-proxy/oauth2-proxy/blob/14af2951e562c9573c72c433732ceee83aea3282/pkg/middleware/jwt_session.go'],
  ['oauth2-proxy source: pkg/providers/oidc/verifier.go (v7.15)', 'https://github.com/oauth2-proxy/oauth2-proxy/blob/14af2951e562c9573c72c433732ceee83aea3282/pkg/providers/oidc/verifier.go'],
  ['oauth2-proxy documentation: Configuration overview', 'https://oauth2-proxy.github.io/oauth2-proxy/configuration/overview'],
  ['jwt_verify_lib source: src/status.cc', 'https://github.com/google/jwt_verify_lib/blob/03498f24e7ea625594ca68df174096266595a342/src/status.cc'],
  ['Envoy documentation: JWT Authentication filter', 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/jwt_authn_filter'],
  ['Istio documentation: Authentication policy (RequestAuthentication)', 'https://istio.io/latest/docs/tasks/security/authentication/authn-policy/'],
  ['Istio documentation: Authorization policy', 'https://istio.io/latest/docs/reference/config/security/authorization-policy/'],
  ['Kong source: kong/plugins/jwt/handler.lua', 'https://github.com/Kong/kong/blob/master/kong/plugins/jwt/handler.lua'],
  ['Kong source: kong/plugins/oauth2/access.lua', 'https://github.com/Kong/kong/blob/master/kong/plugins/oauth2/access.lua'],
  ['Kong documentation: JWT plugin', 'https://docs.konghq.com/hub/kong-inc/jwt/'],
  ['Kong documentation: OAuth 2.0 Authentication plugin', 'https://docs.konghq.com/hub/kong-inc/oauth2/'],
  ['vault-plugin-auth-jwt source: claims.go (v0.26)', 'https://github.com/hashicorp/vault-plugin-auth-jwt/blob/2e68bbaf4c9291dd8ad4cf2cb0bec24e9db4f632/claims.go'],
  ['vault-plugin-auth-jwt source: path_oidc.go (v0.26)', 'https://github.com/hashicorp/vault-plugin-auth-jwt/blob/2e68bbaf4c9291dd8ad4cf2cb0bec24e9db4f632/path_oidc.go'],
  ['Vault documentation: JWT/OIDC auth method', 'https://developer.hashicorp.com/vault/docs/auth/jwt'],
  ['Kubernetes source: apiserver OIDC token authenticator (oidc.go)', 'https://github.com/kubernetes/kubernetes/blob/master/staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go'],
  ['Kubernetes documentation: Authenticating (OpenID Connect tokens)', 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#openid-connect-tokens'],
  ['Apache APISIX source: apisix/plugins/jwt-auth.lua', 'https://github.com/apache/apisix/blob/f519a0f04ccfd4c13b5d06caf34bcde8c8593980/apisix/plugins/jwt-auth.lua'],
  ['Apache APISIX source: apisix/plugins/openid-connect.lua', 'https://github.com/apache/apisix/blob/f519a0f04ccfd4c13b5d06caf34bcde8c8593980/apisix/plugins/openid-connect.lua'],
  ['traefik-forward-auth source: internal/server.go (v2.3.0)', 'https://github.com/thomseddon/traefik-forward-auth/blob/v2.3.0/internal/server.go'],
  ['SAP cloud-security-services-integration-library source: JwtIssuerValidator.java (4.0)', 'https://github.com/SAP/cloud-security-services-integration-library/blob/acb1d15476ca17e1868fdb5a648ce5c954be2f8f/java-security/src/main/java/com/sap/cloud/security/token/validation/validators/JwtIssuerValidator.java'],
  ['SAP cloud-security-services-integration-library source: JwtSignatureValidator.java (4.0)', 'https://github.com/SAP/cloud-security-services-integration-library/blob/acb1d15476ca17e1868fdb5a648ce5c954be2f8f/java-security/src/main/java/com/sap/cloud/security/token/validation/validators/JwtSignatureValidator.java'],
  ['Pinniped source: pkg/oidcclient/login.go (v0.39)', 'https://github.com/vmware-tanzu/pinniped/blob/4c134a410d632339a6f477ba3089b4a9865cce68/pkg/oidcclient/login.go'],
  ['vault-plugin-auth-jwt source: cli.go (v0.26)', 'https://github.com/hashicorp/vault-plugin-auth-jwt/blob/2e68bbaf4c9291dd8ad4cf2cb0bec24e9db4f632/cli.go'],
  ['vault-plugin-auth-jwt source: path_login.go (v0.26)', 'https://github.com/hashicorp/vault-plugin-auth-jwt/blob/2e68bbaf4c9291dd8ad4cf2cb0bec24e9db4f632/path_login.go'],
  ['vault-plugin-auth-jwt source: jwks_cache.go (v0.26)', 'https://github.com/hashicorp/vault-plugin-auth-jwt/blob/2e68bbaf4c9291dd8ad4cf2cb0bec24e9db4f632/jwks_cache.go'],
  ['nginx documentation: Module ngx_http_auth_request_module', 'https://nginx.org/en/docs/http/ngx_http_auth_request_module.html'],
  ['oauth2-proxy documentation: Integration (nginx auth_request)', 'https://oauth2-proxy.github.io/oauth2-proxy/configuration/integration'],
  ['Pomerium source: authenticate/pkce.go', 'https://github.com/pomerium/pomerium/blob/c8ace109fe2a40a0e1d58b90476c7bec360a6980/authenticate/pkce.go'],
  ['AWS Elastic Load Balancing documentation: Access logs for your Application Load Balancer', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html#error-reason-codes'],
  ['AWS Elastic Load Balancing documentation: Authenticate users using an Application Load Balancer', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html'],
  ['AWS Elastic Load Balancing documentation: Troubleshoot your Application Load Balancers', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html'],
];

const BY_LENGTH = [...PAGES].sort((a, b) => b[0].length - a[0].length);

/** The title and URL of a source; undefined for the project's source documents (provenance). */
export function citation(title: string): Source | undefined {
  if (SEED_DOCUMENT.test(title)) return undefined;
  const rfc = /^RFC (\d{4})(?: (?:\u00a7(\d+(?:\.\d+)*)|Appendix ([A-Z])))?/.exec(title);
  if (rfc) {
    const anchor = rfc[2] ? `#section-${rfc[2]}` : rfc[3] ? `#appendix-${rfc[3]}` : '';
    return { title, url: `https://www.rfc-editor.org/rfc/rfc${rfc[1]}${anchor}` };
  }
  const oidc = /^OpenID Connect (Core|Discovery) 1\.0(?: \u00a7(\d+(?:\.\d+)*))?/.exec(title);
  if (oidc) {
    const base = oidc[1] === 'Core' ? OIDC_CORE : OIDC_DISCOVERY;
    const anchor = oidc[2] ? OIDC_ANCHORS[base]?.[oidc[2]] : undefined;
    return { title, url: anchor ? `${base}#${anchor}` : base };
  }
  const page = BY_LENGTH.find(([prefix]) => title.startsWith(prefix));
  return page ? { title, url: page[1] } : undefined;
}

/** Citations for the sources named, in order, without the project's own documents. */
export function citations(titles: readonly string[]): Source[] {
  const out: Source[] = [];
  for (const t of titles) {
    const c = citation(t);
    if (c && !out.some((o) => o.title === c.title)) out.push(c);
  }
  return out;
}
