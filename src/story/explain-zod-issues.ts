/**
 * Zod issues in plain English: turns what a schema rejects into messages an author can act on
 * (the union member meant, the known key a misspelt one meant, the value as written), each
 * reported at its place in the YAML.
 */
import type * as z from 'zod/mini';
import { fieldName, isPlainMap, valueAt } from './field-path';
import type { Report } from './report';
import { locate, type YamlPart } from './yaml-positions';

/** The parts of a zod schema definition the error explainer walks. */
interface SchemaDef {
  type: string;
  shape?: Record<string, SchemaLike>;
  element?: SchemaLike;
  items?: SchemaLike[];
  valueType?: SchemaLike;
  innerType?: SchemaLike;
  options?: SchemaLike[];
}

interface SchemaLike {
  _zod: { def: SchemaDef };
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly']);

function unwrap(schema: SchemaLike | undefined): SchemaLike | undefined {
  let current = schema;
  while (current && WRAPPERS.has(current._zod.def.type) && current._zod.def.innerType) {
    current = current._zod.def.innerType;
  }
  return current;
}

function schemaAt(schema: SchemaLike | undefined, path: readonly PropertyKey[]): SchemaLike | undefined {
  let current = unwrap(schema);
  for (const [i, segment] of path.entries()) {
    const def = current?._zod.def;
    if (!def) return undefined;
    // Zod reports inside the one member of a union whose type matches: the first member that has the path.
    if (def.type === 'union') {
      for (const option of def.options ?? []) {
        const found = schemaAt(option, path.slice(i));
        if (found) return found;
      }
      return undefined;
    }
    if (def.type === 'object')
      current = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[String(segment)] : undefined;
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'tuple') current = def.items?.[Number(segment)];
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
    current = unwrap(current);
  }
  return current;
}

function keysOf(schema: SchemaLike | undefined): string[] {
  const def = unwrap(schema)?._zod.def;
  if (def?.type === 'union') return [...new Set((def.options ?? []).flatMap(keysOf))];
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Names a value the way an author wrote it, briefly. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text';
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  }
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty map' : 'a map';
  return String(value);
}

/** Edit distance (Levenshtein) between two words: the insertions, deletions and substitutions between them. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The known key an unknown one most likely meant: same letters ignoring case and separators, or one or two typos. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  let best: string | undefined;
  let bestDistance = fold(word).length <= 4 ? 1 : 2;
  for (const candidate of candidates) {
    const d = distance(fold(word), fold(candidate));
    if (d === 0) return candidate;
    if (d <= bestDistance) {
      if (d < bestDistance || best === undefined) best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** One schema problem, before it is located. */
interface Problem {
  path: PropertyKey[];
  /** Blame the key itself (an unknown or invalid key) rather than its value. */
  atKey: boolean;
  message: string;
  /** For an unknown key: the known key it probably meant. */
  meant?: PropertyKey[];
  missing?: boolean;
}

/**
 * Chooses the union member the author was aiming at: one whose type matches and, for maps, that
 * shares the most keys with the input; ties go to the member with fewer problems.
 */
function chooseMember(branches: z.core.$ZodIssue[][], members: SchemaLike[], value: unknown): number | undefined {
  let chosen: number | undefined;
  let best = { shared: -1, cost: Infinity };
  branches.forEach((issues, i) => {
    if (issues.some((issue) => issue.path.length === 0 && issue.code === 'invalid_type')) return;
    const keys = keysOf(members[i]);
    const shared = isPlainMap(value) ? Object.keys(value).filter((key) => keys.includes(key)).length : 0;
    if (isPlainMap(value) && keys.length > 0 && shared === 0) return;
    const cost = issues.reduce((n, issue) => n + (issue.code === 'unrecognized_keys' ? issue.keys.length : 1), 0);
    if (shared > best.shared || (shared === best.shared && cost < best.cost)) {
      best = { shared, cost };
      chosen = i;
    }
  });
  return chosen;
}

function explain(
  issues: readonly z.core.$ZodIssue[],
  schema: SchemaLike | undefined,
  base: readonly PropertyKey[],
  data: unknown,
  out: Problem[],
): void {
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    const { present, value } = valueAt(data, path);
    if (issue.code === 'invalid_union') {
      const members = unwrap(schemaAt(schema, issue.path))?._zod.def.options ?? [];
      const chosen = chooseMember(issue.errors, members, value);
      if (chosen !== undefined) {
        explain(issue.errors[chosen]!, members[chosen], path, data, out);
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      const known = keysOf(schemaAt(schema, issue.path));
      for (const key of issue.keys) {
        const meant = closest(key, known);
        const message = meant
          ? `unknown field; did you mean "${meant}"?`
          : `unknown field; expected one of ${known.join(', ')}`;
        out.push({ path: [...path, key], atKey: true, message, ...(meant && { meant: [...path, meant] }) });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const reason = issue.issues[0]?.message ?? 'invalid key';
      out.push({ path, atKey: true, message: `the key ${describe(path.at(-1))} is not valid: ${reason}` });
      continue;
    }
    if (!present) {
      out.push({ path, atKey: false, missing: true, message: `missing; ${issue.message}` });
      continue;
    }
    out.push({ path, atKey: false, message: `${issue.message}, got ${describe(value)}` });
  }
}

/** Validates data against a schema and reports each problem at its place in the YAML. */
export function validate<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  part: YamlPart,
  prefix: string,
  report: Report,
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems: Problem[] = [];
  explain(result.error.issues, schema as unknown as SchemaLike, [], data, problems);
  // "did you mean zoom" already explains why zoom is missing; saying both is noise.
  const meant = new Set(problems.flatMap((p) => (p.meant ? [fieldName('', p.meant)] : [])));
  for (const problem of problems) {
    if (problem.missing && meant.has(fieldName('', problem.path))) continue;
    const at = locate(part, problem.path, problem.atKey);
    report.error(at.line, at.column, fieldName(prefix, problem.path), problem.message);
  }
  return undefined;
}
