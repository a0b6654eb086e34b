/**
 * Index of the chapter at the reading line: the last chapter whose top is above the line, or 0.
 * Pure geometry on rectangles, so it gives the same answer however the reader got there.
 * @example activeIndex(sections.map((s) => s.getBoundingClientRect().top), rootTop + rootHeight / 2)
 */
export function activeIndex(chapterTops: readonly number[], readingLine: number): number {
  let active = 0;
  for (let i = 0; i < chapterTops.length; i++) {
    if (chapterTops[i]! <= readingLine) active = i;
    else break;
  }
  return active;
}
