import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/emit.js';
import '../events/geo-story-error.js';
import { formatIssue, type Issue } from '../story/types.js';

/** Why a story layer is not on the map: its file could not be fetched, or it failed validation. */
export interface LayerFailure {
  /** `missing`: the file could not be loaded; `invalid`: it was loaded but is not valid GeoJSON. */
  kind: 'missing' | 'invalid';
  /** The whole message, as `geo-story-error` carries it (English, with file and line). */
  message: string;
  /** The located problems in the layer's file, when it failed validation. */
  issues: readonly Issue[];
}

/**
 * The story layers that could not be drawn, by id: each is reported once per story (a map rebuilt
 * by the page's pool loads its layers again) with `geo-story-error`, listed in the problems, and
 * marked unavailable in the layer panel and the legends. Also the chapters' references to
 * features a loaded layer does not have, and the parts of the map that could not be loaded,
 * reported and listed the same way.
 */
export class LayerFailures implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly failures = new Map<string, LayerFailure>();
  /** Located issues of chapters naming features a layer does not have, by layer id. */
  private readonly references = new Map<string, readonly Issue[]>();
  /** Parts of the map that could not be loaded (the basemap's land, a remote style), by message. */
  private readonly mapProblems = new Set<string>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Layer `id` could not be drawn; fires `geo-story-error` the first time for this story. */
  readonly add = (id: string, message: string, issues?: readonly Issue[]): void => {
    if (this.failures.has(id)) return;
    this.failures.set(id, { kind: issues ? 'invalid' : 'missing', message, issues: issues ?? [] });
    this.host.requestUpdate();
    emit(this.host, 'geo-story-error', issues ? { message, issues: [...issues] } : { message });
  };

  /**
   * Chapters name features that layer `id` does not have (the layer is drawn all the same); fires
   * `geo-story-error` the first time for this story.
   */
  readonly addReferences = (id: string, issues: readonly Issue[]): void => {
    if (this.references.has(id) || issues.length === 0) return;
    this.references.set(id, issues);
    this.host.requestUpdate();
    emit(this.host, 'geo-story-error', { message: formatIssue(issues[0]!), issues: [...issues] });
  };

  /**
   * A part of the map could not be loaded (the basemap's land, a remote basemap style) and the
   * map goes on without it; listed, and fired as `geo-story-error` the first time for this story.
   */
  readonly addMapProblem = (message: string): void => {
    if (this.mapProblems.has(message)) return;
    this.mapProblems.add(message);
    this.host.requestUpdate();
    emit(this.host, 'geo-story-error', { message });
  };

  /** Why layer `id` is not drawn, if it is not. */
  get(id: string): LayerFailure | undefined {
    return this.failures.get(id);
  }

  /** A new story: no layer has failed yet. */
  clear(): void {
    this.failures.clear();
    this.references.clear();
    this.mapProblems.clear();
  }

  /**
   * What the problem list shows: the located issues of invalid files and of references to
   * missing features, and the messages of missing files.
   */
  get problems(): { messages: string[]; issues: Issue[] } {
    const all = [...this.failures.values()];
    return {
      messages: [...all.filter((f) => f.issues.length === 0).map((f) => f.message), ...this.mapProblems],
      issues: [...all.flatMap((f) => f.issues), ...[...this.references.values()].flat()],
    };
  }
}
