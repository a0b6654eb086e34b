import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CardRoom, ControlsReach } from '../map/camera.js';
import { READING_TOP } from '../scroll/chapter-scroll-controller.js';
import type { Padding } from '../story/types.js';
import { cardFrame } from './card-frame.js';

/** What the controller needs from its host element. */
export interface CardFrameHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Index of the current chapter. */
  readonly chapterIndex: number;
}

/**
 * Keeps the camera clear of the chapter card. It measures where the current chapter's card lies
 * over the map while it is read (its top at the reading line, where going to a chapter puts it,
 * the sticky map at the top of the scroller): beside the map on wide layouts (no room taken),
 * across a full-width map on narrow ones. Every camera move reads `current()` afresh; when the map
 * box or the chapters change size (a resize, a turned phone, the other language) it tells its
 * subscribers, the map, which places its camera again.
 */
export class CardFrameController implements ReactiveController, CardRoom {
  private readonly host: CardFrameHost;
  private readonly listeners = new Set<() => void>();
  private observer: ResizeObserver | undefined;
  private observed: Element[] = [];

  constructor(host: CardFrameHost) {
    this.host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    // The map box and the chapter list are rendered once the story is there; observe them then.
    const boxes = [this.query('.map-box'), this.query('ol.chapters')].filter((el): el is Element => !!el);
    if (boxes.length === this.observed.length && boxes.every((el, i) => el === this.observed[i])) return;
    this.observer?.disconnect();
    this.observer = new ResizeObserver(() => this.listeners.forEach((listener) => listener()));
    for (const el of boxes) this.observer.observe(el);
    this.observed = boxes;
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = [];
  }

  /** Calls `listener` whenever the map box or the chapters change size; gives the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The room the current chapter's card takes over the map, as camera padding. */
  current(): Padding {
    const box = this.query('.map-box');
    const card = this.host.renderRoot?.querySelectorAll('[data-chapter-id]')[this.host.chapterIndex];
    if (!box || !card) return { top: 0, right: 0, bottom: 0, left: 0 };
    const map = box.getBoundingClientRect();
    const rect = card.getBoundingClientRect();
    // The map box is as tall as the scroller (sticky at its top), so the reading line is this far down it.
    const top = map.height * READING_TOP;
    const placed = { left: rect.left - map.left, right: rect.right - map.left, top, bottom: top + rect.height };
    return cardFrame(map.width, map.height, placed);
  }

  /**
   * How far the controls over the map reach into it: down from its top, the chapter navigation and
   * the layer panel's button (its open panel is a passing thing the camera does not make room
   * for); up from its bottom, the map's credits while they are open.
   */
  controls(): ControlsReach | undefined {
    const map = this.query('.map-box')?.getBoundingClientRect();
    if (!map) return undefined;
    const overlay = this.query('.overlay');
    const layers = overlay?.querySelector('geo-story-layers');
    const rect = (el: Element | null | undefined) => {
      const r = el?.getBoundingClientRect();
      return r && r.height > 0 ? r : undefined;
    };
    const tops = [overlay?.querySelector('.story-nav'), layers?.shadowRoot?.querySelector('.toggle') ?? layers]
      .map(rect)
      .map((r) => (r ? r.bottom - map.top : 0));
    const credits = rect(this.query('.maplibregl-ctrl-attrib[open]'));
    return {
      top: Math.max(0, ...tops),
      bottom: credits ? Math.max(0, map.bottom - credits.top) : 0,
      height: map.height,
    };
  }

  private query(selector: string): Element | null | undefined {
    return this.host.renderRoot?.querySelector(selector);
  }
}
