/** How long a map may stay hidden while it loads (ms): past this it is shown as far as it is drawn. */
export const REVEAL_AFTER_MS = 3000;

/**
 * Keeps a new map's canvas transparent until it is drawn whole, so that the reader sees the map
 * appear complete rather than tile by tile. It also spares the page a frame of compositing for
 * every tile that comes in: where the browser composites in software (no GPU), each of those
 * frames copies the whole canvas back from WebGL. A map still loading after `afterMs` is shown as
 * it is. The canvas stays in the accessibility tree and the focus order meanwhile (opacity only).
 * @example const reveal = hideUntilDrawn(map.getCanvas()); map.once('idle', reveal);
 */
export function hideUntilDrawn(canvas: HTMLCanvasElement, afterMs = REVEAL_AFTER_MS): () => void {
  canvas.style.opacity = '0';
  const show = (): void => {
    clearTimeout(timer);
    canvas.style.removeProperty('opacity');
  };
  const timer = setTimeout(show, afterMs);
  return show;
}
