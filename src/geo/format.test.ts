import { describe, expect, it } from 'vitest';
import { formatChainage, formatDistance } from './format';

describe('formatDistance', () => {
  it.each([
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
  ])('formats %d m as "%s" / "%s"', (meters, en, zh) => {
    expect(formatDistance(meters, 'en')).toBe(en);
    expect(formatDistance(meters, 'zh-Hant')).toBe(zh);
  });

  it('never shows a negative zero', () => {
    expect(formatDistance(-0.2, 'en')).toBe('0 m');
  });

  it('rejects NaN and Infinity', () => {
    expect(() => formatDistance(Number.NaN, 'en')).toThrow(RangeError);
    expect(() => formatDistance(Number.POSITIVE_INFINITY, 'zh-Hant')).toThrow(RangeError);
  });
});

describe('formatChainage', () => {
  it.each([
    [0, 'km 0.00', '0.00 公里處'],
    [847, 'km 0.85', '0.85 公里處'],
    [2350, 'km 2.35', '2.35 公里處'],
    [5385.706682914, 'km 5.39', '5.39 公里處'],
    [153_274, 'km 153.27', '153.27 公里處'],
    [1_234_567, 'km 1,234.57', '1,234.57 公里處'],
  ])('formats chainage %d m as "%s" / "%s"', (meters, en, zh) => {
    expect(formatChainage(meters, 'en')).toBe(en);
    expect(formatChainage(meters, 'zh-Hant')).toBe(zh);
  });

  it('rejects NaN', () => {
    expect(() => formatChainage(Number.NaN, 'en')).toThrow(RangeError);
  });
});
