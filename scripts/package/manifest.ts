/**
 * The custom elements manifest that ships: the repository's `custom-elements.json` (written by
 * `npm run manifest` from `src/elements/`) rewritten to describe the package a consumer has.
 * Every element is declared in one module, the shipped `lib/index.js`; only public members
 * remain (no `private`/`protected`, no `_` names); each event gets its type,
 * `CustomEvent<...Detail>`, named after the event as in `src/events/`.
 */

/** The parts of a manifest this module reads and writes (schema 2.x). */
export interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: ManifestModule[];
}

export interface ManifestModule {
  kind: string;
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
}

export interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; privacy?: string; kind: string }[];
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string; type?: { text: string }; description?: string }[];
  [key: string]: unknown;
}

/** `geo-story-chapter-change` -> `GeoStoryChapterChangeDetail`, the detail type `src/events/` exports. */
export function detailTypeName(event: string): string {
  return event.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()) + 'Detail';
}

const isPublic = (m: { name: string; privacy?: string }) =>
  !m.name.startsWith('_') && m.privacy !== 'private' && m.privacy !== 'protected';

/** The shipped manifest: one module `modulePath` holding every custom element of `source`, public members only. */
export function packageManifest(source: Manifest, modulePath: string): Manifest {
  const elements = source.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement)
    .map((d): Declaration => ({
      ...d,
      members: (d.members ?? []).filter(isPublic),
      attributes: (d.attributes ?? []).filter(isPublic),
      events: (d.events ?? []).map((e) => ({ ...e, type: { text: `CustomEvent<${detailTypeName(e.name)}>` } })),
    }));
  return {
    schemaVersion: source.schemaVersion,
    readme: '',
    modules: [
      {
        kind: 'javascript-module',
        path: modulePath,
        declarations: elements,
        exports: elements.flatMap((d) => [
          { kind: 'js', name: d.name, declaration: { name: d.name, module: modulePath } },
          { kind: 'custom-element-definition', name: d.tagName!, declaration: { name: d.name, module: modulePath } },
        ]),
      },
    ],
  };
}
