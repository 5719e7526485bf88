/**
 * Node's heavier built-in modules, loaded on first use. `node:crypto` alone adds about 10 ms to
 * every start (npm run bench), and `decode` without verification, `explain` and `--help` never
 * touch it.
 */
import { createRequire } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

export const nodeCrypto = (): typeof import('node:crypto') => requireBuiltin('node:crypto') as typeof import('node:crypto');
