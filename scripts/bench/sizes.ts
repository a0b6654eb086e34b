/** Sizes of built files, raw and gzip, as the bench reports them. */
import { readdir, readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A file's size, raw and gzip (default level, as a static host compresses it). */
export interface Size {
  file: string;
  raw: number;
  gzip: number;
}

const cache = new Map<string, Promise<Size | undefined>>();

/** Size of a file on disk, undefined when there is none. */
export function sizeOf(file: string, name = file): Promise<Size | undefined> {
  let size = cache.get(file);
  if (!size) {
    size = readFile(file).then(
      (data) => ({ file: name, raw: data.length, gzip: gzipSync(data).length }),
      () => undefined,
    );
    cache.set(file, size);
  }
  return size;
}

/** Size of what a URL of the bench's static server serves from `roots` (first match wins, as the server does). */
export async function sizeOfUrl(url: string, roots: string[]): Promise<Size | undefined> {
  const path = decodeURIComponent(new URL(url).pathname);
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) continue;
    const size = await sizeOf(file, path);
    if (size) return size;
  }
  return undefined;
}

/** Sizes of every file in `dir` (not recursing) whose name passes `keep`, sorted by name. */
export async function sizesIn(dir: string, keep: (name: string) => boolean = () => true): Promise<Size[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isFile() && keep(d.name))
    .map((d) => d.name);
  const sizes = await Promise.all(names.sort().map((n) => sizeOf(resolve(dir, n), n)));
  return sizes.filter((s): s is Size => !!s);
}

/** Kilobytes with one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
