import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../story/parse.js';
import { groupLayers, layerGroups, layerSummaries, panelLayers } from './layer-summaries.js';

const FILE = 'tests/fixtures/stories/reader-controls.md';
const story = parseStory(readFileSync(resolve(import.meta.dirname, '../..', FILE), 'utf8'), FILE).story!;

/** What `<geo-story>.layers` says of the story in English, with only the corridor on, before the data is in. */
const summaries = layerSummaries(
  story,
  'en',
  (id) => id === 'corridor',
  () => [],
);

describe('layerSummaries', () => {
  it('gives each layer its title in the language asked for, its state, its group and its geometry, in story order', () => {
    expect(
      layerSummaries(
        story,
        'zh-Hant',
        (id) => id !== 'places',
        (id) => (id === 'places' ? ['point'] : []),
      ),
    ).toEqual([
      { id: 'corridor', title: '生態廊道', visible: true, group: 'ecology', geometry: [] },
      { id: 'protected-areas', title: '郊野公園及風景名勝區', visible: true, group: 'ecology', geometry: [] },
      { id: 'mirs-bay', title: '大鵬灣', visible: true, group: 'sea', geometry: [] },
      { id: 'boundary', title: '港深界線', visible: true, geometry: [] },
      { id: 'places', title: '地名', visible: false, geometry: ['point'] },
    ]);
  });
});

describe('panelLayers', () => {
  it('gives each summary its layer style, in story order', () => {
    const layers = panelLayers(story, summaries);
    expect(layers.map((l) => l.id)).toEqual(['corridor', 'protected-areas', 'mirs-bay', 'boundary', 'places']);
    expect(layers[0]).toEqual({ ...summaries[0], style: story.layers[0]!.style });
  });

  it('leaves out a summary of a layer the story does not have', () => {
    expect(panelLayers(story, [{ id: 'elsewhere', title: '', visible: true, geometry: [] }])).toEqual([]);
  });
});

describe('layerGroups', () => {
  it('titles the groups in the language asked for, in story order', () => {
    expect(layerGroups(story, 'en')).toEqual([
      { id: 'ecology', title: 'Ecology' },
      { id: 'sea', title: 'Bays' },
    ]);
    expect(layerGroups(story, 'zh-Hant').map((g) => g.title)).toEqual(['生態', '海灣']);
  });
});

describe('groupLayers', () => {
  const layers = panelLayers(story, summaries);

  it('puts layers under their groups, in group order, and the rest last under "other"', () => {
    const grouped = groupLayers(layers, layerGroups(story, 'en'), 'Other');
    expect(grouped.map((g) => [g.title, g.layers.map((l) => l.id)])).toEqual([
      ['Ecology', ['corridor', 'protected-areas']],
      ['Bays', ['mirs-bay']],
      ['Other', ['boundary', 'places']],
    ]);
  });

  it('leaves out empty groups, and gives ungrouped layers no heading when there are no groups', () => {
    expect(groupLayers(layers.slice(3), layerGroups(story, 'en'), 'Other').map((g) => g.title)).toEqual(['Other']);
    expect(groupLayers(layers, [], 'Other')).toEqual([{ title: '', layers }]);
  });
});
