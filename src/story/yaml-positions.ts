/**
 * YAML with positions: parses a YAML part of a story file and finds the line and column in the
 * file where a field (or the map that should hold it) is written.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { fieldName } from './field-path';
import type { Report } from './report';
import { explainYamlError } from './yaml-errors';

/** Most YAML alias expansions accepted per document, against "billion laughs" style input. */
const MAX_YAML_ALIASES = 100;

/** A YAML document and where its text starts in the story file. */
export interface YamlPart {
  doc: Document;
  lines: LineCounter;
  /** File line of the YAML text's first line. */
  firstLine: number;
  /** File line to blame when the document is empty (the opening fence). */
  fenceLine: number;
}

/** A place in the story file, 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** The file position of an offset in the YAML text; the fence line when there is no offset or no document. */
function positionOf(part: YamlPart, offset: number | undefined): Position {
  if (offset === undefined || part.doc.contents === null) return { line: part.fenceLine, column: 1 };
  const { line, col } = part.lines.linePos(offset);
  return { line: line + part.firstLine - 1, column: col };
}

/** Parses YAML; reports syntax errors and returns undefined when the text is not usable YAML. */
export function readYaml(
  source: string,
  firstLine: number,
  fenceLine: number,
  field: string,
  report: Report,
): { part: YamlPart; data: unknown } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const part: YamlPart = { doc, lines, firstLine, fenceLine };
  for (const warning of doc.warnings) {
    const explained = explainYamlError(warning, doc, source);
    const at = positionOf(part, explained.offset);
    report.warn(at.line, at.column, fieldName(field, explained.path), `YAML: ${explained.message}`);
  }
  if (doc.errors.length > 0) {
    // After the first syntax error the reader is out of step, and what follows is mostly its echo;
    // a key given twice is a mistake of its own wherever it is.
    const shown = doc.errors.filter((error, i) => i === 0 || error.code === 'DUPLICATE_KEY');
    for (const error of shown) {
      const explained = explainYamlError(error, doc, source);
      const at = positionOf(part, explained.offset);
      report.error(at.line, at.column, fieldName(field, explained.path), `YAML syntax: ${explained.message}`);
    }
    return undefined;
  }
  try {
    return { part, data: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // yaml throws a ReferenceError for alias expansion past the limit; anything else is a bug to surface.
    if (!(error instanceof ReferenceError)) throw error;
    const message = /excessive alias/i.test(error.message)
      ? `more than ${MAX_YAML_ALIASES} alias expansions (*name)`
      : error.message;
    report.error(firstLine, 1, field, `invalid YAML: ${message}`);
    return undefined;
  }
}

/**
 * Finds where a field lives in the YAML. `key` points at a map key rather than its value;
 * a field that does not exist points at the map that should hold it (at the key naming that map
 * when it has one, which is the line an author looks for).
 */
export function locate(part: YamlPart, path: readonly PropertyKey[], key = false): Position {
  let node: unknown = part.doc.contents;
  let naming: { range?: [number, number, number] | null } | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isAlias(node)) node = node.resolve(part.doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair || !isScalar(pair.key)) return positionOf(part, (naming ?? (node as Ranged)).range?.[0]);
      if (key && i === path.length - 1) return positionOf(part, pair.key.range?.[0]);
      // `key:` with nothing after it has no value node; the key is the place.
      if (pair.value === null) return positionOf(part, pair.key.range?.[0]);
      naming = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      naming = undefined;
      node = node.items[segment];
    } else {
      return positionOf(part, (naming ?? (node as Ranged | null))?.range?.[0]);
    }
  }
  return positionOf(part, (node as Ranged | null)?.range?.[0]);
}

interface Ranged {
  range?: [number, number, number] | null;
}
