import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexPage, ships, shippedStories } from './site-stories';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A story with one layer, `geo/summit.geojson`; `zoom` goes into its chapter's camera as written. */
const story = (id: string, en: string, zoom = '10') => `---
id: ${id}
title: {zh-Hant: 山頂, en: ${en}}
layers:
  - id: summit
    file: ../geo/summit.geojson
    title: {zh-Hant: 山頂, en: Summit}
    style: {color: '#336699'}
---

\`\`\`chapter
id: start
title: {zh-Hant: 開始, en: Start}
camera: {center: [114.2, 22.5], zoom: ${zoom}}
layers: [summit]
\`\`\`

:::zh-Hant
內容
:::

:::en
Text
:::
`;

/** A throwaway project: an index page, a Vite config with the plugin, stories/ and geo/. */
let project: string;
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};
/** `vite build` in the project, as `npm run build` runs it: its exit code and what it printed. */
const viteBuild = () => {
  const run = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: project,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
};

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'geo-story-site-'));
  put('package.json', '{"type": "module"}\n');
  put('index.html', '<!doctype html><html><body></body></html>\n');
  const plugin = JSON.stringify(join(root, 'scripts/vite/site-stories.ts'));
  put('vite.config.ts', `import { siteStories } from ${plugin};\nexport default { plugins: [siteStories()] };\n`);
  mkdirSync(join(project, 'geo'));
  copyFileSync(join(root, 'src/geo/fixtures/validate-geojson/good-layer.geojson'), join(project, 'geo/summit.geojson'));
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('the site build', () => {
  it('fails on a story with an error, naming file, line, field and how to leave it out', () => {
    put('stories/good.md', story('good', 'Good'));
    put('stories/bad.md', story('bad', 'Bad', 'high'));
    const { status, output } = viteBuild();
    expect(status).toBe(1);
    expect(output).toContain('stories/bad.md:14:39: error: chapters[0].camera.zoom: expected a number from 0 to 22');
    expect(output).toContain('site.config.json');
    expect(existsSync(join(project, 'dist/index.html'))).toBe(false);
  }, 60_000);

  it('fails on a broken layer in geo/', () => {
    put('stories/good.md', story('good', 'Good'));
    put('geo/broken.geojson', '{"type": "FeatureCollection", "features": [}');
    const { status, output } = viteBuild();
    expect(status).toBe(1);
    expect(output).toMatch(/geo\/broken\.geojson:1:\d+: error: /);
  }, 60_000);

  it('builds the stories it ships, with an index page linking each in every language it offers', () => {
    put('stories/good.md', story('good', 'Good & <Proper>'));
    put('stories/three.md', story('three', 'Three').replace('\ntitle:', '\nlanguages: [zh-Hans, zh-Hant, en]\ntitle:'));
    put('stories/draft.md', story('draft', 'Draft', 'high'));
    put('site.config.json', JSON.stringify({ stories: ['good.md', 'three.md'] }));
    const { status, output } = viteBuild();
    expect(output).not.toMatch(/: error: /);
    expect(status).toBe(0);
    const page = readFileSync(join(project, 'dist/stories/index.html'), 'utf8');
    expect(page).toContain(
      '<a href="../index.html?story=stories%2Fgood.json&amp;lang=zh-Hant" lang="zh-Hant-HK">山頂</a>',
    );
    expect(page).toContain(
      '<a href="../index.html?story=stories%2Fgood.json&amp;lang=en" lang="en">Good &#38; &#60;Proper&#62;</a>',
    );
    expect(page).not.toContain('Draft');
    expect(page).not.toContain('stories%2Fgood.json&amp;lang=zh-Hans');
    // In the story's order, its Simplified Chinese title converted from the Traditional.
    expect(page).toContain(
      '<h2><a href="../index.html?story=stories%2Fthree.json&amp;lang=zh-Hans" lang="zh-Hans-CN">山顶</a></h2>\n' +
        '        <p><a href="../index.html?story=stories%2Fthree.json&amp;lang=zh-Hant" lang="zh-Hant-HK">山頂</a></p>\n' +
        '        <p><a href="../index.html?story=stories%2Fthree.json&amp;lang=en" lang="en">Three</a></p>',
    );
  }, 60_000);
});

describe('the stories a site ships', () => {
  it('are every story in stories/ without site.config.json, and those it lists with one', () => {
    put('stories/a.md', story('a', 'A'));
    put('stories/b.md', story('b', 'B'));
    put('stories/README.md', '# Stories\n');
    expect(shippedStories(project)).toEqual({ files: ['stories/a.md', 'stories/b.md'] });
    put('site.config.json', '{"stories": ["b.md"]}');
    expect(shippedStories(project)).toEqual({ files: ['stories/b.md'] });
    expect(ships(project, join(project, 'stories/a.md'))).toBe(false);
    expect(ships(project, join(project, 'stories/b.md'))).toBe(true);
    expect(ships(project, join(project, 'stories/photo.png'))).toBe(true);
  });

  it('says what is wrong with site.config.json', () => {
    put('stories/a.md', story('a', 'A'));
    put('site.config.json', '{"stories": ["nowhere.md"]}');
    expect(shippedStories(project)).toEqual({
      error: 'site.config.json: "stories" names stories/nowhere.md, which is not a story in stories/',
    });
    put('site.config.json', '{"stories": "a.md"}');
    expect(shippedStories(project)).toMatchObject({ error: expect.stringContaining('must be a list') });
  });

  it('are listed with an empty index page when there are none', () => {
    expect(indexPage([])).toContain('<ul>\n\n      </ul>');
  });
});
