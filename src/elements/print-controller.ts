import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { targetForChapter, type MapTarget } from '../map/chapter-state.js';
import type { StoryMap } from '../map/story-map.js';
import type { Chapter, Lang, Story } from '../story/types.js';
import { captureFrame } from './still-image.js';

/** What the controller needs from its host element. */
export interface PrintHost extends ReactiveControllerHost, HTMLElement {
  /** The parsed story, once loaded. */
  readonly story: Story | undefined;
}

/** The map of `map` once it is still: its camera and data in place (`idle`). */
function idle(map: StoryMap): Promise<void> {
  return new Promise((resolve) => {
    map.map.once('idle', () => resolve());
    map.map.triggerRepaint();
  });
}

/**
 * Still images of every chapter's map for printing. `prepare()` jumps the map to each chapter in
 * turn, copies its canvas once it is still (a canvas copy, not an image URL: the page's policy may
 * allow no `data:` or `blob:` images) and puts the map back where the reader is; the chapter text
 * shows each image under its title, for print only. The print dialog's `beforeprint` event is
 * synchronous and cannot wait for maps to draw, so on it the images are made only as best it can
 * (they are there when printing takes longer than drawing them); a page that prints on purpose
 * calls `preparePrint()` first and awaits it. Images belong to one story in one language: a new
 * story or language makes them stale, and the next preparation draws them again.
 */
export class PrintController implements ReactiveController {
  private readonly host: PrintHost;
  private readonly map: () => StoryMap | undefined;
  private readonly lang: () => Lang;
  private images = new Map<string, HTMLCanvasElement>();
  private madeFor: { story: Story; lang: Lang } | undefined;
  private making: Promise<number> | undefined;

  /** `map`: the story's map, while there is one; `lang`: the language in effect. */
  constructor(host: PrintHost, options: { map: () => StoryMap | undefined; lang: () => Lang }) {
    this.host = host;
    this.map = options.map;
    this.lang = options.lang;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.ownerDocument.defaultView?.addEventListener('beforeprint', this.onBeforePrint);
  }

  hostDisconnected(): void {
    this.host.ownerDocument.defaultView?.removeEventListener('beforeprint', this.onBeforePrint);
  }

  /** The print image of a chapter, when one was made for this story in this language. */
  readonly image = (chapter: Chapter): HTMLCanvasElement | undefined =>
    this.fresh() ? this.images.get(chapter.id) : undefined;

  /** Makes the print images of every chapter; resolves to how many were made (0 without a map). */
  prepare(): Promise<number> {
    this.making ??= this.make().finally(() => (this.making = undefined));
    return this.making;
  }

  private fresh(): boolean {
    return this.madeFor?.story === this.host.story && this.madeFor?.lang === this.lang();
  }

  private async make(): Promise<number> {
    const map = this.map();
    const story = this.host.story;
    if (!map || !story) return 0;
    await map.firstIdle;
    const lang = this.lang();
    const images = new Map<string, HTMLCanvasElement>();
    // The reader's own state, taken again if the reader moves on while the images are made.
    let back: MapTarget | undefined;
    let shown: MapTarget | undefined;
    for (const chapter of story.chapters) {
      const target = targetForChapter(chapter);
      const before = map.jumpTo(target);
      if (before !== shown) back = before;
      shown = target;
      await idle(map);
      const image = await captureFrame(map.map);
      if (image) images.set(chapter.id, image);
    }
    if (back) {
      const last = map.jumpTo(back);
      if (last !== shown) map.jumpTo(last);
    }
    if (this.host.story !== story || this.map() !== map) return 0;
    for (const image of images.values()) image.setAttribute('aria-hidden', 'true');
    this.images = images;
    this.madeFor = { story, lang };
    this.host.requestUpdate();
    return images.size;
  }

  private readonly onBeforePrint = (): void => {
    if (!this.fresh()) void this.prepare();
  };
}
