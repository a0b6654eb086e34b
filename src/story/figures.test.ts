import { describe, expect, it } from 'vitest';
import { chapterImages, readFigureSize } from './figures';
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
