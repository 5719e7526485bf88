#!/usr/bin/env node
/**
 * An HTTP "browser" for the test providers' pages (oidc-provider's development pages, a Django
 * sign-in form for Django OAuth Toolkit): follows redirects with a cookie jar, signs in (user
 * alice, password "any"), consents (or cancels with --deny), and delivers the final redirect to
 * the loopback listener (--drop=NAME leaves a parameter out of it). Used as `login --browser "node scripts/demo/http-browser.mjs"` and imported by tests.
 * When the final redirect is not loopback, it prints that URL on stdout instead of following it.
 */
export async function walk(startUrl, { deny = false, login = 'alice', deliver = true, drop = [] } = {}) {
  const jar = new Map();
  let url = startUrl;
  let method = 'GET';
  let body;
  for (let hop = 0; hop < 20; hop += 1) {
    const target = new URL(url);
    const provider = jar.get('__origin') ?? target.origin;
    if (target.origin !== provider) {
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
      if (!loopback || !deliver) return { finalUrl: url, delivered: false };
      // the redirect back to the client: deliver it like a browser and return the page
      // (--drop NAME: without that parameter, as a proxy that rewrites the redirect would)
      const delivered = new URL(url);
      for (const name of drop) delivered.searchParams.delete(name);
      const res = await fetch(delivered, { redirect: 'manual' });
      return { finalUrl: url, delivered: true, status: res.status, page: await res.text() };
    }
    if (!jar.has('__origin')) jar.set('__origin', target.origin);
    const headers = { cookie: [...jar].filter(([k]) => k !== '__origin').map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method, body, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await res.text();
    if (res.status >= 400) return { finalUrl: url, delivered: false, status: res.status, page: html };
    // A Django sign-in form (Django OAuth Toolkit's tests): its hidden fields, the user, the password.
    if (/name="csrfmiddlewaretoken"/.test(html)) {
      const hidden = [...html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&')]);
      const fields = new URLSearchParams(hidden);
      if (/name="username"/.test(html)) {
        fields.set('username', login);
        fields.set('password', 'any');
      } else if (/name="allow"/.test(html)) {
        fields.set(deny ? 'cancel' : 'allow', deny ? 'Cancel' : 'Authorize');
      }
      url = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? url, url).toString();
      method = 'POST';
      body = fields.toString();
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&#x2F;|&#47;/g, '/');
    if (deny) {
      const abort = /href="([^"]*\/abort)"/.exec(html)?.[1]?.replace(/&#x2F;|&#47;/g, '/');
      if (abort) {
        url = new URL(abort, url).toString();
        continue;
      }
    }
    if (!action) return { finalUrl: url, delivered: false, status: res.status, page: html };
    url = new URL(action, url).toString();
    method = 'POST';
    body = /name="login"/.test(html) ? new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString() : new URLSearchParams({ prompt: 'consent' }).toString();
  }
  throw new Error('too many redirects');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const deny = args.includes('--deny');
  const drop = args.filter((a) => a.startsWith('--drop=')).map((a) => a.slice('--drop='.length));
  const url = args.filter((a) => !a.startsWith('--')).at(-1);
  walk(url, { deny, drop }).then(
    (r) => {
      if (!r.delivered) process.stdout.write(`${r.finalUrl}\n`);
      // An error page, where a person would stop: a failing browser command, for the caller to notice.
      if (!r.delivered && r.status >= 400) {
        process.stderr.write(`http-browser: the provider answered HTTP ${r.status} at ${r.finalUrl.split('?')[0]}\n`);
        process.exitCode = 1;
      }
    },
    (err) => {
      process.stderr.write(`http-browser: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
