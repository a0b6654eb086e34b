import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { dashedSwatch, legendSwatch, type GeometryKind, type LegendSwatch } from '../map/legend.js';
import { localize } from '../story/lang.js';
import type { Lang, LayerStyle } from '../story/types.js';

/**
 * A layer's 24 x 16 legend swatch as inline SVG, drawn from its style and the kinds of geometry in
 * its data. Decorative: the layer title beside it is the label.
 * @example html`<li>${layerSwatch(layer.style, kinds)}<span>${title}</span></li>`
 */
export function layerSwatch(style: LayerStyle, kinds: readonly GeometryKind[]): TemplateResult {
  return swatch(legendSwatch(style, kinds));
}

/**
 * The legend key to the features a layer dashes with `dashWhere`: a dashed swatch and the layer's
 * `dashLabel`, for the caller to put in its own list item; undefined for other layers, whose one
 * swatch says it all. With `dashWhere` the layer's own swatch is the solid one.
 * @example const key = dashKey(layer.style, kinds, lang); html`${key ? html`<li>${key}</li>` : nothing}`
 */
export function dashKey(style: LayerStyle, kinds: readonly GeometryKind[], lang: Lang): TemplateResult | undefined {
  const dashed = dashedSwatch(style, kinds);
  if (!dashed) return undefined;
  return html`${swatch(dashed.swatch)}<span>${localize(dashed.label, lang)}</span>`;
}

/** The one swatch template: `<svg class="swatch">` (sized by the base styles) around its shapes. */
function swatch(s: LegendSwatch): TemplateResult {
  return html`<svg class="swatch" viewBox="0 0 24 16" aria-hidden="true">${shapes(s)}</svg>`;
}

/** Polygon fill with outline, line stroke (dashed as on the map), and / or a dot. */
function shapes(s: LegendSwatch): SVGTemplateResult {
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
