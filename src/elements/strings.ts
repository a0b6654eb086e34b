import type { Lang } from '../story/types.js';

/** Every piece of interface text a reader sees, in each language the viewer speaks. */
export const STRINGS = {
  'zh-Hant': {
    languageGroup: '語言',
    languageName: '繁體中文',
    loadingStory: '正在載入故事……',
    loadingMap: '正在載入地圖……',
    mapFailed: '地圖無法顯示：',
    mapWhenNear: '捲動到這裡時會顯示地圖',
    mapWaiting: '正在等候載入地圖……',
    storyFailed: '故事無法載入',
    storyProblems: '故事檔案有以下問題：',
    chapters: '章節',
    sources: '資料來源',
    previous: '上一章',
    next: '下一章',
    mapLabel: '地圖：{title}',
    mapLabelLayers: '地圖：{title}。顯示{layers}',
    announceChapter: '第 {n} 章，共 {total} 章：{title}。',
    announceLayers: '地圖顯示：{layers}。',
    announceMeasure: '沿{layer}量度：{along}。',
    progress: '{n} / {total}',
    scrollHint: '向下捲動閱讀，地圖會隨章節移動。',
    layers: '圖層',
    layersShow: '圖層及圖例',
    layersOther: '其他',
    layersNote: '你所作的開關維持至下一章開始。',
    legend: '圖例',
    layerMissing: '未能顯示：圖層檔案無法載入',
    layerInvalid: '未能顯示：圖層檔案有錯誤',
    measureToggle: '量度距離（M）',
    measureClear: '清除各點',
    measureHint: '在地圖上點選兩點或以上；亦可移動地圖後按 Enter 加入中心點。按 Esc 結束。',
    measureStraight: '直線距離：{d}',
    measureAlong: '沿{layer}：{d}',
    measureChainage: '由{from}至{to}',
    measureOn: '量度模式已開啟。',
    measureOff: '量度模式已關閉，地圖回到故事。',
    chapterMeasure: '沿{layer}量度：{along}，由{from}至{to}；直線距離 {straight}。',
    skipMap: '跳過地圖',
    mapEnd: '地圖完結',
  },
  en: {
    languageGroup: 'Language',
    languageName: 'English',
    loadingStory: 'Loading the story…',
    loadingMap: 'Loading the map…',
    mapFailed: 'The map cannot be shown: ',
    mapWhenNear: 'The map appears when you scroll here',
    mapWaiting: 'Waiting to load the map…',
    storyFailed: 'The story could not be loaded',
    storyProblems: 'The story file has these problems:',
    chapters: 'Chapters',
    sources: 'Sources',
    previous: 'Previous chapter',
    next: 'Next chapter',
    mapLabel: 'Map: {title}',
    mapLabelLayers: 'Map: {title}. Showing {layers}',
    announceChapter: 'Chapter {n} of {total}: {title}.',
    announceLayers: 'On the map: {layers}.',
    announceMeasure: 'Measured along {layer}: {along}.',
    progress: '{n} / {total}',
    scrollHint: 'Scroll down to read; the map follows the chapters.',
    layers: 'Layers',
    layersShow: 'Layers and legend',
    layersOther: 'Other',
    layersNote: 'Your choices last until the next chapter starts.',
    legend: 'Legend',
    layerMissing: 'Unavailable: the layer file could not be loaded',
    layerInvalid: 'Unavailable: the layer file has errors',
    measureToggle: 'Measure distance (M)',
    measureClear: 'Clear points',
    measureHint:
      'Click two or more points on the map, or move the map and press Enter to add its centre. Esc to finish.',
    measureStraight: 'Straight line: {d}',
    measureAlong: 'Along {layer}: {d}',
    measureChainage: 'From {from} to {to}',
    measureOn: 'Measure mode on.',
    measureOff: 'Measure mode off; the map is back with the story.',
    chapterMeasure: 'Measured along {layer}: {along}, from {from} to {to}; {straight} in a straight line.',
    skipMap: 'Skip the map',
    mapEnd: 'End of the map',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** A key of the interface strings. */
export type StringKey = keyof (typeof STRINGS)['en'];

/**
 * Interface text in `lang`, with `{name}` placeholders filled in.
 * @example t('en', 'announceChapter', { n: 2, total: 9, title: 'Mirs Bay' })
 */
export function t(lang: Lang, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
