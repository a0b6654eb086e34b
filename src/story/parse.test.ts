import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_STORY_BYTES, parseStory } from './parse';
import { formatIssue, type Issue } from './types';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const parseFixture = (name: string) => parseStory(fixture(name), `stories/${name}`);
const errors = (issues: Issue[]) => issues.filter((issue) => issue.severity === 'error');

describe('a good story', () => {
  const { story, issues } = parseFixture('good/full.md');

  it('parses without issues', () => {
    expect(issues).toEqual([]);
    expect(story?.file).toBe('stories/good/full.md');
  });

  it('reads the front matter, with style defaults filled in', () => {
    expect(story).toMatchObject({
      id: 'gba-cooperation',
      title: { 'zh-Hant': '粵港深合作', en: 'Guangdong, Shenzhen and Hong Kong' },
      subtitle: { 'zh-Hant': '跨境生態廊道', en: 'A cross-border ecological corridor' },
      defaultLang: 'en',
      basemap: './styles/basemap.json',
      groups: [{ id: 'ecology', title: { 'zh-Hant': '生態', en: 'Ecology' } }],
    });
    expect(story?.layers).toEqual([
      {
        id: 'corridor',
        file: '../geo/corridor.geojson',
        title: { 'zh-Hant': '生態廊道', en: 'Ecological corridor' },
        group: 'ecology',
        style: { color: '#2e7d32', fillOpacity: 0.25, lineWidth: 3, dash: [2, 1], circleRadius: 5, label: true },
        line: 13,
      },
      {
        id: 'boundary',
        file: '../geo/boundary.geojson',
        title: { 'zh-Hant': '邊界', en: 'Boundary' },
        style: { color: '#555', fillOpacity: 0.2, lineWidth: 2, circleRadius: 5, label: false },
        line: 23,
      },
    ]);
  });

  it('reads every chapter in file order, with its block line and index', () => {
    expect(story?.chapters.map((c) => [c.id, c.line, c.index])).toEqual([
      ['corridor', 29, 0],
      ['overview', 70, 1],
      ['whole-layer', 84, 2],
    ]);
  });

  it('turns a view camera and a fit camera into typed targets', () => {
    const [corridor, overview, whole] = story!.chapters;
    expect(corridor!.camera).toEqual({
      kind: 'view',
      center: [114.2, 22.56],
      zoom: 12.5,
      bearing: 0,
      pitch: 0,
      essential: false,
    });
    const padding = { top: 40, right: 40, bottom: 40, left: 40 };
    expect(overview!.camera).toEqual({
      kind: 'fit',
      fit: [
        {
          kind: 'layer',
          layer: 'corridor',
          feature: 'centreline',
          at: { line: 73, column: 15, field: 'chapters[1].camera.fit' },
        },
      ],
      padding,
      maxZoom: 14,
      bearing: 0,
      pitch: 30,
      essential: false,
    });
    expect(whole!.camera).toEqual({
      kind: 'fit',
      fit: [{ kind: 'layer', layer: 'boundary', at: { line: 87, column: 15, field: 'chapters[2].camera.fit' } }],
      padding,
      bearing: 0,
      pitch: 0,
      essential: false,
    });
  });

  it('keeps layers, highlights, measure and sources', () => {
    const corridor = story!.chapters[0]!;
    expect(corridor.layers).toEqual(['corridor', 'boundary']);
    expect({ ...corridor.highlight }).toEqual({ corridor: ['centreline', 7] });
    expect(Object.getPrototypeOf(corridor.highlight)).toBeNull();
    expect(corridor.measure).toEqual({ layer: 'corridor', feature: 'centreline', from: 0, to: [114.25, 22.55] });
    expect(corridor.sources).toEqual([
      { title: { 'zh-Hant': '大公報', en: 'Ta Kung Pao' }, url: 'https://example.org/article' },
      { title: { 'zh-Hant': '實地考察', en: 'Field visit' } },
    ]);
    expect(story!.chapters[1]!.sources).toEqual([]);
  });

  it('takes each language text from its container, in either order, blank edges trimmed', () => {
    const [corridor, overview] = story!.chapters;
    expect(corridor!.body['zh-Hant']).toBe(
      '廊道連接深圳梧桐山與香港紅花嶺。\n\n| 段 | 長度 |\n|----|------|\n| A  | 5 km |',
    );
    // A ::: line inside a code fence is code, not the end of the container.
    expect(corridor!.body.en).toBe(
      "The corridor links Wutong Mountain in Shenzhen with Robin's Nest in Hong Kong.\n\n```md\n:::\nnot a container end inside a code fence\n```",
    );
    expect(overview!.body).toEqual({ 'zh-Hant': '全景。', en: 'Overview text.' });
  });
});

describe('defaults', () => {
  it('fills in the default language, basemap, groups and layers', () => {
    const { story, issues } = parseFixture('good/minimal.md');
    expect(issues).toEqual([]);
    expect(story).toMatchObject({ defaultLang: 'zh-Hant', basemap: 'offline', groups: [], layers: [] });
    expect(story?.subtitle).toBeUndefined();
  });
});

describe('line endings and encodings', () => {
  it('gives the same story for CRLF, lone CR and a byte order mark', () => {
    const lf = parseStory(fixture('good/full.md'), 'a.md');
    const crlf = parseStory(`\uFEFF${fixture('good/full.md').replace(/\n/g, '\r\n')}`, 'a.md');
    const cr = parseStory(fixture('good/full.md').replace(/\n/g, '\r'), 'a.md');
    expect(crlf).toEqual(lf);
    expect(cr).toEqual(lf);
    expect(crlf.story?.chapters[0]?.body.en).not.toContain('\r');
  });

  it('reports the same line and column in a CRLF file with a BOM', () => {
    const { issues } = parseStory(`\uFEFF${fixture('bad/zoom-not-number.md').replace(/\n/g, '\r\n')}`, 'a.md');
    expect(issues.map((i) => [i.line, i.column, i.field])).toEqual([[31, 9, 'chapters[1].camera.zoom']]);
  });
});

/** A bad fixture, the issue an author must see there (its message by a fragment), and whether a story is still shown. */
interface BadFixture {
  fixture: string;
  line: number;
  column?: number;
  field: string;
  message: string;
  severity?: Issue['severity'];
  keepsStory: boolean;
}

// The table lives beside the fixtures, one line per file.
const badFixtures = JSON.parse(fixture('bad/expected-issues.json')) as BadFixture[];

describe('dashing only some features of a layer', () => {
  const { story, issues } = parseFixture('good/dash-where.md');

  it("reads dashWhere as one property and its value, keeping the value's type, with the legend label", () => {
    expect(issues).toEqual([]);
    expect(story?.layers.map((l) => l.style)).toEqual([
      {
        color: '#D55E00',
        fillOpacity: 0.2,
        lineWidth: 2,
        dash: [2, 1.5],
        dashWhere: { property: 'mode', value: 'sea' },
        dashLabel: { 'zh-Hant': '海路', en: 'by sea' },
        circleRadius: 5,
        label: false,
      },
      {
        color: '#0072B2',
        fillOpacity: 0.2,
        lineWidth: 2,
        dash: [1, 1],
        dashWhere: { property: 'seasonal', value: true },
        dashLabel: { 'zh-Hant': '季節航線', en: 'seasonal' },
        circleRadius: 5,
        label: false,
      },
    ]);
  });
});

describe('every form of fit', () => {
  const { story, issues } = parseFixture('good/fit-forms.md');
  const [list, box, measured] = story?.chapters.map((c) => c.camera) ?? [];

  it('parses without issues', () => {
    expect(issues).toEqual([]);
  });

  it('reads a list of references, each located, with padding given per side (a side left out is 0)', () => {
    expect(list).toMatchObject({
      kind: 'fit',
      fit: [
        {
          kind: 'layer',
          layer: 'corridor',
          feature: 'centreline',
          at: { line: 20, column: 9, field: 'chapters[0].camera.fit[0]' },
        },
        {
          kind: 'layer',
          layer: 'places',
          feature: 'sha-tau-kok',
          at: { line: 20, column: 30, field: 'chapters[0].camera.fit[1]' },
        },
      ],
      padding: { top: 20, right: 0, bottom: 80, left: 0 },
      essential: false,
    });
  });

  it('reads four numbers as a box, and an essential move', () => {
    expect(box).toMatchObject({
      kind: 'fit',
      fit: [{ kind: 'bbox', bbox: [114.1, 22.45, 114.3, 22.6] }],
      essential: true,
    });
  });

  it("reads fit: measure as the chapter's measured stretch", () => {
    expect(measured).toMatchObject({
      kind: 'fit',
      fit: [
        {
          kind: 'measure',
          measure: { layer: 'corridor', feature: 'centreline', from: 1, to: 2.5 },
          at: { line: 51, column: 15, field: 'chapters[2].camera.fit' },
        },
      ],
      padding: { top: 10, right: 10, bottom: 10, left: 10 },
      maxZoom: 15,
    });
  });
});

describe('a broken story', () => {
  it.each(badFixtures.map((bad) => [bad.fixture, bad] as const))(
    '%s is reported where it is wrong',
    (name, { keepsStory, ...expected }) => {
      const { story, issues } = parseFixture(`bad/${name}`);
      expect(issues).toContainEqual({
        file: `stories/bad/${name}`,
        line: expected.line,
        ...(expected.column !== undefined && { column: expected.column }),
        field: expected.field,
        message: expect.stringContaining(expected.message),
        severity: expected.severity ?? 'error',
      });
      expect(story !== undefined).toBe(keepsStory);
    },
  );

  it('reports nothing twice for a misspelt key it can explain', () => {
    const { issues } = parseFixture('bad/misspelt-zoom.md');
    expect(errors(issues).map((i) => i.field)).toEqual(['chapters[0].camera.zom']);
  });

  it('formats an issue the way the element and the CLI print it', () => {
    const { issues } = parseFixture('bad/zoom-not-number.md');
    expect(issues.map(formatIssue)).toEqual([
      'stories/bad/zoom-not-number.md:31:9: error: chapters[1].camera.zoom: expected a number from 0 to 22, got "high"',
    ]);
  });

  it('drops only the broken chapter and keeps the others', () => {
    expect(parseFixture('bad/zoom-not-number.md').story?.chapters.map((c) => c.id)).toEqual(['first']);
    expect(parseFixture('bad/duplicate-chapter.md').story?.chapters.map((c) => c.title.en)).toEqual(['One']);
    // The chapter after an unclosed container is still read, and keeps its number in the file.
    expect(parseFixture('bad/unclosed-container.md').story?.chapters.map((c) => [c.id, c.index])).toEqual([
      ['second', 1],
    ]);
  });

  it('does not read the rest of the file as YAML after an unclosed chapter block', () => {
    const { issues } = parseFixture('bad/unclosed-chapter-block.md');
    expect(errors(issues)).toHaveLength(1);
  });

  it('lists issues top to bottom', () => {
    const { issues } = parseFixture('bad/empty-front-matter.md');
    const lines = issues.map((i) => i.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines.length).toBeGreaterThan(2);
  });
});

describe('warnings', () => {
  const { story, issues } = parseFixture('bad/warnings.md');

  it('keep the story whole', () => {
    expect(errors(issues)).toEqual([]);
    expect(story?.chapters.map((c) => c.id)).toEqual(['first']);
    expect(story?.groups.map((g) => g.id)).toEqual(['empty']);
  });

  it('name stray text, empty groups, repeated layers and hidden highlights', () => {
    expect(issues.map((i) => [i.line, i.column, i.field, i.severity])).toEqual([
      [5, 9, 'groups[0].id', 'warning'],
      [18, 1, '', 'warning'],
      [24, 17, 'chapters[0].layers[1]', 'warning'],
      [26, 3, 'chapters[0].highlight.rail', 'warning'],
      [37, 1, '', 'warning'],
    ]);
    expect(issues[0]!.message).toBe('no layer is in the group "empty", so it shows as an empty heading');
    expect(issues[1]!.message).toContain('text outside a chapter is ignored');
  });
});

describe('hostile input', () => {
  it('does not let a highlight key named __proto__ reach any prototype', () => {
    parseFixture('bad/highlight-proto.md');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('0');
  });

  it('refuses a file over the size cap without parsing it', () => {
    const big = `---\nid: big\n---\n${'x'.repeat(MAX_STORY_BYTES)}`;
    const { story, issues } = parseStory(big, 'big.md');
    expect(story).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ line: 1, field: '', message: 'the file is 2.0 MB; a story file may be at most 2 MB' }),
    ]);
  });

  it('counts the cap in UTF-8 bytes, not characters', () => {
    // 800 000 three-byte characters are 2.4 MB although the string is shorter than the cap.
    const { issues } = parseStory(`---\n---\n${'粵'.repeat(800_000)}`, 'cjk.md');
    expect(issues[0]?.message).toContain('2.3 MB');
  });

  it('stops an alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `---\nid: bomb\ntitle: {zh-Hant: 炸, en: Bomb}\n${levels.join('\n')}\n---\n`;
    const started = Date.now();
    const { story, issues } = parseStory(text, 'bomb.md');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(story).toBeUndefined();
    expect(issues[0]).toMatchObject({ line: 2, field: '', message: expect.stringContaining('alias') });
  });
});

describe('a layer drawn from a PMTiles archive', () => {
  const story = (layers: string) =>
    parseStory(
      `---\nid: tiles\ntitle: {zh-Hant: 圖塊, en: Tiles}\nlayers:\n${layers}---\n\n\`\`\`chapter\nid: one\ntitle: {zh-Hant: 一, en: One}\ncamera: {center: [114.1, 22.3], zoom: 10}\nlayers: [land]\n\`\`\`\n\n:::zh-Hant\n陸地。\n:::\n\n:::en\nLand.\n:::\n`,
      'stories/tiles.md',
    );
  const layer = (extra: string, file = 'land.pmtiles') =>
    `  - id: land\n    file: ${file}\n${extra}    title: {zh-Hant: 陸地, en: Land}\n    style: {color: '#2e7d32'}\n`;

  it('reads the source layer it draws', () => {
    const { story: s, issues } = story(layer('    source-layer: land\n'));
    expect(issues).toEqual([]);
    expect(s?.layers[0]).toMatchObject({ file: 'land.pmtiles', sourceLayer: 'land' });
  });

  it('asks for the source layer of an archive, and refuses one on a GeoJSON layer, at the field', () => {
    expect(errors(story(layer('')).issues)).toEqual([
      expect.objectContaining({
        line: 5,
        field: 'layers[0].source-layer',
        message: 'missing; expected the source-layer a PMTiles layer draws, e.g. source-layer: buildings',
      }),
    ]);
    expect(errors(story(layer('    source-layer: land\n', 'land.geojson')).issues)).toEqual([
      expect.objectContaining({
        line: 7,
        column: 19,
        field: 'layers[0].source-layer',
        message: expect.stringContaining('source-layer is for PMTiles archives'),
      }),
    ]);
  });
});
