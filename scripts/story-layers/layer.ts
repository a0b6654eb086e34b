/**
 * One output layer and its features. Every feature carries a string `id`, `name_zh_hant`,
 * `name_zh_hans`, `name_en`, `source` and `confidence`; its geometry is wound and rounded as
 * RFC 7946 asks.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { simplify } from '../../src/story/simplify.js';
import { areaKm2, roundLine, roundPosition, roundTo, windRings } from '../lib/geometry.js';
import type { Place } from './places-file.js';

/** The properties every story-layer feature has, before any of its own. */
export type LayerProperties = Record<string, unknown> & {
  name_zh_hant: string;
  /** The Simplified Chinese name; converted from `name_zh_hant` when not given. */
  name_zh_hans?: string;
  name_en: string;
  source: string;
  confidence: string;
};

/** A layer file geo/<name>.geojson and its features, in order. */
export interface Layer {
  name: string;
  features: Feature[];
}

/** What one builder makes: its layer, and the lines it adds to the printed report of lengths and areas. */
export interface LayerBuild {
  layer: Layer;
  report: string[];
}

/** Rings of fewer than four positions (after rounding) are not rings (RFC 7946 section 3.1.6). */
const isRing = (ring: unknown[]): boolean => ring.length >= 4;

/** A geometry wound (exterior counter-clockwise, holes clockwise), rounded to 6 decimals, without the repeats rounding makes. */
function finishGeometry<G extends Geometry>(g: G): G {
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: roundPosition(g.coordinates) };
    case 'LineString':
      return { ...g, coordinates: roundLine(g.coordinates) };
    case 'Polygon':
      return { ...g, coordinates: windRings(g.coordinates).map(roundLine).filter(isRing) };
    case 'MultiPolygon':
      return {
        ...g,
        coordinates: g.coordinates.map((p) => windRings(p).map(roundLine).filter(isRing)).filter((p) => p.length > 0),
      };
    default:
      throw new Error(`unexpected geometry ${g.type}`);
  }
}

/** One output feature, string id first, its Simplified Chinese name beside its Traditional one. */
export function layerFeature<G extends Geometry>(id: string, geometry: G, properties: LayerProperties): Feature<G> {
  const { name_zh_hant, name_zh_hans, ...rest } = properties;
  const named = { name_zh_hant, name_zh_hans: name_zh_hans ?? simplify(name_zh_hant), ...rest };
  return { type: 'Feature', id, properties: named, geometry: finishGeometry(geometry) };
}

/** Where a point stands: on land or on water (tests/geography.test.ts checks it against the ground). */
export type Ground = 'land' | 'water';

/**
 * A point feature at a place of places.json: the names shown, a kind and its ground, then the
 * place's own name, source and confidence. Shown by the place's own name, it takes the sheet's
 * Simplified name (Mainland usage: 沙头角口岸, not a conversion of 沙頭角管制站) too.
 */
export function placePoint(
  id: string,
  place: Place,
  shown: { name_zh_hant: string; name_en: string; kind: string; on?: Ground; extra?: Record<string, unknown> },
): Feature {
  return layerFeature(
    id,
    { type: 'Point', coordinates: place.point },
    {
      name_zh_hant: shown.name_zh_hant,
      ...(shown.name_zh_hant === place.name_zh_hant && place.name_zh_hans && { name_zh_hans: place.name_zh_hans }),
      name_en: shown.name_en,
      kind: shown.kind,
      on: shown.on ?? 'land',
      ...shown.extra,
      detail_en: place.name_en,
      source: place.source,
      confidence: place.confidence,
    },
  );
}

/** A layer's file content: a FeatureCollection with one feature per line, so diffs stay readable. */
export function layerText(features: Feature[]): string {
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${body}\n]}\n`;
}

/** A report line comparing an area with its reference figure (null when none is published). */
export function areaLine(
  label: string,
  f: Feature<Polygon | MultiPolygon>,
  referenceKm2: number | null,
  note = '',
): string {
  const a = areaKm2(f);
  const pct = referenceKm2 ? `${roundTo((a / referenceKm2) * 100, 1)}%` : 'n/a';
  return `${label}: Turf ${roundTo(a, 2)} km2; reference ${referenceKm2 ?? 'none'} km2; ${pct} ${note}`.trim();
}
