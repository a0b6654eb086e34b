/**
 * Simplified Chinese made from the Traditional an author writes: OpenCC's Hong Kong Traditional to
 * Mainland Simplified conversion, with its phrase tables (組裝合成 -> 组装合成, 乾淨 -> 干净), then
 * the Mainland's quotation marks for the corner brackets Hong Kong uses. The build converts the
 * stories it compiles; the viewer loads this module, a chunk of its own, only to show Simplified
 * text of a story it compiles itself.
 */
import { Converter } from 'opencc-js/t2cn';
import type { CompiledStory } from './compiled.js';
import { markdownToHtml } from './markdown.js';
import { storyTexts } from './story-texts.js';
import type { Story } from './types.js';

const hkToCn = Converter({ from: 'hk', to: 'cn' });

// GB/T 15834: the Mainland quotes with “ ” and ‘ ’ where Hong Kong uses 「 」 and 『 』.
const QUOTES: Record<string, string> = { '「': '“', '」': '”', '『': '‘', '』': '’' };

/**
 * Hong Kong Traditional Chinese text in Mainland Simplified Chinese.
 * @example simplify('粵港澳大灣區'); // '粤港澳大湾区'
 */
export function simplify(text: string): string {
  return hkToCn(text).replace(/[「」『』]/g, (mark) => QUOTES[mark]!);
}

/**
 * Gives every text of a story that offers Simplified Chinese and lacks it the conversion of its
 * Traditional, in place; what the author wrote in Simplified stays. Marks each chapter whose text
 * is converted now (`converted`) and returns their ids.
 */
export function simplifyStory(story: Story): string[] {
  if (!story.languages.includes('zh-Hans')) return [];
  const chapters = story.chapters.filter((chapter) => !chapter.body['zh-Hans'] && chapter.body['zh-Hant']);
  for (const text of storyTexts(story))
    if (!text['zh-Hans'] && text['zh-Hant']) text['zh-Hans'] = simplify(text['zh-Hant']);
  for (const chapter of chapters) chapter.converted = true;
  return chapters.map((chapter) => chapter.id);
}

/**
 * `simplifyStory` on a compiled story, with the HTML of each chapter it converts rendered, in place.
 * The viewer uses it for a story it compiles itself (the build's compiled stories are converted).
 */
export function simplifyCompiled(compiled: Pick<CompiledStory, 'story' | 'html'>): void {
  const { story, html } = compiled;
  if (!story) return;
  for (const id of simplifyStory(story)) {
    const chapter = story.chapters.find((c) => c.id === id)!;
    html[id] = { ...html[id], 'zh-Hans': markdownToHtml(chapter.body['zh-Hans']!) };
  }
}
