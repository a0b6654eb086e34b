import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import { formatStretch } from '../geo/format.js';
import { localize } from '../story/lang.js';
import type { Chapter, ChapterMeasure, Lang, Story } from '../story/types.js';
import { t } from './strings.js';
import type { LayerSummary } from './summaries.js';

/** What a chapter's description is made from: the story, where the reader is, and what the map shows. */
export interface DescribedStory {
  /** The parsed story, once loaded. */
  readonly story: Story | undefined;
  /** Index of the current chapter. */
  readonly chapterIndex: number;
  /** The story's layers in the current language, with what is visible now. */
  readonly layers: readonly LayerSummary[];
}

/** What the map knows of a chapter once its layers' data is loaded (the story map). */
export interface MapFacts {
  /** The chapter's declared measurement worked out; undefined until its layer's data is loaded. */
  resolveMeasure(measure: ChapterMeasure): ResolvedMeasure | undefined;
  /** The names of the chapter's places in `lang`, as far as their data is loaded. */
  placeNames(places: Chapter['places'], lang: Lang): string[];
}

/** A chapter in words: what the live region says on entering it, and the map's accessible name in it. */
export interface ChapterDescription {
  /** Chapter title and position, the places it names, the visible layers and the measured distance. */
  announcement: string;
  /** The map canvas's name: the chapter title, its places and the visible layers. */
  label: string;
}

const LIST_LOCALES: Record<Lang, string> = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en-GB' };

/** A list of names as the language writes it: "A, B and C" (British usage, as numbers are) / "A、B及C" (Hong Kong and Mainland usage). */
function list(names: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(LIST_LOCALES[lang], { type: 'conjunction' }).format(names);
}

/**
 * Describes the map view of the current chapter from its declared state, for readers who cannot
 * see the map; `map` names its places and works out its measurement (nothing of either before the
 * map has loaded their data). English sentences are joined with a space, Chinese ones (ending in
 * "。") with none.
 * @example describeChapter(el, 'en', storyMap).announcement
 */
export function describeChapter(view: DescribedStory, lang: Lang, map: MapFacts | undefined): ChapterDescription {
  const story = view.story;
  const chapter = story?.chapters[view.chapterIndex];
  if (!story || !chapter) return { announcement: '', label: t(lang, 'mapLabel', { title: '' }) };
  const title = localize(chapter.title, lang);
  const visible = view.layers.filter((l) => l.visible).map((l) => l.title);
  const places = map?.placeNames(chapter.places, lang) ?? [];
  const n = view.chapterIndex + 1;
  const parts = [t(lang, 'announceChapter', { n, total: story.chapters.length, title })];
  const label = [t(lang, 'mapLabel', { title })];
  if (places.length > 0) {
    parts.push(t(lang, 'announcePlaces', { places: list(places, lang) }));
    label.push(t(lang, 'mapLabelPlaces', { places: list(places, lang) }));
  }
  if (visible.length > 0) {
    parts.push(t(lang, 'announceLayers', { layers: list(visible, lang) }));
    label.push(t(lang, 'mapLabelLayers', { layers: list(visible, lang) }));
  }
  const declared = chapter.measure;
  const measured = declared && map?.resolveMeasure(declared);
  if (declared && measured) {
    const layer = view.layers.find((l) => l.id === declared.layer)?.title ?? declared.layer;
    const { along } = formatStretch(measured.fromChainageMeters, measured.toChainageMeters, 0, lang);
    parts.push(t(lang, 'announceMeasure', { layer, along }));
  }
  return { announcement: parts.join(lang === 'en' ? ' ' : ''), label: label.join(lang === 'en' ? '. ' : '。') };
}
