import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Chromium flags for software WebGL on a machine without a GPU; without swiftshader WebGL fails and a page can look fine while blank. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--enable-unsafe-swiftshader',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches the system Chromium (never a downloaded one), with `extraArgs` beside the usual flags. */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** How a test page is opened. */
export interface PageOptions {
  /** Viewport width in CSS pixels (1280 unless given). */
  width?: number;
  /** Viewport height in CSS pixels (800 unless given). */
  height?: number;
  /** The emulated prefers-reduced-motion ('reduce' unless given). */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Runs in the page before any of its scripts (context.addInitScript). */
  init?: () => void;
  /** Also record each response with an HTTP error status (400 or more) in `errors`. */
  httpErrors?: boolean;
  /** A touch screen: touch events and `page.touchscreen` (context option `hasTouch`). */
  hasTouch?: boolean;
}

/** A page in a browser context of its own, with the errors it has logged so far. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

/**
 * Reports every Content-Security-Policy violation of the page (the pages' policies are in
 * tests/support/csp.ts) as a console error, and keeps them in `window.__cspViolations`: Chromium
 * logs its own refusals where Playwright does not see them.
 */
function reportViolations(): void {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const what = `CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`;
      seen.push(what);
      console.error(what);
    },
    true,
  );
}

/**
 * A page that records console errors, page errors and policy violations, so a test can assert
 * there were none.
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    hasTouch: options.hasTouch ?? false,
  });
  await context.addInitScript(reportViolations);
  if (options.init) await context.addInitScript(options.init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  if (options.httpErrors)
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
    });
  return { page, context, errors };
}

/** What a test asserts about one `<geo-story>`: chapter, camera and visible story layers. */
export interface StoryState {
  chapterId: string | undefined;
  chapterIndex: number;
  center: [number, number];
  zoom: number;
  moving: boolean;
  visible: string[];
}

/** Reads the state of the `<geo-story>` matched by `selector` (inside the page's light DOM). */
function storyState(page: Page, selector = 'geo-story'): Promise<StoryState> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
    const map = el.map!;
    const c = map.getCenter();
    const visible = (el.story?.layers ?? [])
      .map((l) => l.id)
      .filter((id) => map.getLayoutProperty(`${id}::fill`, 'visibility') === 'visible');
    return {
      chapterId: el.chapterId,
      chapterIndex: el.chapterIndex,
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      moving: map.isMoving(),
      visible: visible.sort(),
    };
  }, selector);
}

/** Waits for the element's `ready` promise; returns milliseconds from navigation start to ready. */
export async function waitReady(page: Page, selector = 'geo-story'): Promise<number> {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
    await el.ready;
    return Math.round(performance.now());
  }, selector);
}

/** Waits until the map is still and the chapter has stayed the same for a few frames. */
export async function waitSettled(page: Page, selector = 'geo-story'): Promise<StoryState> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel) as HTMLElementTagNameMap['geo-story'];
      const map = el.map;
      return !!map && !map.isMoving() && map.loaded();
    },
    selector,
    { timeout: 30_000, polling: 100 },
  );
  return storyState(page, selector);
}
