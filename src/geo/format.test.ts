import { describe, expect, it } from 'vitest';
import type { Lang } from '../story/types';
import { formatChainage, formatDistance, formatStretch } from './format';

/** A test body for rows of metres, the English text and the Chinese text `format` must give. */
const inBothLanguages =
  (format: (meters: number, lang: Lang) => string) => (meters: number, en: string, zh: string) => {
    expect(format(meters, 'en')).toBe(en);
    expect(format(meters, 'zh-Hant')).toBe(zh);
  };

/** Distances across the precision bands, with the values that round into the next band. */
const distances: [meters: number, en: string, zh: string][] = [
  [0, '0 m', '0 米'],
  [42.4, '42 m', '42 米'],
  [99.4, '99 m', '99 米'],
  [99.6, '100 m', '100 米'],
  [847, '850 m', '850 米'],
  [994, '990 m', '990 米'],
  [995, '1.00 km', '1.00 公里'],
  [5432.1, '5.43 km', '5.43 公里'],
  [5385.706682914, '5.39 km', '5.39 公里'],
  [9994, '9.99 km', '9.99 公里'],
  // 9.995 km is 9.99499… as a float: rounded in metres, it is 10.0 km, as formatChainage rounds it.
  [9995, '10.0 km', '10.0 公里'],
  [9996, '10.0 km', '10.0 公里'],
  [12_345, '12.3 km', '12.3 公里'],
  [99_940, '99.9 km', '99.9 公里'],
  [99_960, '100 km', '100 公里'],
  [123_456, '123 km', '123 公里'],
  [1_234_567, '1,235 km', '1,235 公里'],
];

/** Chainages and their number in km, which both languages print alike (`km 2.35`, `2.35 公里處`). */
const milestones: [meters: number, km: string][] = [
  [0, '0.00'],
  [847, '0.85'],
  [2350, '2.35'],
  [5385.706682914, '5.39'],
  [9995, '10.00'],
  [153_274, '153.27'],
  [1_234_567, '1,234.57'],
];

describe('formatDistance', () => {
  it.each(distances)('formats %d m as "%s" / "%s"', inBothLanguages(formatDistance));

  it('never shows a negative zero', () => {
    expect(formatDistance(-0.2, 'en')).toBe('0 m');
  });

  it('rejects NaN and Infinity', () => {
    expect(() => formatDistance(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatDistance(Number.POSITIVE_INFINITY, 'zh-Hant')).toThrow(RangeError);
  });
});

describe('formatChainage', () => {
  it.each(milestones)('formats chainage %d m as "km %s" / "%s 公里處"', (meters, km) => {
    inBothLanguages(formatChainage)(meters, `km ${km}`, `${km} 公里處`);
  });

  it('rejects NaN', () => {
    expect(() => formatChainage(Number.NaN, 'en')).toThrow(RangeError);
  });
});

describe('formatStretch', () => {
  /** Hundredths of a km in a figure: "km 5.39", "5.39 公里處", "5.39 km" and "1,234.57 公里" alike. */
  const hundredths = (text: string) => Math.round(parseFloat(/[\d,]+\.\d\d/.exec(text)![0].replace(/,/g, '')) * 100);

  it('makes the along distance the difference of the chainages as shown', () => {
    // Rounded on their own these read "5.38 km along, from km 0.00 to km 5.39".
    expect(formatStretch(2.9, 5385.7, 5240, 'en')).toEqual({
      along: '5.39 km',
      from: 'km 0.00',
      to: 'km 5.39',
      straight: '5.24 km',
    });
    expect(formatStretch(5385.7, 2.9, 5240, 'zh-Hant')).toEqual({
      along: '5.39 公里',
      from: '5.39 公里處',
      to: '0.00 公里處',
      straight: '5.24 公里',
    });
  });

  it('writes every figure in km with two decimals, short or long', () => {
    expect(formatStretch(1000, 1847, 846, 'en')).toEqual({
      along: '0.85 km',
      from: 'km 1.00',
      to: 'km 1.85',
      straight: '0.85 km',
    });
    expect(formatStretch(0, 1_234_567, 1_000_004, 'en').along).toBe('1,234.57 km');
  });

  it('agrees for any two chainages, at the edges of rounding too', () => {
    const ends = [0, 4.999, 5, 5.001, 14.99, 15, 995, 5385, 5385.000001, 9995, 10_005, 99_995, 123_455.5];
    for (let i = 0; i < 60; i++) ends.push(Math.random() * 200_000);
    for (const a of ends)
      for (const b of ends.slice(0, 30)) {
        const f = formatStretch(a, b, 0, 'en');
        expect(hundredths(f.along), `${a} → ${b}`).toBe(Math.abs(hundredths(f.to) - hundredths(f.from)));
        expect(f.from).toBe(formatChainage(a, 'en'));
        expect(f.to).toBe(formatChainage(b, 'en'));
      }
  });

  it('rejects NaN', () => {
    expect(() => formatStretch(0, Number.NaN, 0, 'en')).toThrow(RangeError);
  });
});
