import type { Page } from 'playwright-core';

/** A box on the page, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A screenshot of a box, to compare with a later one. */
export function snapshot(page: Page, box: Box): Promise<Buffer> {
  return page.screenshot({ clip: box });
}

/**
 * Number of pixels that differ (by more than `tolerance` in any channel) between two screenshots
 * of the same box: a look at the real pixels, so a change the map only claims cannot pass.
 */
export async function changedPixels(page: Page, before: Buffer, after: Buffer, tolerance = 24): Promise<number> {
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = await Promise.all([decode(a), decode(b)]);
      if (x.length !== y.length) throw new Error('screenshots differ in size');
      let n = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (
          Math.abs(x[i]! - y[i]!) > tolerance ||
          Math.abs(x[i + 1]! - y[i + 1]!) > tolerance ||
          Math.abs(x[i + 2]! - y[i + 2]!) > tolerance
        )
          n++;
      }
      return n;
    },
    { a: before.toString('base64'), b: after.toString('base64'), tolerance },
  );
}

/** Waits until the map of the `<geo-story>` is idle: still, loaded, and nothing left to draw. */
export async function waitIdle(page: Page, selector = 'geo-story'): Promise<void> {
  await page.evaluate(
    (sel) =>
      new Promise<void>((resolve) => {
        const map = (document.querySelector(sel) as HTMLElementTagNameMap['geo-story']).map!;
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
    selector,
  );
}
