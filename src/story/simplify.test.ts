import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileStory } from './compile.js';
import { parseStory } from './parse.js';
import { simplify, simplifyCompiled, simplifyStory } from './simplify.js';
import { storyTexts } from './story-texts.js';

// Characters written only in Traditional Chinese; none may be left in converted text.
const TRADITIONAL_ONLY = /[粵組區與灣護線這發會規劃們來個對說時還將經過寫讓國際島嶺廣鵬東門點]/;

describe('simplify', () => {
  it.each([
    ['粵港深合作：由組裝合成到美麗海灣', '粤港深合作：由组装合成到美丽海湾'],
    ['工程建設標準、跨境生態廊道與大鵬灣共治', '工程建设标准、跨境生态廊道与大鹏湾共治'],
    [
      '香港發展局與廣東省住房和城鄉建設廳簽署《粵港工程建設標準化協同合作協議書》，建立兩地工程建設標準化協同工作機制。',
      '香港发展局与广东省住房和城乡建设厅签署《粤港工程建设标准化协同合作协议书》，建立两地工程建设标准化协同工作机制。',
    ],
    [
      '「組裝合成」建築法（MiC）把建築物分成模塊在工廠預製，再運到工地裝嵌，是粵港近年合作的重點。',
      '“组装合成”建筑法（MiC）把建筑物分成模块在工厂预制，再运到工地装嵌，是粤港近年合作的重点。',
    ],
    [
      '由大梧桐（海拔943.7米）南下，越過伯公坳的邊界鞍部，經紅花寨到紅花嶺山頂（492米），全長約5.5公里。',
      '由大梧桐（海拔943.7米）南下，越过伯公坳的边界鞍部，经红花寨到红花岭山顶（492米），全长约5.5公里。',
    ],
    [
      '這片水域的保育早有討論：這裏曾建議設立面積1,000公頃的海岸公園，但計劃於2012年擱置。',
      '这片水域的保育早有讨论：这里曾建议设立面积1,000公顷的海岸公园，但计划于2012年搁置。',
    ],
    [
      '特區政府會全力配合國家「雙碳」目標，加快綠色轉型，並在2050年前實現碳中和。',
      '特区政府会全力配合国家“双碳”目标，加快绿色转型，并在2050年前实现碳中和。',
    ],
    ['《MiMEP「香港標準」》', '《MiMEP“香港标准”》'],
  ])('converts %j', (traditional, simplified) => {
    expect(simplify(traditional)).toBe(simplified);
  });

  it('leaves Simplified text, Latin text, numbers and Markdown as they are', () => {
    const text = '地图上的[线](https://example.org/a_b) **只是** 示意：APEC 2026，`code`';
    expect(simplify(text)).toBe(text);
  });
});

const story = (languages: string, chapterTwo = ':::zh-Hant\n第二章與灣區。\n:::') => `---
id: three
title: {zh-Hant: 粵港合作, en: Cooperation}
${languages}
layers:
  - id: roads
    file: roads.geojson
    title: {zh-Hant: 道路與口岸, en: Roads}
    style: {color: "#333", dash: [2, 1], dashWhere: {mode: sea}, dashLabel: {zh-Hant: 躉船海路, zh-Hans: 驳船海路, en: By sea}}
---

\`\`\`chapter
id: first
title: {zh-Hant: 組裝合成, en: Modules}
camera: {center: [114.2, 22.5], zoom: 9}
layers: [roads]
sources:
  - title: {zh-Hant: 大公報, en: Ta Kung Pao}
\`\`\`

:::zh-Hant
「組裝合成」組件經口岸運到香港。
:::

:::en
Modules cross the boundary.
:::

\`\`\`chapter
id: second
title: {zh-Hant: 第二章, zh-Hans: 第二章（简）, en: Two}
camera: {center: [114.2, 22.5], zoom: 9}
layers: [roads]
\`\`\`

${chapterTwo}

:::zh-Hans
第二章由作者以简体写成。
:::

:::en
Two.
:::
`;

describe('simplifyStory', () => {
  it('fills in every Simplified text the author left out, keeps what the author wrote, and marks converted chapters', () => {
    const parsed = parseStory(story('languages: [zh-Hant, zh-Hans, en]'), 'three.md');
    expect(parsed.issues).toEqual([]);
    const s = parsed.story!;
    expect(simplifyStory(s)).toEqual(['first']);
    expect(s.title['zh-Hans']).toBe('粤港合作');
    expect(s.layers[0]!.title['zh-Hans']).toBe('道路与口岸');
    expect(s.layers[0]!.style.dashLabel!['zh-Hans']).toBe('驳船海路');
    const [first, second] = s.chapters;
    expect(first!.title['zh-Hans']).toBe('组装合成');
    expect(first!.body['zh-Hans']).toBe('“组装合成”组件经口岸运到香港。');
    expect(first!.sources[0]!.title['zh-Hans']).toBe('大公报');
    expect(first!.converted).toBe(true);
    expect(second!.title['zh-Hans']).toBe('第二章（简）');
    expect(second!.body['zh-Hans']).toBe('第二章由作者以简体写成。');
    expect(second!.converted).toBeUndefined();
    for (const text of storyTexts(s)) expect(text['zh-Hans']).not.toMatch(TRADITIONAL_ONLY);
  });

  it('converts nothing in a story that does not offer Simplified Chinese', () => {
    const s = parseStory(story('', ''), 'two.md').story!;
    expect(simplifyStory(s)).toEqual([]);
    expect(s.title['zh-Hans']).toBeUndefined();
    expect(s.chapters[0]!.converted).toBeUndefined();
  });

  it('renders the HTML of the chapters it converts', () => {
    const compiled = compileStory(story('languages: [zh-Hant, zh-Hans, en]'), 'three.md');
    expect(compiled.html.first!['zh-Hans']).toBeUndefined();
    simplifyCompiled(compiled);
    expect(compiled.html.first!['zh-Hans']).toBe('<p>“组装合成”组件经口岸运到香港。</p>\n');
    expect(compiled.html.second!['zh-Hans']).toBe('<p>第二章由作者以简体写成。</p>\n');
  });
});

describe('the default story in Simplified Chinese', () => {
  const file = new URL('../../stories/gba-cooperation.md', import.meta.url);
  const compiled = compileStory(readFileSync(file, 'utf8'), 'stories/gba-cooperation.md', simplifyStory);

  it('is offered, and every text of it is in Simplified characters', () => {
    const s = compiled.story!;
    expect(s.languages).toEqual(['zh-Hant', 'zh-Hans', 'en']);
    for (const text of storyTexts(s)) {
      expect(text['zh-Hans'], text['zh-Hant']).toBeTruthy();
      expect(text['zh-Hans']).not.toMatch(TRADITIONAL_ONLY);
    }
    for (const chapter of s.chapters) expect(compiled.html[chapter.id]!['zh-Hans']).not.toMatch(TRADITIONAL_ONLY);
  });
});
