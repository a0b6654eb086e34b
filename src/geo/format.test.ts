import { describe, expect, it } from 'vitest';
import type { Lang } from '../story/types';
import { formatChainage, formatDistance } from './format';

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
