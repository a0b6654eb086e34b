import { emit } from '../events/emit.js';
import { targetForChapter } from '../map/chapter-state.js';
import type { StoryMapOptions } from '../map/story-map.js';
import type { Chapter, Lang, Story } from '../story/types.js';
import type { LayerFailures } from './layer-failures.js';
import type { LayerOverrides } from './layer-overrides.js';
import { measureText } from './measure-text.js';
import { t } from './strings.js';

/** Where a story's new map starts and whom it tells: the current chapter, the reader's toggles, the host. */
export interface MapStart {
  /** The element that fires the map's events. */
  host: HTMLElement;
  story: Story;
  storyUrl: string;
  chapter: Chapter;
  overrides: LayerOverrides;
  lang: Lang;
  /** The `basemap` attribute; the story's own basemap when empty. */
  basemap: string;
  /** The map's accessible name for the chapter. */
  label: string;
  /** Where the chapter card lies over the map. */
  frame?: StoryMapOptions['frame'];
  /** Says something in the host's live region. */
  announce: (text: string) => void;
  /** What the host reports of the story's layers: one that could not be drawn, chapters naming features it lacks. */
  failures: Pick<LayerFailures, 'add' | 'addReferences' | 'addMapProblem'>;
}

/** Whether the reader asked for reduced motion: camera changes then jump instead of flying. */
export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Everything a new map of the story needs but its container and how long it may wait for data;
 * its problems go to the host's problem list (and `geo-story-error`), its measurements are fired
 * on the host as `geo-story-measure`.
 * @example storyMapOptions({ host, story, storyUrl, chapter, overrides: new Map(), lang: 'en', basemap: '', label, announce })
 */
export function storyMapOptions(start: MapStart): Omit<StoryMapOptions, 'container' | 'dataWaitMs'> {
  const { host, story, lang } = start;
  return {
    story,
    storyUrl: start.storyUrl,
    lang,
    basemap: start.basemap || story.basemap,
    initial: targetForChapter(start.chapter, start.overrides),
    reducedMotion,
    ...(start.frame && { frame: start.frame }),
    label: start.label,
    onError: start.failures.addMapProblem,
    onLayerError: start.failures.add,
    onReferenceErrors: start.failures.addReferences,
    measureText: measureText(lang, story),
    onMeasure: (detail) => emit(host, 'geo-story-measure', detail),
    onMeasureMode: (active) => start.announce(t(lang, active ? 'measureOn' : 'measureOff')),
  };
}
