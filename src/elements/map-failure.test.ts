import { describe, expect, it } from 'vitest';
import { creationFailure, failureText } from './map-failure.js';

describe('map failure messages', () => {
  it('give the load timeout in seconds, in each language, with the text reassurance after it', () => {
    const failure = { kind: 'timeout', timeoutMs: 25_000, detail: '' } as const;
    expect(failureText('en', failure)).toBe(
      'The map cannot be shown: it did not finish loading within 25 seconds. The story text can be read as usual.',
    );
    expect(failureText('zh-Hant', { ...failure, timeoutMs: 1500 })).toBe(
      '地圖無法顯示：地圖未能在 1.5 秒內載入完成。故事文字照常可讀。',
    );
  });

  it("tell MapLibre's missing-WebGL error from any other", () => {
    const gpu = Object.assign(new Error('WebGL2 is required'), { name: 'GPUInitializationError' });
    expect(creationFailure(gpu)).toBe('webgl');
    expect(creationFailure(new TypeError('container not found'))).toBe('start');
  });
});
