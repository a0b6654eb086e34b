import { describe, expect, it } from 'vitest';
import type { Chapter } from '../story/types.js';
import { diffTarget, targetForChapter, type MapOp, type MapTarget } from './chapter-state.js';

const LAYERS = ['corridor', 'protected-areas', 'mirs-bay', 'port-shelter', 'places'];

function chapter(
  id: string,
  layers: string[],
  zoom: number,
  highlight: Chapter['highlight'] = {},
  places: Chapter['places'] = {},
): Chapter {
  return {
    id,
    title: { 'zh-Hant': id, en: id },
    camera: { kind: 'view', center: [114 + zoom / 100, 22.5], zoom, bearing: 0, pitch: 0, essential: false },
    layers,
    highlight,
    places,
    body: { 'zh-Hant': '', en: '' },
    sources: [],
    line: 1,
    index: 0,
  };
}

const CHAPTERS = [
  chapter('corridor', ['corridor', 'protected-areas'], 12, { corridor: ['centreline'] }),
  chapter('mirs-bay', ['mirs-bay'], 10),
  chapter('port-shelter', ['port-shelter', 'places'], 11, { places: ['sai-kung'] }, { basemap: ['hebe-haven'] }),
  chapter('mirs-bay-named', ['mirs-bay', 'places'], 10, {}, { places: ['tung-ping-chau'], basemap: ['mirs-bay'] }),
  chapter('all', LAYERS, 8),
  chapter('none', [], 9),
];

/** A fake map that records only what the ops do to it, as the real map module does. */
function applyOps(
  state: {
    visible: Set<string>;
    highlight: Map<string, readonly (string | number)[]>;
    places: Map<string, readonly (string | number)[]>;
    camera?: unknown;
  },
  ops: MapOp[],
) {
  for (const op of ops) {
    if (op.op === 'visibility') {
      if (op.visible) state.visible.add(op.layer);
      else state.visible.delete(op.layer);
    } else if (op.op === 'highlight') {
      if (op.ids.length) state.highlight.set(op.layer, op.ids);
      else state.highlight.delete(op.layer);
    } else if (op.op === 'places') {
      if (op.ids.length) state.places.set(op.layer, op.ids);
      else state.places.delete(op.layer);
    } else if (op.op === 'camera') state.camera = op.camera;
  }
}

describe('diffTarget', () => {
  it('from a fresh map shows exactly the chapter layers and moves the camera', () => {
    const ops = diffTarget(undefined, targetForChapter(CHAPTERS[0]!), LAYERS);
    expect(ops).toEqual([
      { op: 'visibility', layer: 'corridor', visible: true },
      { op: 'visibility', layer: 'protected-areas', visible: true },
      { op: 'highlight', layer: 'corridor', ids: ['centreline'] },
      { op: 'camera', camera: CHAPTERS[0]!.camera },
    ]);
  });

  it('re-entering the same chapter changes nothing', () => {
    const t = targetForChapter(CHAPTERS[2]!);
    expect(diffTarget(t, targetForChapter(CHAPTERS[2]!), LAYERS)).toEqual([]);
  });

  it("labels the places a chapter names, the basemap's too, and clears them on leaving", () => {
    const enter = diffTarget(targetForChapter(CHAPTERS[1]!), targetForChapter(CHAPTERS[3]!), LAYERS);
    expect(enter).toContainEqual({ op: 'places', layer: 'places', ids: ['tung-ping-chau'] });
    expect(enter).toContainEqual({ op: 'places', layer: 'basemap', ids: ['mirs-bay'] });
    const next = diffTarget(targetForChapter(CHAPTERS[3]!), targetForChapter(CHAPTERS[2]!), LAYERS);
    expect(next).toContainEqual({ op: 'places', layer: 'places', ids: [] });
    expect(next).toContainEqual({ op: 'places', layer: 'basemap', ids: ['hebe-haven'] });
  });

  it('hides what the previous chapter showed and clears its highlights', () => {
    const ops = diffTarget(targetForChapter(CHAPTERS[0]!), targetForChapter(CHAPTERS[1]!), LAYERS);
    expect(ops).toContainEqual({ op: 'visibility', layer: 'corridor', visible: false });
    expect(ops).toContainEqual({ op: 'visibility', layer: 'protected-areas', visible: false });
    expect(ops).toContainEqual({ op: 'visibility', layer: 'mirs-bay', visible: true });
    expect(ops).toContainEqual({ op: 'highlight', layer: 'corridor', ids: [] });
  });

  it('any sequence of chapter changes ends in the last chapter state', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const state = {
        visible: new Set<string>(),
        highlight: new Map<string, readonly (string | number)[]>(),
        places: new Map<string, readonly (string | number)[]>(),
        camera: undefined as unknown,
      };
      let current: MapTarget | undefined;
      let last = CHAPTERS[0]!;
      const steps = 1 + Math.floor(random() * 12);
      for (let i = 0; i < steps; i++) {
        last = CHAPTERS[Math.floor(random() * CHAPTERS.length)]!;
        const target = targetForChapter(last);
        applyOps(state, diffTarget(current, target, LAYERS));
        current = target;
      }
      expect([...state.visible].sort()).toEqual([...last.layers].sort());
      expect(Object.fromEntries(state.highlight)).toEqual(last.highlight);
      expect(Object.fromEntries(state.places)).toEqual(last.places);
      expect(state.camera).toEqual(last.camera);
    }
  });
});

/** A chapter's target with the reader's layer toggles on top. */
const toggled = (chapter: Chapter, toggles: Record<string, boolean>) =>
  targetForChapter(chapter, new Map(Object.entries(toggles)));

describe('reader overrides and declared measurements', () => {
  it('applies reader overrides on top of the chapter layers', () => {
    expect([...toggled(CHAPTERS[1]!, { places: true, 'mirs-bay': false }).visible]).toEqual(['places']);
  });

  it('applies reader toggles on top of the chapter layers, and drops them with a plain chapter target', () => {
    const overridden = toggled(CHAPTERS[0]!, { corridor: false, places: true });
    expect([...overridden.visible].sort()).toEqual(['places', 'protected-areas']);
    const ops = diffTarget(overridden, targetForChapter(CHAPTERS[0]!), LAYERS);
    expect(ops).toEqual([
      { op: 'visibility', layer: 'corridor', visible: true },
      { op: 'visibility', layer: 'places', visible: false },
    ]);
  });

  it('draws a chapter measurement on entering its chapter and removes it on leaving', () => {
    const measured: Chapter = { ...CHAPTERS[0]!, measure: { layer: 'corridor', feature: 'centreline', from: 0 } };
    const enter = diffTarget(targetForChapter(CHAPTERS[1]!), targetForChapter(measured), LAYERS);
    expect(enter).toContainEqual({ op: 'measure', measure: measured.measure });
    const same = diffTarget(
      targetForChapter(measured),
      targetForChapter({ ...measured, measure: { ...measured.measure!, from: 0 } }),
      LAYERS,
    );
    expect(same.filter((o) => o.op === 'measure')).toEqual([]);
    const leave = diffTarget(targetForChapter(measured), targetForChapter(CHAPTERS[1]!), LAYERS);
    expect(leave).toContainEqual({ op: 'measure', measure: undefined });
  });

  it('tells measurements apart by their ends, given as km or as coordinates', () => {
    const a: Chapter = { ...CHAPTERS[0]!, measure: { layer: 'corridor', from: [114.2, 22.5] } };
    const b: Chapter = { ...CHAPTERS[0]!, measure: { layer: 'corridor', from: [114.2, 22.6] } };
    expect(diffTarget(targetForChapter(a), targetForChapter(b), LAYERS)).toEqual([
      { op: 'measure', measure: b.measure },
    ]);
  });
});
