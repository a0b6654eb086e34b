/**
 * Which languages a story's text must be in: each one the story declares in `languages`, except
 * Simplified Chinese where Traditional is given (it is converted, simplify.ts). Text in a language
 * the story does not declare is never shown.
 */
import { fieldName } from './field-path';
import type { Report } from './report';
import { LANGS, type Lang, type Localized } from './types';
import { locate, type YamlPart } from './yaml-positions';

/** Each language's name in English, for messages about its text. */
export const LANG_NAMES: Record<Lang, string> = {
  'zh-Hant': 'Traditional Chinese',
  'zh-Hans': 'Simplified Chinese',
  en: 'English',
};

/** Whether `tag` names a language the viewer speaks, exactly as written (`zh-Hant`, not `zh-hk`). */
export function isLang(tag: string): tag is Lang {
  return (LANGS as readonly string[]).includes(tag);
}

/** The languages of `languages` that text given in `given` lacks: Simplified is not lacking where Traditional is given. */
export function missingLanguages(given: (lang: Lang) => boolean, languages: readonly Lang[]): Lang[] {
  return languages.filter((lang) => !given(lang) && !(lang === 'zh-Hans' && given('zh-Hant')));
}

/** `zh-Hant, zh-Hans, en`: the story's languages, for messages. */
export function languageList(languages: readonly Lang[]): string {
  return languages.join(', ');
}

/**
 * Checks one piece of text written in the YAML at `path` (of `part`, named with `prefix`): an error
 * for each declared language it lacks, a warning for text in a language the story does not offer.
 * False when it lacks one.
 */
export function checkLocalized(
  text: Localized,
  languages: readonly Lang[],
  part: YamlPart,
  path: readonly PropertyKey[],
  prefix: string,
  report: Report,
): boolean {
  const missing = missingLanguages((lang) => text[lang] !== undefined, languages);
  // At the key: the text map is where a language is missing, `title:` is where the author looks.
  const at = locate(part, path, true);
  for (const lang of missing)
    report.error(
      at.line,
      at.column,
      fieldName(prefix, [...path, lang]),
      `missing the ${LANG_NAMES[lang]} text (${lang}), one of the story's languages (${languageList(languages)})`,
    );
  for (const lang of LANGS)
    if (text[lang] !== undefined && !languages.includes(lang)) {
      const key = locate(part, [...path, lang], true);
      report.warn(
        key.line,
        key.column,
        fieldName(prefix, [...path, lang]),
        `the ${LANG_NAMES[lang]} text is not shown: it is not one of the story's languages (${languageList(languages)}); add ${lang} to languages to offer it`,
      );
    }
  return missing.length === 0;
}
