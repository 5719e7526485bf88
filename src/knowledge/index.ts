import type { KnowledgeEntry } from './types.js';
import type { WordModel } from '../explain/word-guess.js';
import wordModelData from './word-model.json' with { type: 'json' };
import { rfcEntries } from './entries/rfc.js';
import { statusEntries } from './entries/status.js';
import { githubEntries } from './entries/github.js';
import { passportEntries } from './entries/passport.js';
import { marketoEntries } from './entries/marketo.js';
import { appwriteEntries } from './entries/appwrite.js';
import { facebookEntries } from './entries/facebook.js';
import { networkEntries } from './entries/network.js';
import { seedMiscEntries } from './entries/seed-misc.js';
import { googleEntries } from './entries/google.js';
import { b2cEntries, microsoftEntries, moreMicrosoftEntries } from './entries/microsoft.js';
import { oktaEntries } from './entries/okta.js';
import { auth0Entries } from './entries/auth0.js';
import { keycloakEntries } from './entries/keycloak.js';
import { slackEntries } from './entries/slack.js';
import { jwtLibraryEntries } from './entries/jwt-libraries.js';
import { generalEntries } from './entries/general.js';
import { flowEntries } from './entries/flows.js';
import { ownFindingEntries } from './entries/own-findings.js';
import { tokenExchangeEntries } from './entries/token-exchange.js';
import { mtlsEntries } from './entries/mtls.js';
import { kapisEntries } from './entries/kapis.js';
import { kplatformEntries } from './entries/kplatforms.js';
import { gatewayEntries } from './entries/kgateways.js';
import { klibrariesEntries } from './entries/klibraries.js';

/**
 * The whole knowledge base, one entry per diagnosis. The built CLI reads the same entries from
 * dist/knowledge.jsonl instead (see serialize.ts and scripts/build.mjs).
 */
export const KNOWLEDGE: readonly KnowledgeEntry[] = [
  ...rfcEntries,
  ...statusEntries,
  ...githubEntries,
  ...passportEntries,
  ...marketoEntries,
  ...appwriteEntries,
  ...facebookEntries,
  ...networkEntries,
  ...seedMiscEntries,
  ...googleEntries,
  ...microsoftEntries,
  ...moreMicrosoftEntries,
  ...b2cEntries,
  ...oktaEntries,
  ...auth0Entries,
  ...keycloakEntries,
  ...slackEntries,
  ...jwtLibraryEntries,
  ...generalEntries,
  ...flowEntries,
  ...ownFindingEntries,
  ...tokenExchangeEntries,
  ...mtlsEntries,
  ...kapisEntries,
  ...kplatformEntries,
  ...gatewayEntries,
  ...klibrariesEntries,
];

/** The words of real errors by cause (scripts/eval/word-model.mjs makes it), for explain's last reading. */
export function wordModel(): WordModel {
  return wordModelData as WordModel;
}
