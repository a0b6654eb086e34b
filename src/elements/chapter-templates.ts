import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { ResolvedMeasure } from '../geo/chapter-measure.js';
import { formatStretch } from '../geo/format.js';
import { langTag, localize, localizedTag } from '../story/lang.js';
import {
  DEFAULT_LANGUAGES,
  formatIssue,
  LANGS,
  type Chapter,
  type ChapterMeasure,
  type Issue,
  type Lang,
  type Story,
} from '../story/types.js';
import { dashKey, layerSwatch } from './legend-swatch.js';
import { t } from './strings.js';
import type { PanelLayer } from './summaries.js';

/** What the chapter list shows. */
export interface ChapterListView {
  chapters: readonly Chapter[];
  /** Index of the current chapter. */
  current: number;
  lang: Lang;
  /** A chapter's body in `lang`, as sanitised HTML. */
  body: (chapter: Chapter) => string;
  /** The map, once ready: it works out declared measurements on its layers' data. */
  map: { resolveMeasure(measure: ChapterMeasure): ResolvedMeasure | undefined } | undefined;
  /** A chapter's still image for printing, once made (PrintController). */
  print: (chapter: Chapter) => HTMLCanvasElement | undefined;
  /** Every layer of the story, in the current language: each legend shows its chapter's own. */
  layers: readonly PanelLayer[];
}

/**
 * The story heading: language switch, title (or what keeps it from showing), subtitle and the
 * reading hint. While the story loads, the page's own `slot="prerendered"` content (the story
 * rendered into the page at build time) shows in its place, if the page has any.
 * @example storyHeader(story, lang, loader.failed, (l) => (this.lang = l))
 */
export function storyHeader(
  story: Story | undefined,
  lang: Lang,
  failed: boolean,
  selectLang: (lang: Lang) => void,
): TemplateResult {
  const header = html`<header part="header">
    <div class="toolbar">${langSwitch(story, lang, selectLang)}</div>
    <h1 part="title" lang=${story ? localizedTag(story.title, lang) : langTag(lang)}>
      ${story ? localize(story.title, lang) : failed ? t(lang, 'storyFailed') : t(lang, 'loadingStory')}
    </h1>
    ${
      story?.subtitle
        ? html`<p class="subtitle" lang=${localizedTag(story.subtitle, lang)}>${localize(story.subtitle, lang)}</p>`
        : nothing
    }
    ${story ? html`<p class="hint">${t(lang, 'scrollHint')}</p>` : nothing}
  </header>`;
  return story || failed ? header : html`<slot name="prerendered">${header}</slot>`;
}

/**
 * The problems found in the story and its layer files: why they could not be loaded, and their
 * errors (in English, as the parser words them); nothing when there are none.
 * @example problems(lang, [loader.error, ...failures.problems.messages], [...loader.issues, ...failures.problems.issues])
 */
export function problems(
  lang: Lang,
  messages: readonly string[],
  issues: readonly Issue[],
): TemplateResult | typeof nothing {
  const errors = issues.filter((i) => i.severity === 'error');
  const said = messages.filter((m) => m !== '');
  if (said.length === 0 && errors.length === 0) return nothing;
  return html`<section class="problems" part="problems" role="alert">
    <strong>${t(lang, 'storyProblems')}</strong>
    <ul lang="en">
      ${said.map((m) => html`<li>${m}</li>`)} ${errors.map((i) => html`<li>${formatIssue(i)}</li>`)}
    </ul>
  </section>`;
}

/**
 * The chapters of the text, in order, the current one marked.
 * @example chapterList({ chapters: story.chapters, current, lang, body, map, print, layers })
 */
export function chapterList(view: ChapterListView): TemplateResult {
  return html`<ol class="chapters" part="chapters" aria-label=${t(view.lang, 'chapters')}>
    ${view.chapters.map((chapter, index) => chapterItem(view, chapter, index))}
  </ol>`;
}

/** The languages the switch offers: the story's, in its order; before it loads, the usual two and the current one. */
function offeredLanguages(story: Story | undefined, current: Lang): readonly Lang[] {
  return story?.languages ?? LANGS.filter((lang) => DEFAULT_LANGUAGES.includes(lang) || lang === current);
}

/**
 * The language buttons: one per language, each showing its name in its own language, the current one
 * pressed. The visible name is the accessible name, so speech input ("click English") finds it.
 */
function langSwitch(story: Story | undefined, current: Lang, select: (lang: Lang) => void): TemplateResult {
  return html`<div class="lang-switch" role="group" part="lang-switch" aria-label=${t(current, 'languageGroup')}>
    ${offeredLanguages(story, current).map(
      (lang) =>
        html`<button
          type="button"
          lang=${langTag(lang)}
          aria-pressed=${lang === current ? 'true' : 'false'}
          @click=${() => select(lang)}
        >
          ${t(lang, 'languageName')}
        </button>`,
    )}
  </div>`;
}

/** One chapter, as an item of the list: heading, map image for print, body, declared measurement, legend and sources. */
function chapterItem(view: ChapterListView, chapter: Chapter, index: number): TemplateResult {
  const { lang, layers } = view;
  const active = index === view.current;
  const headingId = `chapter-${index}-title`;
  // Worked out on the layer's data, which the map loads; the text shows it once the map is ready.
  const measured = chapter.measure && view.map?.resolveMeasure(chapter.measure);
  const printed = view.print(chapter);
  // Simplified text the author did not write, but the build (or the viewer) converted from the Traditional.
  const converted = lang === 'zh-Hans' && !!chapter.converted;
  return html`<li>
    <article
      class="chapter ${active ? 'active' : ''}"
      part="chapter"
      data-chapter-id=${chapter.id}
      aria-labelledby=${headingId}
      aria-current=${active ? 'step' : nothing}
      tabindex="-1"
    >
      <h2 id=${headingId} lang=${localizedTag(chapter.title, lang)}>${localize(chapter.title, lang)}</h2>
      ${printed ? html`<figure class="print-map" part="print-map">${printed}</figure>` : nothing}
      <div class="body" lang=${localizedTag(chapter.body, lang)} ?data-converted=${converted}>
        ${unsafeHTML(view.body(chapter))}
      </div>
      ${converted ? html`<p class="converted" part="converted-note">${t(lang, 'convertedNote')}</p>` : nothing}
      ${chapterMeasure(chapter, measured, layers, lang)} ${legend(chapter, layers, lang)}
      ${
        chapter.sources.length
          ? html`<footer class="sources">
              <h3>${t(lang, 'sources')}</h3>
              <ul>
                ${chapter.sources.map(
                  (s) =>
                    html`<li lang=${localizedTag(s.title, lang)}>
                      ${s.url ? html`<a href=${s.url} target="_blank" rel="noopener noreferrer">${localize(s.title, lang)}</a>` : localize(s.title, lang)}
                    </li>`,
                )}
              </ul>
            </footer>`
          : nothing
      }
    </article>
  </li>`;
}

/** The chapter's declared measurement in one line of its text, once worked out. */
function chapterMeasure(
  chapter: Chapter,
  m: ResolvedMeasure | undefined,
  layers: readonly PanelLayer[],
  lang: Lang,
): TemplateResult | typeof nothing {
  const declared = chapter.measure;
  if (!declared || !m) return nothing;
  const f = formatStretch(m.fromChainageMeters, m.toChainageMeters, m.straightMeters, lang);
  const layer = layers.find((l) => l.id === declared.layer)?.title ?? declared.layer;
  return html`<p class="chapter-measure" part="chapter-measure">
    ${t(lang, 'chapterMeasure', { layer, along: f.along, from: f.from, to: f.to, straight: f.straight })}
  </p>`;
}

/** The chapter's legend: a swatch and title for each of its own layers, and the key to a layer's dashed features. */
function legend(chapter: Chapter, all: readonly PanelLayer[], lang: Lang): TemplateResult | typeof nothing {
  const layers = all.filter((l) => chapter.layers.includes(l.id));
  if (layers.length === 0) return nothing;
  return html`<ul class="legend" part="legend" aria-label=${t(lang, 'legend')}>
    ${layers.map((l) => {
      const key = dashKey(l.style, l.geometry, lang);
      if (l.unavailable)
        return html`<li class="unavailable" data-layer=${l.id}>
          ${layerSwatch(l.style, l.geometry)}
          <span>${l.title}</span>
          <span class="reason">${l.unavailable}</span>
        </li>`;
      return html`<li data-layer=${l.id}>
          ${layerSwatch(l.style, l.geometry)}
          <span>${l.title}</span>
        </li>
        ${key ? html`<li class="dash-key">${key}</li>` : nothing}`;
    })}
  </ul>`;
}
