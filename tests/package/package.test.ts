import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../support/static-server.js';
import { useBrowser } from '../support/use-browser.js';
import { appsDir, installIntoEmptyFolder, packPackage, reactApp, root, staticApp, viteTsApp } from './consumers.js';

/** What a reader sees in a consumer's page: the story title, a drawn map, basemap labels loaded, land drawn. */
interface Rendered {
  title: string;
  canvas: boolean;
  labels: number;
  land: number;
  /** The problem list's lines. */
  problems: (string | null)[];
  chapterId: string | undefined;
}

async function rendered(page: Page): Promise<Rendered> {
  await page.waitForFunction(() => document.querySelector('geo-story')?.map !== undefined, undefined, {
    timeout: 90_000,
  });
  await page.evaluate(() => document.querySelector('geo-story')!.ready);
  // The labels source has been fetched and parsed once its features are queryable.
  await page.waitForFunction(
    () => (document.querySelector('geo-story')!.map!.querySourceFeatures('basemap-labels').length ?? 0) > 0,
    undefined,
    { timeout: 30_000 },
  );
  // The land is drawn once its tiles have been read from the archive and rendered, unless a
  // problem (such as a tile that could not be read) is listed first.
  await page.waitForFunction(
    () => {
      const el = document.querySelector('geo-story')!;
      return (
        el.map!.queryRenderedFeatures({ layers: ['basemap-land'] }).length > 0 ||
        !!el.shadowRoot!.querySelector('[part~="problems"]')
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const el = document.querySelector('geo-story')!;
    return {
      title: el.shadowRoot!.querySelector('h1')?.textContent?.trim() ?? '',
      canvas: !!el.shadowRoot!.querySelector('canvas.maplibregl-canvas'),
      labels: el.map!.querySourceFeatures('basemap-labels').length,
      land: el.map!.queryRenderedFeatures({ layers: ['basemap-land'] }).length,
      problems: [...el.shadowRoot!.querySelectorAll('[part~="problems"] li')].map((li) => li.textContent),
      chapterId: el.chapterId,
    };
  });
}

/** The basemap archive's answers a page receives: status and bytes of each. */
function archiveAnswers(page: Page): { status: number; bytes: number }[] {
  const answers: { status: number; bytes: number }[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.pmtiles')) return;
    void response.body().then(
      (body) => answers.push({ status: response.status(), bytes: body.length }),
      () => answers.push({ status: response.status(), bytes: -1 }),
    );
  });
  return answers;
}

const TITLE = 'Hills and bays: three places shared by Shenzhen and Hong Kong';
const tsc = (project: string) =>
  execFileSync(resolve(root, 'node_modules/.bin/tsc'), ['-p', project], { encoding: 'utf8', stdio: 'pipe' });

describe('the packed package, as consumers use it', () => {
  const withPage = useBrowser();
  let tarball = '';
  let files: string[] = [];
  const closers: (() => Promise<void>)[] = [];
  let nodeEnv: string | undefined;

  beforeAll(() => {
    nodeEnv = process.env.NODE_ENV;
    // Vitest sets NODE_ENV=test; consumers build for production (Lit's production build).
    process.env.NODE_ENV = 'production';
    ({ tarball, files } = packPackage());
  });
  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    for (const close of closers) await close();
  });

  it('passes publint and ships no source maps, no src/, no repository manifest', async () => {
    const out = execFileSync(resolve(root, 'node_modules/.bin/publint'), ['run', '--strict', root], {
      encoding: 'utf8',
    });
    expect(out).toContain('All good');
    expect(files.filter((f) => f.endsWith('.map') || f.startsWith('src/'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'NOTICE', 'CHANGELOG.md', 'lib/custom-elements.json']));
    expect(files).not.toContain('custom-elements.json');
    // The public types import only packages the package declares (pnpm installs nothing else for them).
    const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    const types = await readFile(resolve(root, 'lib/index.d.ts'), 'utf8');
    // Import and export statements only: doc comments hold examples such as `from 'geo-story'`.
    const imported = [...types.matchAll(/^(?:import|export)\b[^;]*?\sfrom '([^'.][^']*)'/gm)].map((m) =>
      m[1]!.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1'),
    );
    const typePackage = (name: string) => (declared.has(name) ? name : `@types/${name}`);
    expect([...new Set(imported)].map(typePackage).filter((name) => !declared.has(name))).toEqual([]);
    for (const f of files.filter((f) => /\.m?js$/.test(f)))
      expect(await readFile(resolve(root, f), 'utf8'), f).not.toMatch(/sourceMappingURL/);
  });

  it('installs into an empty folder with only the packages its public types need', async () => {
    const added = await installIntoEmptyFolder(tarball);
    expect(added).toEqual([
      '@lit-labs/ssr-dom-shim',
      '@lit/reactive-element',
      '@types/geojson',
      '@types/trusted-types',
      'lit',
      'lit-element',
      'lit-html',
    ]);
    // Server rendering: importing the package in Node does not throw.
    const out = execFileSync(
      'node',
      ['--input-type=module', '-e', "import('geo-story').then((m) => console.log(Object.keys(m).join()))"],
      {
        cwd: resolve(tarball, '../../empty'),
        encoding: 'utf8',
      },
    );
    expect(out.trim().split(',')).toEqual(expect.arrayContaining(['GeoStory', 'GeoStoryLayers']));
  });

  it('a Vite TypeScript app with default settings type-checks, and shows the story in dev and in its build', async () => {
    const dir = await viteTsApp(tarball);
    tsc(dir);
    const dev: ViteDevServer = await createServer({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      server: { port: 0, host: '127.0.0.1' },
    });
    await dev.listen();
    closers.push(() => dev.close());
    const devUrl = dev.resolvedUrls!.local[0]!;
    await withPage(devUrl, { httpErrors: true }, async ({ page, errors }) => {
      const answers = archiveAnswers(page);
      await page.goto(devUrl);
      const r = await rendered(page);
      expect(r).toMatchObject({ title: TITLE, canvas: true, problems: [] });
      expect(r.labels).toBeGreaterThan(0);
      expect(r.land).toBeGreaterThan(0);
      // Vite's dev server answers the archive under node_modules by byte ranges.
      expect(answers.length).toBeGreaterThan(0);
      expect(answers.every((a) => a.status === 206)).toBe(true);
      expect(errors).toEqual([]);
    });
    await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: resolve(dir, 'dist'), emptyOutDir: true },
    });
    const server = await startStaticServer([resolve(dir, 'dist')]);
    closers.push(server.close);
    await withPage(server.url, { httpErrors: true }, async ({ page, errors }) => {
      const answers = archiveAnswers(page);
      await page.goto(server.url);
      const r = await rendered(page);
      expect(r).toMatchObject({ title: TITLE, canvas: true, problems: [] });
      expect(r.labels).toBeGreaterThan(0);
      expect(r.land).toBeGreaterThan(0);
      expect(answers.every((a) => a.status === 206)).toBe(true);
      const bytes = answers.reduce((sum, a) => sum + a.bytes, 0);
      console.log(`basemap archive, first view, by ranges: ${answers.length} requests, ${bytes} bytes`);
      expect(errors).toEqual([]);
    });
  });

  // The build of the test before, served as `python3 -m http.server` serves files.
  it('the Vite app build, on a host without range requests, still draws the land from the whole archive', async () => {
    const server = await startStaticServer([resolve(appsDir, 'vite-ts/dist')], {}, { ranges: false });
    closers.push(server.close);
    await withPage(server.url, { httpErrors: true }, async ({ page, errors }) => {
      const answers = archiveAnswers(page);
      // Every geo-story-error of the page (they bubble out of the element, composed).
      await page.addInitScript(() => {
        const said: string[] = [];
        (window as unknown as { said: string[] }).said = said;
        document.addEventListener('geo-story-error', (e) => said.push(e.detail.message));
      });
      await page.goto(server.url);
      const r = await rendered(page);
      expect(r).toMatchObject({ title: TITLE, canvas: true, problems: [] });
      expect(r.land).toBeGreaterThan(0);
      // The host sent the whole archive, once; every tile came from it.
      expect(answers.map((a) => a.status)).toEqual([200]);
      console.log(`basemap archive, first view, whole: ${answers[0]!.bytes} bytes`);
      expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });

  // A bundler inlines small files as data: URLs (Vite below 4 KB), which a strict connect-src blocks
  // in MapLibre's worker: the package fetches no file that small by URL.
  it('a Vite app build with default settings inlines no basemap file as a data: URL', async () => {
    const assets = resolve(appsDir, 'vite-ts/dist/assets');
    for (const file of await readdir(assets)) {
      if (file.endsWith('.js'))
        expect(await readFile(resolve(assets, file), 'utf8'), file).not.toContain('data:application/geo+json');
    }
  });

  it('a React 19 app type-checks its TSX and shows the story from its build', async () => {
    const dir = await reactApp(tarball);
    tsc(dir);
    await build({
      root: dir,
      configFile: false,
      logLevel: 'warn',
      build: { outDir: resolve(dir, 'dist'), emptyOutDir: true },
    });
    const server = await startStaticServer([resolve(dir, 'dist')]);
    closers.push(server.close);
    await withPage(server.url, { httpErrors: true }, async ({ page, errors }) => {
      await page.goto(server.url);
      const r = await rendered(page);
      expect(r).toMatchObject({ title: TITLE, canvas: true, problems: [] });
      expect(r.labels).toBeGreaterThan(0);
      // The event prop is a listener: a chapter change reaches React's state.
      await page.evaluate(() => document.querySelector('geo-story')!.goTo('port-shelter'));
      await page.waitForFunction(() => document.querySelector('#chapter')?.textContent === 'port-shelter');
      expect(errors).toEqual([]);
    });
  });

  it('a plain page loads the standalone module with no bundler; goTo() before load is queued', async () => {
    const dir = await staticApp(tarball);
    const server = await startStaticServer([dir]);
    closers.push(server.close);
    await withPage(server.url, { httpErrors: true }, async ({ page, errors }) => {
      await page.goto(server.url);
      const r = await rendered(page);
      expect(r).toMatchObject({ title: TITLE, canvas: true, chapterId: 'port-shelter', problems: [] });
      expect(r.labels).toBeGreaterThan(0);
      expect(await page.evaluate(() => (window as unknown as { queued: boolean }).queued)).toBe(true);
      // A queued chapter the story does not have is reported, not dropped.
      const message = await page.evaluate(async () => {
        const el = document.createElement('geo-story');
        const error = new Promise<string>((ok) => el.addEventListener('geo-story-error', (e) => ok(e.detail.message)));
        el.goTo('nowhere');
        el.src = 'public/sample/three-places.md';
        document.body.append(el);
        return error;
      });
      expect(message).toBe(
        'goTo("nowhere"): story "three-chapters" has no such chapter (chapters: corridor, mirs-bay, port-shelter)',
      );
      expect(errors).toEqual([]);
    });
  });
});
