/**
 * Cleans what people paste as a token: a header line, a scheme prefix, quotes, and line breaks
 * (a base64 encoder that wraps lines every 76 characters breaks a token, as in the Diadoc case
 * of 000_771f3fde50da5341.txt). Pure.
 */

import { InputError } from '../errors.js';

export interface CleanedToken {
  token: string;
  /** What was removed, in the user's words, for the report. */
  cleaned: string[];
  /** When a whole token response was pasted, the member the token was taken from. */
  fromMember?: string;
}

export function cleanPastedToken(raw: string): CleanedToken {
  const cleaned: string[] = [];
  let t = raw.replace(/^\uFEFF/, '').trim();

  // A whole token response: take the token from it instead of failing.
  if (t.startsWith('{')) {
    try {
      const body = JSON.parse(t) as Record<string, unknown>;
      for (const member of ['id_token', 'access_token', 'refresh_token', 'token']) {
        const value = body?.[member];
        if (typeof value === 'string' && value.length > 0) {
          const inner = cleanPastedToken(value);
          return { ...inner, fromMember: member, cleaned: [`took "${member}" from the pasted JSON token response`, ...inner.cleaned] };
        }
      }
    } catch {
      // not JSON: the checks below decide what it is
    }
  }

  const header = /^(?:-H\s*)?["']?\s*Authorization\s*:\s*/i.exec(t);
  if (header) {
    t = t.slice(header[0].length).trim();
    cleaned.push('removed the "Authorization:" header name');
  }
  for (let i = 0; i < 2; i += 1) {
    const quote = /^(["'`])([\s\S]*)\1$/.exec(t);
    if (quote) {
      t = (quote[2] ?? '').trim();
      cleaned.push('removed surrounding quotes');
    }
  }
  const scheme = /^(Bearer|JWT|DPoP)\s+/i.exec(t);
  if (scheme) {
    t = t.slice(scheme[0].length);
    cleaned.push(`removed the "${scheme[1]}" prefix`);
  }
  // Literal escape sequences from a JSON string or a log line: "\r\n" typed as four characters.
  if (/\\[rn]/.test(t)) {
    t = t.replace(/\\[rn]/g, '');
    cleaned.push('removed escaped line breaks (\\r\\n) inside the token');
  }
  if (/[\r\n]/.test(t)) {
    t = t.replace(/[\r\n]+/g, '');
    cleaned.push('removed line breaks (CR/LF) inside the token');
  }
  if (/\s/.test(t)) {
    // Spaces inside a JWT are copy damage; spaces between words mean it is not a token at all.
    if (!t.startsWith('eyJ')) throw new InputError('not a token: it contains spaces between words; pass the token alone (a JWT starts with "eyJ")');
    t = t.replace(/\s+/g, '');
    cleaned.push('removed white space inside the token');
  }
  const trailingQuote = /^(["'`])?(.*?)(["'`,;])?$/.exec(t);
  if (trailingQuote && (trailingQuote[1] || trailingQuote[3])) {
    t = trailingQuote[2] ?? t;
    cleaned.push('removed a stray quote or separator at the ends');
  }
  return { token: t, cleaned };
}
