import { describe, expect, it } from 'vitest';
import { chapterHash, chapterIndexForHash, parseChapterHash } from './chapter-hash.js';

describe('parseChapterHash', () => {
  it('reads the story form and the bare form, with or without #', () => {
    expect(parseChapterHash('#gba-cooperation/mirs-bay')).toEqual({
      storyId: 'gba-cooperation',
      chapterId: 'mirs-bay',
    });
    expect(parseChapterHash('two-bays/dapeng')).toEqual({ storyId: 'two-bays', chapterId: 'dapeng' });
    expect(parseChapterHash('#mirs-bay')).toEqual({ chapterId: 'mirs-bay' });
  });

  it('names nothing for an empty hash, an empty part or a longer path', () => {
    for (const hash of ['', '#', '#/mirs-bay', '#gba-cooperation/', '#a/b/c']) {
      expect(parseChapterHash(hash), hash).toBeUndefined();
    }
  });
});

describe('chapterHash', () => {
  it('writes the story form, which parseChapterHash reads back', () => {
    expect(chapterHash('two-bays', 'sai-kung')).toBe('#two-bays/sai-kung');
    expect(parseChapterHash(chapterHash('two-bays', 'sai-kung'))).toEqual({
      storyId: 'two-bays',
      chapterId: 'sai-kung',
    });
  });
});

describe('chapterIndexForHash', () => {
  const ids = ['corridor', 'mirs-bay', 'port-shelter'];

  it('finds a chapter of this story', () => {
    expect(chapterIndexForHash('#three-chapters/port-shelter', 'three-chapters', ids, false)).toBe(2);
  });

  it("ignores another story's hash, even when it has a chapter of the same id", () => {
    expect(chapterIndexForHash('#two-bays/mirs-bay', 'three-chapters', ids, true)).toBeUndefined();
  });

  it('ignores a chapter the story does not have', () => {
    expect(chapterIndexForHash('#three-chapters/dapeng', 'three-chapters', ids, true)).toBeUndefined();
  });

  it('takes the bare form only when told to', () => {
    expect(chapterIndexForHash('#mirs-bay', 'three-chapters', ids, true)).toBe(1);
    expect(chapterIndexForHash('#mirs-bay', 'three-chapters', ids, false)).toBeUndefined();
  });
});
