/** Default time a story or layer file may take to arrive, in milliseconds. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

/**
 * Default caps on what a story may bring: room for a long story and a detailed regional layer,
 * far below what hangs a browser tab. `npm run validate` checks files against these.
 */
export const DEFAULT_CAPS = {
  /** Largest story file, in UTF-8 bytes: a story is text, not a data dump. */
  storyBytes: 2 * 1024 * 1024,
  /** Largest layer file, in bytes. */
  layerBytes: 20 * 1024 * 1024,
  /** Most features in one layer file. */
  features: 200_000,
  /** Most positions over all geometries of one layer file. */
  positions: 5_000_000,
  /** Deepest nesting of arrays and objects in a layer file. */
  depth: 64,
  /** Largest declared size of an image in chapter text, width x height in pixels (about 8000 x 5000). */
  imagePixels: 40_000_000,
} as const;

/**
 * Largest image file beside a story, in bytes. Checked by `npm run validate` only: the viewer
 * cannot know an image's size before the browser fetches it.
 */
export const DEFAULT_IMAGE_BYTES = 5 * 1024 * 1024;

/** The name of a cap of {@link Limits}. */
export type CapName = keyof typeof DEFAULT_CAPS;

/** Nesting deeper than this is refused as a setting: the checks walk nested values recursively. */
const MAX_DEPTH_SETTING = 1000;

/**
 * The page-wide limits every `<geo-story>` of the page loads its files under. Set them from a
 * module script before the stories load: `import { limits } from 'geo-story'; limits.fetchTimeout = 30_000;`.
 * A file over a cap is refused with a message naming the file and the cap, and the rest of the
 * story goes on.
 */
export class Limits {
  private _fetchTimeout = DEFAULT_FETCH_TIMEOUT_MS;
  private readonly caps: Record<CapName, number> = { ...DEFAULT_CAPS };

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

  /** Largest story file in bytes (2 MB unless set); read no further once the download passes it. */
  get storyBytes(): number {
    return this.caps.storyBytes;
  }
  set storyBytes(value: number) {
    this.set('storyBytes', value);
  }

  /** Largest layer file in bytes (20 MB unless set); read no further once the download passes it. */
  get layerBytes(): number {
    return this.caps.layerBytes;
  }
  set layerBytes(value: number) {
    this.set('layerBytes', value);
  }

  /** Most features in one layer file (200 000 unless set). */
  get features(): number {
    return this.caps.features;
  }
  set features(value: number) {
    this.set('features', value);
  }

  /** Most positions (coordinate pairs) in one layer file (5 000 000 unless set). */
  get positions(): number {
    return this.caps.positions;
  }
  set positions(value: number) {
    this.set('positions', value);
  }

  /** Deepest nesting of arrays and objects in a layer file (64 unless set, at most 1000). */
  get depth(): number {
    return this.caps.depth;
  }
  set depth(value: number) {
    if (Number.isInteger(value) && value > MAX_DEPTH_SETTING)
      throw new RangeError(`limits.depth may be at most ${MAX_DEPTH_SETTING}, got ${value}`);
    this.set('depth', value);
  }

  /**
   * Largest declared size (`{width=… height=…}`) of an image in chapter text, in pixels, width
   * times height (40 000 000 unless set); a larger image is not loaded, its alt text stands in.
   */
  get imagePixels(): number {
    return this.caps.imagePixels;
  }
  set imagePixels(value: number) {
    this.set('imagePixels', value);
  }

  /** Every cap as it is now, for code that hands them on (a worker, the validate CLI). */
  snapshot(): Record<CapName, number> {
    return { ...this.caps };
  }

  private set(name: CapName, value: number): void {
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`limits.${name} must be a positive whole number, got ${String(value)}`);
    this.caps[name] = value;
  }
}

/** The page's one set of limits. */
export const limits = new Limits();
