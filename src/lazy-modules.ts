/**
 * jose, undici and open, each loaded the first time a command needs it.
 *
 * The built CLI runs as one classic script with a V8 code cache (bin/oauth-doctor.js), and a
 * classic script cannot call import() itself; jose and open are ES modules only, so the entry
 * hands in its own import(). Run from the sources (tests), the default below is used.
 */
type Importer = (specifier: string) => Promise<unknown>;

let importer: Importer = (specifier) => import(specifier);

export function useImporter(fn: Importer): void {
  importer = fn;
}

export const loadJose = () => importer('jose') as Promise<typeof import('jose')>;
export const loadUndici = () => importer('undici') as Promise<typeof import('undici')>;
export const loadOpen = () => importer('open') as Promise<typeof import('open')>;
// A CommonJS module (export =): import() hands it over as the default export.
export const loadQrcode = () => importer('qrcode-generator') as Promise<{ default: typeof import('qrcode-generator') }>;
