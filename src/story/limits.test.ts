import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS, Limits } from './limits';

describe('Limits', () => {
  it('starts from the default caps and hands them on as a snapshot', () => {
    const limits = new Limits();
    expect(limits.snapshot()).toEqual(DEFAULT_CAPS);
    limits.features = 10;
    expect(limits.snapshot()).toEqual({ ...DEFAULT_CAPS, features: 10 });
    expect(new Limits().features).toBe(DEFAULT_CAPS.features);
  });

  it.each(Object.keys(DEFAULT_CAPS) as (keyof typeof DEFAULT_CAPS)[])(
    'takes %s as a positive whole number only, naming the setting',
    (name) => {
      const limits = new Limits();
      limits[name] = 7;
      expect(limits[name]).toBe(7);
      for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
        expect(() => (limits[name] = bad)).toThrow(`limits.${name} must be a positive whole number`);
      expect(limits[name]).toBe(7);
    },
  );

  it('keeps depth within what the recursive checks can walk', () => {
    const limits = new Limits();
    limits.depth = 1000;
    expect(() => (limits.depth = 1001)).toThrow('limits.depth may be at most 1000');
    expect(limits.depth).toBe(1000);
  });
});
