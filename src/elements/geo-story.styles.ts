import { css } from 'lit';

/** Styles of `<geo-story>`; layout follows the element's own width (container queries), not the window's. */
export const geoStoryStyles = css`
  :host {
    display: block;
    position: relative;
    container-type: inline-size;
    color: var(--geo-story-text-color, #1d2327);
    font-family: var(--geo-story-font-family, system-ui, 'Noto Sans CJK TC', 'Noto Sans TC', sans-serif);
    line-height: 1.6;
    --_accent: var(--geo-story-accent-color, #0b6e4f);
    --_card: var(--geo-story-card-background, rgba(255, 255, 255, 0.95));
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
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
  .text {
    position: relative;
    z-index: 1;
    pointer-events: none;
    padding: 0 0.75rem;
  }
  header,
  .chapter,
  .problems {
    pointer-events: auto;
    background: var(--_card);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18);
    max-width: 36rem;
    margin: 0 auto;
    padding: 1rem 1.25rem;
  }
  header {
    /* Narrow: start below the previous / next buttons over the map, so they stay reachable. */
    margin-top: 3.25rem;
    margin-bottom: calc(var(--_map-h) * 0.35);
  }
  h1 {
    font-size: 1.6rem;
    line-height: 1.25;
    margin: 0.25rem 0 0.5rem;
  }
  .subtitle {
    margin: 0 0 0.5rem;
    font-size: 1.05rem;
  }
  .hint {
    margin: 0;
    color: #56626b;
    font-size: 0.9rem;
  }
  .toolbar {
    display: flex;
    justify-content: flex-end;
  }
  .lang-switch {
    display: inline-flex;
    border: 1px solid #9aa7b0;
    border-radius: 4px;
    overflow: hidden;
  }
  .lang-switch button {
    font: inherit;
    font-size: 0.85rem;
    border: 0;
    padding: 0.2rem 0.6rem;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .lang-switch button[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  button:focus-visible,
  a:focus-visible,
  .chapter:focus-visible {
    outline: 3px solid #f0a500;
    outline-offset: 2px;
  }
  ol.chapters {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chapter {
    margin-bottom: calc(var(--_map-h) * 0.6);
    opacity: 0.7;
    transition: opacity 0.3s;
    scroll-margin-top: 1rem;
  }
  .chapter.active {
    opacity: 1;
  }
  .chapter h2 {
    font-size: 1.25rem;
    line-height: 1.3;
    margin: 0 0 0.5rem;
  }
  .body :first-child {
    margin-top: 0;
  }
  .body a,
  .sources a {
    color: var(--_accent);
  }
  .body img {
    max-width: 100%;
  }
  .body table {
    border-collapse: collapse;
  }
  .body td,
  .body th {
    border: 1px solid #ccd3d8;
    padding: 0.2rem 0.4rem;
  }
  .sources {
    margin-top: 0.75rem;
    font-size: 0.8rem;
    color: #56626b;
  }
  .sources h3 {
    font-size: inherit;
    margin: 0;
  }
  .sources ul {
    margin: 0.2rem 0 0;
    padding-left: 1.1rem;
  }
  .end {
    height: calc(var(--_map-h) * 0.5);
  }
  .problems {
    margin-bottom: 1rem;
    border-left: 4px solid #b3261e;
  }
  .problems ul {
    margin: 0.3rem 0 0;
    padding-left: 1.1rem;
    font-family: ui-monospace, 'Noto Sans Mono CJK TC', monospace;
    font-size: 0.8rem;
    overflow-wrap: anywhere;
  }
  .status {
    position: absolute;
    inset: auto 0 50% 0;
    text-align: center;
    color: #39464f;
    font-size: 0.95rem;
  }
  nav.steps {
    position: absolute;
    left: 0.5rem;
    top: 0.5rem;
    display: flex;
    gap: 0.25rem;
    align-items: center;
    background: var(--_card);
    border-radius: 4px;
    padding: 0.15rem 0.3rem;
    font-size: 0.85rem;
    z-index: 2;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.2);
  }
  nav.steps button {
    font: inherit;
    border: 1px solid #9aa7b0;
    background: #fff;
    border-radius: 3px;
    padding: 0 0.45rem;
    cursor: pointer;
    min-width: 1.9rem;
    min-height: 1.7rem;
  }
  nav.steps button:disabled {
    opacity: 0.4;
    cursor: default;
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

  /* Reader controls. The layer panel sits in an overlay over the map box and above the text, so
     chapter cards passing over the map on narrow screens never hide it; it opens upwards from the
     bottom-left. The measure toggle sits under the zoom buttons, in a right-hand strip the cards keep
     clear of; while measuring on a narrow screen the cards step aside so the whole map can be clicked. */
  .overlay {
    grid-area: 1 / 1;
    position: sticky;
    top: 0;
    align-self: start;
    height: var(--_map-h);
    min-height: 240px;
    z-index: 2;
    pointer-events: none;
  }
  .overlay geo-story-layers {
    position: absolute;
    left: 0.5rem;
    bottom: 2.6rem;
    max-width: calc(100% - 4rem);
    pointer-events: auto;
    --geo-story-layers-max-height: calc(var(--_map-h) - 8rem);
  }
  .text {
    padding-right: 3.1rem;
  }
  .layout:has(.geo-story-measuring) .text {
    visibility: hidden;
  }
  .geo-story-measure {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
  }
  .geo-story-measure-toggle {
    display: flex;
    align-items: center;
    justify-content: center;
    color: #333;
  }
  .maplibregl-ctrl-group .geo-story-measure-toggle[aria-pressed='true'] {
    background: var(--_accent);
    color: #fff;
  }
  .maplibregl-ctrl button.geo-story-measure-toggle:focus-visible,
  .geo-story-measure-clear:focus-visible {
    outline: 3px solid #f0a500;
    outline-offset: 1px;
    box-shadow: none;
  }
  .geo-story-measure-readout {
    margin-top: 6px;
    width: max-content;
    max-width: min(17rem, calc(100cqw - 1.5rem));
    background: var(--_card);
    border-radius: 4px;
    box-shadow: 0 0 0 2px rgba(0, 0, 0, 0.1);
    padding: 0.4rem 0.6rem;
    font-family: var(--geo-story-font-family, system-ui, 'Noto Sans CJK TC', 'Noto Sans TC', sans-serif);
    font-size: 0.85rem;
    line-height: 1.4;
    color: var(--geo-story-text-color, #1d2327);
  }
  .geo-story-measure-readout[hidden] {
    display: none;
  }
  .geo-story-measure-lines p {
    margin: 0;
  }
  .geo-story-measure-lines p + p {
    margin-top: 0.15rem;
  }
  .geo-story-measure-clear {
    margin-top: 0.35rem;
    font: inherit;
    font-size: 0.8rem;
    border: 1px solid #9aa7b0;
    border-radius: 3px;
    background: #fff;
    padding: 0.1rem 0.5rem;
    cursor: pointer;
  }
  .geo-story-measure-clear[hidden] {
    display: none;
  }
  .maplibregl-canvas-container.maplibregl-interactive.geo-story-measuring {
    cursor: crosshair;
  }
  /* The centre cross marks where Enter adds a point; only while the focused map is measuring. */
  .geo-story-measure-cross {
    display: none;
    position: absolute;
    left: 50%;
    top: 50%;
    width: 22px;
    height: 22px;
    transform: translate(-50%, -50%);
    pointer-events: none;
    background:
      linear-gradient(#1d2327, #1d2327) center / 2px 100% no-repeat,
      linear-gradient(#1d2327, #1d2327) center / 100% 2px no-repeat;
  }
  .geo-story-measuring:focus-within > .geo-story-measure-cross:not([hidden]) {
    display: block;
  }
  .chapter-measure {
    margin: 0.75rem 0 0;
    padding: 0.4rem 0.6rem;
    border-left: 4px solid #c2185b;
    background: rgba(194, 24, 91, 0.06);
    font-size: 0.92rem;
  }
  ul.legend {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.9rem;
    margin: 0.75rem 0 0;
    padding: 0;
    font-size: 0.82rem;
    color: #39464f;
  }
  ul.legend li {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    min-width: 0;
  }
  .swatch {
    flex: none;
    width: 24px;
    height: 16px;
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
    .overlay {
      grid-area: 1 / 2;
    }
    .layout:has(.geo-story-measuring) .text {
      visibility: visible;
    }
    header,
    .chapter,
    .problems {
      box-shadow: none;
      background: transparent;
      padding: 0.5rem 0.25rem;
    }
    header {
      margin-top: 1.5rem;
    }
    .chapter {
      border-left: 3px solid transparent;
      padding-left: 0.9rem;
    }
    .chapter.active {
      border-left-color: var(--_accent);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .chapter {
      transition: none;
    }
  }
`;
