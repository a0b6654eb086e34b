import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseStory } from '../src/story/parse';
import { newStory } from './new-story';
import { main as validate } from './validate';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A throwaway project folder, removed after each test. */
let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'geo-story-new-'));
});
afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('npm run new-story', () => {
  it('writes a story and its layer that npm run validate passes', () => {
    newStory('demo-x', project);
    const printed: string[] = [];
    expect(validate([], project, (line) => printed.push(line))).toBe(0);
    expect(printed).toEqual(['2 files checked, 0 errors, 0 warnings']);
  });

  it('gives a story in both languages with two chapters, one layer and one measurement', () => {
    newStory('demo-x', project);
    const { story, issues } = parseStory(readFileSync(join(project, 'stories/demo-x.md'), 'utf8'), 'demo-x.md');
    expect(issues).toEqual([]);
    expect(story?.id).toBe('demo-x');
    expect(story?.layers.map((l) => l.file)).toEqual(['../geo/demo-x.geojson']);
    expect(story?.chapters).toHaveLength(2);
    for (const chapter of story!.chapters) {
      expect(chapter.body['zh-Hant']).not.toBe('');
      expect(chapter.body.en).not.toBe('');
    }
    expect(story?.chapters.filter((c) => c.measure)).toHaveLength(1);
  });

  it('prints where to edit, how to see and how to check the story, and refuses to write it twice', () => {
    const cli = () =>
      spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/new-story.ts', 'demo-x', '--dir', project], {
        cwd: root,
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
    const first = cli();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Edit the story:  stories/demo-x.md');
    expect(first.stdout).toContain('Edit the layer:  geo/demo-x.geojson');
    expect(first.stdout).toContain('http://localhost:5173/?story=stories/demo-x.md');
    expect(first.stdout).toContain('npm run validate stories/demo-x.md');
    const again = cli();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('stories/demo-x.md exists already');
  }, 30_000);

  it('refuses an id that is not kebab-case', () => {
    expect(() => newStory('My Trail', project)).toThrow('"My Trail" is not a story id: use kebab-case');
  });
});
