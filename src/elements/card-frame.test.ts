import { describe, expect, it } from 'vitest';
import { cardFrame, clearOfControls } from './card-frame.js';

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

describe('clearOfControls', () => {
  const none = { top: 0, right: 0, bottom: 0, left: 0 };

  it('keeps the subject below the controls over the top of a phone map, above the card', () => {
    expect(clearOfControls({ ...none, bottom: 591 }, 844, { top: 110, bottom: 0 })).toEqual({
      ...none,
      top: 118,
      bottom: 591,
    });
  });

  it('keeps it between the controls at the top and the credits at the bottom of a map with no card over it', () => {
    expect(clearOfControls(none, 800, { top: 110, bottom: 46 })).toEqual({ ...none, top: 118, bottom: 54 });
  });

  it('leaves a frame that already keeps clear of them as it is', () => {
    expect(clearOfControls({ ...none, top: 400 }, 844, { top: 110, bottom: 0 })).toEqual({ ...none, top: 400 });
  });

  it('lets the controls float over the map where keeping clear of them would leave under 120 px', () => {
    expect(clearOfControls({ ...none, bottom: 650 }, 844, { top: 110, bottom: 0 })).toEqual({ ...none, bottom: 650 });
    expect(clearOfControls({ ...none, top: 650 }, 844, { top: 110, bottom: 80 })).toEqual({ ...none, top: 650 });
  });

  it('takes no room without controls', () => {
    expect(clearOfControls({ ...none, bottom: 591 }, 844, { top: 0, bottom: 0 })).toEqual({ ...none, bottom: 591 });
  });
});
