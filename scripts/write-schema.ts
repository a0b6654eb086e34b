/**
 * Writes stories/story.schema.json from the story schemas (src/story/schema.ts).
 * Run after changing the schema; a unit test fails while the committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { storyJsonSchemaText } from '../src/story/json-schema';

const target = fileURLToPath(new URL('../stories/story.schema.json', import.meta.url));
writeFileSync(target, storyJsonSchemaText());
console.log(`wrote ${target}`);
