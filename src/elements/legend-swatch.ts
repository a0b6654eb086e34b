import { svg, type SVGTemplateResult } from 'lit';
import type { LegendSwatch } from '../map/legend.js';

/**
 * A 24 x 16 legend swatch as inline SVG: polygon fill with outline, line stroke (dashed as on the
 * map), and / or a dot, from `legendSwatch`. Decorative: the layer title beside it is the label.
 * @example html`<svg class="swatch" viewBox="0 0 24 16">${swatchShapes(legendSwatch(style, kinds))}</svg>`
 */
export function swatchShapes(s: LegendSwatch): SVGTemplateResult {
  return svg`${
    s.fill
      ? svg`<rect x="2" y="2" width="20" height="12" rx="2" fill=${s.fill.color} fill-opacity=${s.fill.opacity}
        stroke=${s.fill.color} stroke-width=${s.fill.outlineWidth} stroke-dasharray=${s.fill.dash ?? 'none'} />`
      : ''
  }${
    s.line
      ? svg`<line x1="2" y1="8" x2="22" y2="8" stroke=${s.line.color} stroke-width=${s.line.width}
        stroke-dasharray=${s.line.dash ?? 'none'} stroke-linecap=${s.line.dash ? 'butt' : 'round'} />`
      : ''
  }${
    s.circle
      ? svg`<circle cx="12" cy="8" r=${s.circle.radius} fill=${s.circle.color} stroke="#ffffff" stroke-width="1.5" />`
      : ''
  }`;
}
