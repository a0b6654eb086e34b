import { describe, expect, it } from 'vitest';
import { activeIndex } from './active-index.js';

describe('activeIndex', () => {
  const tops = [0, 500, 1000];

  it('is the last chapter whose top has reached the reading line', () => {
    expect(activeIndex(tops, 499)).toBe(0);
    expect(activeIndex(tops, 500)).toBe(1);
    expect(activeIndex(tops, 2000)).toBe(2);
  });

  it('is the first chapter before any has reached the line, and with no chapters', () => {
    expect(activeIndex(tops, -100)).toBe(0);
    expect(activeIndex([], 400)).toBe(0);
  });

  it('stops at the first chapter still below the line, whatever comes after it', () => {
    expect(activeIndex([0, 800, 300], 400)).toBe(0);
  });
});
