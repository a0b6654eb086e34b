/**
 * The stories a built site ships: which ones (site.config.json, or every story in stories/),
 * checked as `npm run validate` checks them before anything is built, and listed on an index
 * page, stories/index.html, that links each to the viewer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin } from 'vite';
import { langTag, localize } from '../../src/story/lang.js';
import type { Lang, Localized } from '../../src/story/types.js';

/**
 * The validator and the story parser, loaded when a build starts rather than imported: Vite
 * bundles its config with what it imports, and these are TypeScript modules written for a
 * bundler (imports without extensions), which tsx runs as they are.
 */
async function loadValidator() {
  const [validate, parse, simplify] = await Promise.all([
    tsImport('../validate.ts', import.meta.url) as Promise<typeof import('../validate')>,
    tsImport('../../src/story/parse.ts', import.meta.url) as Promise<typeof import('../../src/story/parse')>,
    tsImport('../../src/story/simplify.ts', import.meta.url) as Promise<typeof import('../../src/story/simplify')>,
  ]);
  return { ...validate, parseStory: parse.parseStory, simplifyStory: simplify.simplifyStory };
}

/** The story files in stories/ (a README.md is documentation), as paths from the project's root, sorted. */
function storyFiles(root: string): string[] {
  try {
    return readdirSync(resolve(root, 'stories'), { recursive: true, encoding: 'utf8' })
      .map((name) => `stories/${name.split('\\').join('/')}`)
      .filter((f) => /\.md$/i.test(f) && !/(^|\/)readme\.md$/i.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** The file, at the project's root, that lists the stories a built site ships. */
export const SITE_CONFIG = 'site.config.json';

/** A shipped story as its index page lists it. */
export interface ListedStory {
  /** Path from the project's root, e.g. `stories/gba-cooperation.md`. */
  file: string;
  /** The languages the story offers, in its order. */
  languages: readonly Lang[];
  /** In each of its languages, Simplified Chinese converted where the author left it to conversion. */
  title: Localized;
  subtitle?: Localized;
}

/** The compiled file of a story file, which the build writes beside it: `stories/a.md` becomes `stories/a.json`. */
export function compiledName(file: string): string {
  return file.replace(/\.md$/i, '.json');
}

/** The stories to ship, as paths from the project's root, or why the config cannot say. */
export function shippedStories(root: string): { files: string[] } | { error: string } {
  const all = storyFiles(root);
  const configPath = resolve(root, SITE_CONFIG);
  if (!existsSync(configPath)) return { files: all };
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    return { error: `${SITE_CONFIG}: not valid JSON (${(error as Error).message})` };
  }
  const stories = (config as { stories?: unknown } | null)?.stories;
  if (stories === undefined) return { files: all };
  if (!Array.isArray(stories) || stories.some((s) => typeof s !== 'string')) {
    return { error: `${SITE_CONFIG}: "stories" must be a list of story files in stories/, e.g. ["my-story.md"]` };
  }
  const files = (stories as string[]).map((name) => `stories/${name.replace(/^(\.\/)?stories\//, '')}`);
  const unknown = files.filter((f) => !all.includes(f));
  if (unknown.length > 0) {
    return { error: `${SITE_CONFIG}: "stories" names ${unknown.join(', ')}, which is not a story in stories/` };
  }
  return { files: [...new Set(files)] };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The index page of the built site's stories (at stories/index.html): each title in every language
 * the story offers, in its order, linked to the viewer showing its compiled file in that language.
 */
export function indexPage(stories: readonly ListedStory[]): string {
  const link = (story: ListedStory, lang: Lang) =>
    `../index.html?story=${encodeURIComponent(compiledName(story.file))}&amp;lang=${lang}`;
  const titled = (story: ListedStory, lang: Lang) =>
    `<a href="${link(story, lang)}" lang="${langTag(lang)}">${escapeHtml(localize(story.title, lang))}</a>`;
  const items = stories.map((story) => {
    const [first, ...others] = story.languages;
    const subtitle = story.subtitle;
    const sub = subtitle
      ? `\n        <p>${story.languages.map((lang) => `<span lang="${langTag(lang)}">${escapeHtml(localize(subtitle, lang))}</span>`).join(' · ')}</p>`
      : '';
    return `      <li>
        <h2>${titled(story, first!)}</h2>
${others.map((lang) => `        <p>${titled(story, lang)}</p>`).join('\n')}${sub}
      </li>`;
  });
  return `<!doctype html>
<html lang="zh-Hant-HK">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; style-src 'self'" />
    <title>故事 · Stories</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="index.css" />
  </head>
  <body>
    <main>
      <h1>故事 <span lang="en">· Stories</span></h1>
      <ul>
${items.join('\n')}
      </ul>
    </main>
  </body>
</html>
`;
}

const INDEX_CSS = `body { margin: 0; background: #f7f7f5; color: #1a1a1a; font: 1rem/1.5 system-ui, sans-serif; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem; }
ul { list-style: none; padding: 0; }
li { margin: 0 0 1.5rem; }
h2 { margin: 0; font-size: 1.25rem; }
p { margin: 0.25rem 0 0; }
a { color: #0b4f8a; }
`;

/**
 * Before a build: checks every story the site ships and every layer in geo/, as `npm run
 * validate` does, and fails the build on any error (warnings are printed). Then writes
 * stories/index.html listing the shipped stories. Only shipped stories are copied beside the
 * site (see `ships`).
 */
export function siteStories(): Plugin {
  let root = process.cwd();
  let listed: ListedStory[] = [];
  return {
    name: 'geo-story:site-stories',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      const shipped = shippedStories(root);
      if ('error' in shipped) this.error(shipped.error);
      const { checkFiles, defaultFiles, formatReport, nodeHost, parseStory, simplifyStory } = await loadValidator();
      const host = nodeHost(root);
      const layers = defaultFiles(host).filter((f) => f.startsWith('geo/'));
      const report = checkFiles([...shipped.files, ...layers], host);
      const lines = formatReport(report);
      if (report.errors > 0) {
        this.error(
          `the site does not build: its stories or layers have errors (npm run validate says the same)\n${lines.join('\n')}\n` +
            `To leave a story out of the site, list the stories it ships in ${SITE_CONFIG}: {"stories": ["a.md", "b.md"]}`,
        );
      }
      for (const line of lines.slice(0, -1)) this.warn(line);
      listed = shipped.files.flatMap((file) => {
        const read = host.read(file);
        const story = 'text' in read ? parseStory(read.text, file).story : undefined;
        if (!story) return [];
        simplifyStory(story);
        const { languages, title, subtitle } = story;
        return [{ file, languages, title, ...(subtitle && { subtitle }) }];
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'stories/index.html', source: indexPage(listed) });
      this.emitFile({ type: 'asset', fileName: 'stories/index.css', source: INDEX_CSS });
    },
  };
}

/** Whether a file under stories/ (an absolute path) is copied beside the built site: anything but a story not shipped. */
export function ships(root: string, path: string): boolean {
  if (!path.endsWith('.md')) return true;
  const shipped = shippedStories(root);
  return 'files' in shipped && shipped.files.some((f) => resolve(root, f) === path);
}
