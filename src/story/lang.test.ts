import { describe, expect, it } from 'vitest';
import { langTag, localize, localizedLang, localizedTag, parseLang, resolveLang } from './lang';

describe('localize', () => {
  it('picks the language asked for', () => {
    const text = { 'zh-Hant': '生態', 'zh-Hans': '生态', en: 'Ecology' };
    expect(localize(text, 'en')).toBe('Ecology');
    expect(localize(text, 'zh-Hant')).toBe('生態');
    expect(localize(text, 'zh-Hans')).toBe('生态');
  });

  it('falls back to another language when one is empty or missing, Chinese first', () => {
    expect(localize({ 'zh-Hant': '生態', en: '' }, 'en')).toBe('生態');
    expect(localize({ 'zh-Hant': '生態', en: 'Ecology' }, 'zh-Hans')).toBe('生態');
    expect(localize({ en: 'Ecology' }, 'zh-Hans')).toBe('Ecology');
  });
});

describe('parseLang', () => {
  it.each([
    ['zh-Hant', 'zh-Hant'],
    ['zh-hant', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-hans', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-MY', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    [' EN ', 'en'],
  ])('reads %j as %s', (tag, lang) => {
    expect(parseLang(tag)).toBe(lang);
  });

  it.each([null, undefined, '', 'fr', 'ja', 'eng', 'zhs'])('does not read %j', (tag) => {
    expect(parseLang(tag)).toBeUndefined();
  });
});

describe('resolveLang', () => {
  it('shows the language asked for when the story offers it', () => {
    expect(resolveLang('zh-Hans', ['zh-Hant', 'zh-Hans', 'en'], 'zh-Hant')).toBe('zh-Hans');
    expect(resolveLang('en', ['zh-Hant', 'en'], 'zh-Hant')).toBe('en');
  });

  it('shows the other Chinese script rather than the default when the story lacks one', () => {
    expect(resolveLang('zh-Hans', ['zh-Hant', 'en'], 'en')).toBe('zh-Hant');
    expect(resolveLang('zh-Hant', ['zh-Hans', 'en'], 'en')).toBe('zh-Hans');
  });

  it("shows the story's default otherwise", () => {
    expect(resolveLang(undefined, ['zh-Hant', 'en'], 'en')).toBe('en');
    expect(resolveLang('en', ['zh-Hant', 'zh-Hans'], 'zh-Hans')).toBe('zh-Hans');
  });
});

describe('langTag, localizedLang, localizedTag', () => {
  it('tags Traditional Chinese as written in Hong Kong, Simplified as on the Mainland, and English as en', () => {
    expect(langTag('zh-Hant')).toBe('zh-Hant-HK');
    expect(langTag('zh-Hans')).toBe('zh-Hans-CN');
    expect(langTag('en')).toBe('en');
  });

  it('names the language the text was taken from, the fallback included', () => {
    expect(localizedLang({ 'zh-Hant': '海', en: 'Sea' }, 'en')).toBe('en');
    expect(localizedLang({ 'zh-Hant': '海', en: '' }, 'en')).toBe('zh-Hant');
    expect(localizedTag({ 'zh-Hant': '海', en: '' }, 'en')).toBe('zh-Hant-HK');
    expect(localizedTag({ 'zh-Hant': '', en: 'Sea' }, 'zh-Hant')).toBe('en');
    expect(localizedTag({ 'zh-Hant': '海', en: 'Sea' }, 'zh-Hans')).toBe('zh-Hant-HK');
  });
});
