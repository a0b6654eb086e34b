import { describe, expect, it } from 'vitest';
import { utf8Length } from './utf8-length';

describe('utf8Length', () => {
  it.each(['', 'km 2.35', 'é', '粵港深', '🌏 Hong Kong', '\uD83C', 'a\uDF0Fb', '\uD83C\uD83C\uDF0F'])(
    'counts %j as TextEncoder encodes it',
    (text) => {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});
