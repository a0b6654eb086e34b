import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from its host element. */
export interface StorySizeHost extends ReactiveControllerHost, HTMLElement {}

/**
 * The height the layout works with: a fixed height (the host's `height`, else its
 * `--geo-story-height`), inside which the story scrolls, or else the height of the scroller showing
 * the host, which the sticky map follows.
 */
export class StorySizeController implements ReactiveController {
  private readonly host: StorySizeHost;
  private readonly height: () => string;
  private _fixed = '';
  private viewport = 0;

  constructor(host: StorySizeHost, height: () => string) {
    this.host = host;
    this.height = height;
    host.addController(this);
  }

  /** The fixed height in effect, or '' when the story scrolls with its container. */
  get fixed(): string {
    return this._fixed;
  }

  /** The custom properties the layout styles size the grid and the map with. */
  get style(): Record<string, string> {
    return {
      ...(this.viewport ? { '--_vh': `${this.viewport}px` } : {}),
      ...(this._fixed ? { '--_h': this._fixed } : {}),
    };
  }

  hostUpdate(): void {
    // Read before every render: the custom property can change with the page's styles.
    if (this.host.isConnected) {
      this._fixed = this.height().trim() || getComputedStyle(this.host).getPropertyValue('--geo-story-height').trim();
    }
  }

  /** The height of the scrolling viewport changed to `px`. */
  setViewportHeight(px: number): void {
    if (px === this.viewport) return;
    this.viewport = px;
    this.host.requestUpdate();
  }
}
