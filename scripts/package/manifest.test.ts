import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reactTypings } from './jsx.ts';
import { detailTypeName, packageManifest, type Manifest } from './manifest.ts';

const root = resolve(import.meta.dirname, '../..');
const source = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as Manifest;
const shipped = packageManifest(source, 'lib/index.js');
const elements = shipped.modules.flatMap((m) => m.declarations ?? []);
const eventsIndex = readFileSync(resolve(root, 'src/events/index.ts'), 'utf8');

describe('the shipped custom elements manifest', () => {
  it('has one module, the shipped entry, declaring and defining both elements', () => {
    expect(shipped.modules.map((m) => m.path)).toEqual(['lib/index.js']);
    expect(elements.map((d) => d.tagName).sort()).toEqual(['geo-story', 'geo-story-layers']);
    const definitions = shipped.modules[0]!.exports!.filter((e) => e.kind === 'custom-element-definition');
    expect(definitions.map((e) => e.name).sort()).toEqual(['geo-story', 'geo-story-layers']);
    expect(JSON.stringify(shipped)).not.toContain('src/');
  });

  it('lists no private, protected or underscore members, and keeps the public ones', () => {
    const story = elements.find((d) => d.tagName === 'geo-story')!;
    const names = story.members!.map((m) => m.name);
    expect(names.filter((n) => n.startsWith('_'))).toEqual([]);
    expect(story.members!.filter((m) => m.privacy === 'private' || m.privacy === 'protected')).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['src', 'lang', 'goTo', 'ready', 'setLayerVisible', 'measure']));
  });

  it('types every event with a detail type the package exports', () => {
    const events = elements.flatMap((d) => d.events ?? []);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      const detail = detailTypeName(e.name);
      expect(e.type?.text).toBe(`CustomEvent<${detail}>`);
      expect(eventsIndex, `${e.name}: ${detail} exported by src/events/index.ts`).toContain(detail);
    }
  });
});

describe('the React JSX typings', () => {
  const text = reactTypings(shipped);

  it('declare both elements in React.JSX.IntrinsicElements with their attributes and events', () => {
    expect(text).toContain("declare module 'react'");
    expect(text).toContain('interface IntrinsicElements');
    expect(text).toMatch(/"geo-story": React\.DetailedHTMLProps<React\.HTMLAttributes<GeoStory>, GeoStory>/);
    expect(text).toContain('"src"?: string;');
    expect(text).toContain('"hash"?: boolean;');
    expect(text).toContain('"ongeo-story-chapter-change"?: (event: CustomEvent<GeoStoryChapterChangeDetail>) => void;');
    expect(text).toMatch(/import type \{[^}]*GeoStoryChapterChangeDetail[^}]*\} from '\.\/index\.js';/);
  });
});
