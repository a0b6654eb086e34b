import type { Map as MapLibreMap } from 'maplibre-gl';

/** Name of the user-timing measure of each still image taken. */
export const STILL_MEASURE = 'geo-story:still-image';

/** How long to wait for the map's next frame before giving up on a still image. */
const STILL_TIMEOUT_MS = 1000;

/**
 * A copy of what `source` shows now, as a 2D canvas of the same pixel size, or undefined when it
 * cannot be read. A canvas, not an image URL: a `data:` or `blob:` image is refused on a page
 * whose policy allows images from its own origin only (`img-src 'self'`). For a WebGL canvas, call
 * it while its frame is still there (in the map's `render` event).
 * @example const copy = copyCanvas(map.getCanvas());
 */
export function copyCanvas(source: HTMLCanvasElement): HTMLCanvasElement | undefined {
  const copy = source.ownerDocument.createElement('canvas');
  copy.width = source.width;
  copy.height = source.height;
  const context = copy.getContext('2d');
  if (!context || !copy.width || !copy.height) return undefined;
  try {
    context.drawImage(source, 0, 0);
  } catch {
    return undefined;
  }
  return copy;
}

/**
 * A copy of the map's next frame as a 2D canvas, taken in its `render` event: WebGL keeps the
 * drawing buffer only until the frame is composited, so copying it there needs no
 * `preserveDrawingBuffer` (which would cost a copy on every frame). Undefined when no frame comes
 * in time or the canvas cannot be read. With `measure`, what the copy costs the main thread is
 * recorded as a user-timing measure of that name.
 * @example const frame = await captureFrame(map);
 */
export function captureFrame(map: MapLibreMap, measure?: string): Promise<HTMLCanvasElement | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      map.off('render', onRender);
      resolve(undefined);
    }, STILL_TIMEOUT_MS);
    const onRender = () => {
      clearTimeout(timer);
      map.off('render', onRender);
      const start = performance.now();
      resolve(copyCanvas(map.getCanvas()));
      if (measure) performance.measure(measure, { start });
    };
    map.on('render', onRender);
    map.triggerRepaint();
  });
}

/**
 * A still image of what the map shows (a canvas, `class="still"`, `part="still"`, hidden from
 * screen readers), from its next frame (captureFrame). Undefined when no frame comes in time or
 * the canvas cannot be read.
 */
export async function captureStill(map: MapLibreMap): Promise<HTMLCanvasElement | undefined> {
  // What a still costs the main thread, for `npm run bench` to read.
  const still = await captureFrame(map, STILL_MEASURE);
  still?.classList.add('still');
  still?.setAttribute('part', 'still');
  still?.setAttribute('aria-hidden', 'true');
  return still;
}
