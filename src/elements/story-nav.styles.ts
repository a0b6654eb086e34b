import { css } from 'lit';

/**
 * The chapter navigation over the map's top-left corner (`story-nav.ts`): previous / next buttons
 * and the contents button in a row, the progress bar under them, and the contents opening below.
 * It sits in the overlay, above the chapter cards that pass over the map on narrow screens.
 */
export const storyNavStyles = css`
  .story-nav {
    position: relative;
    max-width: 100%;
    pointer-events: auto;
    background: var(--_card);
    border-radius: 4px;
    padding: 0.2rem 0.3rem;
    font-size: 0.85rem;
    box-shadow: 0 1px 3px rgba(0, 0, 0, 0.2);
  }
  .story-nav .steps {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  .steps span {
    white-space: nowrap;
    padding: 0 0.1rem;
  }
  .steps button {
    font: inherit;
    color: inherit;
    border: 1px solid #9aa7b0;
    background: #fff;
    border-radius: 3px;
    padding: 0 0.45rem;
    cursor: pointer;
    min-width: 1.9rem;
    min-height: 1.7rem;
  }
  .steps button:disabled {
    /* Dimmed, but its arrow stays readable (3:1 and more on the card). */
    color: #6b7780;
    border-color: #ccd3d8;
    cursor: default;
  }
  .steps .contents-toggle {
    margin-left: 0.25rem;
  }
  .steps .contents-toggle[aria-expanded='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: #fff;
  }
  /* One segment per chapter, each at least 24 px wide and tall (WCAG 2.2, 2.5.8); the bar inside is thinner. */
  ol.progress {
    display: flex;
    flex-wrap: wrap;
    list-style: none;
    margin: 0.15rem 0 0;
    padding: 0;
  }
  ol.progress li {
    flex: 1 0 24px;
  }
  ol.progress button {
    position: relative;
    display: block;
    width: 100%;
    height: 24px;
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
    cursor: pointer;
  }
  ol.progress button::before {
    content: '';
    position: absolute;
    left: 2px;
    right: 2px;
    top: 9px;
    height: 6px;
    border-radius: 3px;
    /* Chapters ahead: grey at 3:1 on the card (WCAG 2.2, 1.4.11); read and current: the accent. */
    background: #7d8990;
  }
  ol.progress li:has(~ li > [aria-current]) button::before,
  ol.progress button[aria-current]::before {
    background: var(--_accent);
  }
  ol.progress button[aria-current]::before {
    top: 6px;
    height: 12px;
  }
  ol.progress button:focus-visible {
    outline-offset: -1px;
  }
  ol.contents {
    position: absolute;
    left: 0;
    top: calc(100% + 0.25rem);
    width: max-content;
    max-width: min(24rem, calc(100cqw - 4rem));
    max-height: calc(var(--_map-h) - 8rem);
    overflow-y: auto;
    list-style: none;
    margin: 0;
    padding: 0.25rem 0;
    background: #fff;
    border-radius: 4px;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25);
  }
  ol.contents[hidden] {
    display: none;
  }
  ol.contents button {
    display: flex;
    gap: 0.5rem;
    width: 100%;
    min-height: 2rem;
    align-items: baseline;
    text-align: start;
    font: inherit;
    font-size: 0.9rem;
    line-height: 1.35;
    color: inherit;
    border: 0;
    border-left: 4px solid transparent;
    background: transparent;
    padding: 0.35rem 0.75rem 0.35rem 0.5rem;
    cursor: pointer;
  }
  ol.contents button:hover {
    background: #eef2f4;
  }
  ol.contents button[aria-current] {
    border-left-color: var(--_accent);
    font-weight: 600;
  }
  ol.contents .n {
    flex: none;
    min-width: 1.4em;
    color: #56626b;
    font-variant-numeric: tabular-nums;
  }
`;
