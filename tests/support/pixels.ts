import type { Page } from 'playwright-core';

/**
 * Share of the pixels in a screen box that are within a small distance of each named colour:
 * a look at the real pixels, so a blank or unstyled map cannot pass.
 */
export async function pixelShare(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  colors: Record<string, string>,
  tolerance = 14,
): Promise<Record<string, number>> {
  const png = await page.screenshot({ clip: box });
  return page.evaluate(
    async ({ b64, colors, tolerance }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const targets = Object.entries(colors).map(([name, hex]) => {
        const n = parseInt(hex.slice(1), 16);
        return { name, r: n >> 16, g: (n >> 8) & 255, b: n & 255, count: 0 };
      });
      for (let i = 0; i < data.length; i += 4) {
        for (const t of targets) {
          if (
            Math.abs(data[i]! - t.r) <= tolerance &&
            Math.abs(data[i + 1]! - t.g) <= tolerance &&
            Math.abs(data[i + 2]! - t.b) <= tolerance
          ) {
            t.count++;
            break;
          }
        }
      }
      const total = data.length / 4;
      return Object.fromEntries(targets.map((t) => [t.name, t.count / total]));
    },
    { b64: png.toString('base64'), colors, tolerance },
  );
}
