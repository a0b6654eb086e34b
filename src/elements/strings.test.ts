import { describe, expect, it } from 'vitest';
import { LANGS } from '../story/types.js';
import { simplify } from '../story/simplify.js';
import { CONTROL_STRINGS } from '../map/control-strings.js';
import { STRINGS, t } from './strings.js';

describe('interface strings', () => {
  it('exist, non-empty, in every language with the same placeholders', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(keys);
      for (const key of keys) {
        const text = STRINGS[lang][key as keyof (typeof STRINGS)['en']];
        expect(text.trim().length, `${lang}.${key}`).toBeGreaterThan(0);
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(text), `${lang}.${key}`).toEqual(holes(STRINGS.en[key as keyof (typeof STRINGS)['en']]));
      }
    }
  });

  it('are written in Simplified characters for Simplified Chinese readers, the map controls too', () => {
    // Converting Simplified text from Traditional changes nothing: no Traditional character is left in it.
    for (const text of [...Object.values(STRINGS['zh-Hans']), ...Object.values(CONTROL_STRINGS['zh-Hans'])])
      expect(simplify(text)).toBe(text);
    expect(Object.keys(CONTROL_STRINGS['zh-Hans']).sort()).toEqual(Object.keys(CONTROL_STRINGS.en).sort());
    expect(STRINGS['zh-Hans'].languageName).toBe('简体中文');
  });

  it('fills placeholders', () => {
    expect(t('en', 'announceChapter', { n: 2, total: 9, title: 'Mirs Bay' })).toBe('Chapter 2 of 9: Mirs Bay.');
    expect(t('zh-Hant', 'announceChapter', { n: 2, total: 9, title: '大鵬灣' })).toBe('第 2 章，共 9 章：大鵬灣。');
  });
});
