import { css } from 'lit';
import { baseStyles } from './base.styles.js';

/** The panel's own styles: a compact card that stays readable at 320 px. */
const panelStyles = css`
  :host {
    display: block;
    font-size: 0.875rem;
    line-height: 1.35;
  }
  .panel {
    background: var(--geo-story-layers-background, #ffffff);
    border-radius: 6px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
    max-width: min(20rem, 100%);
  }
  .toggle {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    width: 100%;
    font: inherit;
    font-weight: 600;
    color: inherit;
    background: transparent;
    border: 0;
    border-radius: 6px;
    padding: 0.45rem 0.7rem;
    min-height: 2.25rem;
    cursor: pointer;
    text-align: start;
  }
  .toggle svg {
    flex: none;
    transition: transform 0.15s;
  }
  .toggle[aria-expanded='true'] svg {
    transform: rotate(90deg);
  }
  .body {
    padding: 0 0.7rem 0.6rem;
    max-height: var(--geo-story-layers-max-height, 60vh);
    overflow-y: auto;
  }
  .body[hidden] {
    display: none;
  }
  h2 {
    font-size: inherit;
    margin: 0.5rem 0 0.25rem;
  }
  fieldset {
    border: 0;
    margin: 0.35rem 0 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: #56626b;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    padding: 0.2rem 0;
    min-height: 1.9rem;
    cursor: pointer;
  }
  /* The dashed features of a layer (dashWhere), under its swatch: not a checkbox of its own. */
  .dash-key {
    display: flex;
    align-items: center;
    gap: 0.45rem;
    margin: -0.2rem 0 0.2rem 1.5rem;
    font-size: 0.85em;
    color: #39464f;
  }
  input {
    flex: none;
    width: 1.05rem;
    height: 1.05rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  /* A layer whose file could not be loaded or is invalid: listed, never ticked, with the reason. */
  label.unavailable {
    cursor: not-allowed;
  }
  label.unavailable span {
    text-decoration: line-through;
  }
  .reason {
    margin: -0.2rem 0 0.2rem 1.5rem;
    font-size: 0.8em;
    color: #8a1c1c;
  }
  .note {
    margin: 0.4rem 0 0;
    font-size: 0.75rem;
    color: #56626b;
  }
  .toggle:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 1px #fff;
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
`;

/** Styles of `<geo-story-layers>`: the shared base and the panel card. */
export const geoStoryLayersStyles = [baseStyles, panelStyles];
