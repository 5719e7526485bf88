/**
 * The providers and libraries the knowledge base names, and what in an input shows each: its host
 * names, its product name, its code prefix, or text only it writes. An entry tagged with one of
 * these (KnowledgeEntry.provider) answers only when the input shows it; otherwise the general
 * entries answer. Evidence is a name, a host, a code prefix or a class name, never a sentence:
 * sentences travel between libraries ("jwt expired" is printed by more than jsonwebtoken). A Spotify "Invalid authorization code" is not Auth0's, though Auth0 writes the
 * same words.
 */

import { mightMatch } from '../explain/required-text.js';

export interface ProviderEvidence {
  /** How entries name it (`provider: 'okta'`). */
  id: string;
  /** The names its entries' titles may use. */
  names: readonly string[];
  /** Text that shows it. */
  text: RegExp;
  /** Codes the observation gives only for it (a prefix, `okta:`, or a whole code). */
  codes?: readonly string[];
}

export const PROVIDERS = [
  // The google.rpc.Status shape ({"error": {"status": "PERMISSION_DENIED"}}) is shared by other gRPC APIs: the name must show.
  { id: 'google', names: ['Google', 'Gmail'], text: /google|\bgcloud\b|gaxios|\bgmail\b/i },
  {
    id: 'google_workspace',
    names: ['Google Workspace'],
    text: /google/i,
  },
  {
    id: 'microsoft',
    names: ['Microsoft Entra', 'Microsoft', 'Entra', 'Azure', 'AADSTS'],
    text: /AADSTS\d|AADB2C\d|b2clogin\.com|microsoftonline|login\.microsoft|login\.live\.com|\bmicrosoft\b|\bazure\b|\bentra\b|\bmsal\b|\badal\b/i,
    codes: ['AADSTS', 'AADB2C'],
  },
  {
    id: 'identitymodel',
    names: ['.NET JwtBearer', 'Microsoft.IdentityModel'],
    text: /\bID[XW]\d{5}\b|Microsoft\.IdentityModel|JwtBearer|SecurityToken\w{0,40}Exception|AspNetCore/,
  },
  { id: 'okta', names: ['Okta'], text: /okta|\bE0000\d{3}\b/i, codes: ['okta:'] },
  { id: 'auth0', names: ['Auth0'], text: /auth0/i },
  { id: 'keycloak', names: ['Keycloak'], text: /keycloak|\/realms\/[^\s/]+\/(?:protocol|\.well-known|account|login-actions)|org\.keycloak/i },
  { id: 'github', names: ['GitHub', 'GitHub Actions'], text: /github|ACTIONS_ID_TOKEN_REQUEST/i },
  // Slack's {"ok": false, "error": ...} shape is not Slack's alone: the name must show.
  { id: 'slack', names: ['Slack'], text: /slack/i },
  { id: 'facebook', names: ['Facebook', 'Meta'], text: /facebook|graph\.fb|fbtrace_id|OAuthException/i, codes: ['facebook:'] },
  { id: 'marketo', names: ['Marketo'], text: /marketo|mktorest/i, codes: ['marketo:'] },
  { id: 'appwrite', names: ['Appwrite'], text: /appwrite/i, codes: ['appwrite:'] },
  {
    id: 'passport',
    names: ['passport', 'passport-oauth2'],
    // TokenError and AuthorizationError are names many libraries use; they alone show nothing.
    text: /passport|InternalOAuthError|OAuth2Strategy/i,
    codes: ['passport:InternalOAuthError'],
  },
  {
    id: 'jsonwebtoken',
    names: ['jsonwebtoken'],
    // TokenExpiredError alone is oauthlib's too; with jsonwebtoken's sentence it is jsonwebtoken's.
    text: /jsonwebtoken|JsonWebTokenError|TokenExpiredError: jwt expired|NotBeforeError|express-jwt/,
  },
  {
    id: 'pyjwt',
    names: ['PyJWT', 'PyJWT 2'],
    // ExpiredSignatureError, InvalidSignatureError, DecodeError and InvalidTokenError are python-jose's and
    // authlib's names too: only the module path or PyJWT's own class names show PyJWT.
    text: /pyjwt|\bjwt\.exceptions|jwt\/api_jwt|PyJWKClient|ImmatureSignatureError|InvalidAudienceError|InvalidIssuerError|MissingRequiredClaimError/i,
  },
  {
    id: 'jose',
    names: ['jose'],
    text: /\bjose\b|ERR_J(?:WT|WS|WK|WKS|WE|OSE)_|JWTExpired|JWTClaimValidationFailed|JWSSignatureVerificationFailed|JWKSNoMatchingKey|JOSEAlgNotAllowed/,
    codes: ['jose:'],
  },
  {
    id: 'spring',
    names: ['Spring Security', 'Spring'],
    text: /springframework|spring security|\bspring\b/i,
  },
  { id: 'yandex', names: ['Yandex', 'Yandex Market', 'Yandex Metrica'], text: /yandex|\u044f\u043d\u0434\u0435\u043a\u0441|metrika/i },
  { id: 'diadoc', names: ['Diadoc'], text: /diadoc|kontur|DiadocAuth|ddauth_token/i },
  { id: 'identityserver', names: ['Thinktecture', 'IdentityServer'], text: /thinktecture|identityserver|\/authz\/users\/oauth\/token/i },
  { id: 'databricks', names: ['Databricks'], text: /databricks|\bdapi[0-9a-f]{32}\b/i },
  // API providers (kapis): each shown by its API or login host, its SDK's name, or its product name; the name itself where
  // eval/score.mjs checks titles against it (Twitter, Salesforce, Spotify, HubSpot, Stripe).
  { id: 'dropbox', names: ['Dropbox'], text: /dropbox/i },
  { id: 'twitter', names: ['Twitter', 'X API'], text: /api\.twitter\.com|api\.x\.com|twitter/i },
  { id: 'salesforce', names: ['Salesforce'], text: /salesforce|\.force\.com/i },
  { id: 'zoom', names: ['Zoom'], text: /zoom\.us|\bzoom (?:api|oauth|app|marketplace|sdk)\b|@zoom(?:us)?\/|zoomus/i },
  { id: 'twitch', names: ['Twitch'], text: /twitch/i },
  { id: 'discord', names: ['Discord'], text: /discord/i },
  { id: 'spotify', names: ['Spotify', 'spotify-web-api-node'], text: /spotify|\bWebapiError\b/i },
  { id: 'docusign', names: ['Docusign', 'DocuSign'], text: /docusign/i },
  {
    id: 'amazon',
    names: ['Login with Amazon', 'Amazon SP-API', 'SP-API'],
    text: /api\.amazon\.(?:com|co\.uk|co\.jp)\/auth\/o2|sellingpartnerapi|\bSP-API\b|login with amazon|amzn1\.(?:application|oa2)/i,
  },
  { id: 'hubspot', names: ['HubSpot'], text: /hubspot/i },
  { id: 'atlassian', names: ['Atlassian', 'Jira', 'Confluence'], text: /atlassian|\bjira\b|confluence/i },
  { id: 'gitlab', names: ['GitLab'], text: /gitlab/i },
  { id: 'bitbucket', names: ['Bitbucket'], text: /bitbucket/i },
  { id: 'shopify', names: ['Shopify'], text: /shopify/i },
  { id: 'stripe', names: ['Stripe'], text: /stripe/i },
  { id: 'xero', names: ['Xero'], text: /\bxero\b|xero\.com/i },
  { id: 'intuit', names: ['Intuit', 'QuickBooks'], text: /\bintuit\b|intuit\.com|quickbooks/i },
  { id: 'paypal', names: ['PayPal'], text: /paypal/i },
  { id: 'square', names: ['Square'], text: /squareup|squareupsandbox|\bSquare (?:API|OAuth|SDK)\b/i },
  { id: 'box', names: ['Box'], text: /\bapi\.box\.com|account\.box\.com|\bboxsdk|box-node-sdk|\bBox (?:API|SDK|Platform)\b/i },
  { id: 'linkedin', names: ['LinkedIn'], text: /linkedin/i },
  { id: 'notion', names: ['Notion'], text: /api\.notion\.com|notion\.so|notionhq|\bNotion (?:API|integration)\b/i },
  { id: 'strava', names: ['Strava'], text: /strava/i },
  { id: 'tiktok', names: ['TikTok'], text: /tiktok/i },
  { id: 'ebay', names: ['eBay'], text: /\bebay\b|ebay\.com/i },
  { id: 'heroku', names: ['Heroku'], text: /heroku/i },
  { id: 'digitalocean', names: ['DigitalOcean'], text: /digitalocean|\bdoctl\b/i },
  { id: 'vercel', names: ['Vercel'], text: /vercel/i },
  { id: 'figma', names: ['Figma'], text: /figma/i },
  { id: 'mastodon', names: ['Mastodon'], text: /mastodon/i },
  { id: 'pinterest', names: ['Pinterest'], text: /pinterest/i },
  { id: 'reddit', names: ['Reddit'], text: /reddit|prawcore|\bpraw\b/i },
  { id: 'adobe', names: ['Adobe'], text: /adobe|adobelogin\.com|\bims-na1\b/i },
  { id: 'datadog', names: ['Datadog'], text: /datadog|datadoghq|ddog-gov\.com/i },
  { id: 'linear', names: ['Linear'], text: /api\.linear\.app|linear\.app|@linear\/sdk/i },
  { id: 'miro', names: ['Miro'], text: /miro\.com/i },
  {
    id: 'firebase',
    names: ['Firebase'],
    // Identity Toolkit's upper-case codes below are its own; TOKEN_EXPIRED or USER_DISABLED alone are not.
    text: /[Ff]irebase|FIREBASE|identitytoolkit\.googleapis|securetoken\.google|FIRAuthError|\b(?:CREDENTIAL_TOO_OLD_LOGIN_AGAIN|INVALID_ID_TOKEN|INVALID_CUSTOM_TOKEN|INVALID_IDP_RESPONSE|INVALID_LOGIN_CREDENTIALS|TOO_MANY_ATTEMPTS_TRY_LATER)\b/,
  },
  {
    id: 'supabase',
    names: ['Supabase', 'Supabase Auth', 'GoTrue'],
    text: /supabase|gotrue|\bAuthApiError\b|AuthSessionMissingError|AuthPKCE(?:CodeVerifierMissing|GrantCodeExchange)Error/i,
  },
  {
    id: 'aws',
    names: ['AWS', 'AWS STS'],
    text: /AssumeRoleWith(?:WebIdentity|SAML)|sts\.amazonaws\.com|\bsts:AssumeRole|amazonaws|botocore|configure-aws-credentials|arn:aws:|\bAWS_WEB_IDENTITY_TOKEN_FILE\b|InvalidIdentityToken|IDPRejectedClaim|IdpRejectedClaimException|IDPCommunicationError|IdpCommunicationErrorException|\bOpenIDConnect ?Provider\b|\bWebIdentityErr\b|\bExpiredTokenException\b/i,
  },
  {
    id: 'cognito',
    names: ['Cognito', 'Amazon Cognito'],
    // The user pool API's own operation names show it where the SDK's message names no service.
    text: /cognito|\b(?:Admin)?InitiateAuth\b|\b(?:Admin)?RespondToAuthChallenge\b/i,
  },
  {
    id: 'mod_auth_openidc',
    names: ['mod_auth_openidc'],
    // Its module name, its directives and its C function names ("oidc_proto_...:") prefix every log line.
    text: /mod_auth_openidc|\bauth_openidc\b|\bOIDC(?:RedirectURI|CookieDomain|CookieSameSite|CryptoPassphrase|ProviderMetadataURL|OAuthVerifyAudience|OAuthVerifyIssuer|DefaultURL|StateTimeout)\b|\boidc_(?:proto|response|handle|metadata|oauth|refresh|http|util)_\w{1,60}:/,
  },
  // Its name only: its log's [AuthFailure] field and its source file name travel in other tools' logs and pastes.
  { id: 'oauth2_proxy', names: ['oauth2-proxy'], text: /oauth2[-_]proxy/i },
  {
    id: 'envoy',
    names: ['Envoy', 'Istio', 'Envoy/Istio'],
    // The proxy names and Envoy's response code details (rbac_access_denied_matched_policy[...], jwt_authn_access_denied{...}).
    text: /\benvoy\b|\bistio|\bx-envoy-|\brbac_access_denied|\bjwt_authn_access_denied/i,
  },
  // "Kong" alone also names a city ("Hong Kong"): its server header, its headers and its plugin paths show it.
  { id: 'kong', names: ['Kong'], text: /\bkong\/\d|\bX-Kong-|\bkong\.plugins\b|\bKong (?:Gateway|plugin|jwt|oauth2|Konnect)\b/i },
  { id: 'vault', names: ['Vault', 'HashiCorp Vault'], text: /hashicorp|\bvault\b|\/v1\/auth\/(?:jwt|oidc)\b/i },
  {
    id: 'kubernetes',
    names: ['Kubernetes', 'kube-apiserver', 'kubectl'],
    // "You must be logged in to the server" is kubectl's (k8s.io/kubectl) rendering of a 401; no other client prints it.
    text: /kube-?apiserver|\bkubectl\b|\bkubelogin\b|\bkubernetes\b|\bk8s\.io\b|\bkubeconfig\b|\bauthentication\.go:\d+\]|You must be logged in to the server/i,
  },
  // Its name, its auth_request module's own message and the "[error] 12#12: *5" prefix of its error log.
  { id: 'nginx', names: ['nginx'], text: /\bnginx\b|\bauth request unexpected status\b|\[(?:error|warn|crit|alert)\] \d+#\d+: \*\d/i },
  { id: 'apisix', names: ['APISIX', 'Apache APISIX'], text: /\bapisix\b/i },
  // Its Java packages, its service names and its hosts.
  { id: 'sap', names: ['SAP', 'SAP BTP'], text: /com\.sap\.cloud\.security|\bxsuaa\b|\bxssec\b|\bSAP (?:BTP|Cloud|Identity)|hana\.ondemand\.com|accounts\.ondemand\.com|\bcloud\.sap\b/i },
  {
    id: 'traefik_forward_auth',
    names: ['traefik-forward-auth'],
    // Its name (container and image) and its cookie names.
    text: /traefik-forward-auth|\bforward-auth\b|\b_forward_auth(?:_csrf)?\b/i,
  },
  {
    id: 'aws_alb',
    names: ['ALB', 'AWS ALB', 'AWS Application Load Balancer'],
    // Its server header, its session cookie, its access-log error_reason codes and its metric names.
    text: /\bawselb\b|AWSELBAuthSessionCookie|elasticloadbalancing|\bELBAuth(?:Failure|Error)\b|\bAuth(?:Invalid(?:Cookie|GrantError|IdToken|StateParam|TokenResponse|UserinfoResponse)|Missing(?:CodeParam|HostHeader|StateParam)|(?:TokenEp|UserinfoEp)Request(?:Failed|Timeout)|UserinfoResponseSizeExceeded)\b|\bApplication Load Balancer\b/,
  },
  {
    id: 'msal',
    names: ['MSAL', 'MSAL.NET', 'msal-browser', 'msal-node'],
    // Its error classes (InteractionRequiredAuthError, BrowserAuthError) alone are not enough: the name must show.
    text: /msal/i,
  },
  {
    id: 'appauth',
    names: ['AppAuth'],
    // AppAuth-Android prints its AuthorizationException as JSON: {"type":0,"code":1,...}.
    text: /net\.openid\.appauth|org\.openid\.appauth|\bAppAuth\b|OIDErrorCode|OIDAuthState|flutter_appauth|react-native-app-auth|AuthorizationException:? \{"type"/i,
  },
] as const satisfies readonly ProviderEvidence[];

export type ProviderId = (typeof PROVIDERS)[number]['id'];

const BY_ID = new Map<string, ProviderEvidence>(PROVIDERS.map((p) => [p.id, p]));

/** Whether the input shows the provider: in its text, or in a code the observation gave only for it. */
export function shows(id: string, text: string, codes: readonly string[]): boolean {
  const p = BY_ID.get(id);
  if (!p) return false;
  if (p.codes?.some((prefix) => codes.some((c) => c.startsWith(prefix)))) return true;
  // Ruled out by a substring search first: most inputs show no provider, and compiling twenty patterns to learn that is most of what it costs.
  return mightMatch(p.text, text) && p.text.test(text);
}
