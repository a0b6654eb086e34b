import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSanitised } from '../compile-story.js';
import { prerendered } from './prerender-story.js';

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/stories/three-chapters.md');

describe('prerendered story', () => {
  it('holds the title and every chapter, heading and text, in the language asked for', () => {
    const compiled = compileSanitised(readFileSync(FIXTURE, 'utf8'), 'three-chapters.md');
    const html = prerendered(compiled, 'en');
    expect(html).toMatch(
      /^<div slot="prerendered" lang="en"><h1>Hills and bays: three places shared by Shenzhen and Hong Kong<\/h1>/,
    );
    expect(html.match(/<section data-prerendered-chapter=/g)).toHaveLength(compiled.story!.chapters.length);
    const first = compiled.story!.chapters[0]!;
    expect(html).toContain(`<h2>${first.title.en!.replace(/'/g, '&#39;')}</h2>`);
    expect(html).toContain(compiled.html[first.id]!.en);
    expect(prerendered(compiled, 'zh-Hant')).toContain('lang="zh-Hant-HK"><h1>山與海：深港三個地方</h1>');
  });

  it('holds a story offering Simplified Chinese in it, converted by the build where the author left it', () => {
    const file = 'stories/gba-cooperation.md';
    const html = prerendered(
      compileSanitised(readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8'), file),
      'zh-Hans',
    );
    expect(html).toMatch(/^<div slot="prerendered" lang="zh-Hans-CN"><h1>粤港深合作：由组装合成到美丽海湾<\/h1>/);
    expect(html).toContain('<h2>粤港携手订立工程建设标准</h2>');
    // Characters written only in Traditional Chinese: none is left in the title, headings or text.
    expect(html).not.toMatch(/[粵組區與灣護線這發會們來個對說時還將經過寫讓國際島嶺廣鵬東門點]/u);
  });

  it('escapes titles and carries chapter text only as sanitised', () => {
    const text = readFileSync(FIXTURE, 'utf8')
      .replace("'Hills and bays: three places shared by Shenzhen and Hong Kong'", '"<script>alert(1)</script> & co"')
      .replace(/:::en\n/, ':::en\n<img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">link</a>\n\n');
    const html = prerendered(compileSanitised(text, 'hostile.md'), 'en');
    expect(html).toContain('<h1>&#60;script&#62;alert(1)&#60;/script&#62; &#38; co</h1>');
    // Raw HTML in chapter text is shown as the text it is, never as markup.
    expect(html).toContain('&lt;img src="x" onerror="alert(2)"&gt; &lt;a href="javascript:alert(3)"&gt;link&lt;/a&gt;');
    expect(html).not.toMatch(/<img|<a |<script/);
  });

  it('points the images of chapter text at the story’s folder, as the element resolves them', () => {
    const text = readFileSync(FIXTURE, 'utf8').replace(
      /:::en\n/,
      ':::en\n![A plan](images/plan.svg){width=4 height=3}\n\n![A photo](https://example.org/a.png){width=4 height=3}\n\n',
    );
    const html = prerendered(compileSanitised(text, 'stories/walks/a.md'), 'en');
    expect(html).toContain('<img src="stories/walks/images/plan.svg" alt="A plan" width="4" height="3"');
    expect(html).toContain('<img src="https://example.org/a.png" alt="A photo"');
  });

  it('renders nothing for a file that is no story', () => {
    expect(prerendered(compileSanitised('no front matter here', 'x.md'), 'en')).toBe('');
  });
});
