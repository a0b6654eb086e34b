import { css } from 'lit';

/**
 * What every element of the viewer starts from: the text colour, font and accent colour of the
 * host, `hidden` that hides, border-box sizing, and the 24 x 16 legend swatch.
 */
export const baseStyles = css`
  :host {
    color: var(--geo-story-text-color, #1d2327);
    font-family: var(--geo-story-font-family, system-ui, 'Noto Sans CJK TC', 'Noto Sans TC', sans-serif);
    --_accent: var(--geo-story-accent-color, #0b6e4f);
    /* The focus ring: 10:1 on white, 7.5:1 on the map's sea. */
    --_focus: #0b3d91;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .swatch {
    flex: none;
    width: 24px;
    height: 16px;
  }
`;
