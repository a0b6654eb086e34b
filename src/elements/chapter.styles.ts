import { css } from 'lit';

/**
 * The text of `<geo-story>`: the heading with its language switch, the problems list, the chapter
 * cards (cards over the map when narrow, a plain column when wide) with their sources, legend and
 * declared measurement.
 */
export const chapterStyles = css`
  ::slotted([slot='prerendered']) {
    display: block;
    max-width: 36rem;
    margin: 3.25rem auto 0;
    padding: 1rem 1.25rem;
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
    /* Narrow: start below the chapter navigation, the layer button and the skip link over the map, so they stay clear. */
    margin-top: 10rem;
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
  ol.chapters {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* Inactive chapters keep full text contrast (WCAG AA); the current one is marked by its accent edge. */
  .chapter {
    margin-bottom: calc(var(--_map-h) * 0.6);
    border-left: 3px solid transparent;
    padding-left: 0.9rem;
    transition: border-color 0.3s;
    scroll-margin-top: 1rem;
  }
  .chapter.active {
    border-left-color: var(--_accent);
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
  /* A figure's image fills the text column at the ratio of its declared size, kept while it loads. */
  .body figure {
    margin: 1rem 0;
  }
  .body figure img {
    display: block;
    width: 100%;
    height: auto;
    background: #eef1f3;
  }
  .body figcaption {
    margin-top: 0.35rem;
    font-size: 0.875rem;
  }
  .body figcaption .credit {
    display: block;
    color: #5b6670;
  }
  .body table {
    border-collapse: collapse;
  }
  .body td,
  .body th {
    border: 1px solid #ccd3d8;
    padding: 0.2rem 0.4rem;
  }
  /* Simplified text converted from the Traditional: said once, quietly, under the chapter's text. */
  .converted {
    margin: 0.5rem 0 0;
    font-size: 0.8rem;
    color: #56626b;
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
  ul.legend li.unavailable span:first-of-type {
    text-decoration: line-through;
  }
  ul.legend li.unavailable .reason {
    color: #8a1c1c;
  }

  /* Wide: the text is a column of its own, so the cards lose their card look. */
  @container (min-width: 800px) {
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
      padding-left: 0.9rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .chapter {
      transition: none;
    }
  }
`;
