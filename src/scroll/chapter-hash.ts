/** What a location hash names: a chapter, with the story it belongs to when the hash says so. */
export interface ChapterHash {
  /** Story id, from the `#<story-id>/<chapter-id>` form; absent in the bare `#<chapter-id>` form. */
  storyId?: string;
  chapterId: string;
}

/**
 * Reads `#<story-id>/<chapter-id>` or `#<chapter-id>` (with or without the leading `#`); undefined
 * for an empty hash or one with more than one slash or an empty part.
 * @example parseChapterHash('#gba-cooperation/mirs-bay') // { storyId: 'gba-cooperation', chapterId: 'mirs-bay' }
 */
export function parseChapterHash(hash: string): ChapterHash | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = text.split('/');
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length === 1) return { chapterId: parts[0]! };
  if (parts.length === 2) return { storyId: parts[0]!, chapterId: parts[1]! };
  return undefined;
}

/**
 * The hash that names a chapter of a story, as the element writes it.
 * @example chapterHash('gba-cooperation', 'mirs-bay') // '#gba-cooperation/mirs-bay'
 */
export function chapterHash(storyId: string, chapterId: string): string {
  return `#${storyId}/${chapterId}`;
}

/**
 * Index of the chapter `hash` names for the story `storyId`, or undefined when it names none of
 * its chapters. The bare `#<chapter-id>` form counts only when `acceptBare` is true.
 * @example chapterIndexForHash('#three-chapters/mirs-bay', 'three-chapters', ['corridor', 'mirs-bay'], false) // 1
 */
export function chapterIndexForHash(
  hash: string,
  storyId: string,
  chapterIds: readonly string[],
  acceptBare: boolean,
): number | undefined {
  const named = parseChapterHash(hash);
  if (!named) return undefined;
  if (named.storyId === undefined ? !acceptBare : named.storyId !== storyId) return undefined;
  const index = chapterIds.indexOf(named.chapterId);
  return index < 0 ? undefined : index;
}
