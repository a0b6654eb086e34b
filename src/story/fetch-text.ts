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

/**
 * Fetches `url` as text; `path` names the file in messages. Throws a {@link FetchTextError}:
 * "file not found: <path>" for a 404 or an HTML answer, "<path>: could not be loaded (...)" for
 * other HTTP errors, network failures and an answer that has not fully arrived within `timeoutMs`
 * (`limits.fetchTimeout` unless given). An abort through `signal` is rethrown as it came.
 * @example const text = await fetchText(new URL('trail.geojson', storyUrl).href, 'trail.geojson');
 */
export async function fetchText(
  url: string,
  path: string,
  signal?: AbortSignal,
  timeoutMs = limits.fetchTimeout,
): Promise<string> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  // The same for the answer and its body: a server may send headers and then hang.
  const failure = (error: unknown): unknown => {
    if (signal?.aborted) return error;
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
  let text: string;
  try {
    text = await response.text();
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

/**
 * Fetches `url` and parses it as JSON, with {@link fetchText}'s errors, and a parse error as
 * "<path>: not valid JSON (...)".
 * @example const style = await fetchJSON<StyleSpecification>(url, 'style.json');
 */
export async function fetchJSON<T = unknown>(url: string, path: string, signal?: AbortSignal): Promise<T> {
  const text = await fetchText(url, path, signal);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new FetchTextError(path, false, `${path}: not valid JSON (${(error as Error).message})`);
  }
}

function notFound(path: string): FetchTextError {
  return new FetchTextError(path, true, `file not found: ${path}`);
}
