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
  ['Microsoft.IdentityModel (Microsoft identity platform): OpenID Connect protocol validation', 'https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Protocols.OpenIdConnect/LogMessages.cs'],
  ['golang-jwt source: errors.go', 'https://github.com/golang-jwt/jwt/blob/main/errors.go'],
  ['go-oidc source: oidc/verify.go', 'https://github.com/coreos/go-oidc/blob/v3/oidc/verify.go'],
  ['golang.org/x/oauth2 source: oauth2.go', 'https://github.com/golang/oauth2/blob/master/oauth2.go'],
  ['jjwt source: DefaultJwtParser', 'https://github.com/jwtk/jjwt/blob/master/impl/src/main/java/io/jsonwebtoken/impl/DefaultJwtParser.java'],
  ['Nimbus JOSE+JWT source: DefaultJWTClaimsVerifier', 'https://bitbucket.org/connect2id/nimbus-jose-jwt/src/master/src/main/java/com/nimbusds/jwt/proc/DefaultJWTClaimsVerifier.java'],
  ['java-jwt (Auth0) source: JWTVerifier', 'https://github.com/auth0/java-jwt/blob/master/lib/src/main/java/com/auth0/jwt/JWTVerifier.java'],
  ['Authlib source: authlib/jose/errors.py', 'https://github.com/authlib/authlib/blob/main/authlib/jose/errors.py'],
  ['Authlib source: authlib/oauth2/rfc6749/errors.py', 'https://github.com/authlib/authlib/blob/main/authlib/oauth2/rfc6749/errors.py'],
  ['Rust jsonwebtoken docs: errors::ErrorKind', 'https://docs.rs/jsonwebtoken/latest/jsonwebtoken/errors/enum.ErrorKind.html'],
  ['openid-client v5 source: lib/client.js', 'https://github.com/panva/openid-client/blob/v5.7.1/lib/client.js'],
  ['oauth4webapi source: src/index.ts', 'https://github.com/panva/oauth4webapi/blob/main/src/index.ts'],
  ['Spring Security source: OidcIdTokenValidator', 'https://github.com/spring-projects/spring-security/blob/main/oauth2/oauth2-client/src/main/java/org/springframework/security/oauth2/client/oidc/authentication/OidcIdTokenValidator.java'],
  ['oauthlib source: oauthlib/oauth2/rfc6749/errors.py', 'https://github.com/oauthlib/oauthlib/blob/master/oauthlib/oauth2/rfc6749/errors.py'],
  ['oauthlib source: oauthlib/oauth2/rfc6749/parameters.py', 'https://github.com/oauthlib/oauthlib/blob/master/oauthlib/oauth2/rfc6749/parameters.py'],
  ['league/oauth2-server source: src/Grant/AuthCodeGrant.php', 'https://github.com/thephpleague/oauth2-server/blob/master/src/Grant/AuthCodeGrant.php'],
  ['league/oauth2-server source: src/AuthorizationValidators/BearerTokenValidator.php', 'https://github.com/thephpleague/oauth2-server/blob/master/src/AuthorizationValidators/BearerTokenValidator.php'],
  ['Laravel source: Illuminate/Auth/AuthenticationException.php', 'https://github.com/laravel/framework/blob/11.x/src/Illuminate/Auth/AuthenticationException.php'],
  ['omniauth-oauth2 source: lib/omniauth/strategies/oauth2.rb', 'https://github.com/omniauth/omniauth-oauth2/blob/master/lib/omniauth/strategies/oauth2.rb'],
  ['MSAL.js source: msal-browser BrowserAuthErrorCodes.ts', 'https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-browser/src/error/BrowserAuthErrorCodes.ts'],
  ['MSAL.js source: msal-common InteractionRequiredAuthError.ts', 'https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-common/src/error/InteractionRequiredAuthError.ts'],
  ['MSAL.js source: msal-common ClientAuthError.ts', 'https://github.com/AzureAD/microsoft-authentication-library-for-js/blob/dev/lib/msal-common/src/error/ClientAuthError.ts'],
  ['MSAL.NET documentation: Handle errors and exceptions', 'https://learn.microsoft.com/en-us/entra/msal/dotnet/advanced/exceptions/msal-error-handling'],
  ['AppAuth-Android source: AuthorizationException.java', 'https://github.com/openid/AppAuth-Android/blob/master/library/java/net/openid/appauth/AuthorizationException.java'],
  ['AppAuth-iOS source: OIDError.h', 'https://github.com/openid/AppAuth-iOS/blob/master/Sources/AppAuthCore/OIDError.h'],
  ['Google Play services reference: GoogleSignInStatusCodes', 'https://developers.google.com/android/reference/com/google/android/gms/auth/api/signin/GoogleSignInStatusCodes'],
  ['Google Play services reference: CommonStatusCodes', 'https://developers.google.com/android/reference/com/google/android/gms/common/api/CommonStatusCodes'],
  ['OmniAuth source: lib/omniauth/authenticity_token_protection.rb', 'https://github.com/omniauth/omniauth/blob/master/lib/omniauth/authenticity_token_protection.rb'],
  ['flask-jwt-extended source: flask_jwt_extended/tokens.py', 'https://github.com/vimalloc/flask-jwt-extended/blob/main/flask_jwt_extended/tokens.py'],
  ['flask-jwt-extended source: flask_jwt_extended/default_callbacks.py', 'https://github.com/vimalloc/flask-jwt-extended/blob/main/flask_jwt_extended/default_callbacks.py'],
  ['lestrrat-go/jwx source: jwt/validate.go', 'https://github.com/lestrrat-go/jwx/blob/develop/v2/jwt/validate.go'],
  ['ruby-jwt source: lib/jwt', 'https://github.com/jwt/ruby-jwt/tree/main/lib/jwt'],
  ['oidc-client-ts source: src/OidcClient.ts', 'https://github.com/authts/oidc-client-ts/blob/main/src/OidcClient.ts'],
  ['auth0-spa-js source: src/errors.ts', 'https://github.com/auth0/auth0-spa-js/blob/main/src/errors.ts'],
  ['firebase/php-jwt source: src/JWT.php', 'https://github.com/firebase/php-jwt/blob/main/src/JWT.php'],
  ['lcobucci/jwt source: src/Validation/Constraint', 'https://github.com/lcobucci/jwt/tree/5.3.x/src/Validation/Constraint'],
  ['Spring Authorization Server source: OAuth2AuthorizationCodeRequestAuthenticationProvider', 'https://github.com/spring-projects/spring-authorization-server/blob/main/oauth2-authorization-server/src/main/java/org/springframework/security/oauth2/server/authorization/authentication/OAuth2AuthorizationCodeRequestAuthenticationProvider.java'],
  ['Nimbus OAuth 2.0 SDK source: IDTokenClaimsVerifier', 'https://bitbucket.org/connect2id/oauth-2.0-sdk-with-openid-connect-extensions/src/master/src/main/java/com/nimbusds/openid/connect/sdk/validators/IDTokenClaimsVerifier.java'],
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
