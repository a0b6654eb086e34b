import { describe, expect, it } from 'vitest';
import { cardFrame } from './card-frame.js';

describe('cardFrame', () => {
  it('takes no room for a card beside the map', () => {
    expect(cardFrame(768, 800, { left: -500, top: 240, right: -10, bottom: 700 })).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });

  it('frames above a tall card across a phone map, where most room is left', () => {
    expect(cardFrame(390, 844, { left: 12, top: 253, right: 340, bottom: 700 })).toEqual({
      top: 0,
      right: 0,
      bottom: 591,
      left: 0,
    });
  });

  it('frames below a short card when more room is left there', () => {
    expect(cardFrame(390, 844, { left: 12, top: 253, right: 340, bottom: 400 })).toEqual({
      top: 400,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });

  it('frames beside a card that covers one side of a wide map', () => {
    expect(cardFrame(1000, 600, { left: 20, top: 100, right: 380, bottom: 500 })).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 380,
    });
  });

  it('takes no room when the card leaves too little of the map free', () => {
    expect(cardFrame(390, 500, { left: 0, top: 60, right: 390, bottom: 460 })).toEqual({
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
  });
});
