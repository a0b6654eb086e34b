import type { Map as MapLibreMap } from 'maplibre-gl';

/** After this long without its first idle, a map asks whether MapLibre's worker file is there. */
export const WORKER_CHECK_MS = 3000;

let asked: Promise<boolean> | undefined;
/** Whether MapLibre's worker file at `href` answers "not there" (404 or 410); asked once per page. */
function workerFileMissing(href: string): Promise<boolean> {
  asked ??= fetch(href, { cache: 'force-cache' }).then(
    (response) => {
      // Only the status is wanted: the body (the worker itself) is left unread.
      void response.body?.cancel();
      return response.status === 404 || response.status === 410;
    },
    // Not reachable from here (a policy, the network): nothing is known, the load timeout decides.
    () => false,
  );
  return asked;
}

/**
 * Calls `fail` once when MapLibre's worker file at `href` cannot be loaded for `map`. MapLibre
 * fires an error event on the maps that exist when a worker fails to start; but the worker pool
 * starts before the first map (`prewarm`), so a map made after that moment would only meet the
 * load timeout. A map not idle within WORKER_CHECK_MS therefore asks for the file itself.
 * @example onWorkerFailure(map, String(getWorkerUrl()), () => reject(new Error('no worker')));
 */
export function onWorkerFailure(map: MapLibreMap, href: string, fail: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fail();
  };
  map.on('error', (e) => {
    if (/worker failed to load/i.test(e.error?.message ?? '')) once();
  });
  const timer = setTimeout(() => {
    void workerFileMissing(href).then((missing) => {
      if (missing) once();
    });
  }, WORKER_CHECK_MS);
  const stop = (): void => {
    done = true;
    clearTimeout(timer);
  };
  map.once('idle', stop);
  map.once('remove', stop);
}
