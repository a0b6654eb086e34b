import { describe, expect, it } from 'vitest';
import { attributionText } from './attribution.js';

describe('attributionText', () => {
  it('keeps the words of an HTML attribution and drops its markup', () => {
    expect(
      attributionText(
        '<a href="https://openmaptiles.org/" target="_blank">&copy; OpenMapTiles</a> <a href="x">&#169; OpenStreetMap</a>',
      ),
    ).toBe('© OpenMapTiles © OpenStreetMap');
  });

  it('leaves nothing of a script or an event handler but text', () => {
    const text = attributionText('<img src=x onerror="alert(1)">Data<script>alert(2)</script> &lt;b&gt;');
    expect(text).toBe('Dataalert(2) <b>');
    expect(text).not.toContain('onerror');
  });

  it('keeps an unknown or out-of-range reference as written', () => {
    expect(attributionText('a &bogus; b &#x110000; c')).toBe('a &bogus; b &#x110000; c');
  });
});
