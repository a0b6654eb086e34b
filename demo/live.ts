/**
 * Live preview in development (`npm start`, with scripts/vite/live-stories.ts): when the story
 * shown, or a layer file of it, is saved, the story is loaded again in place at the same
 * chapter; while `npm run validate` finds errors in it, they are shown over the page. Not part
 * of a build: `import.meta.hot` is undefined there.
 */
import type { GeoStory } from '../src/elements/geo-story.js';

/** The validator's report on one story (see scripts/vite/live-stories.ts). */
interface StoryProblems {
  story: string;
  lines: string[];
  errors: number;
}

/** The URL path of a file the story names, relative to the story's own URL. */
const pathOf = (file: string, base: string) => new URL(file, base).pathname;

/** Whether a changed file (a URL path on the dev server) is the story or one of its layer files. */
function isPartOf(el: GeoStory, changed: string): boolean {
  const storyUrl = new URL(el.src, location.href).href;
  if (pathOf(el.src, location.href) === changed) return true;
  return (el.story?.layers ?? []).some((layer) => pathOf(layer.file, storyUrl) === changed);
}

/**
 * Loads the story again. The demo page's element follows the address hash, which names the
 * chapter the reader is at, and a story that loads starts at the chapter the hash names.
 */
async function reload(el: GeoStory): Promise<void> {
  const src = el.src;
  el.src = '';
  await el.updateComplete;
  el.src = src;
}

/** Shows the validator's errors over the page, or removes them when there are none. */
function showProblems(problems: StoryProblems): void {
  document.getElementById('geo-story-problems')?.remove();
  if (problems.errors === 0) return;
  const box = document.createElement('section');
  box.id = 'geo-story-problems';
  box.className = 'dev-problems';
  box.setAttribute('role', 'alert');
  box.lang = 'en';
  const heading = document.createElement('strong');
  heading.textContent = `npm run validate ${decodeURIComponent(problems.story).replace(/^\//, '')}`;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => box.remove());
  const text = document.createElement('pre');
  text.textContent = problems.lines.join('\n');
  box.append(heading, close, text);
  document.body.append(box);
}

/** Follows the files of the story `el` shows (call once its `src` is set); does nothing outside the dev server. */
export function followEdits(el: GeoStory): void {
  const hot = import.meta.hot;
  if (!hot) return;
  // Asked before a reload starts: the reload empties `src` for a moment.
  const check = () => hot.send('geo-story:check', { story: pathOf(el.src, location.href) });
  hot.on('geo-story:changed', ({ file }: { file: string }) => {
    if (!el.src || !isPartOf(el, file)) return;
    check();
    void reload(el);
  });
  hot.on('geo-story:problems', (problems: StoryProblems) => {
    if (problems.story === pathOf(el.src, location.href)) showProblems(problems);
  });
  if (el.src) check();
}
