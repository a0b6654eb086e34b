/** Default time a story or layer file may take to arrive, in milliseconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/**
 * The page-wide limits every `<geo-story>` of the page loads its files under. Set them from a
 * module script before the stories load: `import { limits } from 'geo-story'; limits.fetchTimeout = 30_000;`.
 */
export class Limits {
  private _fetchTimeout = DEFAULT_FETCH_TIMEOUT_MS;

  /**
   * Milliseconds a story file, a layer file, the basemap's land or a remote basemap style may take
   * to arrive, body included (15 000 unless set); past that it is abandoned with a message.
   */
  get fetchTimeout(): number {
    return this._fetchTimeout;
  }

  set fetchTimeout(value: number) {
    if (!Number.isFinite(value) || value <= 0)
      throw new RangeError(`fetch timeout must be a positive number of milliseconds, got ${String(value)}`);
    this._fetchTimeout = value;
  }
}

/** The page's one set of limits. */
export const limits = new Limits();
