/**
 * Node's heavier built-in modules, loaded on first use: `node:crypto` adds several milliseconds to
 * a start (npm run bench), and `decode` without verification, `explain` and `--help` never touch
 * it. process.getBuiltinModule (Node 20.16) loads it synchronously without node:module, which
 * costs a few milliseconds of its own.
 */
export const nodeCrypto = (): typeof import('node:crypto') => process.getBuiltinModule('node:crypto');
