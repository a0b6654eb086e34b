/**
 * JSX typings for React 19 written from the shipped manifest: each element's attributes (as
 * optional props of their manifest types) and its events as `on<event-name>` props (React 19 sets
 * such a prop on a custom element as an event listener), with React's own HTML props for
 * `ref`, `className`, `style`, `children` and the rest.
 */
import type { Declaration, Manifest } from './manifest.ts';

/** `lang` -> `lang?: string;`, with the manifest's type text when it is one TypeScript knows here. */
function attributeProp(a: NonNullable<Declaration['attributes']>[number] & { type?: { text: string } }): string {
  const type = a.type?.text ?? 'string';
  return `      ${JSON.stringify(a.name)}?: ${type};`;
}

/** The text of `react.d.ts`. Event detail types are imported from `./index.js`. */
export function reactTypings(manifest: Manifest): string {
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  const details = new Set<string>();
  const entries = elements.map((d) => {
    const props = (d.attributes ?? []).map(attributeProp);
    for (const e of d.events ?? []) {
      const detail = /^CustomEvent<(\w+)>$/.exec(e.type?.text ?? '')?.[1];
      if (detail) details.add(detail);
      props.push(`      ${JSON.stringify('on' + e.name)}?: (event: ${e.type?.text ?? 'Event'}) => void;`);
    }
    return [
      `    /** \`<${d.tagName}>\`: see ${d.name} in custom-elements.json. */`,
      `    ${JSON.stringify(d.tagName)}: React.DetailedHTMLProps<React.HTMLAttributes<${d.name}>, ${d.name}> & {`,
      ...props,
      '    };',
    ].join('\n');
  });
  const imports = [...elements.map((d) => d.name), ...[...details].sort()].join(', ');
  return [
    '// Written by scripts/build-package.ts from custom-elements.json: JSX typings for React 19.',
    "import type * as React from 'react';",
    `import type { ${imports} } from './index.js';`,
    "export * from './index.js';",
    '',
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    entries.map((e) => e.replace(/^/gm, '  ')).join('\n'),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}
