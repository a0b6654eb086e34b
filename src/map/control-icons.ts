/**
 * Icons of the map's controls as inline SVG elements. MapLibre's stylesheet draws its control icons
 * as `data:image/svg+xml` background images, which a page whose policy allows no `data:` images
 * (`img-src 'self'`, or `default-src 'self'` alone) blocks, leaving blank buttons. So the
 * stylesheet is adopted without those images (`withoutDataImages`) and each button gets an SVG
 * element built here: built node by node, never parsed from markup (no Trusted Types sink), and
 * never a separate file, which a consumer's bundler would inline as a `data:` URL again.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One shape of an icon: a path and how it is painted. */
interface IconShape {
  d: string;
  /** `stroke`: drawn as a line in the text colour; `fill`: filled in the text colour, or `color`. */
  paint: 'stroke' | 'fill';
  color?: string;
  width?: number;
}

/** An icon: its view box and shapes. */
interface Icon {
  viewBox: string;
  shapes: IconShape[];
}

/** The icons the map's controls use. */
export const ICONS = {
  zoomIn: { viewBox: '0 0 29 29', shapes: [{ d: 'M14.5 8.5v12M8.5 14.5h12', paint: 'stroke', width: 2 }] },
  zoomOut: { viewBox: '0 0 29 29', shapes: [{ d: 'M8.5 14.5h12', paint: 'stroke', width: 2 }] },
  // A needle, north half red: it turns with the map's bearing (MapLibre rotates the icon's span).
  compass: {
    viewBox: '0 0 29 29',
    shapes: [
      { d: 'M14.5 5.5 18.5 14.5h-8z', paint: 'fill', color: '#e1393b' },
      { d: 'M10.5 14.5h8l-4 9z', paint: 'fill' },
    ],
  },
  // The letter i in a circle: the data sources.
  info: {
    viewBox: '0 0 24 24',
    shapes: [
      { d: 'M12 4.5a7.5 7.5 0 1 0 0 15a7.5 7.5 0 1 0 0-15z', paint: 'stroke', width: 1.6 },
      { d: 'M12 10.5v5.5M12 7.5v1', paint: 'stroke', width: 2 },
    ],
  },
  // A ruler: the measure control's button.
  ruler: {
    viewBox: '0 0 24 24',
    shapes: [
      { d: 'M3 16.5 16.5 3 21 7.5 7.5 21z', paint: 'stroke', width: 1.8 },
      { d: 'M7 12.5l2 2M9.5 10l1.5 1.5M12 7.5l2 2M14.5 5l1.5 1.5', paint: 'stroke', width: 1.6 },
    ],
  },
} satisfies Record<string, Icon>;

/**
 * An SVG element drawing `icon`, hidden from screen readers (the button carries the name).
 * @example button.append(iconElement(document, ICONS.ruler, 20));
 */
export function iconElement(doc: Document, icon: Icon, size?: number): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', icon.viewBox);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'geo-story-icon');
  if (size) {
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
  }
  for (const shape of icon.shapes) {
    const path = doc.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', shape.d);
    const color = shape.color ?? 'currentColor';
    if (shape.paint === 'stroke') {
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', color);
      path.setAttribute('stroke-width', String(shape.width ?? 1.5));
      path.setAttribute('stroke-linecap', 'round');
      path.setAttribute('stroke-linejoin', 'round');
    } else path.setAttribute('fill', color);
    svg.append(path);
  }
  return svg;
}

/** MapLibre's buttons that get an icon, by the class of the button. */
const NAVIGATION_ICONS: readonly [selector: string, icon: Icon][] = [
  ['.maplibregl-ctrl-zoom-in', ICONS.zoomIn],
  ['.maplibregl-ctrl-zoom-out', ICONS.zoomOut],
  ['.maplibregl-ctrl-compass', ICONS.compass],
];

/** Puts an SVG icon into each of MapLibre's navigation buttons in `container` that has none yet. */
export function addNavigationIcons(container: HTMLElement): void {
  for (const [selector, icon] of NAVIGATION_ICONS) {
    container.querySelectorAll(`${selector} .maplibregl-ctrl-icon`).forEach((span) => {
      if (!span.querySelector('svg')) span.append(iconElement(container.ownerDocument, icon));
    });
  }
}

/** Every `url(data:...)` in a stylesheet, quoted or not. */
const DATA_URL = /url\(\s*(?:"data:[^"]*"|'data:[^']*'|data:[^)]*)\s*\)/gi;

/**
 * MapLibre's stylesheet without its `data:` images (each becomes `none`), plus the rules that size
 * the SVG icons in their place.
 * @example sheet.replaceSync(withoutDataImages(maplibreCss));
 */
export function withoutDataImages(css: string): string {
  return `${css.replace(DATA_URL, 'none')}
.maplibregl-ctrl-icon > .geo-story-icon { display: block; width: 100%; height: 100%; }
.maplibregl-ctrl-attrib-button > .geo-story-icon { display: block; width: 100%; height: 100%; color: #333; }`;
}
