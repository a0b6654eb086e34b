/**
 * Starts a new story: writes stories/<id>.md (front matter in both languages, two chapters, one
 * layer, one measurement) and its layer geo/<id>.geojson (a trail and its two ends), which pass
 * `npm run validate` and open at once in `npm start`, and prints where to edit them.
 *
 *   npm run new-story -- my-trail             # in this project
 *   npx tsx scripts/new-story.ts my-trail --dir ../elsewhere
 *
 * Refuses an id that is not kebab-case and never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCommandLine, runsAsCommand } from './lib/cli.js';

const USAGE = 'usage: npm run new-story -- <story-id> [--dir <project folder>]   (the id in kebab-case: my-trail)';

// The same rule as the story schema's ids: lowercase letters and digits joined by single hyphens.
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The story file's text for `id`, with its layer at `../geo/<id>.geojson`. */
export function storyText(id: string): string {
  return `---
# yaml-language-server: $schema=./story.schema.json
id: ${id}
title:
  zh-Hant: 新故事：大帽山
  en: 'A new story: Tai Mo Shan'
subtitle:
  zh-Hant: 在這裡寫副題
  en: Write the subtitle here
defaultLang: zh-Hant
layers:
  - id: trail
    file: ../geo/${id}.geojson
    title: {zh-Hant: 山徑, en: Trail}
    style: {color: '#D55E00', lineWidth: 3, circleRadius: 6, label: true}
---

\`\`\`chapter
id: start
title:
  zh-Hant: 起點
  en: The start
camera:
  fit: trail
layers: [trail]
highlight:
  trail: [summit]
\`\`\`

:::zh-Hant
第一章的文字。每章都有中文和英文兩段，寫在 \`:::zh-Hant\` 和 \`:::en\` 之間。
:::

:::en
The first chapter's text. Every chapter has its text in both languages, between \`:::zh-Hant\` and
\`:::en\` and their closing \`:::\`.
:::

\`\`\`chapter
id: along-the-trail
title:
  zh-Hant: 沿山徑而行
  en: Along the trail
camera:
  fit: measure
layers: [trail]
measure:
  layer: trail
  feature: trail
  from: summit
  to: pass
\`\`\`

:::zh-Hant
第二章量度山徑由山頂到山坳的長度，數字顯示在這段文字下面。
:::

:::en
The second chapter measures the trail from the summit to the pass; the figures show below this
text.
:::
`;
}

/** The layer file's text: a trail and the two points it runs between, with the properties every layer feature needs. */
export function layerText(): string {
  const feature = (id: string, zh: string, en: string, geometry: object, more: object = {}) => ({
    type: 'Feature',
    id,
    properties: {
      name_zh_hant: zh,
      name_en: en,
      source: 'Sketched for a new story; replace with your own data and say where it comes from',
      confidence: 'low',
      ...more,
    },
    geometry,
  });
  // Points say what ground they stand on, as every point in geo/ does (geo/README.md).
  const onLand = { on: 'land' };
  const collection = {
    type: 'FeatureCollection',
    features: [
      feature('trail', '山徑', 'Trail', {
        type: 'LineString',
        coordinates: [
          [114.1245, 22.4107],
          [114.1318, 22.4081],
          [114.1402, 22.4049],
          [114.1493, 22.4035],
        ],
      }),
      feature('summit', '大帽山', 'Tai Mo Shan', { type: 'Point', coordinates: [114.1245, 22.4107] }, onLand),
      feature('pass', '鉛礦坳', 'Lead Mine Pass', { type: 'Point', coordinates: [114.1493, 22.4035] }, onLand),
    ],
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** Writes the story `id` into the project at `root`; gives the lines to print, or throws why it cannot. */
export function newStory(id: string, root: string): string[] {
  if (!KEBAB.test(id)) throw new Error(`"${id}" is not a story id: use kebab-case, e.g. my-trail\n${USAGE}`);
  const story = `stories/${id}.md`;
  const layer = `geo/${id}.geojson`;
  for (const file of [story, layer]) {
    if (existsSync(join(root, file))) throw new Error(`${file} exists already; choose another id`);
  }
  for (const [file, text] of [
    [story, storyText(id)],
    [layer, layerText()],
  ] as const) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text, { flag: 'wx' });
  }
  const lines = [
    `Created ${story} and its layer ${layer}.`,
    '',
    `  Edit the story:  ${story}  (front matter: title and layers; then one \`\`\`chapter block per chapter)`,
    `  Edit the layer:  ${layer}  (GeoJSON; every feature needs name_zh_hant, name_en, source, confidence)`,
    `  See it:          npm start, then open http://localhost:5173/?story=${story}`,
    `                   (saving either file updates the open page)`,
    `  Check it:        npm run validate ${story}`,
    '  The format:      docs/story-format.md',
  ];
  if (existsSync(join(root, 'site.config.json'))) {
    lines.push('', `To ship it with the built site, add "${id}.md" to "stories" in site.config.json.`);
  }
  return lines;
}

if (runsAsCommand(import.meta.url)) {
  const { values, positionals } = parseCommandLine(
    { allowPositionals: true, options: { dir: { type: 'string' } } },
    USAGE,
  );
  if (positionals.length !== 1) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    for (const line of newStory(positionals[0]!, resolve(values.dir ?? '.'))) console.log(line);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
