import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoryMap } from '../map/story-map.js';
import { isTyping, keyOrigin } from './key-target.js';

/** What the controller needs from its host element. */
export interface MeasureKeysHost extends ReactiveControllerHost, HTMLElement {}

/**
 * The measure keys: M enters or leaves measure mode and Escape leaves it, while focus is anywhere
 * in the host, except where the reader is typing.
 */
export class MeasureKeysController implements ReactiveController {
  private readonly host: MeasureKeysHost;
  private readonly map: () => StoryMap | undefined;

  constructor(host: MeasureKeysHost, map: () => StoryMap | undefined) {
    this.host = host;
    this.map = map;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const map = this.map();
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !map) return;
    if (isTyping(keyOrigin(e))) return;
    if (e.key === 'm' || e.key === 'M') {
      if (map.setMeasuring(!map.measuring)) e.preventDefault();
    } else if (e.key === 'Escape' && map.measuring) {
      map.setMeasuring(false);
      e.preventDefault();
    }
  };
}
