/**
 * Trusted Types (https://w3c.github.io/trusted-types/dist/spec/): on a page whose policy says
 * `require-trusted-types-for 'script'`, a worker may only be started from a TrustedScriptURL,
 * made by a policy the page allows by name (`trusted-types geo-story ...`). The library's one
 * policy, `geo-story`, vouches only for the worker files the library itself ships, registered here
 * by their URL; it turns down any other.
 */

/** The name of the library's Trusted Types policy, to list in a page's `trusted-types` directive. */
export const TRUSTED_TYPES_POLICY = 'geo-story';

/** The part of a Trusted Types policy the library uses. */
interface ScriptUrlPolicy {
  createScriptURL(url: string): object;
}

/** The part of `window.trustedTypes` the library uses (absent in browsers without Trusted Types). */
interface PolicyFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): ScriptUrlPolicy;
}

/** Worker files the policy vouches for, by absolute URL. */
const workerFiles = new Set<string>();
let policy: ScriptUrlPolicy | null | undefined;

function getPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  try {
    policy =
      factory?.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL: (url) => {
          if (!workerFiles.has(url))
            throw new TypeError(`${TRUSTED_TYPES_POLICY}: not a worker of this library: ${url}`);
          return url;
        },
      }) ?? null;
  } catch {
    // The page allows no policy of this name (or a second copy of the library made it first):
    // the plain URL goes on, and the page's own policy decides whether a worker may start.
    policy = null;
  }
  return policy;
}

/**
 * A worker file of this library at `url`, as a TrustedScriptURL where the browser has Trusted
 * Types, else the absolute URL. Pass the result to `new Worker()`.
 * @example new Worker(trustedWorkerUrl(new URL('./validate-worker.js', import.meta.url).href), { type: 'module' })
 */
export function trustedWorkerUrl(url: string): string {
  const href = new URL(url, globalThis.location?.href).href;
  workerFiles.add(href);
  const trusted = getPolicy()?.createScriptURL(href);
  if (!trusted) return href;
  // MapLibre reads its worker URL as a string (`setWorkerUrl`: it asks `url.endsWith('.cjs')` and
  // the like) before handing it to `new Worker()`, which takes the TrustedScriptURL only as the
  // object itself. So the object also answers the string methods, for the URL it stands for.
  const stringMethods = Object.getOwnPropertyNames(String.prototype).filter(
    (name) => name !== 'constructor' && name !== 'toString' && name !== 'valueOf',
  );
  for (const name of stringMethods) {
    const method = (String.prototype as unknown as Record<string, unknown>)[name];
    if (typeof method !== 'function') continue;
    Object.defineProperty(trusted, name, { value: (...args: unknown[]) => method.apply(href, args) });
  }
  Object.defineProperty(trusted, 'length', { value: href.length });
  return trusted as unknown as string;
}
