import type { Lang } from '../story/types.js';

/** Every piece of interface text a reader sees, in each language the viewer speaks. */
export const STRINGS = {
  'zh-Hant': {
    languageGroup: '語言',
    languageName: '繁體中文',
    languageShort: '繁',
    loadingStory: '正在載入故事……',
    loadingMap: '正在載入地圖……',
    mapFailed: '地圖無法顯示：',
    storyFailed: '故事無法載入',
    storyProblems: '故事檔案有以下問題：',
    chapters: '章節',
    sources: '資料來源',
    previous: '上一章',
    next: '下一章',
    mapLabel: '地圖：{title}',
    chapterOf: '第 {n} 章，共 {total} 章：{title}',
    progress: '{n} / {total}',
    scrollHint: '向下捲動閱讀，地圖會隨章節移動。',
  },
  en: {
    languageGroup: 'Language',
    languageName: 'English',
    languageShort: 'EN',
    loadingStory: 'Loading the story…',
    loadingMap: 'Loading the map…',
    mapFailed: 'The map cannot be shown: ',
    storyFailed: 'The story could not be loaded',
    storyProblems: 'The story file has these problems:',
    chapters: 'Chapters',
    sources: 'Sources',
    previous: 'Previous chapter',
    next: 'Next chapter',
    mapLabel: 'Map: {title}',
    chapterOf: 'Chapter {n} of {total}: {title}',
    progress: '{n} / {total}',
    scrollHint: 'Scroll down to read; the map follows the chapters.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A key of the interface strings. */
export type StringKey = keyof (typeof STRINGS)['en'];

/**
 * Interface text in `lang`, with `{name}` placeholders filled in.
 * @example t('en', 'chapterOf', { n: 2, total: 9, title: 'Mirs Bay' })
 */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
