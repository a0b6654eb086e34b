import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { localize, localizedTag } from '../story/lang.js';
import type { Chapter, Lang } from '../story/types.js';
import { t } from './strings.js';

/** What the chapter navigation over the map shows. */
export interface StoryNavView {
  lang: Lang;
  chapters: readonly Chapter[];
  /** Index of the current chapter. */
  current: number;
  /** Goes to chapter `index` and puts the focus on its text, as the previous / next buttons do. */
  go: (index: number) => void;
}

/**
 * The chapter navigation over the map: previous / next buttons, a progress bar with one segment per
 * chapter, and a table of contents behind a "Contents" button; each goes to a chapter, and the
 * current chapter is marked (`aria-current="step"`) in the bar and the contents alike. The
 * progress bar is one Tab stop, its current segment: Left and Right arrows go to the chapter
 * before and after. The contents close on Escape (the focus goes back to their button), on
 * choosing a chapter, and when the focus leaves the navigation.
 */
export class StoryNavController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private open = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  /** A story taken out of the page and put back starts with its contents closed. */
  hostDisconnected(): void {
    this.open = false;
  }

  /** Whether the table of contents is open. */
  get contentsOpen(): boolean {
    return this.open;
  }

  /** The navigation for the current chapter. */
  render(view: StoryNavView): TemplateResult {
    const { lang, chapters, current, go } = view;
    const total = chapters.length;
    return html`<nav
      class="story-nav"
      part="nav"
      aria-label=${t(lang, 'chapters')}
      @focusout=${this.onFocusOut}
      @keydown=${this.onKey}
    >
      <div class="steps">
        <button
          type="button"
          aria-label=${t(lang, 'previous')}
          title=${t(lang, 'previous')}
          ?disabled=${current <= 0}
          @click=${() => go(current - 1)}
        >
          ↑
        </button>
        <span aria-hidden="true">${t(lang, 'progress', { n: current + 1, total })}</span>
        <button
          type="button"
          aria-label=${t(lang, 'next')}
          title=${t(lang, 'next')}
          ?disabled=${current >= total - 1}
          @click=${() => go(current + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="contents-toggle"
          part="contents-toggle"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="contents"
          @click=${() => this.setOpen(!this.open)}
        >
          ${t(lang, 'contents')}
        </button>
      </div>
      <ol class="progress" part="progress" aria-label=${t(lang, 'progressLabel')}>
        ${chapters.map(
          (chapter, i) =>
            html`<li>
              <button
                type="button"
                tabindex=${i === current ? 0 : -1}
                aria-current=${i === current ? 'step' : nothing}
                aria-label=${t(lang, 'announceChapter', { n: i + 1, total, title: localize(chapter.title, lang) })}
                title=${localize(chapter.title, lang)}
                @click=${() => go(i)}
                @keydown=${(e: KeyboardEvent) => this.onProgressKey(e, i, total, go)}
              ></button>
            </li>`,
        )}
      </ol>
      <ol id="contents" class="contents" part="contents" aria-label=${t(lang, 'contents')} ?hidden=${!this.open}>
        ${chapters.map(
          (chapter, i) =>
            html`<li>
              <button
                type="button"
                aria-current=${i === current ? 'step' : nothing}
                @click=${() => {
                  this.setOpen(false);
                  go(i);
                }}
              >
                <span class="n">${i + 1}</span>
                <span lang=${localizedTag(chapter.title, lang)}>${localize(chapter.title, lang)}</span>
              </button>
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  private setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.host.requestUpdate();
  }

  /** Left and Right on the progress bar go to the chapter before and after, the focus with them. */
  private onProgressKey(e: KeyboardEvent, i: number, total: number, go: (index: number) => void): void {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = e.key === 'ArrowLeft' ? i - 1 : e.key === 'ArrowRight' ? i + 1 : -1;
    if (to < 0 || to >= total) return;
    e.preventDefault();
    go(to);
    const bar = (e.currentTarget as HTMLElement).closest('ol');
    void this.host.updateComplete.then(() => bar?.querySelectorAll('button')[to]?.focus());
  }

  /** Escape closes open contents (and only that: not measure mode too) and gives the focus back to their button. */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.open) return;
    e.preventDefault();
    e.stopPropagation();
    this.setOpen(false);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>('.contents-toggle')?.focus();
  };

  private readonly onFocusOut = (e: FocusEvent): void => {
    const nav = e.currentTarget as HTMLElement;
    if (this.open && !(e.relatedTarget instanceof Node && nav.contains(e.relatedTarget))) this.setOpen(false);
  };
}
