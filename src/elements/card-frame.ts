import type { Padding } from '../story/types.js';

/** A box in CSS pixels, edges measured from the map's top-left corner. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** No room taken on any side. */
const NONE: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/** The least part of the map, on the side left free, that is worth framing the subject in. */
const MIN_FREE_SHARE = 0.25;
const MIN_FREE_PX = 120;

/**
 * The room a chapter card takes over a map `width` x `height`, as camera padding: the map is
 * framed in the largest part of it the card leaves free (above, below, left or right of the
 * card). No room when the card is beside the map, or when it leaves no part of the map at least
 * a quarter of it (and 120 px) across: the subject is then framed over the whole map.
 *
 * @example
 * cardFrame(390, 844, { left: 12, top: 253, right: 340, bottom: 600 }); // { top: 0, right: 0, bottom: 591, left: 0 }
 */
export function cardFrame(width: number, height: number, card: Box): Padding {
  const left = Math.max(0, card.left);
  const top = Math.max(0, card.top);
  const right = Math.min(width, card.right);
  const bottom = Math.min(height, card.bottom);
  if (right <= left || bottom <= top) return NONE;
  // Each side the card leaves free, as the padding that keeps the camera there; the roomiest wins.
  const sides: { free: number; across: number; padding: Padding }[] = [
    { free: top, across: height, padding: { ...NONE, bottom: height - top } },
    { free: height - bottom, across: height, padding: { ...NONE, top: bottom } },
    { free: width - right, across: width, padding: { ...NONE, left: right } },
    { free: left, across: width, padding: { ...NONE, right: width - left } },
  ];
  const area = (side: (typeof sides)[number]) => side.free * (side.across === height ? width : height);
  const best = sides.reduce((a, b) => (area(b) > area(a) ? b : a));
  const enough = best.free >= Math.max(MIN_FREE_PX, best.across * MIN_FREE_SHARE);
  return enough ? best.padding : NONE;
}
