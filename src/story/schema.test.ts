import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storyJsonSchema, storyJsonSchemaText } from './json-schema';
import {
  basemapSchema,
  cameraSchema,
  chapterSchema,
  colorSchema,
  idSchema,
  localizedSchema,
  styleSchema,
} from './schema';

describe('ids', () => {
  it.each(['corridor', 'eco-corridor-2', 'a1'])('accepts %j', (id) => {
    expect(idSchema.safeParse(id).success).toBe(true);
  });
  it.each(['Corridor', 'eco_corridor', 'eco--corridor', '-eco', 'eco-', '', 'a b', '__proto__'])('rejects %j', (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });
});

describe('localized text', () => {
  it('takes text in any of the three languages, each with some text, at least one', () => {
    expect(localizedSchema.safeParse({ 'zh-Hant': '生態', en: 'Ecology' }).success).toBe(true);
    expect(localizedSchema.safeParse({ 'zh-Hant': '生態', 'zh-Hans': '生态', en: 'Ecology' }).success).toBe(true);
    // Which languages a text needs depends on the story's `languages`: the parser checks that.
    expect(localizedSchema.safeParse({ 'zh-Hant': '生態' }).success).toBe(true);
    expect(localizedSchema.safeParse({}).success).toBe(false);
    expect(localizedSchema.safeParse({ 'zh-Hant': '生態', en: '  ' }).success).toBe(false);
    expect(localizedSchema.safeParse({ 'zh-Hans': '' }).success).toBe(false);
    expect(localizedSchema.safeParse('Ecology').success).toBe(false);
  });

  it('rejects a language the viewer does not speak', () => {
    expect(localizedSchema.safeParse({ 'zh-Hant': '生態', en: 'Ecology', fr: 'Écologie' }).success).toBe(false);
  });
});

describe('colours', () => {
  it.each(['#2e7d32', '#fff', '#FFFA', '#2e7d3280'])('accepts %j', (color) => {
    expect(colorSchema.safeParse(color).success).toBe(true);
  });
  it.each(['2e7d32', '#2e7d3', 'green', 'rgb(0,0,0)', '#ggg', null])('rejects %j', (color) => {
    expect(colorSchema.safeParse(color).success).toBe(false);
  });
});

describe('basemap', () => {
  it.each([
    'offline',
    'https://tiles.example.org/style.json',
    'http://localhost:8080/s.json',
    './style.json',
    '../s.json',
    '/s.json',
  ])('accepts %j', (url) => {
    expect(basemapSchema.safeParse(url).success).toBe(true);
  });
  it.each(['ofline', 'style.json', 'javascript:alert(1)', '//cdn.example.org/s.json', 'ftp://x/s.json', 'https://'])(
    'rejects %j',
    (url) => {
      expect(basemapSchema.safeParse(url).success).toBe(false);
    },
  );
});

describe('style', () => {
  it('fills in every default but the colour', () => {
    expect(styleSchema.parse({ color: '#333' })).toEqual({
      color: '#333',
      fillOpacity: 0.2,
      lineWidth: 2,
      circleRadius: 5,
      label: false,
    });
  });

  it('keeps fill opacity within 0-1', () => {
    expect(styleSchema.safeParse({ color: '#333', fillOpacity: 1.5 }).success).toBe(false);
  });
});

describe('camera', () => {
  it('takes a view and fills in bearing and pitch', () => {
    expect(cameraSchema.parse({ center: [114.2, 22.56], zoom: 12.5 })).toEqual({
      center: [114.2, 22.56],
      zoom: 12.5,
      bearing: 0,
      pitch: 0,
      essential: false,
    });
  });

  it('takes a fit and fills in the padding', () => {
    expect(cameraSchema.parse({ fit: 'corridor/centre line', maxZoom: 14 })).toEqual({
      fit: 'corridor/centre line',
      padding: 40,
      maxZoom: 14,
      bearing: 0,
      pitch: 0,
      essential: false,
    });
  });

  it('takes a list of references, a box, and padding per side', () => {
    expect(cameraSchema.parse({ fit: ['corridor', 'places/7', 'measure'], padding: { left: 300 } })).toMatchObject({
      fit: ['corridor', 'places/7', 'measure'],
      padding: { left: 300 },
    });
    expect(cameraSchema.parse({ fit: [114.1, 22.4, 114.3, 22.6], essential: true })).toMatchObject({
      fit: [114.1, 22.4, 114.3, 22.6],
      essential: true,
    });
  });

  it.each([
    ['a longitude out of range', { center: [181, 0], zoom: 1 }],
    ['a latitude out of range', { center: [0, -91], zoom: 1 }],
    ['a zoom over 22', { center: [0, 0], zoom: 23 }],
    ['a pitch over 85', { center: [0, 0], zoom: 1, pitch: 86 }],
    ['a three-number center', { center: [0, 0, 0], zoom: 1 }],
    ['a view mixed with a fit', { center: [0, 0], zoom: 1, fit: 'corridor' }],
    ['a fit with an empty feature', { fit: 'corridor/' }],
    ['a fit to an unkebabed layer', { fit: 'Corridor' }],
    ['an infinite zoom', { center: [0, 0], zoom: Infinity }],
    ['an empty list to fit', { fit: [] }],
    ['a box of three numbers', { fit: [114.1, 22.4, 114.3] }],
    ['a box running east to west', { fit: [114.3, 22.4, 114.1, 22.6] }],
    ['a box with its latitudes swapped', { fit: [114.1, 22.6, 114.3, 22.4] }],
    ['a list mixing references and numbers', { fit: ['corridor', 114.2] }],
    ['a negative padding side', { fit: 'corridor', padding: { top: -1 } }],
    ['a padding side that is not one', { fit: 'corridor', padding: { middle: 10 } }],
    ['essential that is not true or false', { center: [0, 0], zoom: 1, essential: 'yes' }],
  ])('rejects %s', (_, camera) => {
    expect(cameraSchema.safeParse(camera).success).toBe(false);
  });
});

describe('chapter block', () => {
  const chapter = { id: 'one', title: { 'zh-Hant': '一', en: 'One' }, camera: { fit: 'roads' }, layers: ['roads'] };

  it('needs id, title, camera and layers', () => {
    expect(chapterSchema.safeParse(chapter).success).toBe(true);
    for (const key of ['id', 'title', 'camera', 'layers'] as const) {
      const { [key]: _, ...rest } = chapter;
      expect(chapterSchema.safeParse(rest).success, key).toBe(false);
    }
  });

  it('takes a measure from km, from a point or from the id of a point feature', () => {
    const measure = { layer: 'roads', from: 0, to: [114.2, 22.3] };
    expect(chapterSchema.parse({ ...chapter, measure }).measure).toEqual(measure);
    const named = { layer: 'roads', from: 'hung-fa-chai', to: 'Robin’s Nest 7' };
    expect(chapterSchema.parse({ ...chapter, measure: named }).measure).toEqual(named);
    for (const from of [-1, '', ' ', [1, 2, 3], { km: 2 }, true]) {
      expect(chapterSchema.safeParse({ ...chapter, measure: { layer: 'roads', from } }).success, String(from)).toBe(
        false,
      );
    }
  });

  it('accepts only http(s) source links', () => {
    const source = (url: string) => ({ ...chapter, sources: [{ title: { 'zh-Hant': '源', en: 'Source' }, url }] });
    expect(chapterSchema.safeParse(source('https://example.org/a')).success).toBe(true);
    expect(chapterSchema.safeParse(source('javascript:alert(1)')).success).toBe(false);
    expect(chapterSchema.safeParse(source('data:text/html,x')).success).toBe(false);
  });
});

describe('stories/story.schema.json', () => {
  it('is up to date with the schemas (regenerate with scripts/write-schema.ts)', () => {
    const committed = readFileSync(new URL('../../stories/story.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(storyJsonSchemaText());
  });

  it('is a draft 2020-12 schema of the front matter with the chapter block under $defs', () => {
    const schema = storyJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      $defs: { chapter: { required: string[]; properties: Record<string, unknown> } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['id', 'title']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.$defs.chapter.required).toEqual(['id', 'title', 'camera', 'layers']);
    expect(Object.keys(schema.$defs.chapter.properties)).toEqual([
      'id',
      'title',
      'camera',
      'layers',
      'highlight',
      'places',
      'measure',
      'sources',
    ]);
  });
});
