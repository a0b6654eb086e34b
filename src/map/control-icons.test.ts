import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withoutDataImages } from './control-icons.js';

describe('withoutDataImages', () => {
  it("leaves no data: URL in MapLibre's stylesheet, and every rule else as it was", async () => {
    const path = createRequire(import.meta.url).resolve('maplibre-gl/dist/maplibre-gl.css');
    const css = await readFile(path, 'utf8');
    expect(css).toContain('url("data:image/svg+xml');
    const out = withoutDataImages(css);
    expect(out).not.toMatch(/data:/i);
    expect(out).toContain(
      '.maplibregl-ctrl-attrib-button{display:none;cursor:pointer;position:absolute;background-image:none;',
    );
  });

  it('replaces quoted and unquoted data: URLs, also with parentheses inside quotes', () => {
    const css = `a{background:url("data:image/svg+xml,%3Csvg transform='rotate(45)'%3E")} b{background:url(data:image/png;base64,AAAA) no-repeat} c{background:url('data:,x')}`;
    expect(withoutDataImages(css).split('\n')[0]).toBe(
      'a{background:none} b{background:none no-repeat} c{background:none}',
    );
  });
});
