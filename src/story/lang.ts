/** Languages as the viewer speaks them: picking a story's text in one, reading a `lang` tag. */
import { LANGS, type Lang, type Localized, type Story } from './types.js';

/** Picks the text in `lang`, falling back to any other language that has some (Chinese first). */
export function localize(text: Localized, lang: Lang): string {
  return text[lang] || LANGS.map((other) => text[other]).find(Boolean) || '';
}

/** The language `localize(text, lang)` takes its text from: `lang`, or the one it falls back to. */
export function localizedLang(text: Localized, lang: Lang): Lang {
  return text[lang] ? lang : (LANGS.find((other) => text[other]) ?? lang);
}

const TAGS: Record<Lang, string> = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en' };

/**
 * The BCP 47 tag to mark text in `lang` with: Traditional Chinese as written in Hong Kong
 * (`zh-Hant-HK`: Hong Kong glyph forms, and Cantonese for screen readers), Simplified Chinese as
 * written on the Mainland (`zh-Hans-CN`: Mainland glyph forms, Mandarin), English (`en`).
 */
export function langTag(lang: Lang): string {
  return TAGS[lang];
}

/** The BCP 47 tag of the text `localize(text, lang)` gives. */
export function localizedTag(text: Localized, lang: Lang): string {
  return langTag(localizedLang(text, lang));
}

// Regions whose Chinese is written in Simplified characters when no script is given.
const SIMPLIFIED_REGIONS = new Set(['cn', 'sg', 'my']);

/**
 * Maps a BCP 47 tag (a `lang` attribute, `navigator.language`) to a language the viewer speaks,
 * or undefined. A script subtag decides (`zh-Hans-HK` is Simplified); else the region: Mainland
 * China, Singapore and Malaysia write Simplified, Hong Kong, Macao, Taiwan and plain `zh` Traditional.
 * @example parseLang('zh-CN'); // 'zh-Hans'
 */
export function parseLang(value: string | null | undefined): Lang | undefined {
  if (!value) return undefined;
  const [primary, ...subtags] = value.trim().replace(/_/g, '-').toLowerCase().split('-');
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  if (subtags.includes('hans')) return 'zh-Hans';
  if (subtags.includes('hant')) return 'zh-Hant';
  return subtags.some((tag) => SIMPLIFIED_REGIONS.has(tag)) ? 'zh-Hans' : 'zh-Hant';
}

/**
 * The language a story is shown in when `wanted` is asked for: `wanted` if the story offers it,
 * else the other Chinese script if it offers that, else its default.
 * @example resolveLang('zh-Hans', ['zh-Hant', 'en'], 'en'); // 'zh-Hant'
 */
export function resolveLang(wanted: Lang | undefined, languages: readonly Lang[], defaultLang: Lang): Lang {
  if (wanted && languages.includes(wanted)) return wanted;
  const other = wanted === 'zh-Hans' ? 'zh-Hant' : wanted === 'zh-Hant' ? 'zh-Hans' : undefined;
  return other && languages.includes(other) ? other : defaultLang;
}

/**
 * The language a story is shown in for an element whose `lang` attribute is `attribute`
 * (`resolveLang`); before the story is there, the language the attribute names, else Traditional Chinese.
 */
export function shownLang(story: Pick<Story, 'languages' | 'defaultLang'> | undefined, attribute: string | null): Lang {
  const wanted = parseLang(attribute);
  return story ? resolveLang(wanted, story.languages, story.defaultLang) : (wanted ?? 'zh-Hant');
}
