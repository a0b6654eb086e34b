/**
 * Finds the chapters in the body of a story file, line by line: each ```chapter block (a
 * CommonMark fence) and the language containers after it (:::zh-Hant, :::zh-Hans, :::en). Markdown itself is not
 * parsed here.
 */
import { parseLang } from './lang';
import { isLang, LANG_NAMES } from './languages';
import type { Report } from './report';
import type { Lang } from './types';

// CommonMark fences: up to three spaces of indentation, then three or more backticks or tildes.
const CHAPTER_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*chapter[ \t]*$/;
const ANY_FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_OPEN = /^ {0,3}:::[ \t]*([^\s:]\S*)[ \t]*$/;
const CONTAINER_CLOSE = /^ {0,3}:::[ \t]*$/;

/** A chapter as found in the file: its block's YAML and its language containers. */
export interface RawChapter {
  /** Position of the block among the file's chapter blocks, from 0. */
  index: number;
  /** File line of the opening fence. */
  line: number;
  /** The text between the fences. */
  yaml: string;
  /** The text of each language container found after the block. */
  bodies: Partial<Record<Lang, string>>;
  /** File line of the first line of each language's text. */
  bodyLines: Partial<Record<Lang, number>>;
  /** Set when the Markdown structure around the block is broken; the chapter is dropped. */
  broken: boolean;
  /** Set when the block has no closing fence: its "YAML" is the rest of the file, not worth reading. */
  unclosed?: boolean;
}

/** Trims blank lines at both ends; inner blank lines are Markdown paragraph breaks. */
function trimBlankLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n');
}

/** Whether `line` closes a code fence opened by `open` (same character, at least as long). */
function closesFence(line: string, open: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!match && match[1]![0] === open[0] && match[1]!.length >= open.length;
}

/** Splits the body into chapters by lines; Markdown itself is not parsed here. */
export function splitChapters(lines: string[], start: number, report: Report): RawChapter[] {
  const chapters: RawChapter[] = [];
  let current: RawChapter | undefined;
  let warned = false;
  let i = start;
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = CHAPTER_FENCE.exec(line);
    if (fence) {
      const index = chapters.length;
      let end = i + 1;
      while (end < lines.length && !closesFence(lines[end]!, fence[1]!)) end++;
      current = {
        index,
        line: i + 1,
        yaml: lines.slice(i + 1, end).join('\n'),
        bodies: {},
        bodyLines: {},
        broken: false,
      };
      chapters.push(current);
      warned = false;
      if (end >= lines.length) {
        const marker = fence[1]!;
        report.error(
          i + 1,
          1,
          `chapters[${index}]`,
          `the chapter block opened here is not closed: add a line "${marker}" after its YAML`,
        );
        current.broken = true;
        current.unclosed = true;
        break;
      }
      i = end + 1;
      continue;
    }
    const open = current && CONTAINER_OPEN.exec(line);
    if (current && open) {
      i = readContainer(lines, i, open[1]!, current, report);
      warned = false;
      continue;
    }
    if (line.trim() !== '' && !warned) {
      report.warn(
        i + 1,
        1,
        '',
        'text outside a chapter is ignored; chapter text goes in a language container (:::zh-Hant, :::zh-Hans or :::en) after its ```chapter block',
      );
      warned = true;
    }
    i++;
  }
  return chapters;
}

/** Reads one `:::tag` container starting at line index `i`; returns the index to continue from. */
function readContainer(lines: string[], i: number, tag: string, chapter: RawChapter, report: Report): number {
  const field = `chapters[${chapter.index}].body.${tag}`;
  let end = i + 1;
  let codeFence: string | undefined;
  let closed = false;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (codeFence) {
      if (closesFence(line, codeFence)) codeFence = undefined;
      continue;
    }
    if (CONTAINER_CLOSE.test(line)) {
      closed = true;
      break;
    }
    // The next chapter or language starting means this container was left open.
    if (CHAPTER_FENCE.test(line)) break;
    const next = CONTAINER_OPEN.exec(line);
    if (next && (isLang(next[1]!) || parseLang(next[1]))) break;
    codeFence = ANY_FENCE.exec(line)?.[1];
  }
  if (!closed) {
    report.error(i + 1, 1, field, `the :::${tag} container opened here is not closed: add a line ":::" after its text`);
    chapter.broken = true;
    return end;
  }
  if (!isLang(tag)) {
    const lang = parseLang(tag);
    const hint = lang ? `; write :::${lang}` : '';
    report.error(i + 1, 1, field, `unknown language "${tag}": expected :::zh-Hant, :::zh-Hans or :::en${hint}`);
    chapter.broken = true;
  } else if (chapter.bodies[tag] !== undefined) {
    report.error(
      i + 1,
      1,
      field,
      `a second :::${tag} container in this chapter; put all its ${LANG_NAMES[tag]} text in one`,
    );
    chapter.broken = true;
  } else {
    const body = trimBlankLines(lines.slice(i + 1, end));
    if (body === '') {
      report.error(i + 1, 1, field, `the :::${tag} container has no text`);
      chapter.broken = true;
    }
    chapter.bodies[tag] = body;
    let first = i + 1;
    while (first < end && lines[first]!.trim() === '') first++;
    chapter.bodyLines[tag] = first + 1;
  }
  return end + 1;
}
