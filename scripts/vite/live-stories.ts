/**
 * Live preview of stories in development (`npm start`): saving a story or a layer file tells
 * the open pages, which load the story again in place (demo/live.ts), and a page asks for the
 * validator's report on its story, shown over the page while it has errors.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import type { Plugin, ViteDevServer } from 'vite';

/** Sent to pages when a story or data file changed: `{file}`, the file's URL path on the dev server. */
export const CHANGED_EVENT = 'geo-story:changed';
/** Sent by a page: `{story}`, the URL path of the story it shows, to be checked. */
export const CHECK_EVENT = 'geo-story:check';
/** Sent back to the page: the validator's report on its story. */
export const PROBLEMS_EVENT = 'geo-story:problems';

/** The validator's report on one story, as `npm run validate <story>` prints it. */
export interface StoryProblems {
  /** The URL path the page asked about. */
  story: string;
  /** The printed lines, the summary line last. */
  lines: string[];
  errors: number;
}

// Files a story is made of and that no module imports: the page fetches them.
const STORY_DATA = /\.(md|geojson|json)$/i;

/** The URL path the dev server serves a file at: from the root, or through /@fs/ outside it. */
function urlPath(root: string, file: string): string {
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) return `/@fs${file.split(sep).join('/')}`;
  return `/${rel.split(sep).join('/')}`;
}

/** The file behind a URL path of the dev server, or undefined for a path it would not serve. */
function filePath(server: ViteDevServer, path: string): string | undefined {
  const root = server.config.root;
  const clean = decodeURIComponent(path.split(/[?#]/)[0]!);
  const file = clean.startsWith('/@fs/') ? clean.slice('/@fs'.length) : resolve(root, `.${clean}`);
  const allowed = [root, ...server.config.server.fs.allow].some((dir) => {
    const rel = relative(dir, file);
    return !rel.startsWith('..') && !isAbsolute(rel);
  });
  return allowed ? file : undefined;
}

/** Runs the validator on one story, with its layers, as `npm run validate` run at the root would. */
async function check(server: ViteDevServer, story: string): Promise<StoryProblems> {
  const file = filePath(server, story);
  if (!file) return { story, lines: [`${story}: not a file of this project`], errors: 1 };
  const root = server.config.root;
  const validate = (await tsImport('../validate.ts', import.meta.url)) as typeof import('../validate');
  const shown = relative(root, file).split(sep).join('/');
  const report = validate.checkFiles([shown], validate.nodeHost(root));
  return { story, lines: validate.formatReport(report), errors: report.errors };
}

/** The dev server's part of the live preview; see the file comment. */
export function liveStories(): Plugin {
  return {
    name: 'geo-story:live-stories',
    apply: 'serve',
    configureServer(server) {
      server.ws.on(CHECK_EVENT, (data: { story?: unknown }, client) => {
        if (typeof data?.story !== 'string') return;
        void check(server, data.story).then(
          (problems) => client.send(PROBLEMS_EVENT, problems),
          (error: unknown) => client.send(PROBLEMS_EVENT, { story: data.story, lines: [String(error)], errors: 1 }),
        );
      });
    },
    hotUpdate({ file, modules }) {
      // A file some module imports (the basemap, JSON config) is Vite's to update as usual.
      if (this.environment.name !== 'client' || !STORY_DATA.test(file) || modules.length > 0) return;
      this.environment.hot.send(CHANGED_EVENT, { file: urlPath(this.environment.config.root, file) });
      return [];
    },
  };
}
