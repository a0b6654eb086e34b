import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CircleLayerSpecification, LayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import type { LngLat } from '../story/types.js';
import type { PathOnLines } from './measure-lines.js';

// Only MapLibre's types: sources, layers and features are plain objects, built and tested without a map.

/** Colours of measurements on the map; the along-corridor stretch stands out from every story colour. */
const MEASURE_COLORS = { along: '#c2185b', path: '#1d2327', handle: '#ffffff', casing: '#ffffff' } as const;

/** Source ids: the reader's path, and the chapter's declared measurement. */
export const MEASURE_SOURCE = { reader: 'geo-story-measure', chapter: 'geo-story-chapter-measure' } as const;

/** What a measurement feature is, for the layer that draws it. */
type Role = 'along' | 'path' | 'end' | 'point';

/** A layer's drawing, without the id, source and role filter that `roleLayer` adds. */
type Drawing =
  Omit<LineLayerSpecification, 'id' | 'source' | 'filter'> | Omit<CircleLayerSpecification, 'id' | 'source' | 'filter'>;

/** An empty collection: what a measure source holds when there is nothing to draw. */
export const NOTHING: FeatureCollection = { type: 'FeatureCollection', features: [] };

const ROUND = { 'line-cap': 'round', 'line-join': 'round' } as const;

/** The snapped ends of a stretch along a corridor. */
const END: Drawing = {
  type: 'circle',
  paint: {
    'circle-color': MEASURE_COLORS.along,
    'circle-radius': 5,
    'circle-stroke-color': MEASURE_COLORS.casing,
    'circle-stroke-width': 2,
  },
};

function roleLayer(source: string, role: Role, drawing: Drawing, name: string = role): LayerSpecification {
  return { ...drawing, id: `${source}:${name}`, source, filter: ['==', ['get', 'role'], role] };
}

/**
 * The MapLibre layers of both measure sources, bottom to top: the reader's stretch along a
 * corridor (cased), its straight path, the snapped ends and the point handles; then the
 * chapter's declared stretch, dashed and uncased over the corridor's own colour so the layer
 * stays recognisable, and its ends.
 * @example measureLayers().forEach((l) => map.addLayer(l));
 */
export function measureLayers(): LayerSpecification[] {
  const { reader, chapter } = MEASURE_SOURCE;
  return [
    roleLayer(
      reader,
      'along',
      { type: 'line', layout: ROUND, paint: { 'line-color': MEASURE_COLORS.casing, 'line-width': 9 } },
      'along-casing',
    ),
    roleLayer(reader, 'along', {
      type: 'line',
      layout: ROUND,
      paint: { 'line-color': MEASURE_COLORS.along, 'line-width': 5 },
    }),
    roleLayer(reader, 'path', {
      type: 'line',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': MEASURE_COLORS.path, 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    }),
    roleLayer(reader, 'end', END),
    roleLayer(reader, 'point', {
      type: 'circle',
      paint: {
        'circle-color': MEASURE_COLORS.handle,
        'circle-radius': 5.5,
        'circle-stroke-color': MEASURE_COLORS.path,
        'circle-stroke-width': 2.5,
      },
    }),
    roleLayer(chapter, 'along', {
      type: 'line',
      layout: ROUND,
      paint: { 'line-color': MEASURE_COLORS.along, 'line-width': 3, 'line-dasharray': [1.5, 1] },
    }),
    roleLayer(chapter, 'end', END),
  ];
}

function drawn(role: Role, geometry: Geometry): Feature {
  return { type: 'Feature', properties: { role }, geometry };
}

/**
 * The features of the reader's path: once it has two points its straight path, and, when both
 * ends snapped, the stretch along the corridor and its ends; a handle on every point throughout.
 * @example readerFeatures(points, measureOnLines(points, lines));
 */
export function readerFeatures(points: readonly LngLat[], result: PathOnLines | undefined): FeatureCollection {
  const along = points.length >= 2 ? result?.along : undefined;
  const features: Feature[] = [];
  if (along) features.push(drawn('along', along));
  if (points.length >= 2) features.push(drawn('path', { type: 'LineString', coordinates: [...points] }));
  if (along && result?.ends)
    for (const end of result.ends) features.push(drawn('end', { type: 'Point', coordinates: end }));
  for (const p of points) features.push(drawn('point', { type: 'Point', coordinates: p }));
  return { type: 'FeatureCollection', features };
}

/**
 * The features of a chapter's declared measurement: the stretch of line and its two ends.
 * @example chapterFeatures(resolveChapterMeasure(chapter.measure, data));
 */
export function chapterFeatures(m: ResolvedMeasure): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      drawn('along', m.slice),
      drawn('end', { type: 'Point', coordinates: m.from }),
      drawn('end', { type: 'Point', coordinates: m.to }),
    ],
  };
}
