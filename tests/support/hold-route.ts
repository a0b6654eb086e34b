import type { Request, Route } from 'playwright-core';

/**
 * A route handler that answers only once released: `held` resolves with the first request it
 * holds, and `release()` lets every held request (and each later one) go on to the server.
 * @example const tiles = holdRoute(); await page.route(/\.pbf$/, tiles.handler); await tiles.held; tiles.release();
 */
export function holdRoute() {
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  let seen!: (r: Request) => void;
  const held = new Promise<Request>((ok) => (seen = ok));
  const handler = async (route: Route) => {
    seen(route.request());
    await released;
    // The page may have abandoned the request meanwhile.
    await route.continue().catch(() => undefined);
  };
  return { handler, held, release };
}
