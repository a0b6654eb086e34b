import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, newPage, type OpenedPage, type PageOptions } from './browser.js';

/** The part of a test that works on one page. */
export type PageTest<T> = (opened: OpenedPage) => Promise<T>;

/** Opens `url` in a browser context of its own, runs `test` on it, and closes the context, passed or failed. */
export interface WithPage {
  <T>(url: string, test: PageTest<T>): Promise<T>;
  <T>(url: string, options: PageOptions, test: PageTest<T>): Promise<T>;
}

/**
 * One Chromium for the tests of the calling describe block: launched before them and closed after
 * them. Call it in the describe body; call the returned function in its tests.
 */
export function useBrowser(): WithPage {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async <T>(url: string, options: PageOptions | PageTest<T>, test?: PageTest<T>): Promise<T> => {
    if (!browser) throw new Error('no browser: withPage runs inside a test');
    const [opts, run] = typeof options === 'function' ? [{}, options] : [options, test!];
    const opened = await newPage(browser, opts);
    try {
      await opened.page.goto(url);
      return await run(opened);
    } finally {
      await opened.context.close();
    }
  };
}
