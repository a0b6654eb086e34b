import { css } from 'lit';

/**
 * `<geo-story>` on paper: the title, then every chapter in order with its still map image (made by
 * `preparePrint()`, shown only here), text, measurement, legend and sources. The live map, the
 * controls over it, the reading hint and the language switch are left out; cards lose their card
 * look and the gaps that let the map show between them on screen.
 */
export const printStyles = css`
  .print-map {
    display: none;
  }

  @media print {
    .layout,
    .layout.scroller {
      display: block;
      height: auto;
      overflow: visible;
    }
    .map-box,
    .overlay,
    .skip,
    .end,
    .hint,
    .toolbar {
      display: none;
    }
    .text,
    .layout:has(.geo-story-measuring) .text {
      visibility: visible;
      padding: 0;
    }
    header,
    .chapter {
      max-width: none;
      margin: 0 0 1.5rem;
      padding: 0;
      background: none;
      box-shadow: none;
      border: 0;
      color: #000;
    }
    .chapter h2 {
      break-after: avoid;
    }
    .print-map {
      display: block;
      margin: 0 0 0.75rem;
      break-inside: avoid;
    }
    .print-map canvas {
      display: block;
      width: auto;
      height: auto;
      max-width: 100%;
      max-height: 11cm;
      border: 1px solid #9aa7b0;
    }
    ul.legend {
      break-inside: avoid;
    }
  }
`;
