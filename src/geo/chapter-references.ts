import type { FeatureCollection, Geometry } from 'geojson';
import { chapterFieldPosition } from '../story/positions';
import type { Issue, Story } from '../story/types';

/**
 * The `highlight` ids of every chapter of `story` that name no feature of layer `layerId`, given
 * the layer's data, as errors located at the id (a highlight of a missing feature silently draws
 * nothing). Ids are compared as text, as the map's highlight filter compares them. `shownAs` is
 * the layer file's name in the message.
 *
 * @example
 * highlightProblems(story, 'corridor', corridorLayer, 'geo/corridor.geojson');
 * // [{ file: 'stories/gba.md', line: 270, column: 15, field: 'chapters[7].highlight.corridor[0]',
 * //    message: 'geo/corridor.geojson: no feature has the id "centerline"', severity: 'error' }]
 */
export function highlightProblems(
  story: Story,
  layerId: string,
  data: FeatureCollection<Geometry | null>,
  shownAs: string,
): Issue[] {
  const ids = new Set(data.features.flatMap((f) => (f.id === undefined ? [] : [String(f.id)])));
  return story.chapters.flatMap((chapter) =>
    (chapter.highlight[layerId] ?? []).flatMap((id, i): Issue[] => {
      if (ids.has(String(id))) return [];
      const path = ['highlight', layerId, i];
      const at = chapterFieldPosition(story, chapter, path);
      const shown = typeof id === 'number' ? String(id) : JSON.stringify(id);
      return [
        {
          file: story.file,
          ...at,
          field: `chapters[${chapter.index}].highlight.${layerId}[${i}]`,
          message: `${shownAs}: no feature has the id ${shown}`,
          severity: 'error',
        },
      ];
    }),
  );
}
