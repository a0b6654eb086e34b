/** Paths to fields of a story's YAML data: the value at one, and its name in issues. */

/** Whether a YAML value is a map (not a list or a scalar). */
export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The input value at a path, and whether it is there at all (a `key:` with no value is there, as null). */
export function valueAt(data: unknown, path: readonly PropertyKey[]): { present: boolean; value: unknown } {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number' && segment < value.length) value = value[segment];
    else if (isPlainMap(value) && Object.hasOwn(value, segment)) value = value[String(segment)];
    else return { present: false, value: undefined };
  }
  return { present: true, value };
}

/** Renders `['layers', 1, 'style']` as `layers[1].style`, under an optional prefix. */
export function fieldName(prefix: string, path: readonly PropertyKey[]): string {
  let name = prefix;
  for (const segment of path) {
    name += typeof segment === 'number' ? `[${segment}]` : `${name ? '.' : ''}${String(segment)}`;
  }
  return name;
}
