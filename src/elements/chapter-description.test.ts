import { describe, expect, it } from 'vitest';
import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import type { Chapter, Story } from '../story/types.js';
import { describeChapter, type MapFacts } from './chapter-description.js';
import type { LayerSummary } from './summaries.js';

function chapter(id: string, zh: string, en: string, layers: string[], measure?: Chapter['measure']): Chapter {
  return {
    id,
    title: { 'zh-Hant': zh, en },
    camera: { kind: 'view', center: [114.2, 22.5], zoom: 10, bearing: 0, pitch: 0, essential: false },
    layers,
    highlight: {},
    places: {},
    body: { 'zh-Hant': '', en: '' },
    sources: [],
    ...(measure ? { measure } : {}),
    line: 1,
    index: 0,
  } as Chapter;
}

const story = {
  chapters: [
    chapter('bay', '大鵬灣', 'Mirs Bay', ['bay', 'boundary']),
    chapter('corridor', '生態走廊', 'The corridor', ['corridor'], { layer: 'corridor' }),
    chapter('end', '完', 'The end', []),
  ],
} as unknown as Story;

const layers = (titles: Record<string, string>, visible: string[]): LayerSummary[] =>
  Object.entries(titles).map(([id, title]) => ({ id, title, visible: visible.includes(id), geometry: [] }));
const EN = { bay: 'Mirs Bay', boundary: 'Boundary', corridor: 'Ecological corridor' };
const ZH = { bay: '大鵬灣', boundary: '邊界', corridor: '生態走廊' };
const measured = {
  alongMeters: 5550,
  straightMeters: 5240,
  fromChainageMeters: 0,
  toChainageMeters: 5550,
} as ResolvedMeasure;
/** A map that has loaded nothing yet: no places, no measurement. */
const bare: MapFacts = { resolveMeasure: () => undefined, placeNames: () => [] };
/** A map with the corridor's data: the measurement, and places named in each language. */
const loaded: MapFacts = {
  resolveMeasure: () => measured,
  placeNames: (places, lang) =>
    Object.values(places)
      .flat()
      .map(
        (id) =>
          (lang === 'en'
            ? { bay: 'Mirs Bay', sk: 'Sai Kung', ping: 'Tung Ping Chau' }
            : { bay: '大鵬灣', sk: '西貢', ping: '東平洲' })[id as 'bay'],
      ),
};

describe('describeChapter', () => {
  it('names the chapter, its place in the story and the visible layers, in each language', () => {
    const view = (l: LayerSummary[]) => ({ story, chapterIndex: 0, layers: l });
    expect(describeChapter(view(layers(EN, ['bay', 'boundary'])), 'en', bare)).toEqual({
      announcement: 'Chapter 1 of 3: Mirs Bay. On the map: Mirs Bay and Boundary.',
      label: 'Map: Mirs Bay. Showing Mirs Bay and Boundary',
    });
    expect(describeChapter(view(layers(ZH, ['bay', 'boundary'])), 'zh-Hant', bare)).toEqual({
      announcement: '第 1 章，共 3 章：大鵬灣。地圖顯示：大鵬灣及邊界。',
      label: '地圖：大鵬灣。顯示大鵬灣及邊界',
    });
  });

  it('adds the measured distance once the measurement is worked out', () => {
    const view = { story, chapterIndex: 1, layers: layers(EN, ['corridor']) };
    expect(describeChapter(view, 'en', bare).announcement).toBe(
      'Chapter 2 of 3: The corridor. On the map: Ecological corridor.',
    );
    expect(describeChapter(view, 'en', loaded).announcement).toBe(
      'Chapter 2 of 3: The corridor. On the map: Ecological corridor. Measured along Ecological corridor: 5.55 km.',
    );
    const zh = { story, chapterIndex: 1, layers: layers(ZH, ['corridor']) };
    expect(describeChapter(zh, 'zh-Hant', loaded).announcement).toBe(
      '第 2 章，共 3 章：生態走廊。地圖顯示：生態走廊。沿生態走廊量度：5.55 公里。',
    );
  });

  it("names the chapter's places in the reader's language, before the layers", () => {
    const placed = {
      ...story,
      chapters: [{ ...story.chapters[0]!, places: { basemap: ['bay', 'sk'], places: ['ping'] } }],
    };
    const view = (l: LayerSummary[]) => ({ story: placed as Story, chapterIndex: 0, layers: l });
    expect(describeChapter(view(layers(EN, ['bay'])), 'en', loaded)).toEqual({
      announcement: 'Chapter 1 of 1: Mirs Bay. Places: Mirs Bay, Sai Kung and Tung Ping Chau. On the map: Mirs Bay.',
      label: 'Map: Mirs Bay. Places: Mirs Bay, Sai Kung and Tung Ping Chau. Showing Mirs Bay',
    });
    expect(describeChapter(view(layers(ZH, ['bay'])), 'zh-Hant', loaded)).toEqual({
      announcement: '第 1 章，共 1 章：大鵬灣。地點：大鵬灣、西貢及東平洲。地圖顯示：大鵬灣。',
      label: '地圖：大鵬灣。地點：大鵬灣、西貢及東平洲。顯示大鵬灣',
    });
    expect(describeChapter(view(layers(EN, ['bay'])), 'en', bare).announcement).toBe(
      'Chapter 1 of 1: Mirs Bay. On the map: Mirs Bay.',
    );
  });

  it('says only the chapter when no story layer is visible, and nothing before a story', () => {
    expect(describeChapter({ story, chapterIndex: 2, layers: layers(EN, []) }, 'en', bare)).toEqual({
      announcement: 'Chapter 3 of 3: The end.',
      label: 'Map: The end',
    });
    expect(describeChapter({ story: undefined, chapterIndex: 0, layers: [] }, 'en', bare).announcement).toBe('');
  });
});
