/**
 * JSON Schema for editors, built from the same zod schemas the parser validates with, so the two
 * cannot disagree. Kept apart from schema.ts: the viewer never needs it, so it stays out of the bundle.
 */
import { toJSONSchema } from 'zod/mini';
import { chapterSchema, frontMatterSchema } from './schema';

/** The story front matter as JSON Schema draft 2020-12, with a chapter block's schema under `$defs.chapter`. */
export function storyJsonSchema(): Record<string, unknown> {
  // `input`: describe what an author writes, so fields with defaults are optional.
  const options = { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' } as const;
  const { $schema, ...front } = toJSONSchema(frontMatterSchema, options);
  const { $schema: _chapterDialect, ...chapter } = toJSONSchema(chapterSchema, options);
  return {
    $schema,
    title: 'geo-story front matter',
    description:
      'The YAML front matter of a geo-story story file; $defs.chapter describes the YAML inside each ```chapter block. See docs/story-format.md.',
    ...front,
    $defs: { chapter },
  };
}

/** The schema file's exact text: two-space JSON with a final newline. */
export function storyJsonSchemaText(): string {
  return `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;
}
