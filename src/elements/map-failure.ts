import type { Lang } from '../story/types.js';
import { t } from './strings.js';

/**
 * Why a story's map cannot be shown: no WebGL 2 (`webgl`), no first idle in time (`timeout`: the
 * map's module, style, data or worker never came), the map module did not load (`module`),
 * MapLibre's worker file did not load (`worker`), the drawing context was lost again and again
 * (`lost`), or MapLibre could not start otherwise (`start`).
 */
export type MapFailureKind = 'webgl' | 'timeout' | 'module' | 'worker' | 'lost' | 'start';

/** A map that cannot be shown: what the reader is told, and the technical detail for `geo-story-error`. */
export interface MapFailure {
  kind: MapFailureKind;
  /** The load timeout in effect, in milliseconds (the reader is told it in seconds). */
  timeoutMs: number;
  /** In English, for the event and the console: what failed and how. */
  detail: string;
}

/** The kind of failure an error thrown by MapLibre's `Map` constructor stands for. */
export function creationFailure(error: unknown): MapFailureKind {
  // MapLibre throws GPUInitializationError when it gets no WebGL 2 context (maplibre-gl-js src/util/gpu_initialization_error.ts).
  return error instanceof Error && error.name === 'GPUInitializationError' ? 'webgl' : 'start';
}

const KEYS = {
  webgl: 'mapNoWebGL',
  timeout: 'mapTimedOut',
  module: 'mapModuleFailed',
  worker: 'mapWorkerFailed',
  lost: 'mapLostAgain',
  start: 'mapCannotStart',
} as const;

/**
 * The map box's line for a failure, in `lang`.
 * @example failureText('en', { kind: 'timeout', timeoutMs: 25000, detail }); // 'The map cannot be shown: it did not finish loading within 25 seconds. …'
 */
export function failureText(lang: Lang, failure: MapFailure): string {
  const seconds = Math.round(failure.timeoutMs / 100) / 10;
  // Chinese sentences follow each other with no space between them.
  const gap = lang === 'en' ? ' ' : '';
  return `${t(lang, 'mapFailed')}${t(lang, KEYS[failure.kind], { s: seconds })}${gap}${t(lang, 'mapTextStays')}`;
}
