import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from its host element. */
export interface StorySizeHost extends ReactiveControllerHost, HTMLElement {
  /** Where the host renders: the layout element (`.layout`) the sizes are set on is found there. */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The height the layout works with: a fixed height (the host's `height`, else its
 * `--geo-story-height`), inside which the story scrolls, or else the height of the scroller showing
 * the host, which the sticky map follows. Both reach the layout's styles as custom properties set
 * through the CSSOM (`style.setProperty`), never as a `style` attribute, which a page's policy may
 * refuse (`style-src` without `'unsafe-inline'`, or `style-src-attr 'none'`).
 */
export class StorySizeController implements ReactiveController {
  private readonly host: StorySizeHost;
  private readonly height: () => string;
  private _fixed = '';
  private viewport = 0;

  /** `height`: the host's `height` property. */
  constructor(host: StorySizeHost, height: () => string) {
    this.host = host;
    this.height = height;
    host.addController(this);
  }

  /** The fixed height in effect, or '' when the story scrolls with its container. */
  get fixed(): string {
    return this._fixed;
  }

  /** The custom properties the layout styles size the grid and the map with ('' for none). */
  get style(): Record<string, string> {
    return { '--_vh': this.viewport ? `${this.viewport}px` : '', '--_h': this._fixed };
  }

  hostUpdate(): void {
    // Read before every render: the custom property can change with the page's styles.
    if (this.host.isConnected) {
      this._fixed = this.height().trim() || getComputedStyle(this.host).getPropertyValue('--geo-story-height').trim();
    }
  }

  hostUpdated(): void {
    this.apply();
  }

  /** The height of the scrolling viewport changed to `px`. */
  setViewportHeight(px: number): void {
    if (px === this.viewport) return;
    this.viewport = px;
    this.apply();
  }

  private apply(): void {
    const style = this.host.renderRoot?.querySelector<HTMLElement>('.layout')?.style;
    if (!style) return;
    for (const [name, value] of Object.entries(this.style)) {
      if (!value) style.removeProperty(name);
      else if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    }
  }
}
