import { localize } from '../story/lang.js';
import type { GeometryKind } from '../map/legend.js';
import type { Lang, Story } from '../story/types.js';
import type { LayerFailure } from './layer-failures.js';
import { t } from './strings.js';
import type { LayerGroupSummary, LayerSummary, PanelLayer } from './summaries.js';

/** A heading of the layer panel and the layers under it. */
export interface PanelGroup {
  /** Heading; empty when the layers have no groups at all. */
  title: string;
  layers: PanelLayer[];
}

/**
 * The story's layers as the host page sees them, in story order: title in `lang`, whether each is
 * visible now, its group, the kinds of geometry in its data, and why it is unavailable if it is.
 * @example layerSummaries(story, 'en', (id) => isLayerVisible(id), (id) => map?.layerKinds(id) ?? [], (id) => failures.get(id))
 */
export function layerSummaries(
  story: Story,
  lang: Lang,
  visible: (id: string) => boolean,
  kinds: (id: string) => GeometryKind[],
  failed: (id: string) => Pick<LayerFailure, 'kind'> | undefined = () => undefined,
): LayerSummary[] {
  return story.layers.map((l) => {
    const failure = failed(l.id);
    return {
      id: l.id,
      title: localize(l.title, lang),
      visible: !failure && visible(l.id),
      ...(l.group ? { group: l.group } : {}),
      geometry: kinds(l.id),
      ...(failure ? { unavailable: t(lang, failure.kind === 'missing' ? 'layerMissing' : 'layerInvalid') } : {}),
    };
  });
}

/**
 * The story's layers as the layer panel and the chapter legends show them: each summary with the
 * style its swatch is drawn from, in story order.
 * @example panelLayers(story, element.layers)
 */
export function panelLayers(story: Story, summaries: readonly LayerSummary[]): PanelLayer[] {
  return summaries.flatMap((summary) => {
    const layer = story.layers.find((l) => l.id === summary.id);
    return layer ? [{ ...summary, style: layer.style }] : [];
  });
}

/**
 * The story's layer groups, in panel order, with their headings in `lang`.
 * @example layerGroups(story, 'en') // [{ id: 'ecology', title: 'Ecology' }, ...]
 */
export function layerGroups(story: Story, lang: Lang): LayerGroupSummary[] {
  return story.groups.map((g) => ({ id: g.id, title: localize(g.title, lang) }));
}

/**
 * Layers by group, in the groups' order; layers without a known group come last, under `other`
 * (or under no heading when there are no groups at all). Empty groups are left out.
 * @example groupLayers(layers, groups, t(lang, 'layersOther'))
 */
export function groupLayers(
  layers: readonly PanelLayer[],
  groups: readonly LayerGroupSummary[],
  other: string,
): PanelGroup[] {
  const grouped: PanelGroup[] = groups.map((g) => ({ title: g.title, layers: layers.filter((l) => l.group === g.id) }));
  const rest = layers.filter((l) => !l.group || !groups.some((g) => g.id === l.group));
  if (rest.length) grouped.push({ title: grouped.length ? other : '', layers: rest });
  return grouped.filter((g) => g.layers.length > 0);
}
