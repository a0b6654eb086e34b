import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isMapCanvas, keyOrigin, ownsArrows, ownsSpace } from './key-target.js';

/** What the controller needs from its host element. */
export interface KeyboardNavHost extends ReactiveControllerHost, HTMLElement {
  /** The shadow root holding the text column (`.text`), the chapters (`[data-chapter-id]`) and the map's end marker (`.map-end`). */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Options of a KeyboardNavController. */
export interface KeyboardNavOptions {
  /** Index of the current chapter. */
  index: () => number;
  /** Number of chapters; 0 before a story is loaded. */
  total: () => number;
  /** Goes to chapter `index` (scrolling there); false when there is none. */
  goTo: (index: number) => boolean;
}

/** The chapter a key asks for, relative (`step`) or absolute (`to`), or undefined for a key that is not ours. */
type KeyMove = { step: number } | { to: 'first' | 'last' } | undefined;

/** Which chapter move a key press means, before looking at where it landed. */
function keyMove(e: KeyboardEvent): KeyMove {
  if (e.altKey || e.ctrlKey || e.metaKey) return undefined;
  if (e.key === ' ') return { step: e.shiftKey ? -1 : 1 };
  // Shift with the other keys selects text, or rotates and tilts the map.
  if (e.shiftKey) return undefined;
  if (e.key === 'ArrowDown' || e.key === 'PageDown') return { step: 1 };
  if (e.key === 'ArrowUp' || e.key === 'PageUp') return { step: -1 };
  if (e.key === 'Home') return { to: 'first' };
  if (e.key === 'End') return { to: 'last' };
  return undefined;
}

/**
 * Chapter navigation from the keyboard, while focus is anywhere in the host: ArrowDown, PageDown
 * and Space go to the next chapter, ArrowUp, PageUp and Shift+Space to the previous one, Home and
 * End to the first and last. Keys keep their meaning where they have one: in fields, Space on
 * buttons, links and checkboxes, and the arrow keys on the focused map canvas, which pan it. At
 * either end of the story the key is left to the browser, so the page scrolls on past the element.
 */
export class KeyboardNavController implements ReactiveController {
  private readonly host: KeyboardNavHost;
  private readonly options: KeyboardNavOptions;

  constructor(host: KeyboardNavHost, options: KeyboardNavOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
  }

  /** Goes to chapter `index` and puts the focus on its text (the previous / next buttons, the contents). */
  go(index: number): void {
    if (this.options.goTo(index)) this.chapter(index)?.focus({ preventScroll: true });
  }

  /** Moves the focus past the map (the skip link). */
  skipMap(): void {
    const end = this.host.renderRoot.querySelector<HTMLElement>('.map-end');
    if (!end) return;
    // A Tab stop only while it holds the focus: from a tabindex="-1" element that ends a shadow
    // root Chromium's Tab wraps to the root's first control instead of leaving the element.
    end.tabIndex = 0;
    end.addEventListener('blur', () => end.removeAttribute('tabindex'), { once: true });
    end.focus({ preventScroll: true });
  }

  /** The text container of chapter `index`, which takes the focus when the reader was in the text. */
  private chapter(index: number): HTMLElement | undefined {
    return this.host.renderRoot.querySelectorAll<HTMLElement>('[data-chapter-id]')[index];
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    const move = keyMove(e);
    const total = this.options.total();
    if (e.defaultPrevented || !move || total === 0) return;
    const origin = keyOrigin(e);
    if (e.key === ' ' ? ownsSpace(origin) : ownsArrows(origin)) return;
    if (isMapCanvas(origin) && e.key.startsWith('Arrow')) return;
    const index = 'step' in move ? this.options.index() + move.step : move.to === 'first' ? 0 : total - 1;
    if (index < 0 || index >= total) return;
    e.preventDefault();
    this.options.goTo(index);
    const text = this.host.renderRoot.querySelector('.text');
    // A reader in the text reads on in the new chapter; one on the map stays where they are.
    if (text && e.composedPath().includes(text)) this.chapter(index)?.focus({ preventScroll: true });
  };
}
