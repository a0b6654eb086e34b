import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { activeIndex } from './active-index.js';
import { scrollRoot } from './scroll-root.js';

/** Where `scrollToChapter` puts a chapter's top: this fraction of the scroller's height from its top. */
export const READING_TOP = 0.3;

/** What the controller needs from its host element. */
export interface ChapterScrollHost extends ReactiveControllerHost, HTMLElement {}

/** Options of a ChapterScrollController. */
export interface ChapterScrollOptions {
  /** The chapter text containers, in order. */
  chapters: () => HTMLElement[];
  /** Called with the chapter index at the reading line whenever it may have changed. */
  onActive: (index: number) => void;
  /** Called when the height of the scrolling viewport changes (the sticky map follows it). */
  onViewportHeight?: (px: number) => void;
  /** A scroller inside the host that scrolls the story itself (fixed-height use), if any; else the nearest scrolling ancestor is used. */
  root?: () => Element | null | undefined;
}

/**
 * Steps chapters as the reader scrolls. An IntersectionObserver watches a thin band at the middle
 * of the nearest scrolling ancestor (no scroll polling); whenever a chapter crosses the band the
 * active chapter is recomputed from geometry, so fast flicks and backward scrolls land right.
 */
export class ChapterScrollController implements ReactiveController {
  private readonly host: ChapterScrollHost;
  private readonly options: ChapterScrollOptions;
  private observer: IntersectionObserver | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private root: Element | null = null;
  private observed: HTMLElement[] = [];
  private frame = 0;
  private connected = false;
  /** The chapter a scroll is on its way to: the chapters it passes are not reported meanwhile. */
  private awaited: number | undefined;
  private awaitTimer = 0;

  constructor(host: ChapterScrollHost, options: ChapterScrollOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Chapters may not be rendered yet; observe() runs again after every render of the host.
    this.observe();
  }

  hostUpdated(): void {
    this.observe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.teardown();
    // A move in the DOM disconnects and reconnects in the same task: a scroll under way still counts then.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.awaitChapter(undefined);
    });
  }

  /** (Re)observes the current chapter containers; cheap when nothing changed. */
  private observe(): void {
    if (!this.connected) return;
    const chapters = this.options.chapters();
    const root = this.options.root?.() ?? scrollRoot(this.host);
    if (this.observer && root === this.root && sameElements(chapters, this.observed)) return;
    this.teardown();
    this.root = root;
    this.observed = chapters;
    const target: Element | Document = root ?? this.host.ownerDocument;
    this.root?.addEventListener('scrollend', this.update, { passive: true });
    if (!root) this.host.ownerDocument.addEventListener('scrollend', this.update, { passive: true });
    // A 2%-high band at the middle of the scrollport: a chapter entering or leaving it is the
    // moment the active chapter can change. With `root: document` the margin applies in iframes too.
    this.observer = new IntersectionObserver(this.update, {
      root: target,
      rootMargin: '-49% 0px -49% 0px',
      threshold: 0,
    });
    for (const el of chapters) this.observer.observe(el);
    // A ResizeObserver reports the size it finds when it starts observing, before the next paint;
    // reporting here instead, inside the host's update, would make the host update twice.
    this.resizeObserver = new ResizeObserver(() => this.reportViewport());
    this.resizeObserver.observe(root ?? this.host.ownerDocument.documentElement);
    this.update();
  }

  /**
   * Scrolls so that chapter `index` sits at the reading line. With `wait` (the default for a smooth
   * scroll) the chapters passed on the way are not reported: only `index`, once reached, or
   * whatever is current 2 s later.
   */
  scrollToChapter(index: number, smooth: boolean, wait = smooth): void {
    this.awaitChapter(wait ? index : undefined);
    const el = this.observed[index];
    if (!el) return;
    const rootTop = this.root ? this.root.getBoundingClientRect().top : 0;
    const height = this.viewportHeight();
    const scroller: Element | Window = this.root ?? this.host.ownerDocument.defaultView ?? window;
    const delta = el.getBoundingClientRect().top - rootTop - height * READING_TOP;
    scroller.scrollBy({ top: delta, behavior: smooth ? 'smooth' : 'instant' });
  }

  /** Recomputes the active chapter now (after a render, a resize or a scroll). */
  readonly update = (): void => {
    if (this.frame) return;
    // Batch the callbacks of one frame; reading rects here does not force an extra layout.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.connected || this.observed.length === 0) return;
      const rootTop = this.root ? this.root.getBoundingClientRect().top : 0;
      const line = rootTop + this.viewportHeight() / 2;
      const tops = this.observed.map((el) => el.getBoundingClientRect().top);
      const index = activeIndex(tops, line);
      if (this.awaited !== undefined) {
        if (index !== this.awaited) return;
        this.awaited = undefined;
      }
      this.options.onActive(index);
    });
  };

  /** Ignores the chapters a scroll passes until `index` is reached (for 2 s at most); undefined stops ignoring them. */
  private awaitChapter(index: number | undefined): void {
    this.awaited = index;
    clearTimeout(this.awaitTimer);
    if (index !== undefined) this.awaitTimer = window.setTimeout(() => (this.awaited = undefined), 2000);
  }

  private viewportHeight(): number {
    return this.root ? this.root.clientHeight : (this.host.ownerDocument.defaultView ?? window).innerHeight;
  }

  private reportViewport(): void {
    this.options.onViewportHeight?.(this.viewportHeight());
  }

  private teardown(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.root?.removeEventListener('scrollend', this.update);
    this.host.ownerDocument.removeEventListener('scrollend', this.update);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.observed = [];
  }
}

function sameElements(a: readonly Element[], b: readonly Element[]): boolean {
  return a.length === b.length && a.every((el, i) => el === b[i]);
}
