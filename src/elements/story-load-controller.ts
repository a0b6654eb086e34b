import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/emit.js';
import '../events/geo-story-error.js';
import { isCompiled, readCompiled, type CompiledStory } from '../story/compiled.js';
import { fetchText } from '../story/fetch-text.js';
import { localizedLang, shownLang } from '../story/lang.js';
import { limits } from '../story/limits.js';
import { needsSimplified } from '../story/story-texts.js';
import { formatIssue, type Chapter, type Issue, type Lang, type Story } from '../story/types.js';
import type { SanitizeHtml } from './sanitize-html.js';

let sanitizing: Promise<SanitizeHtml> | undefined;
/** The sanitiser (DOMPurify), a chunk of its own, loaded once per page while the first story is fetched. */
function loadSanitizer(): Promise<SanitizeHtml> {
  sanitizing ??= import('./sanitize-html.js').then((m) => m.sanitizer(window));
  sanitizing.catch(() => (sanitizing = undefined));
  return sanitizing;
}

/**
 * A story file given as Markdown, compiled in the page: the parser (YAML, the schema, Markdown)
 * is a chunk of its own, loaded only for such a file; the build's compiled stories need none of it.
 */
async function compileMarkdown(text: string, file: string): Promise<CompiledStory> {
  const { compileStory } = await import('../story/compile.js').catch((error: Error) => {
    throw new Error(`${file}: the story parser could not be loaded (${error.message})`);
  });
  return compileStory(text, file);
}

/**
 * Fills in the Simplified Chinese of a story compiled in the page, which the author left to
 * conversion: OpenCC is a chunk of its own, loaded only when a reader asks for Simplified Chinese
 * (the build converts the stories it compiles).
 */
async function simplifyInPage(compiled: Pick<CompiledStory, 'story' | 'html'>, file: string): Promise<void> {
  const { simplifyCompiled } = await import('../story/simplify.js').catch((error: Error) => {
    throw new Error(`${file}: the Simplified Chinese converter could not be loaded (${error.message})`);
  });
  simplifyCompiled(compiled);
}

/** What the controller needs from its host element. */
export interface StoryLoadHost extends ReactiveControllerHost, HTMLElement {}

/** Options of a StoryLoadController. */
export interface StoryLoadOptions {
  /** A new load starts: whatever showed the previous story has to go. */
  onReset: () => void;
  /** The story is parsed (perhaps with errors it survives); called before the host renders it. */
  onLoaded: (story: Story) => void;
}

/**
 * Loads the story a `src` names: fetches it (aborting the fetch for a previous `src`), parses it,
 * keeps its issues, fires `geo-story-error` for what is wrong, and keeps the host's `ready` promise,
 * which the host resolves once its map is ready. A fetch still under way when the host leaves the
 * document is aborted, and made again if the host comes back.
 */
export class StoryLoadController implements ReactiveController {
  private readonly host: StoryLoadHost;
  private readonly options: StoryLoadOptions;
  private _story: Story | undefined;
  /** Each chapter's text as HTML, not yet sanitised, by chapter id and language. */
  private _html: CompiledStory['html'] = {};
  /** Chapter texts sanitised so far, by chapter id and language. */
  private readonly bodies = new Map<string, string>();
  private sanitize: SanitizeHtml | undefined;
  private _issues: Issue[] = [];
  private _error = '';
  private _failed = false;
  private _url = '';
  private _startedAt = 0;
  private _ready!: Promise<void>;
  private resolve!: () => void;
  private reject!: (error: Error) => void;
  private settled = false;
  /** Counts fetches: a fetch whose number is not the latest any more has been superseded. */
  private fetchId = 0;
  /** The fetch under way, if any: its `src` and the means to abort it. */
  private fetching: { src: string; abort: AbortController } | undefined;
  /** The `src` of a fetch aborted because the host left the document, to fetch again when it is back. */
  private interrupted: string | undefined;
  /** The story whose Simplified Chinese is being converted in the page, if any. */
  private simplifying: Story | undefined;
  /** Set when a conversion has finished and the host has not yet asked (`takeConverted`). */
  private converted = false;

  constructor(host: StoryLoadHost, options: StoryLoadOptions) {
    this.host = host;
    this.options = options;
    this.newReady();
    host.addController(this);
  }

  /** The parsed story, once loaded. */
  get story(): Story | undefined {
    return this._story;
  }

  /** The language the story is shown in: the host's `lang` when the story offers it (`resolveLang`), else its default. */
  get lang(): Lang {
    return shownLang(this._story, this.host.lang);
  }

  /** Whether Simplified Chinese text has been converted in the page since last asked: the host shows it, the map too. */
  takeConverted(): boolean {
    const converted = this.converted;
    this.converted = false;
    return converted;
  }

  /** A chapter's text in `lang` (or the language it falls back to) as sanitised HTML, sanitised once, when first asked for. */
  body(chapter: Chapter, lang: Lang): string {
    const shown = localizedLang(chapter.body, lang);
    const key = `${chapter.id}\u0000${shown}`;
    let html = this.bodies.get(key);
    if (html === undefined) {
      html = this.sanitize?.(this._html[chapter.id]?.[shown] ?? '', this._url) ?? '';
      this.bodies.set(key, html);
    }
    return html;
  }

  /** Every issue the parser found in the story file, errors and warnings. */
  get issues(): readonly Issue[] {
    return this._issues;
  }

  /** Why the file could not be loaded or is no story at all (when no located issue says so); else ''. */
  get error(): string {
    return this._error;
  }

  /** The latest load ended without a story (the file could not be loaded, or is no story at all). */
  get failed(): boolean {
    return this._failed;
  }

  /** Absolute URL of the story file; its layer files resolve against it. */
  get url(): string {
    return this._url;
  }

  /** When the latest load started (`performance.now()`). */
  get startedAt(): number {
    return this._startedAt;
  }

  /** Resolves once the host says the story is ready; rejects if it cannot be loaded, or for a new `src` once settled. */
  get ready(): Promise<void> {
    return this._ready;
  }

  hostUpdate(): void {
    // A reader switching to Simplified Chinese in a story compiled in the page: convert it now.
    const story = this._story;
    if (!story || this.simplifying || this.lang !== 'zh-Hans' || !needsSimplified(story)) return;
    this.simplifying = story;
    simplifyInPage({ story, html: this._html }, this.host.getAttribute('src') ?? story.file).then(
      () => {
        if (this._story !== story) return;
        this.simplifying = undefined;
        this.converted = true;
        this.host.requestUpdate();
      },
      (error: Error) => {
        if (this._story !== story) return;
        this._error = error.message;
        this.host.requestUpdate();
        emit(this.host, 'geo-story-error', { message: error.message });
      },
    );
  }

  hostConnected(): void {
    const src = this.interrupted;
    this.interrupted = undefined;
    if (src !== undefined) void this.fetchStory(src);
  }

  hostDisconnected(): void {
    // A move in the DOM disconnects and reconnects in the same task: only a removal stops the fetch.
    queueMicrotask(() => {
      if (this.host.isConnected || !this.fetching) return;
      this.fetching.abort.abort();
      this.interrupted = this.fetching.src;
      this.fetching = undefined;
      this.fetchId++;
    });
  }

  /** Starts over with the story at `src` (relative to the page); an empty `src` loads nothing. */
  load(src: string): void {
    this.fetching?.abort.abort();
    this.fetching = undefined;
    this.interrupted = undefined;
    this.fetchId++;
    // A promise that has settled, or that waits on the previous story, cannot speak for the new one.
    if (this.settled || this._story) {
      this.reject(new Error('superseded by a new src'));
      this.newReady();
    }
    this._story = undefined;
    this.simplifying = undefined;
    this._html = {};
    this.bodies.clear();
    this._issues = [];
    this._error = '';
    this._failed = false;
    this._startedAt = performance.now();
    this.options.onReset();
    this.host.requestUpdate();
    if (src) void this.fetchStory(src);
  }

  /** The host has all it needs to show the story: `ready` resolves. */
  resolveReady(): void {
    this.settled = true;
    this.resolve();
  }

  /** Something the story cannot do without failed: `ready` rejects with `message`. */
  rejectReady(message: string): void {
    this.settled = true;
    this.reject(new Error(message));
  }

  private newReady(): void {
    this.settled = false;
    this._ready = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Nobody may be listening; an unhandled rejection would only be noise in the console.
    this._ready.catch(() => undefined);
  }

  private async fetchStory(src: string): Promise<void> {
    const id = ++this.fetchId;
    const url = new URL(src, document.baseURI).href;
    const abort = new AbortController();
    this.fetching = { src, abort };
    // Asked for at once, while the story file comes: a story's text is never shown unsanitised.
    const sanitize = loadSanitizer();
    let result: CompiledStory;
    try {
      const text = await fetchText(url, src, { signal: abort.signal, maxBytes: limits.storyBytes, cap: 'storyBytes' });
      result = isCompiled(text) ? readCompiled(text, src) : await compileMarkdown(text, src);
      // A reader of Simplified Chinese reads it from the start, not after the Traditional.
      if (result.story && shownLang(result.story, this.host.lang) === 'zh-Hans' && needsSimplified(result.story))
        await simplifyInPage(result, src).catch((error: Error) => (this._error = error.message));
      this.sanitize = await sanitize;
    } catch (error) {
      if (id !== this.fetchId) return;
      this.fetching = undefined;
      this.fail((error as Error).message);
      return;
    }
    if (id !== this.fetchId) return;
    this.fetching = undefined;
    this._issues = result.issues;
    this._html = result.html;
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (!result.story) {
      this.fail(errors[0] ? formatIssue(errors[0]) : `${src}: not a story`, errors);
      return;
    }
    if (errors.length) emit(this.host, 'geo-story-error', { message: formatIssue(errors[0]!), issues: errors });
    this._url = url;
    this._story = result.story;
    this.options.onLoaded(result.story);
    this.host.requestUpdate();
  }

  private fail(message: string, issues?: Issue[]): void {
    this._error = issues?.length ? '' : message;
    this._failed = true;
    this.host.requestUpdate();
    this.rejectReady(message);
    emit(this.host, 'geo-story-error', issues?.length ? { message, issues } : { message });
  }
}
