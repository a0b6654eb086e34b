/**
 * Turns a story file (docs/story-format.md) into a typed `Story` plus every problem found, each
 * located at the line and column of the original file where the author has to fix it.
 */
import { splitChapters } from './chapter-blocks';
import { readChapter, type SeenChapters } from './chapters';
import { readFrontMatter } from './front-matter';
import { recordPositions } from './positions';
import { Report } from './report';
import { DEFAULT_LANGUAGES, type Lang, type ParseResult, type Story } from './types';
import { utf8Length } from './utf8-length';
import { locate, type YamlPart } from './yaml-positions';

/** Largest story file accepted, in UTF-8 bytes; a story is text, not a data dump. */
export const MAX_STORY_BYTES = 2 * 1024 * 1024;

// The front matter is YAML between two lines of three hyphens.
const FRONT_MATTER_FENCE = /^---[ \t]*$/;

/** Reads a story file; see docs/story-format.md for the format and the error policy. */
export function parseStory(text: string, file: string): ParseResult {
  const report = new Report(file);
  const size = utf8Length(text);
  if (size > MAX_STORY_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    report.error(1, undefined, '', `the file is ${mb} MB; a story file may be at most 2 MB`);
    return report.result();
  }
  // Lines are counted the way editors count them: a BOM is not a character, CR LF and lone CR end a line.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);

  if (!FRONT_MATTER_FENCE.test(lines[0] ?? '')) {
    report.error(1, 1, '', 'missing front matter: the file must start with a line "---", then YAML, then "---"');
    return report.result();
  }
  const close = lines.findIndex((line, i) => i > 0 && FRONT_MATTER_FENCE.test(line));
  if (close < 0) {
    report.error(1, 1, '', 'the front matter is not closed: add a line "---" after its YAML');
    return report.result();
  }

  const read: { languages?: readonly Lang[] } = {};
  const front = readFrontMatter(lines.slice(1, close).join('\n'), report, read);
  const blocks = splitChapters(lines, close + 1, report);
  if (blocks.length === 0) {
    report.error(close + 1, 1, 'chapters', 'the story has no chapters: add a ```chapter block after the front matter');
  }
  const seen: SeenChapters = new Map();
  const parts = new Map<number, YamlPart>();
  const languages = read.languages ?? DEFAULT_LANGUAGES;
  const chapters = blocks.flatMap((block) => readChapter(block, front?.layerIds, languages, seen, report, parts));
  // Nothing to show without a usable front matter or a single usable chapter.
  if (!front || chapters.length === 0) return report.result();
  const story: Story = { ...front.story, file, chapters };
  const frontPart = front.part;
  const bodyLines = new Map(blocks.map((block) => [block.index, block.bodyLines]));
  recordPositions(
    story,
    (index, path, key) => {
      const part = index === undefined ? frontPart : parts.get(index);
      return part && locate(part, path, key);
    },
    bodyLines,
  );
  return report.result(story);
}
