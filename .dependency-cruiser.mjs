// Structure rules for src/, checked by `npm run structure` (part of `npm test`). Type-only imports
// count: two modules that import each other, even for a type, are one concern split in two.
/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No import cycle in src/: a child gets what it shows as properties and reports with events.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'story-and-geo-below-ui',
      comment: 'The story model and the geo functions know nothing of elements or the map.',
      severity: 'error',
      from: { path: '^src/(story|geo)/' },
      to: { path: '^src/(elements|map)/' },
    },
    {
      name: 'map-below-elements',
      comment: 'The map glue knows nothing of the elements that use it.',
      severity: 'error',
      from: { path: '^src/map/' },
      to: { path: '^src/elements/' },
    },
    {
      name: 'events-import-types-only',
      comment: 'An event file declares a type and its detail: it may import types, nothing else.',
      severity: 'error',
      from: { path: '^src/events/' },
      to: { dependencyTypesNot: ['type-only', 'type-import'] },
    },
    {
      name: 'resolvable',
      comment:
        'Every import resolves, so that no edge escapes the rules above; but the modules the build makes (scripts/vite/basemap-tiles.ts, maplibre-css.ts).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: '^virtual:geo-story-(basemap-tiles|maplibre-css)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Keep imports that TypeScript erases (import type), so type-only cycles are seen.
    tsPreCompilationDeps: true,
    // tsconfig.json's bundler resolution maps the `.js` in relative imports to the `.ts` file.
    tsConfig: { fileName: 'tsconfig.json' },
    // Package entry points as Vite resolves them (maplibre-gl has only an `exports` map).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
