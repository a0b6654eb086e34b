import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tileGeoJson } from './build-tiles';
import { main } from './validate';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => join(root, 'src/geo/fixtures/validate-geojson', name);

/** A story in the documented format whose layers are the given files; `chapter` adds YAML to its chapter. */
function story(files: string[], chapter = ''): string {
  const layers = files
    .map(
      (file, i) =>
        `  - id: layer-${i}\n    file: ${file}\n    title: {zh-Hant: 圖層, en: Layer}\n    style: {color: '#336699'}\n`,
    )
    .join('');
  return `---
id: test-story
title: {zh-Hant: 測試, en: Test}
defaultLang: en
layers:
${layers}---

\`\`\`chapter
id: start
title: {zh-Hant: 開始, en: Start}
camera: {center: [114.2, 22.5], zoom: 10}
layers: [${files.map((_, i) => `layer-${i}`).join(', ')}]
${chapter}\`\`\`

:::zh-Hant
內容
:::

:::en
Text
:::
`;
}

/** A throwaway project folder with stories/ and geo/, removed after each test. */
let project: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};
const putFixture = (path: string, name: string) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  copyFileSync(fixture(name), join(project, path));
};
const run = (args: string[]) => {
  const lines: string[] = [];
  const code = main(args, project, (line) => lines.push(line));
  return { code, lines };
};

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'geo-story-validate-'));
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('validate CLI', () => {
  it('passes a project whose story and layers are valid', () => {
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    putFixture('geo/basemap/land.geojson', 'good-basemap.geojson');
    put('stories/test.md', story(['../geo/summit.geojson', '../geo/basemap/land.geojson']));
    put('stories/README.md', '# Stories\n'); // documentation, not a story
    expect(run([])).toEqual({ code: 0, lines: ['3 files checked, 0 errors, 0 warnings'] });
  });

  it('reports a missing layer file at the file field of its layer in the story', () => {
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    put('stories/test.md', story(['../geo/summit.geojson', '../geo/missing.geojson']));
    expect(run([])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:11:11: error: layers[1].file: geo/missing.geojson: file not found',
        '2 files checked, 1 errors, 0 warnings',
      ],
    });
  });

  it('reports a broken layer in its own file and once more at the story layer that uses it', () => {
    putFixture('geo/bad.geojson', 'bad-longitude.geojson');
    put('stories/test.md', story(['../geo/bad.geojson']));
    const { code, lines } = run(['stories/test.md']);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'stories/test.md:7:11: error: layers[0].file: the layer file geo/bad.geojson has 1 error',
      'geo/bad.geojson:5:6: error: coordinates[1][0]: longitude 294.2 is outside [-180, 180] (WGS 84, RFC 7946 §4)',
      '2 files checked, 2 errors, 0 warnings',
    ]);
  });

  it('applies the property convention to files in geo/ only', () => {
    putFixture('geo/unnamed.geojson', 'bad-layer-properties.geojson');
    putFixture('elsewhere/unnamed.geojson', 'bad-layer-properties.geojson');
    const { code, lines } = run(['geo/unnamed.geojson', 'elsewhere/unnamed.geojson']);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'geo/unnamed.geojson:6:7: error: features[0].properties.source: missing "source" (layer features need name_zh_hant, name_en, source, confidence)',
      'geo/unnamed.geojson:6:46: error: features[0].properties.name_en: "name_en" must be a non-empty string (layer features need name_zh_hant, name_en, source, confidence)',
      '2 files checked, 2 errors, 0 warnings',
    ]);
  });

  it('checks each layer file once, however many stories use it', () => {
    putFixture('geo/bad.geojson', 'bad-ring-open.geojson');
    put('stories/a.md', story(['../geo/bad.geojson']));
    put('stories/b.md', story(['../geo/bad.geojson']));
    const { lines } = run([]);
    expect(lines.filter((l) => l.startsWith('geo/bad.geojson:8:7: error:'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('3 files checked, 3 errors, 0 warnings');
  });

  it('passes a measure between named points, or from km, on the layer it names', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    put('stories/named.md', story(['../geo/ridge.geojson'], 'measure: {layer: layer-0, from: north-peak, to: "7"}\n'));
    put('stories/km.md', story(['../geo/ridge.geojson'], 'measure: {layer: layer-0, feature: ridge, from: 0.5}\n'));
    expect(run([])).toEqual({ code: 0, lines: ['3 files checked, 0 errors, 0 warnings'] });
  });

  it('reports a measure that does not work out on its layer at the field at fault', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    const measure = 'measure: {layer: layer-0, feature: ridgeline, from: camp, to: south-peak}\n';
    put('stories/test.md', story(['../geo/ridge.geojson'], measure));
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:17:36: error: chapters[0].measure.feature: geo/ridge.geojson: no feature has the id "ridgeline"',
        'stories/test.md:17:53: error: chapters[0].measure.from: geo/ridge.geojson: the feature "camp" is a Polygon, not a Point',
        'stories/test.md:17:63: error: chapters[0].measure.to: geo/ridge.geojson: no feature has the id "south-peak"',
        '2 files checked, 3 errors, 0 warnings',
      ],
    });
  });

  it('reports a named place that is not a Point of its layer, or not a basemap label', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    const places = 'places: {layer-0: [north-peak, camp, hut], basemap: [sai-kung, atlantis]}\n';
    put('stories/test.md', story(['../geo/ridge.geojson'], places));
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:17:32: error: chapters[0].places.layer-0[1]: geo/ridge.geojson has no Point feature with the id "camp"',
        'stories/test.md:17:38: error: chapters[0].places.layer-0[2]: geo/ridge.geojson has no Point feature with the id "hut"',
        'stories/test.md:17:64: error: chapters[0].places.basemap[1]: the basemap has no label with the id "atlantis"',
        '2 files checked, 3 errors, 0 warnings',
      ],
    });
  });

  it('passes highlights of features that are in their layer, ids compared as text', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    put('stories/test.md', story(['../geo/ridge.geojson'], "highlight: {layer-0: [ridge, '7', camp]}\n"));
    expect(run([])).toEqual({ code: 0, lines: ['2 files checked, 0 errors, 0 warnings'] });
  });

  it('reports each highlight of a feature its layer does not have, at the id', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    put('stories/test.md', story(['../geo/ridge.geojson'], 'highlight:\n  layer-0: [ridge, ridgeline, 8]\n'));
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:18:20: error: chapters[0].highlight.layer-0[1]: geo/ridge.geojson: no feature has the id "ridgeline"',
        'stories/test.md:18:31: error: chapters[0].highlight.layer-0[2]: geo/ridge.geojson: no feature has the id 8',
        '2 files checked, 2 errors, 0 warnings',
      ],
    });
  });

  /** The test story with its camera replaced by `camera`. */
  const fitStory = (files: string[], camera: string, chapter = '') =>
    story(files, chapter).replace('camera: {center: [114.2, 22.5], zoom: 10}', camera);

  it('passes fits of features that are in their layers, a box and a measured stretch', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    const files = ['../geo/ridge.geojson', '../geo/summit.geojson'];
    put('stories/list.md', fitStory(files, 'camera: {fit: [layer-0/ridge, layer-0/7, layer-1/summit, layer-1]}'));
    put('stories/box.md', fitStory(files, 'camera: {fit: [114.1, 22.4, 114.3, 22.6]}'));
    put('stories/measure.md', fitStory(files, 'camera: {fit: measure}', 'measure: {layer: layer-0, from: 0.5}\n'));
    expect(run([])).toEqual({ code: 0, lines: ['5 files checked, 0 errors, 0 warnings'] });
  });

  it('reports a fit to a feature its layer does not have, at the reference, with the ids the layer has', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    put('stories/test.md', fitStory(['../geo/ridge.geojson'], 'camera:\n  fit: [layer-0/ridge, layer-0/ridgeline]'));
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:16:24: error: chapters[0].camera.fit[1]: geo/ridge.geojson: no feature has the id "ridgeline"; its ids are ridge, north-peak, 7, camp',
        '2 files checked, 1 errors, 0 warnings',
      ],
    });
  });

  it('reports a fit to a feature of another layer, naming the layer that has it', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    put(
      'stories/test.md',
      fitStory(['../geo/ridge.geojson', '../geo/summit.geojson'], 'camera: {fit: layer-0/summit}'),
    );
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:19:15: error: chapters[0].camera.fit: geo/ridge.geojson: no feature has the id "summit"; the layer "layer-1" has one: fit layer-1/summit',
        '3 files checked, 1 errors, 0 warnings',
      ],
    });
  });

  it('passes an image with alt text and its size, beside the story, with a caption and a credit', () => {
    put('stories/images/plan.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"></svg>');
    const body = '![A plan of the site](images/plan.svg "The plan"){width=800 height=450}\nDrawing: the authors';
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    put('stories/test.md', story(['../geo/summit.geojson']).replace(':::en\nText\n:::', `:::en\nText\n\n${body}\n:::`));
    expect(run(['stories/test.md'])).toEqual({ code: 0, lines: ['2 files checked, 0 errors, 0 warnings'] });
  });

  it('reports an image without alt text, size or file, of another shape, from elsewhere or inside a sentence', () => {
    put('stories/images/plan.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450"></svg>');
    const body = [
      '![](images/plan.svg){width=800 height=450}',
      '',
      '![A plan](images/plan.svg)',
      '',
      '![A plan](images/plan.svg){width=800 height=800}',
      '',
      '![A plan](images/gone.png){width=4 height=3}',
      '',
      '![A plan](http://example.org/plan.png){width=4 height=3}',
      '',
      '![A plan](images/100%.png){width=4 height=3}',
      '',
      'See ![a plan](images/plan.svg){width=800 height=450} here.',
    ].join('\n');
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    put('stories/test.md', story(['../geo/summit.geojson']).replace(':::en\nText\n:::', `:::en\n${body}\n:::`));
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:24:1: error: chapters[0].body.en: the image has no alt text: say what it shows between the brackets, ![…](file)',
        'stories/test.md:26:1: error: chapters[0].body.en: give the image its size after it, {width=1200 height=675} (of the file, or its ratio), so its space is kept while it loads',
        'stories/test.md:28:1: error: chapters[0].body.en: the image stories/images/plan.svg is 800 x 450, but its size is given as {width=800 height=800}, another shape; give {width=800 height=450}',
        'stories/test.md:30:1: error: chapters[0].body.en: the image stories/images/gone.png: file not found',
        'stories/test.md:32:1: error: chapters[0].body.en: the image "http://example.org/plan.png" must be a file beside the story (a relative path) or an https:// URL',
        'stories/test.md:34:1: error: chapters[0].body.en: the image stories/images/100%.png: file not found',
        'stories/test.md:36:5: error: chapters[0].body.en: an image stands on a line of its own, as a figure with its size after it: ![alt](file){width=1200 height=675}',
        '2 files checked, 7 errors, 0 warnings',
      ],
    });
  });

  it('reports a story file, an image file or an image over the caps of limits, naming the setting', () => {
    putFixture('geo/summit.geojson', 'good-layer.geojson');
    const svg = (w: number, h: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}"></svg>`;
    put('stories/images/huge.svg', svg(10_000, 5_000));
    put('stories/images/heavy.svg', svg(800, 450) + ' '.repeat(6 * 1024 * 1024));
    const body = [
      '![A huge plan](images/huge.svg){width=1000 height=500}',
      '',
      '![A heavy plan](images/heavy.svg){width=800 height=450}',
      '',
      '![A plan declared huge](images/huge.svg){width=10000 height=5000}',
    ].join('\n');
    put('stories/test.md', story(['../geo/summit.geojson']).replace(':::en\nText\n:::', `:::en\n${body}\n:::`));
    put(
      'stories/long.md',
      story(['../geo/summit.geojson']).replace(':::en\nText\n:::', `:::en\n${'Text. '.repeat(400_000)}\n:::`),
    );
    expect(run(['stories/test.md', 'stories/long.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:24:1: error: chapters[0].body.en: the image stories/images/huge.svg is 10000 x 5000 pixels, more than 40000000 in all (limits.imagePixels); give a smaller image',
        'stories/test.md:26:1: error: chapters[0].body.en: the image stories/images/heavy.svg is 6 MB, more than 5 MB; give a smaller file',
        'stories/test.md:28:1: error: chapters[0].body.en: the image is declared 10000 x 5000 pixels, more than 40000000 in all (limits.imagePixels): it is not loaded, its alt text stands in; give a smaller image',
        'stories/test.md:28:1: error: chapters[0].body.en: the image stories/images/huge.svg is 10000 x 5000 pixels, more than 40000000 in all (limits.imagePixels); give a smaller image',
        'stories/long.md:1: error: the story file is 2.3 MB, more than 2 MB (limits.storyBytes); move data into layer files',
        '3 files checked, 5 errors, 0 warnings',
      ],
    });
  });

  it('numbers the chapter of a measure in file order, counting a dropped chapter', () => {
    putFixture('geo/ridge.geojson', 'good-measure-layer.geojson');
    const text = story(['../geo/ridge.geojson'], 'measure: {layer: layer-0, to: ridge}\n');
    const chapter = text.slice(text.indexOf('```chapter'));
    const dropped = chapter.replace('id: start', 'id: dropped').replace('zoom: 10', 'zoom: high');
    put('stories/test.md', `${text.slice(0, text.indexOf('```chapter'))}${dropped}\n${chapter}`);
    const { code, lines } = run(['stories/test.md']);
    expect(code).toBe(1);
    expect(lines).toEqual([
      'stories/test.md:15:39: error: chapters[0].camera.zoom: expected a number from 0 to 22, got "high"',
      'stories/test.md:33:31: error: chapters[1].measure.to: geo/ridge.geojson: the feature "ridge" is a LineString, not a Point',
      '2 files checked, 2 errors, 0 warnings',
    ]);
  });

  it('does not check a measure on a layer file that has errors', () => {
    putFixture('geo/bad.geojson', 'bad-longitude.geojson');
    put('stories/test.md', story(['../geo/bad.geojson'], 'measure: {layer: layer-0, from: nowhere}\n'));
    expect(run(['stories/test.md']).lines.filter((l) => l.includes('measure'))).toEqual([]);
  });

  it('passes with warnings, reported with their positions', () => {
    putFixture('data/ring.geojson', 'warn-winding-exterior.geojson');
    expect(run(['data/ring.geojson'])).toEqual({
      code: 0,
      lines: [
        'data/ring.geojson:4:5: warning: coordinates[0]: exterior ring is clockwise; RFC 7946 §3.1.6 wants exterior rings counterclockwise and holes clockwise',
        '1 files checked, 0 errors, 1 warnings',
      ],
    });
  });

  it('reports story errors from the story parser', () => {
    put('stories/broken.md', 'no front matter here\n');
    const { code, lines } = run([]);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^stories\/broken\.md:1:1: error: /);
  });

  it('refuses arguments that are not stories or GeoJSON, and files that do not exist', () => {
    put('notes.txt', 'hello');
    expect(run(['notes.txt', 'nowhere.geojson'])).toEqual({
      code: 1,
      lines: [
        'notes.txt:1: error: not a story (.md) or GeoJSON (.geojson, .json) file',
        'nowhere.geojson:1: error: file not found',
        '2 files checked, 2 errors, 0 warnings',
      ],
    });
  });

  it('runs from the command line with exit code 1 on errors and 0 otherwise', () => {
    const cli = (file: string) =>
      // The local tsx binary, as `npx tsx` would find it, without npx's start-up cost.
      spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/validate.ts', file], {
        cwd: root,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
    const bad = cli('src/geo/fixtures/validate-geojson/bad-comment.geojson');
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toEqual([
      'src/geo/fixtures/validate-geojson/bad-comment.geojson:3:3: error: comments are not allowed in JSON',
      '1 files checked, 1 errors, 0 warnings',
    ]);
    const good = cli('src/geo/fixtures/validate-geojson/good-geometry-collection.geojson');
    expect(good.status).toBe(0);
    expect(good.stdout.trim()).toBe('1 files checked, 0 errors, 0 warnings');
  }, 30_000);
});

describe('validate CLI on PMTiles layers', () => {
  const square = (id: string, lon: number, lat: number) => ({
    type: 'Feature' as const,
    id,
    properties: {},
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [lon, lat],
          [lon + 0.01, lat],
          [lon + 0.01, lat + 0.01],
          [lon, lat],
        ],
      ],
    },
  });
  const putArchive = (path: string, lon = 114.1, lat = 22.3) => {
    const archive = tileGeoJson(
      { type: 'FeatureCollection', features: [square('lot-a', lon, lat)] },
      { minZoom: 0, maxZoom: 8, layer: 'lots' },
    );
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), archive);
  };
  const tiled = (file: string, sourceLayer = 'lots') => `${file}\n    source-layer: ${sourceLayer}`;

  it('passes an archive holding the source layer, inside the basemap area, highlighted by id', () => {
    putArchive('geo/lots.pmtiles');
    put('stories/test.md', story([tiled('../geo/lots.pmtiles')], 'highlight: {layer-0: [lot-a]}\n'));
    expect(run(['stories/test.md'])).toEqual({ code: 0, lines: ['1 files checked, 0 errors, 0 warnings'] });
  });

  it('reports a missing archive, a file that is not one, a source layer it lacks and bounds outside the area, each at its field', () => {
    putArchive('geo/lots.pmtiles');
    putArchive('geo/far.pmtiles', 120.1, 30.2);
    put('geo/text.pmtiles', 'not an archive');
    put(
      'stories/test.md',
      story([
        tiled('../geo/gone.pmtiles'),
        tiled('../geo/text.pmtiles'),
        tiled('../geo/lots.pmtiles', 'buildings'),
        tiled('../geo/far.pmtiles'),
      ]),
    );
    expect(run(['stories/test.md'])).toEqual({
      code: 1,
      lines: [
        'stories/test.md:7:11: error: layers[0].file: geo/gone.pmtiles: file not found',
        'stories/test.md:12:11: error: layers[1].file: geo/text.pmtiles: not a PMTiles archive (it does not start with "PMTiles")',
        'stories/test.md:18:19: error: layers[2].source-layer: geo/lots.pmtiles: the archive has no source layer "buildings"; its layers: lots',
        expect.stringMatching(
          /^stories\/test\.md:22:11: error: layers\[3\]\.file: geo\/far\.pmtiles: the archive's bounds \[120\.1, 30\.2, 120\.11, 30\.21\] reach outside the embedded basemap's area \[112, 21\.6, 115, 23\.6\]$/,
        ),
        '1 files checked, 4 errors, 0 warnings',
      ],
    });
  });

  it('reports the chapter fields a tiled layer cannot serve: places, measure, a fit on one feature', () => {
    putArchive('geo/lots.pmtiles');
    put(
      'stories/test.md',
      story([tiled('../geo/lots.pmtiles')], 'places: {layer-0: [lot-a]}\nmeasure: {layer: layer-0}\n').replace(
        'camera: {center: [114.2, 22.5], zoom: 10}',
        'camera: {fit: layer-0/lot-a}',
      ),
    );
    const { code, lines } = run(['stories/test.md']);
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(
        /^stories\/test\.md:\d+:\d+: error: chapters\[0\]\.camera\.fit: "layer-0" is a tiled layer: a fit frames it whole/,
      ),
      expect.stringMatching(
        /^stories\/test\.md:\d+:\d+: error: chapters\[0\]\.places\.layer-0: "layer-0" is a tiled layer/,
      ),
      expect.stringMatching(
        /^stories\/test\.md:\d+:\d+: error: chapters\[0\]\.measure\.layer: "layer-0" is a tiled layer/,
      ),
      '1 files checked, 3 errors, 0 warnings',
    ]);
  });
});
