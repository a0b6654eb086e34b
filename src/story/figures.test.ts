import { describe, expect, it } from 'vitest';
import { compileStory } from './compile';
import { chapterImages, readFigureSize } from './figures';
import { limits } from './limits';
import { isAllowedImageSrc } from './image-src';

describe('figure syntax', () => {
  it('reads a declared size, quoted or not, and says what is wrong with another', () => {
    expect(readFigureSize('width=1200 height=480')).toEqual({ width: 1200, height: 480 });
    expect(readFigureSize('height="9" width=\'16\'')).toEqual({ width: 16, height: 9 });
    expect(readFigureSize(undefined)).toEqual({ problem: 'missing' });
    expect(readFigureSize('width=1200')).toMatchObject({ problem: expect.stringContaining('needs both') });
    expect(readFigureSize('width=0 height=4')).toMatchObject({ problem: expect.stringContaining('needs both') });
    expect(readFigureSize('width=4 height=3 class=big')).toMatchObject({
      problem: expect.stringContaining('more than'),
    });
  });

  it('allows files beside the story and https URLs only', () => {
    expect(
      ['images/a.png', './a.svg', '../a.jpg', '/site/a.png', 'https://example.org/a.png'].map(isAllowedImageSrc),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['http://example.org/a.png', '//example.org/a.png', 'data:image/png;base64,AA', 'javascript:alert(1)'].map(
        isAllowedImageSrc,
      ),
    ).toEqual([false, false, false, false]);
  });

  it('finds images in lists and links too, and not in code', () => {
    const text =
      '- ![a](a.png){width=1 height=1}\n\n[![b](b.png)](https://example.org/)\n\n`![c](c.png)`\n\n```\n![d](d.png)\n```';
    expect(chapterImages(text).images.map((i) => i.src)).toEqual(['a.png', 'b.png']);
  });
});

describe('figures over limits.imagePixels', () => {
  const story = [
    '---',
    'id: big-image',
    'title: {zh-Hant: 大圖, en: A big image}',
    'defaultLang: en',
    '---',
    '',
    '```chapter',
    'id: one',
    'title: {zh-Hant: 一, en: One}',
    'camera: {center: [114.2, 22.5], zoom: 10}',
    'layers: []',
    '```',
    '',
    ':::zh-Hant',
    '![海灣](bay.png){width=12000 height=8000}',
    ':::',
    '',
    ':::en',
    'Before.',
    '',
    '![The bay](bay.png){width=1200 height=800}',
    ':::',
    '',
  ].join('\n');

  it('are not loaded: the alt text stands in, and the problem is listed at its line and field', () => {
    const { html, issues } = compileStory(story, 'stories/big-image.md');
    expect(html.one!['zh-Hant']).not.toContain('<img');
    expect(html.one!['zh-Hant']).toContain('海灣');
    expect(html.one!.en).toContain('<img src="bay.png"');
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'stories/big-image.md',
        line: 15,
        field: 'chapters[0].body.zh-Hant',
        severity: 'error',
        message: expect.stringContaining('12000 x 8000 pixels, more than 40000000 in all (limits.imagePixels)'),
      }),
    ]);
  });

  it('follow the setting, and npm run validate reports them too', () => {
    const saved = limits.imagePixels;
    limits.imagePixels = 1000 * 800;
    try {
      expect(chapterImages('![The bay](bay.png){width=1200 height=800}').problems).toEqual([
        { offset: 0, message: expect.stringContaining('more than 800000 in all (limits.imagePixels)') },
      ]);
      expect(chapterImages('![The bay](bay.png){width=1000 height=800}').problems).toEqual([]);
    } finally {
      limits.imagePixels = saved;
    }
  });
});
