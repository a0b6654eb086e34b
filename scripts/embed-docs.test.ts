import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The parts of custom-elements.json this test reads. */
interface Manifest {
  modules: {
    declarations?: {
      tagName?: string;
      attributes?: { name: string }[];
      members?: { kind: string; name: string; privacy?: string; static?: boolean }[];
      events?: { name: string }[];
      cssParts?: { name: string }[];
      cssProperties?: { name: string }[];
    }[];
  }[];
}

const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8')) as Manifest;
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

/** The README's `## Embedding` section, up to the next second-level heading. */
function embeddingSection(): string {
  const start = readme.indexOf('\n## Embedding\n');
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Names in the first column of the section's tables: `` | `name` | `` or `` | `name(args)` | ``. */
function tableNames(section: string): Set<string> {
  const names = new Set<string>();
  for (const m of section.matchAll(/^\| `([^`(]+)(?:\([^`]*\))?` \|/gm)) names.add(m[1]!);
  return names;
}

describe('README embedding section', () => {
  const section = embeddingSection();
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

  it('documents every element in custom-elements.json, each with exactly its public API', () => {
    expect(section).not.toBe('');
    expect(elements.map((d) => d.tagName)).toContain('geo-story');
    for (const el of elements) {
      const heading = `\n### \`<${el.tagName}>\`\n`;
      const start = section.indexOf(heading);
      expect(start, `README has no subsection for <${el.tagName}>`).toBeGreaterThanOrEqual(0);
      const next = section.indexOf('\n### ', start + heading.length);
      const subsection = section.slice(start, next < 0 ? undefined : next);
      const publicMembers = (el.members ?? [])
        .filter((m) => !m.static && (m.privacy ?? 'public') === 'public')
        .map((m) => m.name);
      const api = [
        ...(el.attributes ?? []).map((a) => a.name),
        ...publicMembers,
        ...(el.events ?? []).map((e) => e.name),
        ...(el.cssParts ?? []).map((p) => p.name),
        ...(el.cssProperties ?? []).map((p) => p.name),
      ];
      expect([...tableNames(subsection)].sort(), `<${el.tagName}>`).toEqual([...new Set(api)].sort());
    }
  });

  it('shows the two-line snippet with the element and its script', () => {
    expect(section).toMatch(/<script type="module" src="[^"]*geo-story\.js"><\/script>\n<geo-story src="[^"]+"/);
  });
});
