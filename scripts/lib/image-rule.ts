/**
 * The validator's check of the images in chapter text (docs/story-format.md, "Images"): each has
 * alt text, an allowed src, stands on its own line with its size declared, and a file beside the
 * story exists with the ratio the size declares, within the caps on an image's bytes and pixels.
 */
import { posix } from 'node:path';
import { imageSize } from 'image-size';
import { chapterImages } from '../../src/story/figures';
import { formatBytes } from '../../src/story/fetch-text';
import { DEFAULT_CAPS, DEFAULT_IMAGE_BYTES } from '../../src/story/limits';
import { chapterBodyLine } from '../../src/story/positions';
import { LANGS, type Issue, type Story } from '../../src/story/types';

/** A file's bytes, or why they could not be read. */
export type BytesResult = { bytes: Uint8Array } | { error: string };

/** Declared and real ratios may differ by this much (rounding a size to whole pixels). */
const RATIO_TOLERANCE = 0.01;

/** The line and column of an offset in a text whose first line is file line `firstLine`. */
function lineAndColumn(text: string, offset: number, firstLine: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: firstLine + before.length - 1, column: before.at(-1)!.length + 1 };
}

/** The file a relative src names: without query or fragment, percent-escapes decoded when they are valid. */
function fileName(src: string): string {
  const path = src.split(/[?#]/)[0]!;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** The issues of every image in the chapters of `story`; `bytes` reads a file relative to the working directory. */
export function imageIssues(story: Story, bytes: (path: string) => BytesResult): Issue[] {
  return story.chapters.flatMap((chapter) =>
    LANGS.flatMap((lang) => {
      const text = chapter.body[lang];
      if (text === undefined) return [];
      const first = chapterBodyLine(story, chapter, lang);
      const { images, problems } = chapterImages(text);
      const issue = (offset: number, message: string): Issue => ({
        file: story.file,
        ...lineAndColumn(text, offset, first),
        field: `chapters[${chapter.index}].body.${lang}`,
        message,
        severity: 'error',
      });
      const issues = problems.map((p) => issue(p.offset, p.message));
      for (const image of images) {
        // A URL or a path from the site's root is the page's to fetch; a path beside the story is checked here.
        if (/^[a-z][a-z\d+.-]*:/i.test(image.src) || image.src.startsWith('/')) continue;
        const path = posix.normalize(posix.join(posix.dirname(story.file), fileName(image.src)));
        const read = bytes(path);
        if ('error' in read) {
          issues.push(issue(image.offset, `the image ${path}: ${read.error}`));
          continue;
        }
        if (read.bytes.length > DEFAULT_IMAGE_BYTES) {
          const sizes = `${formatBytes(read.bytes.length)}, more than ${formatBytes(DEFAULT_IMAGE_BYTES)}`;
          issues.push(issue(image.offset, `the image ${path} is ${sizes}; give a smaller file`));
          continue;
        }
        let real: { width?: number; height?: number };
        try {
          real = imageSize(read.bytes);
        } catch {
          issues.push(issue(image.offset, `the image ${path} is not an image file this check can read`));
          continue;
        }
        const { size } = image;
        if (!real.width || !real.height) continue;
        if (real.width * real.height > DEFAULT_CAPS.imagePixels) {
          issues.push(
            issue(
              image.offset,
              `the image ${path} is ${real.width} x ${real.height} pixels, more than ${DEFAULT_CAPS.imagePixels} in all (limits.imagePixels); give a smaller image`,
            ),
          );
          continue;
        }
        if (!size) continue;
        const declared = size.width / size.height;
        const actual = real.width / real.height;
        if (Math.abs(declared / actual - 1) > RATIO_TOLERANCE) {
          issues.push(
            issue(
              image.offset,
              `the image ${path} is ${real.width} x ${real.height}, but its size is given as {width=${size.width} height=${size.height}}, another shape; give {width=${real.width} height=${real.height}}`,
            ),
          );
        }
      }
      return issues;
    }),
  );
}
