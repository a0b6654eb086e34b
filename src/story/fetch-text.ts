/**
 * The one way a story's files are fetched: the story file and every layer file. Development and
 * preview servers answer a path that does not exist with the site's `index.html` (status 200), so
 * a misspelt file would otherwise surface as "missing front matter" or "invalid JSON". An answer
 * that is a 404, declared HTML, or a body starting with `<` is a file that is not there.
 */

import { limits } from './limits.js';

/** Why a file could not be read: `notFound` when the server has no such file. */
export class FetchTextError extends Error {
  override readonly name = 'FetchTextError';

  constructor(
    /** The path as the story names it (the `src`, or a layer's `file`). */
    readonly path: string,
    /** True when the file is not there (404, or an HTML page answered in its place). */
    readonly notFound: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** Content types of an HTML page, which no story or layer file ever is. */
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/** How {@link fetchText} may read a file. */
export interface FetchTextOptions {
  /** Abandons the fetch; the abort is rethrown as it came. */
  signal?: AbortSignal;
  /** Milliseconds the answer, body included, may take (`limits.fetchTimeout` unless given). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes; reading stops once it is passed. */
  maxBytes?: number;
  /** The setting that gives `maxBytes`, named in the message (`storyBytes`, `layerBytes`). */
  cap?: string;
}

/** A size in bytes for messages: `2 MB`, `1.5 MB`, `800 KB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Fetches `url` as text; `path` names the file in messages. Throws a {@link FetchTextError}:
 * "file not found: <path>" for a 404 or an HTML answer, "<path>: could not be loaded (...)" for
 * other HTTP errors, network failures and an answer that has not fully arrived within the
 * timeout, and "<path>: not loaded: the file is … more than …" for a body over `maxBytes`, known from its
 * Content-Length when the server gives one, else counted while it streams in: a file too large is
 * never read to its end. An abort through `signal` is rethrown as it came.
 * @example const text = await fetchText(new URL('trail.geojson', storyUrl).href, 'trail.geojson', { maxBytes: limits.layerBytes, cap: 'layerBytes' });
 */
export async function fetchText(url: string, path: string, options: FetchTextOptions = {}): Promise<string> {
  const { signal, timeoutMs = limits.fetchTimeout, maxBytes = Infinity, cap } = options;
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // The same for the answer and its body: a server may send headers and then hang.
  const failure = (error: unknown): unknown => {
    if (signal?.aborted || error instanceof FetchTextError) return error;
    const why = timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : (error as Error).message;
    return new FetchTextError(path, false, `${path}: could not be loaded (${why})`);
  };
  let response: Response;
  try {
    response = await fetch(url, { signal: both });
  } catch (error) {
    throw failure(error);
  }
  if (response.status === 404 || response.status === 410) throw notFound(path);
  if (!response.ok) {
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    throw new FetchTextError(path, false, `${path}: could not be loaded (${status})`);
  }
  if (HTML_TYPE.test(response.headers.get('content-type') ?? '')) throw notFound(path);
  const tooLarge = (size?: number) => {
    const what = size === undefined ? 'more than' : `${formatBytes(size)}, more than`;
    const setting = cap ? ` (limits.${cap})` : '';
    return new FetchTextError(
      path,
      false,
      `${path}: not loaded: the file is ${what} ${formatBytes(maxBytes)}${setting}`,
    );
  };
  // Compressed or not, a declared length over the cap means a body over it.
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  let text: string;
  try {
    text = maxBytes === Infinity ? await response.text() : await readCapped(response, maxBytes, tooLarge);
  } catch (error) {
    throw failure(error);
  }
  // A byte order mark may come first; a story or GeoJSON file never starts with `<`.
  if (
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('<')
  )
    throw notFound(path);
  return text;
}

/** The body of `response` as text, counting its bytes as they come and giving up past `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * Fetches `url` and parses it as JSON, with {@link fetchText}'s errors, and a parse error as
 * "<path>: not valid JSON (...)".
 * @example const style = await fetchJSON<StyleSpecification>(url, 'style.json');
 */
export async function fetchJSON<T = unknown>(url: string, path: string, signal?: AbortSignal): Promise<T> {
  const text = await fetchText(url, path, { signal });
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FetchTextError(path, false, `${path}: not valid JSON (${(error as Error).message})`);
  }
}

function notFound(path: string): FetchTextError {
  return new FetchTextError(path, true, `file not found: ${path}`);
}
