import { css } from 'lit';
import { baseStyles } from './base.styles.js';
import { chapterStyles } from './chapter.styles.js';
import { measureControlStyles } from './measure-control.styles.js';
import { printStyles } from './print.styles.js';
import { storyNavStyles } from './story-nav.styles.js';

/**
 * The layout of `<geo-story>`: the grid of text and sticky map, the overlays over the map, and the
 * element's own controls. It follows the element's own width (container queries), not the window's.
 */
const layoutStyles = css`
  :host {
    display: block;
    position: relative;
    container-type: inline-size;
    line-height: 1.6;
    --_card: var(--geo-story-card-background, rgba(255, 255, 255, 0.95));
  }
  .layout {
    /* --_vh is the height of the scrolling viewport, measured by the scroll controller. */
    --_map-h: var(--geo-story-map-height, var(--_vh, 100vh));
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  /* Fixed height (height attribute or --geo-story-height): the story scrolls inside the element,
     and the map box is exactly the scroller's height from the first render (no layout shift). */
  .layout.scroller {
    --_map-h: var(--geo-story-map-height, var(--_h));
    height: var(--_h);
    overflow-y: auto;
  }
  /* Narrow: the chapters scroll over a full-width sticky map. */
  .text,
  .map-box {
    grid-area: 1 / 1;
  }
  .map-box {
    position: sticky;
    top: 0;
    align-self: start;
    height: var(--_map-h);
    min-height: 240px;
    background: #cfe2ee;
    overflow: hidden;
    z-index: 0;
  }
  .map {
    /* MapLibre makes its container position: relative, so size it explicitly. */
    width: 100%;
    height: 100%;
  }
  /* A new map is transparent until drawn whole (src/map/reveal.ts), then fades in. */
  @media (prefers-reduced-motion: no-preference) {
    .map .maplibregl-canvas {
      transition: opacity 0.2s ease-out;
    }
  }
  .text {
    position: relative;
    z-index: 1;
    pointer-events: none;
    /* The measure toggle sits under the zoom buttons, in a right-hand strip the cards keep clear of. */
    padding: 0 3.1rem 0 0.75rem;
  }
  .end {
    height: calc(var(--_map-h) * 0.5);
  }
  /* One focus ring for every stop, MapLibre's controls included (they draw a faint blue glow of
     their own): dark blue outside a white gap, at least 3:1 against the card, the page and the map
     alike (WCAG 2.2, 1.4.11). */
  :focus-visible,
  .map-box .maplibregl-ctrl :is(button, summary, a):focus:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 1px #fff;
  }
  /* The canvas fills the clipped map box: its ring goes inside. */
  .map-box .maplibregl-canvas:focus-visible {
    outline-offset: -4px;
    box-shadow: none;
  }
  /* The skip link and the marker it leads to show only while they hold the focus, over the map's corners. */
  .skip {
    grid-area: 1 / 1;
    position: sticky;
    top: 0;
    align-self: start;
    height: 0;
    z-index: 3;
  }
  .skip-map,
  .map-end {
    position: absolute;
    left: 0.5rem;
    margin: 0;
    padding: 0.3rem 0.6rem;
    font: inherit;
    font-size: 0.9rem;
    color: #1d2327;
    background: #fff;
    border: 1px solid #39464f;
    border-radius: 4px;
    pointer-events: auto;
  }
  /* Below the chapter navigation and the layer button, where nothing else is (at rest the cards start lower). */
  .skip-map {
    top: 7.5rem;
  }
  .map-end {
    bottom: 0.5rem;
  }
  .skip-map:not(:focus),
  .map-end:not(:focus) {
    width: 1px;
    height: 1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    white-space: nowrap;
    clip-path: inset(50%);
  }
  .still {
    /* The still image of a map given back to the page's pool, where the map was. */
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .status {
    position: absolute;
    inset: auto 0 50% 0;
    text-align: center;
    color: #39464f;
    font-size: 0.95rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* The chapter navigation and, under it, the layer panel sit in an overlay over the map box's
     top-left corner, above the text, so chapter cards passing over the map on narrow screens never
     hide them; the cards rest below them (chapter.styles.ts). The right-hand strip is MapLibre's. */
  .overlay {
    grid-area: 1 / 1;
    position: sticky;
    top: 0;
    align-self: start;
    height: var(--_map-h);
    min-height: 240px;
    z-index: 2;
    pointer-events: none;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.4rem;
    padding: 0.5rem 3.4rem 0 0.5rem;
  }
  .overlay geo-story-layers {
    max-width: 100%;
    pointer-events: auto;
    --geo-story-layers-max-height: calc(var(--_map-h) - 10rem);
  }

  /* Wide: chapters in a column beside the sticky map. */
  @container (min-width: 800px) {
    .layout {
      grid-template-columns: minmax(20rem, 2fr) 3fr;
    }
    .text {
      grid-area: 1 / 1;
      pointer-events: auto;
      padding: 0 1rem;
    }
    .map-box,
    .overlay,
    .skip {
      grid-area: 1 / 2;
    }
  }
`;

/** Styles of `<geo-story>`: the shared base, the layout, the chapters' text, the chapter navigation, the measure control on the map, and print. */
export const geoStoryStyles = [
  baseStyles,
  layoutStyles,
  chapterStyles,
  storyNavStyles,
  measureControlStyles,
  printStyles,
];
