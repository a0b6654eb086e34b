/**
 * The consumer apps of the package tests, each a folder outside this repository (so nothing
 * resolves through the repository's own node_modules) with the packed tarball installed:
 *
 * - `vite-ts`: a Vite app in TypeScript with no Vite config at all (Vite's defaults).
 * - `react`: a React 19 app in TSX with no Vite config, using `geo-story/react`.
 * - `static`: a plain HTML page loading `node_modules/geo-story/lib/geo-story.js`, no bundler.
 *
 * Installs are kept between runs under the system temp folder: an app's node_modules is
 * reinstalled only when its package.json changes; the tarball itself is unpacked into
 * node_modules/geo-story on every run, so each run tests the package just built.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { STRICT_CSP } from '../support/csp.js';

export const root = resolve(import.meta.dirname, '../..');
/** Where the apps live between runs. */
export const appsDir = resolve(tmpdir(), 'geo-story-consumers');

/** The strict policy the README promises (with Trusted Types), as a meta element for the pages. */
export const CSP = STRICT_CSP;

/** The apps' icon, a file: a `data:` image is refused under the policy, and a missing one is a 404. */
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" fill="#cfe2ee"/></svg>';

const run = (cmd: string, args: string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Builds lib/ and packs it; returns the tarball's path and what npm says about it. */
export function packPackage(): { tarball: string; sizeBytes: number; unpackedBytes: number; files: string[] } {
  run('npx', ['tsx', 'scripts/build-package.ts'], root);
  const out = resolve(appsDir, 'pack');
  execFileSync('mkdir', ['-p', out]);
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], root)) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  return {
    tarball: resolve(out, info!.filename),
    sizeBytes: info!.size,
    unpackedBytes: info!.unpackedSize,
    files: info!.files.map((f) => f.path),
  };
}

/** The repository's own version of a dev dependency, so an app installs what the npm cache holds. */
async function repoVersion(name: string): Promise<string> {
  const pkg = JSON.parse(await readFile(resolve(root, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Installs `tarball` into a new empty folder; gives the packages npm added (geo-story excluded). */
export async function installIntoEmptyFolder(tarball: string): Promise<string[]> {
  const dir = resolve(appsDir, 'empty');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(resolve(dir, 'package.json'), JSON.stringify({ name: 'empty', private: true }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
  const lock = JSON.parse(await readFile(resolve(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  return Object.keys(lock.packages)
    .filter((p) => p.startsWith('node_modules/') && p !== 'node_modules/geo-story')
    .map((p) => p.replace(/^.*node_modules\//, ''))
    .sort();
}

/** Writes an app's files, installs its dependencies when its package.json changed, and unpacks the tarball. */
async function prepare(name: string, files: Record<string, string>, tarball: string): Promise<string> {
  const dir = resolve(appsDir, name);
  await mkdir(dir, { recursive: true });
  const pkgFile = resolve(dir, 'package.json');
  const before = existsSync(pkgFile) ? await readFile(pkgFile, 'utf8') : '';
  // The icon at /favicon.svg: from public/ in a Vite app (copied as it is), from the folder on a plain host.
  for (const [file, text] of Object.entries({ 'favicon.svg': FAVICON, 'public/favicon.svg': FAVICON, ...files })) {
    await mkdir(resolve(dir, file, '..'), { recursive: true });
    await writeFile(resolve(dir, file), text);
  }
  const pkg = files['package.json']!;
  if (pkg !== before || !existsSync(resolve(dir, 'node_modules/lit'))) {
    // The package's own dependencies (Lit and its types) come with the tarball the first time.
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-save', tarball], dir);
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir);
  }
  const target = resolve(dir, 'node_modules/geo-story');
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], dir);
  // Layers resolve relative to the story: the sample goes to the site with its layers beside it.
  await rm(resolve(dir, 'public/sample'), { recursive: true, force: true });
  await cp(resolve(target, 'lib/sample'), resolve(dir, 'public/sample'), { recursive: true });
  return dir;
}

const TSCONFIG = (jsx: boolean) =>
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        ...(jsx ? { jsx: 'react-jsx' } : {}),
      },
      include: ['src'],
    },
    null,
    2,
  );

const page = (body: string, head = '') =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<link rel="icon" href="/favicon.svg">\n${head}<title>consumer</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

/** The Vite TypeScript app: the element typed through HTMLElementTagNameMap and its events. */
export async function viteTsApp(tarball: string): Promise<string> {
  return prepare(
    'vite-ts',
    {
      'package.json': JSON.stringify({ name: 'vite-ts', private: true, type: 'module', dependencies: {} }, null, 2),
      'tsconfig.json': TSCONFIG(false),
      'index.html': page(
        '<geo-story src="/sample/three-places.md" lang="en"></geo-story>\n<script type="module" src="/src/main.ts"></script>',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`,
      ),
      'src/main.ts': [
        "import 'geo-story';",
        "import type { GeoStoryChapterChangeDetail } from 'geo-story';",
        '',
        "const story = document.querySelector('geo-story')!;",
        'const changes: GeoStoryChapterChangeDetail[] = [];',
        "story.addEventListener('geo-story-chapter-change', (e) => changes.push(e.detail));",
        "story.addEventListener('geo-story-error', (e) => console.warn(e.detail.message));",
        'const id: string | undefined = story.chapterId;',
        'void id;',
        '(window as unknown as { changes: GeoStoryChapterChangeDetail[] }).changes = changes;',
        '',
      ].join('\n'),
    },
    tarball,
  );
}

/** The React 19 app: `<geo-story>` in TSX with typed props and an event prop. */
export async function reactApp(tarball: string): Promise<string> {
  const deps: Record<string, string> = {};
  for (const name of ['react', 'react-dom', '@types/react', '@types/react-dom']) deps[name] = await repoVersion(name);
  return prepare(
    'react',
    {
      'package.json': JSON.stringify({ name: 'react-app', private: true, type: 'module', dependencies: deps }, null, 2),
      'tsconfig.json': TSCONFIG(true),
      'index.html': page(
        '<div id="root"></div>\n<script type="module" src="/src/main.tsx"></script>',
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`,
      ),
      'src/main.tsx': [
        "import 'geo-story/react';",
        "import { StrictMode, useState } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        '',
        'function App() {',
        "  const [chapter, setChapter] = useState('');",
        '  return (',
        '    <main>',
        '      <p id="chapter">{chapter}</p>',
        '      <geo-story',
        '        src="/sample/three-places.md"',
        '        lang="en"',
        '        ongeo-story-chapter-change={(e) => setChapter(e.detail.id)}',
        '      />',
        '    </main>',
        '  );',
        '}',
        '',
        "createRoot(document.getElementById('root')!).render(",
        '  <StrictMode>',
        '    <App />',
        '  </StrictMode>,',
        ');',
        '',
      ].join('\n'),
    },
    tarball,
  );
}

/** The plain page: the standalone module from node_modules, served as files; goTo() before load. */
export async function staticApp(tarball: string): Promise<string> {
  return prepare(
    'static',
    {
      'package.json': JSON.stringify({ name: 'static-page', private: true, dependencies: {} }, null, 2),
      'index.html': page(
        [
          '<geo-story src="public/sample/three-places.md" lang="en"></geo-story>',
          '<script type="module" src="node_modules/geo-story/lib/geo-story.js"></script>',
          '<script type="module" src="main.js"></script>',
        ].join('\n'),
        `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n`,
      ),
      'main.js': [
        "const story = document.querySelector('geo-story');",
        'window.errors = [];',
        "story.addEventListener('geo-story-error', (e) => window.errors.push(e.detail.message));",
        "await customElements.whenDefined('geo-story');",
        "window.queued = story.goTo('port-shelter');",
        '',
      ].join('\n'),
    },
    tarball,
  );
}
