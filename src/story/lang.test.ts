import { describe, expect, it } from 'vitest';
import { langTag, localize, localizedLang, localizedTag, parseLang } from './lang';

describe('localize', () => {
  it('picks the language asked for', () => {
    expect(localize({ 'zh-Hant': '生態', en: 'Ecology' }, 'en')).toBe('Ecology');
    expect(localize({ 'zh-Hant': '生態', en: 'Ecology' }, 'zh-Hant')).toBe('生態');
  });

  it('falls back to the other language when one is empty', () => {
    expect(localize({ 'zh-Hant': '生態', en: '' }, 'en')).toBe('生態');
  });
});

describe('parseLang', () => {
  it.each([
    ['zh-Hant', 'zh-Hant'],
    ['zh-hant', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    [' EN ', 'en'],
  ])('reads %j as %s', (tag, lang) => {
    expect(parseLang(tag)).toBe(lang);
  });

  it.each([null, undefined, '', 'fr', 'zh-CN', 'zh-Hans', 'zh-Hans-HK', 'eng'])('does not read %j', (tag) => {
    expect(parseLang(tag)).toBeUndefined();
  });
});

describe('langTag, localizedLang, localizedTag', () => {
  it('tags Traditional Chinese as written in Hong Kong, and English as en', () => {
    expect(langTag('zh-Hant')).toBe('zh-Hant-HK');
    expect(langTag('en')).toBe('en');
  });

  it('names the language the text was taken from, the fallback included', () => {
    expect(localizedLang({ 'zh-Hant': '海', en: 'Sea' }, 'en')).toBe('en');
    expect(localizedLang({ 'zh-Hant': '海', en: '' }, 'en')).toBe('zh-Hant');
    expect(localizedTag({ 'zh-Hant': '海', en: '' }, 'en')).toBe('zh-Hant-HK');
    expect(localizedTag({ 'zh-Hant': '', en: 'Sea' }, 'zh-Hant')).toBe('en');
  });
});
