import type { FeatureCollection, Geometry } from 'geojson';
import type { Issue, Story } from '../story/types';
import { resolveFit } from './fit-bounds';

/**
 * The `camera.fit` references of every chapter of `story` to layer `layerId` that frame nothing on
 * its data: a feature id the layer does not have (naming the layer that has it, when another of
 * the story's loaded layers does) or a layer with nothing to fit. Each is an error located at the
 * reference, since the camera would silently frame the rest, or stay where it was. `data(id)` gives
 * each loaded layer's data; `shownAs` is the layer file's name in the message.
 *
 * @example
 * fitProblems(story, 'corridor', (id) => loaded.get(id), 'geo/corridor.geojson');
 * // [{ file: 'stories/gba.md', line: 250, column: 8, field: 'chapters[6].camera.fit',
 * //    message: 'geo/corridor.geojson: no feature has the id "robins-nest"; the layer "protected-areas" has one: fit protected-areas/robins-nest',
 * //    severity: 'error' }]
 */
export function fitProblems(
  story: Story,
  layerId: string,
  data: (layerId: string) => FeatureCollection<Geometry | null> | undefined,
  shownAs: string,
): Issue[] {
  const layers = story.layers.map((l) => l.id);
  return story.chapters.flatMap((chapter) => {
    if (chapter.camera.kind !== 'fit') return [];
    const targets = chapter.camera.fit.filter((t) => t.kind === 'layer' && t.layer === layerId);
    return resolveFit(targets, data, layers).problems.map(({ at, message }): Issue => ({
      file: story.file,
      line: at.line,
      column: at.column,
      field: at.field,
      message: `${shownAs}: ${message}`,
      severity: 'error',
    }));
  });
}
