/**
 * WWW-Authenticate parsing.
 * @see RFC 7235 §4.1 (challenge syntax), RFC 6750 §3 (Bearer parameters)
 */

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;

/** Parses a WWW-Authenticate value into its challenges. Never throws; skips what it cannot read. */
export function parseWwwAuthenticate(value: string): Challenge[] {
  const challenges: Challenge[] = [];
  let rest = value.trim();
  let current: Challenge | undefined;
  // Bounded: each turn consumes at least one character.
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    const name = TOKEN.exec(rest)?.[0];
    if (!name) {
      rest = rest.slice(1);
      continue;
    }
    const after = rest.slice(name.length).replace(/^\s*/, '');
    if (after.startsWith('=') && !/^=+\s*(,|$)/.test(after) && current) {
      // auth-param: name=token or name="quoted string"
      let valueRest = after.slice(1).replace(/^\s*/, '');
      let paramValue: string;
      if (valueRest.startsWith('"')) {
        let i = 1;
        let out = '';
        while (i < valueRest.length && valueRest[i] !== '"') {
          if (valueRest[i] === '\\' && i + 1 < valueRest.length) i += 1;
          out += valueRest[i];
          i += 1;
        }
        paramValue = out;
        valueRest = valueRest.slice(i + 1);
      } else {
        const m = /^[^,\s]*/.exec(valueRest)?.[0] ?? '';
        paramValue = m;
        valueRest = valueRest.slice(m.length);
      }
      current.params[name.toLowerCase()] = paramValue;
      rest = valueRest;
    } else {
      current = { scheme: name, params: {} };
      challenges.push(current);
      rest = after;
      // token68 form (e.g. `Negotiate abc==`): skip it
      const token68 = /^[A-Za-z0-9\-._~+/]+=*(?=\s*(,|$))/.exec(rest);
      if (token68 && !/=/.test(rest.slice(token68[0].length).split(',')[0] ?? '')) {
        rest = rest.slice(token68[0].length);
      }
    }
  }
  return challenges;
}
