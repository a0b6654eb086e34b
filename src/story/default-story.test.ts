import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from './types.js';
import { parseStory } from './parse.js';
import { simplifyStory } from './simplify.js';

const FILE = 'stories/gba-cooperation.md';
const text = readFileSync(resolve(import.meta.dirname, '../..', FILE), 'utf8');
const { story, issues } = parseStory(text, FILE);
// As the build compiles it: Simplified Chinese converted where the story does not write it.
if (story) simplifyStory(story);

describe('the default story, stories/gba-cooperation.md', () => {
  it('parses without a single issue', () => {
    expect(issues).toEqual([]);
    expect(story).toBeDefined();
  });

  it('has at least eight chapters, every one complete in each of its languages (Simplified as converted)', () => {
    expect(story!.chapters.length).toBeGreaterThanOrEqual(8);
    for (const chapter of story!.chapters) {
      for (const lang of story!.languages) {
        expect(chapter.title[lang]?.trim(), `${chapter.id} title ${lang}`).toBeTruthy();
        expect(chapter.body[lang]?.trim().length, `${chapter.id} body ${lang}`).toBeGreaterThan(60);
        for (const source of chapter.sources) expect(source.title[lang]?.trim()).toBeTruthy();
      }
      expect(chapter.sources.length, `${chapter.id} cites its sources`).toBeGreaterThan(0);
    }
  });

  it('shows all five seed layers across its chapters', () => {
    const shown = new Set(story!.chapters.flatMap((c) => c.layers));
    for (const id of ['corridor', 'mirs-bay', 'port-shelter', 'apec-venue', 'mic-routes']) expect(shown).toContain(id);
  });

  it('covers the seed article and keeps its figures exact in both languages', () => {
    const ids = story!.chapters.map((c) => c.id);
    for (const id of [
      'standards-agreement',
      'mic-supply',
      'mimep',
      'environment-task-force',
      'apec',
      'corridor',
      'robins-nest',
      'mirs-bay',
      'port-shelter',
      'carbon',
    ]) {
      expect(ids).toContain(id);
    }
    const body = (id: string, lang: (typeof LANGS)[number]) => story!.chapters.find((c) => c.id === id)!.body[lang];
    expect(body('mic-supply', 'zh-Hant')).toContain('13.9億');
    expect(body('mic-supply', 'en')).toMatch(/1\.39 billion/);
    expect(body('carbon', 'zh-Hant')).toContain('2035');
    expect(body('carbon', 'en')).toContain('2050');
  });
});
