import type { Map as MapLibreMap } from 'maplibre-gl';

/** Name of the user-timing measure of each still image taken. */
export const STILL_MEASURE = 'geo-story:still-image';

/** How long to wait for the map's next frame before giving up on a still image. */
const STILL_TIMEOUT_MS = 1000;

/**
 * A still image (a JPEG `data:` URL) of what the map shows, taken right after its next frame is
 * drawn: WebGL keeps the drawing buffer only until the frame is composited, so reading it in the
 * `render` event needs no `preserveDrawingBuffer` (which would cost a copy on every frame).
 * Undefined when no frame comes in time or the canvas cannot be read.
 */
export function captureStill(map: MapLibreMap): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      map.off('render', onRender);
      resolve(undefined);
    }, STILL_TIMEOUT_MS);
    const onRender = () => {
      clearTimeout(timer);
      map.off('render', onRender);
      const start = performance.now();
      try {
        resolve(map.getCanvas().toDataURL('image/jpeg', 0.85));
      } catch {
        resolve(undefined);
      }
      // What a still costs the main thread, for `npm run bench` to read.
      performance.measure(STILL_MEASURE, { start });
    };
    map.on('render', onRender);
    map.triggerRepaint();
  });
}
