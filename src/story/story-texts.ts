import type { Localized, Story } from './types.js';

/** Every piece of text of a story, front matter and chapters, bodies included (the objects themselves). */
export function storyTexts(story: Story): Localized[] {
  return [
    story.title,
    ...(story.subtitle ? [story.subtitle] : []),
    ...story.groups.map((group) => group.title),
    ...story.layers.flatMap((layer) => [layer.title, ...(layer.style.dashLabel ? [layer.style.dashLabel] : [])]),
    ...story.chapters.flatMap((chapter) => [chapter.title, chapter.body, ...chapter.sources.map((s) => s.title)]),
  ];
}

/** Whether the story offers Simplified Chinese and some of it is still to be converted from the Traditional. */
export function needsSimplified(story: Story): boolean {
  return story.languages.includes('zh-Hans') && storyTexts(story).some((text) => !text['zh-Hans'] && !!text['zh-Hant']);
}
