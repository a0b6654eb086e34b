import { emit } from '../events/emit.js';
import '../events/geo-story-error.js';

/** Index of the chapter `idOrIndex` names (its id, or its index), or -1 when there is none. */
export function chapterIndex(chapters: readonly { id: string }[], idOrIndex: string | number): number {
  const index = typeof idOrIndex === 'number' ? idOrIndex : chapters.findIndex((c) => c.id === idOrIndex);
  return Number.isInteger(index) && index >= 0 && index < chapters.length ? index : -1;
}

/**
 * A `goTo()` asked for before the story is loaded: kept (the latest call wins) and applied once
 * a story is there, which then starts at that chapter. A target the loaded story does not have
 * is reported, never dropped silently.
 */
export class QueuedGoTo {
  private target: string | number | undefined;

  /** Keeps `idOrIndex` for the story being loaded; true, as the call is accepted. */
  queue(idOrIndex: string | number): true {
    this.target = idOrIndex;
    return true;
  }

  /**
   * The index the queued call names in the loaded `story`, or undefined when nothing is queued or
   * the story has no such chapter (then `host` fires `geo-story-error` naming the call and the story).
   * Either way the queue is empty afterwards.
   */
  take(story: { id: string; chapters: readonly { id: string }[] }, host: EventTarget): number | undefined {
    const target = this.target;
    this.target = undefined;
    if (target === undefined) return undefined;
    const index = chapterIndex(story.chapters, target);
    if (index >= 0) return index;
    const ids = story.chapters.map((c) => c.id).join(', ');
    const message = `goTo(${JSON.stringify(target)}): story "${story.id}" has no such chapter (chapters: ${ids || 'none'})`;
    emit(host, 'geo-story-error', { message });
    return undefined;
  }
}
