import { css } from 'lit';

/**
 * The measure control the map adds to `<geo-story>`: its toggle under the zoom buttons, the
 * readout and the centre cross. While measuring on a narrow screen the chapter cards, the chapter
 * navigation and the layer panel step aside, so the whole map can be clicked.
 */
export const measureControlStyles = css`
  .layout:has(.geo-story-measuring) :is(.text, .story-nav, geo-story-layers) {
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
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
    box-shadow: 0 0 0 1px #fff;
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
  /* Docked elsewhere when a measured point lies under it (MeasurePanel.keepClear): top left below
     the chapter navigation and the layer button (on a wide map; a narrow one hides them while
     measuring), bottom right above the attribution. */
  .maplibregl-ctrl-top-left .geo-story-measure-readout.maplibregl-ctrl {
    margin: 7.5rem 0 0 0.5rem;
  }
  .maplibregl-ctrl-bottom-right .geo-story-measure-readout.maplibregl-ctrl {
    margin: 0 10px 6px 0;
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

  @container (min-width: 800px) {
    .layout:has(.geo-story-measuring) :is(.text, .story-nav, geo-story-layers) {
      visibility: visible;
    }
  }
`;
