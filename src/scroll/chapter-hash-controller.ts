import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chapterHash, chapterIndexForHash, parseChapterHash } from './chapter-hash.js';

/** What the controller needs from its host element. */
export interface ChapterHashHost extends ReactiveControllerHost, HTMLElement {}

/** Options of a ChapterHashController. */
export interface ChapterHashOptions {
  /** Whether the host follows the location hash now; when false the hash is never read or written. */
  enabled: () => boolean;
  /** The host's story id and chapter ids, in order, once the story is loaded. */
  story: () => { id: string; chapterIds: readonly string[] } | undefined;
  /** Called when the hash changes to name a chapter of this story. */
  onHashChange: (index: number) => void;
}

/** Controllers whose hosts are in a document now: a bare `#<chapter-id>` is taken only when one of them follows the hash. */
const connected = new Set<ChapterHashController>();

/**
 * Deep links to chapters. Reads `#<story-id>/<chapter-id>` (or, when unambiguous, `#<chapter-id>`),
 * writes `#<story-id>/<chapter-id>` with `history.replaceState` (no history entry, no scroll) and
 * listens to `hashchange` while the host is connected. Does nothing while `enabled()` is false.
 */
export class ChapterHashController implements ReactiveController {
  private readonly host: ChapterHashHost;
  private readonly options: ChapterHashOptions;
  private view: Window | undefined;

  constructor(host: ChapterHashHost, options: ChapterHashOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    this.view = this.host.ownerDocument.defaultView ?? undefined;
    this.view?.addEventListener('hashchange', this.onHashChange);
  }

  hostDisconnected(): void {
    connected.delete(this);
    this.view?.removeEventListener('hashchange', this.onHashChange);
    this.view = undefined;
  }

  /** Index of the chapter of the host's story that the location hash names, if any. */
  requested(): number | undefined {
    const story = this.options.enabled() ? this.options.story() : undefined;
    const location = this.view?.location;
    if (!story || !location) return undefined;
    return chapterIndexForHash(location.hash, story.id, story.chapterIds, this.bareIsOurs(location.hash));
  }

  /** Puts `#<story-id>/<chapter-id>` in the address in place of the current hash. */
  write(chapterId: string): void {
    const story = this.options.enabled() ? this.options.story() : undefined;
    const view = this.view;
    if (!story || !view) return;
    const url = new URL(view.location.href);
    url.hash = chapterHash(story.id, chapterId);
    // replaceState, not location.hash: one history entry for the whole story, and no scroll to an anchor.
    if (url.href !== view.location.href) view.history.replaceState(view.history.state, '', url);
  }

  private readonly onHashChange = (): void => {
    const index = this.requested();
    if (index !== undefined) this.options.onHashChange(index);
  };

  /**
   * A bare `#<chapter-id>` belongs to this host only when no other connected element follows the
   * hash and the document has no element of that id (the page's own anchor keeps its meaning).
   */
  private bareIsOurs(hash: string): boolean {
    const named = parseChapterHash(hash);
    if (!named || named.storyId !== undefined) return false;
    if (this.host.ownerDocument.getElementById(named.chapterId)) return false;
    return [...connected].every((c) => c === this || !c.options.enabled());
  }
}
