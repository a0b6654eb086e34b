import { describe, expect, it } from 'vitest';
import { chapterIndex, QueuedGoTo } from './queued-go-to.js';

/** An event target that records the messages of the `geo-story-error` events dispatched on it. */
function host(): EventTarget & { reports: string[] } {
  const target = Object.assign(new EventTarget(), { reports: [] as string[] });
  target.addEventListener('geo-story-error', (e) =>
    target.reports.push((e as CustomEvent<{ message: string }>).detail.message),
  );
  return target;
}

const story = { id: 'bays', chapters: [{ id: 'mirs-bay' }, { id: 'port-shelter' }] };

describe('chapterIndex', () => {
  it('finds a chapter by id or by index, and gives -1 for anything else', () => {
    expect(chapterIndex(story.chapters, 'port-shelter')).toBe(1);
    expect(chapterIndex(story.chapters, 0)).toBe(0);
    for (const bad of ['nowhere', 2, -1, 0.5, Number.NaN]) expect(chapterIndex(story.chapters, bad)).toBe(-1);
  });
});

describe('QueuedGoTo', () => {
  it('gives nothing and reports nothing when no call was queued', () => {
    const target = host();
    expect(new QueuedGoTo().take(story, target)).toBeUndefined();
    expect(target.reports).toEqual([]);
  });

  it('applies the latest queued call to the loaded story, once', () => {
    const queued = new QueuedGoTo();
    expect(queued.queue('mirs-bay')).toBe(true);
    queued.queue('port-shelter');
    const target = host();
    expect(queued.take(story, target)).toBe(1);
    expect(queued.take(story, target)).toBeUndefined();
    expect(target.reports).toEqual([]);
  });

  it('reports a chapter the loaded story does not have, naming the call, the story and its chapters', () => {
    const queued = new QueuedGoTo();
    queued.queue('apec');
    const target = host();
    expect(queued.take(story, target)).toBeUndefined();
    expect(target.reports).toEqual([
      'goTo("apec"): story "bays" has no such chapter (chapters: mirs-bay, port-shelter)',
    ]);
  });
});
