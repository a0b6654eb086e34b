import type { FeatureCollection } from 'geojson';
import { highlightProblems } from '../geo/chapter-references.js';
import { fitProblems } from '../geo/fit-references.js';
import type { Issue, Story } from '../story/types.js';

/**
 * The chapters' `highlight` ids and `camera.fit` references that name features a loaded layer
 * lacks, by layer id (layers with none are left out). Worked out once every layer's data is in,
 * so a fit naming a feature of another layer can say which layer has it.
 * @example for (const [id, issues] of referenceProblems(story, (id) => loaded.get(id))) report(id, issues);
 */
export function referenceProblems(
  story: Story,
  data: (layerId: string) => FeatureCollection | undefined,
): Map<string, Issue[]> {
  const problems = new Map<string, Issue[]>();
  for (const layer of story.layers) {
    const loaded = data(layer.id);
    if (!loaded) continue;
    const issues = [
      ...highlightProblems(story, layer.id, loaded, layer.file),
      ...fitProblems(story, layer.id, data, layer.file),
    ];
    if (issues.length > 0) problems.set(layer.id, issues);
  }
  return problems;
}
