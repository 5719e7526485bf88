/**
 * Scores explain on recorded real cases: top-1 and top-3 per set, per class and per provider,
 * the confusion pairs, every miss, and every finding title that names a provider or library the
 * input does not show. Pure: `explain(text)` is passed in. Shared by `npm run eval` and
 * test/eval.test.ts, so the figure README quotes and the figure the test guards are one figure.
 */

/**
 * Names a title may carry, and the text that shows each in an input. Kept here, apart from the
 * knowledge base, so the check does not trust the code it checks.
 */
export const NAMED = [
  ['Auth0', /auth0/i],
  ['Okta', /okta|\bE0000\d{3}\b/i],
  ['Keycloak', /keycloak|\/realms\//i],
  ['Google', /google|gcloud|gmail/i],
  ['Microsoft', /microsoft|AADSTS|azure|entra|msal|login\.live/i],
  ['Entra', /microsoft|AADSTS|azure|entra|msal/i],
  ['Azure', /microsoft|AADSTS|AADB2C|azure|entra|msal/i],
  ['GitHub', /github|ACTIONS_ID_TOKEN_REQUEST/i],
  ['GitLab', /gitlab/i],
  ['Slack', /slack/i],
  ['Facebook', /facebook|graph\.fb|fbtrace|OAuthException/i],
  ['Meta', /facebook|graph\.fb|\bmeta\b|OAuthException/i],
  ['Marketo', /marketo|mktorest/i],
  ['Appwrite', /appwrite/i],
  ['Spotify', /spotify/i],
  ['Salesforce', /salesforce|force\.com/i],
  ['Apple', /apple/i],
  ['Cognito', /cognito|amazoncognito/i],
  ['AWS', /aws|amazon/i],
  ['Yandex', /yandex/i],
  ['Diadoc', /diadoc|kontur/i],
  ['Thinktecture', /thinktecture/i],
  ['Portainer', /portainer/i],
  ['passport', /passport|InternalOAuthError|oauth2\/lib\/strategy/i],
  ['jsonwebtoken', /jsonwebtoken|JsonWebTokenError|TokenExpiredError: jwt expired|NotBeforeError|express-jwt/i],
  ['PyJWT', /pyjwt|jwt\.exceptions|jwt\/api_jwt|PyJWKClient|ImmatureSignatureError|InvalidAudienceError|InvalidIssuerError|MissingRequiredClaimError/i],
  ['jose', /\bjose\b|ERR_J[WO]|JWT(?:Expired|ClaimValidationFailed)|JWS|JWKS/i],
  ['Spring', /spring|org\.springframework/i],
  ['MSAL', /msal/i],
  ['Django', /django/i],
  ['oauthlib', /oauthlib/i],
  ['Zoom', /zoom/i],
  ['Dropbox', /dropbox/i],
  ['LinkedIn', /linkedin/i],
  ['Twitter', /twitter|\bx\.com/i],
  ['Discord', /discord/i],
  ['Twitch', /twitch/i],
  ['Strava', /strava/i],
  ['Xero', /xero/i],
  ['Shopify', /shopify/i],
  ['Stripe', /stripe/i],
  ['Intuit', /intuit|quickbooks/i],
  ['HubSpot', /hubspot/i],
  ['Atlassian', /atlassian|jira|confluence/i],
  ['Bitbucket', /bitbucket/i],
  ['Dex', /\bdex\b/i],
  ['Hydra', /hydra|\bory\b/i],
  ['oauth2-proxy', /oauth2[-_]proxy/i],
  ['Envoy', /envoy|jwt_authn/i],
  ['Kong', /\bkong\b/i],
  ['NextAuth', /next-?auth|authjs|auth\.js/i],
  ['Supabase', /supabase|gotrue/i],
];

const word = (name) => new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
const NAMED_WORDS = NAMED.map(([name, shows]) => ({ name, inTitle: word(name), shows }));

/** Names in `title` that `input` gives no evidence of. */
export function unshownNames(title, input) {
  return NAMED_WORDS.filter((n) => n.inTitle.test(title) && !n.shows.test(input)).map((n) => n.name);
}

/** The provider or library a case is about, by the head of its provider field ("Keycloak (via X)" is Keycloak). */
function providerGroup(provider) {
  const head = String(provider || '(unnamed)').split(/\s+(?:\(|via |with |\/ )/)[0].trim();
  return NAMED.find(([name]) => word(name).test(head))?.[0] ?? head;
}

const pct = (n, d) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/**
 * `cases`: [{text, class, provider, url, set}]; `explain(text)` returns findings (primary first).
 * Returns the figures of each set and of each group within it.
 */
export function score(cases, explain, readings = new Map()) {
  const results = cases.map((c) => {
    const findings = explain(c.text);
    const ids = [...new Set(findings.map((f) => f.id))];
    const unshown = [...new Set(findings.flatMap((f) => unshownNames(f.title, c.text)))];
    return { case: c, ids, top1: ids[0] === c.class, top3: ids.slice(0, 3).includes(c.class), titles: findings.slice(0, 3).map((f) => f.title), unshown };
  });
  const summarise = (rs) => ({
    n: rs.length,
    top1: pct(rs.filter((r) => r.top1).length, rs.length),
    top3: pct(rs.filter((r) => r.top3).length, rs.length),
  });
  const groupBy = (rs, key) => {
    const groups = new Map();
    for (const r of rs) {
      const k = key(r);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(r);
    }
    return [...groups].map(([k, g]) => ({ key: k, ...summarise(g) })).sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  };
  const sets = [...new Set(cases.map((c) => c.set))];
  return sets.map((set) => {
    const rs = results.filter((r) => r.case.set === set);
    const misses = rs.filter((r) => !r.top1);
    const confusion = new Map();
    for (const r of misses) {
      const k = `${r.case.class} → ${r.ids[0] ?? '(none)'}`;
      confusion.set(k, (confusion.get(k) ?? 0) + 1);
    }
    return {
      set,
      ...summarise(rs),
      reader: readerFigures(rs, readings),
      byClass: groupBy(rs, (r) => r.case.class),
      byProvider: groupBy(rs, (r) => providerGroup(r.case.provider)),
      byStage: groupBy(rs, (r) => r.case.stage || '(none)'),
      confusion: [...confusion].map(([pair, n]) => ({ pair, n })).sort((a, b) => b.n - a.n || a.pair.localeCompare(b.pair)),
      misses: misses.map((r) => ({ id: r.case.id, class: r.case.class, got: r.ids.slice(0, 3), title: r.titles[0], url: r.case.url, text: r.case.text })),
      unshown: rs.filter((r) => r.unshown.length > 0).map((r) => ({ id: r.case.id, names: r.unshown, titles: r.titles, url: r.case.url })),
    };
  });
}

/**
 * How a careful reader did on the same cases from the text alone (eval/blind/<set>.json: a label,
 * up to two alternatives, and whether the text settles the cause), and how the tool did on the
 * cases that reader found settled by the text. Undefined when nobody read this set.
 */
function readerFigures(rs, readings) {
  const read = rs.filter((r) => readings.has(r.case.id));
  if (read.length === 0) return undefined;
  const right = (r) => readings.get(r.case.id).label === r.case.class;
  const inThree = (r) => right(r) || (readings.get(r.case.id).alt ?? []).slice(0, 2).includes(r.case.class);
  const settled = read.filter((r) => readings.get(r.case.id).sure === true);
  return {
    n: read.length,
    top1: pct(read.filter(right).length, read.length),
    top3: pct(read.filter(inThree).length, read.length),
    settled: { n: settled.length, reader_top1: pct(settled.filter(right).length, settled.length), tool_top1: pct(settled.filter((r) => r.top1).length, settled.length) },
  };
}
