/** Languages as the viewer speaks them: picking a story's text in one, reading a `lang` tag. */
import { LANGS, type Lang, type Localized } from './types.js';

/** Picks the text in `lang`, falling back to any other language that has some. */
export function localize(text: Localized, lang: Lang): string {
  return text[lang] || LANGS.map((other) => text[other]).find(Boolean) || '';
}

/** The language `localize(text, lang)` takes its text from: `lang`, or the one it falls back to. */
export function localizedLang(text: Localized, lang: Lang): Lang {
  return text[lang] ? lang : (LANGS.find((other) => text[other]) ?? lang);
}

/**
 * The BCP 47 tag to mark text in `lang` with: Traditional Chinese as written in Hong Kong
 * (`zh-Hant-HK`: Hong Kong glyph forms, and Cantonese for screen readers), English (`en`).
 */
export function langTag(lang: Lang): string {
  return lang === 'zh-Hant' ? 'zh-Hant-HK' : 'en';
}

/** The BCP 47 tag of the text `localize(text, lang)` gives. */
export function localizedTag(text: Localized, lang: Lang): string {
  return langTag(localizedLang(text, lang));
}

/**
 * Maps a BCP 47 tag (a `lang` attribute, `navigator.language`) to a language the viewer speaks,
 * or undefined. Simplified Chinese tags are not taken as Traditional: the story's default wins.
 */
export function parseLang(value: string | null | undefined): Lang | undefined {
  if (!value) return undefined;
  const [primary, ...subtags] = value.trim().replace(/_/g, '-').toLowerCase().split('-');
  if (primary === 'en') return 'en';
  if (primary !== 'zh') return undefined;
  const simplified = subtags.some((tag) => tag === 'hans' || tag === 'cn' || tag === 'sg' || tag === 'my');
  return simplified ? undefined : 'zh-Hant';
}
