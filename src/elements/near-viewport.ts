/** How far beyond the viewport (and beyond each scroll container's scrollport) an element counts as near. */
export const NEAR_MARGIN = '50%';

/**
 * Watches whether an element is near the viewport: within half a viewport of it, and within half a
 * scrollport of every scroll container around it (IntersectionObserver `scrollMargin`, where the
 * browser has it; a `rootMargin` alone would only widen the viewport). Calls `onChange` when that flips.
 */
export class NearViewport {
  private readonly element: HTMLElement;
  private readonly onChange: () => void;
  private observer: IntersectionObserver | undefined;
  private _near = false;

  constructor(element: HTMLElement, onChange: () => void) {
    this.element = element;
    this.onChange = onChange;
  }

  /** Whether the element was near the viewport at the last observation. */
  get isNear(): boolean {
    return this._near;
  }

  /** CSS pixels between the element's box and the viewport now; 0 when they overlap. */
  distance(): number {
    const r = this.element.getBoundingClientRect();
    const view = this.element.ownerDocument.defaultView;
    const h = view?.innerHeight ?? 0;
    const w = view?.innerWidth ?? 0;
    const dy = Math.max(0, r.top - h, -r.bottom);
    const dx = Math.max(0, r.left - w, -r.right);
    return Math.hypot(dx, dy);
  }

  /** Starts watching (again). */
  observe(): void {
    this.disconnect();
    const margin = `${NEAR_MARGIN} ${NEAR_MARGIN}`;
    // scrollMargin is newer than the DOM typings: Chromium 120+, ignored elsewhere.
    const init = { rootMargin: margin, scrollMargin: margin, threshold: 0 } as IntersectionObserverInit;
    this.observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (!last || last.isIntersecting === this._near) return;
      this._near = last.isIntersecting;
      this.onChange();
    }, init);
    this.observer.observe(this.element);
  }

  /** Stops watching. */
  disconnect(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
