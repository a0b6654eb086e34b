import { describe, expect, it } from 'vitest';
import { parseStory } from './parse';
import { formatIssue } from './types';

/** A story whose front matter is `yaml`, with one good chapter. */
const withFrontMatter = (yaml: string) =>
  `---\n${yaml}---\n\n\`\`\`chapter\nid: a\ntitle: {zh-Hant: 一, en: One}\ncamera: {center: [114, 22], zoom: 9}\nlayers: []\n\`\`\`\n\n:::zh-Hant\n一\n:::\n\n:::en\nOne\n:::\n`;

/** A story with a good front matter and one chapter whose block is `yaml` (its first line is line 6). */
const withChapter = (yaml: string) =>
  `---\nid: s\ntitle: {zh-Hant: 一, en: One}\nlayers: []\n---\n\`\`\`chapter\n${yaml}\`\`\`\n\n:::zh-Hant\n一\n:::\n\n:::en\nOne\n:::\n`;

/** The errors of a story, as printed. */
const errors = (text: string) =>
  parseStory(text, 's.md')
    .issues.filter((i) => i.severity === 'error')
    .map(formatIssue);

describe('YAML syntax errors', () => {
  it.each([
    [
      'a key indented less than its neighbours',
      withFrontMatter('id: x\ntitle:\n  zh-Hant: 壞\n en: Bad\n'),
      's.md:5:1: error: title.zh-Hant: YAML syntax: the key "en" is indented differently from the keys above it: the keys of one map start in the same column, and a key inside another is indented further, with spaces',
    ],
    [
      'a tab as indentation',
      withFrontMatter('id: x\ntitle:\n\tzh-Hant: 壞\n'),
      's.md:4:1: error: title: YAML syntax: a tab is used to indent this line; YAML indents with spaces only',
    ],
    [
      'a colon in an unquoted value',
      withFrontMatter('id: x\ntitle:\n  en: Bad: news\n  zh-Hant: 壞\n'),
      's.md:4:7: error: title.en: YAML syntax: a second "key:" on the line of a key: put it on a line of its own, indented, or quote the value when its colon is part of the text (en: \'Bad: news\')',
    ],
    [
      'a { map not closed',
      withChapter('id: first\ntitle: {zh-Hant: 一, en: One\ncamera: {center: [114, 22], zoom: 9}\nlayers: []\n'),
      's.md:8:8: error: chapters[0].title: YAML syntax: the { ... } map that starts here is not closed with "}"',
    ],
    [
      'an unquoted colour in a { map',
      withFrontMatter(
        'id: x\ntitle: {zh-Hant: 一, en: One}\nlayers:\n  - id: a\n    file: a.geojson\n    style: {color: #336699}\n    title: {zh-Hant: 一, en: One}\n',
      ),
      's.md:7:12: error: layers[0].style: YAML syntax: the { ... } map that starts here is not closed with "}"; an unquoted # starts a comment, so quote a colour: \'#2e7d32\'',
    ],
    [
      'a [ list not closed',
      withChapter('id: a\ncamera:\n  center: [114.2,\n22.5]\n'),
      's.md:9:11: error: chapters[0].camera.center: YAML syntax: the [ ... ] list that starts here is not closed with "]"',
    ],
    [
      'a quoted text not closed',
      withFrontMatter('id: x\ntitle: "abc\nlayers: []\n'),
      's.md:3:8: error: title: YAML syntax: the quoted text that starts here is not closed: add the closing quote where it should end',
    ],
    [
      'a missing comma in a { map',
      withChapter('id: a\ntitle: {zh-Hant: 一 en: One}\n'),
      's.md:8:18: error: chapters[0].title.zh-Hant: YAML syntax: a "," is missing inside this { ... } or [ ... ], or a text holding ": " needs quotes: {en: \'Bad: news\'}',
    ],
    [
      'an empty item in a [ list',
      withChapter('id: a\nlayers: [a,, b]\n'),
      's.md:8:12: error: chapters[0].layers[0]: YAML syntax: an empty item between two commas',
    ],
    [
      'a bad escape in double quotes',
      withFrontMatter('id: "a\\qb"\n'),
      's.md:2:7: error: id: YAML syntax: \\q is not an escape sequence in a "double-quoted" text: write \\\\ for a backslash, or use \'single quotes\'',
    ],
  ])('%s is said in plain words, at the nearest key', (_, text, expected) => {
    expect(errors(text)).toEqual([expected]);
  });

  it('warns of a tag in the same plain words, and keeps the story', () => {
    const { story, issues } = parseStory(withFrontMatter('id: x\ntitle: {zh-Hant: 一, en: !foo One}\n'), 's.md');
    expect(issues.map(formatIssue)).toEqual([
      's.md:3:25: warning: title.en: YAML: !foo is a YAML tag a story does not use: remove it, or quote a value that starts with "!"',
    ]);
    expect(story?.title.en).toBe('One');
  });

  it('reports each key given twice, not only the first', () => {
    expect(errors(withFrontMatter('id: a\ntitle:\n  en: x\n  en: y\nid: b\n'))).toEqual([
      's.md:5:3: error: title.en: YAML syntax: the key "en" appears twice in the same map',
      's.md:6:1: error: id: YAML syntax: the key "id" appears twice in the same map',
    ]);
  });

  it('says nothing in the YAML reader’s own words', () => {
    const broken = [
      withFrontMatter('id: x\ntitle:\n  zh-Hant: 壞\n en: Bad\n'),
      withFrontMatter('id: x\ntitle: zh-Hant: 壞\n'),
      withChapter('- a\n- b\nc: 1\n'),
      withChapter('id: a\nlayers:\n  -id: a\n  - id: b\n'),
    ];
    for (const text of broken) {
      const said = errors(text).join('\n');
      expect(said).toMatch(/YAML syntax: /);
      expect(said).not.toMatch(/mapping|implicit|compact|Nested|token|indicator/i);
    }
  });
});
