import { describe, expect, it } from 'vitest';
import { LANGS } from '../story/types.js';
import { CONTROL_BUTTONS, CONTROL_STRINGS } from './control-strings.js';

describe('map control strings', () => {
  it('exist in every language for the same keys, covering every relabelled button', () => {
    const keys = Object.keys(CONTROL_STRINGS.en).sort();
    for (const lang of LANGS) expect(Object.keys(CONTROL_STRINGS[lang]).sort(), lang).toEqual(keys);
    for (const [, key] of CONTROL_BUTTONS) expect(keys).toContain(key);
    for (const table of Object.values(CONTROL_STRINGS))
      for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
  });
});
