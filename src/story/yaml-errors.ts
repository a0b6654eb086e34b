/**
 * YAML syntax errors in an author's words: the YAML reader's error codes and messages (yaml's
 * `YAMLParseError`) turned into a plain sentence, the place to fix, and the field nearest to it.
 */
import { isMap, isScalar, isSeq, type Document, type YAMLError } from 'yaml';

/** A syntax error explained: where it is (an offset in the YAML text), the field nearest to it, and what to do. */
export interface ExplainedYamlError {
  offset: number;
  /** Path of the nearest key at or before the error, e.g. `['layers', 0, 'style']`; empty at the top. */
  path: PropertyKey[];
  message: string;
}

interface Ranged {
  range?: [number, number, number] | null;
  flow?: boolean;
}

/** The index of the last item that passes `test`, or -1 (Array.prototype.findLastIndex is ES2023). */
function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

const startOf = (node: unknown) => (node as Ranged | null)?.range?.[0] ?? Infinity;

/** The key nearest before `offset`, as a path, with the node of each step (its value). */
function nearestPath(doc: Document, offset: number): { path: PropertyKey[]; nodes: unknown[] } {
  const path: PropertyKey[] = [];
  const nodes: unknown[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items[lastIndex(node.items, (p) => startOf(p.key) <= offset)];
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = lastIndex(node.items, (item) => startOf(item) <= offset);
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else break;
    nodes.push(node);
  }
  return { path, nodes };
}

/** The key written on the line holding `offset`, if the line starts with one (`  en: Bad` gives `en`). */
function keyOnLine(source: string, offset: number): string | undefined {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const line = source.slice(start, source.indexOf('\n', start) >>> 0 || undefined);
  return /^[ \t]*(?:-[ \t]+)*([^\s:#'"{[][^:#]*?)[ \t]*:(?:\s|$)/.exec(line)?.[1];
}

const COLOUR_HINT = `; an unquoted # starts a comment, so quote a colour: '#2e7d32'`;

/**
 * Explains one YAML syntax error found in `source` (the YAML text `doc` was parsed from).
 * @example explainYamlError(doc.errors[0], doc, source).message
 * // 'this line is indented differently from the keys above it (...)'
 */
export function explainYamlError(error: YAMLError, doc: Document, source: string): ExplainedYamlError {
  const offset = error.pos[0];
  // These are reported at a key the reader took from a value (`en: Bad: news` gives a key "Bad"),
  // so the field is the key before it.
  const inValue = error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BLOCK_IN_FLOW';
  const near = nearestPath(doc, inValue ? offset - 1 : offset);
  const at = (message: string): ExplainedYamlError => ({ offset, path: near.path, message });
  const key = keyOnLine(source, offset);
  const named = key === undefined ? 'this line' : `the key "${key}"`;
  const text = JSON.stringify(source.slice(offset, Math.max(error.pos[1], offset + 1)).trim());

  // yaml reports an unclosed { or [ where the next line starts; the author looks for the bracket.
  const unclosed = /^Flow (map|sequence) in block collection/.exec(error.message);
  if (unclosed) {
    const before = nearestPath(doc, offset - 1);
    const i = lastIndex(before.nodes, (n) => !!(n as Ranged | null)?.flow);
    const open = (before.nodes[i] as Ranged | undefined)?.range?.[0];
    const [bracket, close, what] = unclosed[1] === 'map' ? ['{', '}', 'map'] : ['[', ']', 'list'];
    const start = open ?? offset;
    const hint = / #|[{[,:]#/.test(source.slice(start, offset)) ? COLOUR_HINT : '';
    return {
      offset: start,
      path: i < 0 ? near.path : before.path.slice(0, i + 1),
      message: `the ${bracket} ... ${close} ${what} ${open === undefined ? 'above' : 'that starts here'} is not closed with "${close}"${hint}`,
    };
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at('a tab is used to indent this line; YAML indents with spaces only');
    case 'BAD_INDENT':
      if (/sequence items/.test(error.message))
        return at('the items ("- ") of one list must all start in the same column');
      if (/mapping items/.test(error.message))
        return at(
          `${named} is indented differently from the keys above it: the keys of one map start in the same column, and a key inside another is indented further, with spaces`,
        );
      return at(`${named} is not indented as expected: a key inside another is indented further, with spaces`);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/Nested mappings/.test(error.message))
        return at(
          'a second "key:" on the line of a key: put it on a line of its own, indented, or quote the value when its colon is part of the text (en: \'Bad: news\')',
        );
      return at('a list ("- ") cannot be a key here: check the indentation, and that each "-" is followed by a space');
    case 'MULTILINE_IMPLICIT_KEY':
      return at(
        `${named} runs over more than one line: a key is on one line, and a text continued on the next line is indented further than its key`,
      );
    case 'DUPLICATE_KEY':
      return at(`${named} appears twice in the same map`);
    case 'BAD_DQ_ESCAPE': {
      const escape = /sequence (\S+)/.exec(error.message)?.[1] ?? 'a backslash';
      return at(
        `${escape} is not an escape sequence in a "double-quoted" text: write \\\\ for a backslash, or use 'single quotes'`,
      );
    }
    case 'BLOCK_IN_FLOW':
      return at(
        'a "," is missing inside this { ... } or [ ... ], or a text holding ": " needs quotes: {en: \'Bad: news\'}',
      );
    case 'TAG_RESOLVE_FAILED': {
      const tag = /tag: (\S+)/.exec(error.message)?.[1] ?? 'this tag';
      return at(`${tag} is a YAML tag a story does not use: remove it, or quote a value that starts with "!"`);
    }
    case 'MULTIPLE_DOCS':
      return at('a line "---" here starts a second YAML document; there is one per block');
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return at('an alias (*name) must name an anchor (&name) defined above it, and nothing else');
    case 'MISSING_CHAR':
      if (/closing .?quote/.test(error.message)) {
        // yaml reports it where the text ends, often lines further on; the author looks for the opening quote.
        const quoted = near.nodes.at(-1);
        const start = isScalar(quoted) ? quoted.range?.[0] : undefined;
        const where = start === undefined ? 'a quoted text is' : 'the quoted text that starts here is';
        return { ...at(`${where} not closed: add the closing quote where it should end`), offset: start ?? offset };
      }
      if (/Comments must be separated/.test(error.message))
        return at(`a # that starts a comment needs a space before it; quote a value that holds a #: '#2e7d32'`);
      if (/Missing space after :/.test(error.message))
        return at('a ":" in a { ... } map needs a space after it: {en: Text}');
      if (/Missing ,/.test(error.message)) return at('a "," is missing between two items of a { ... } or [ ... ]');
      if (/followed by map values/.test(error.message)) return at(`${named} needs a ":" and a value after it`);
      break;
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected ,/.test(error.message)) return at('an empty item between two commas');
      return at(`unexpected ${text} here: check the indentation, colons and brackets on this line and the one above`);
  }
  return at(`this is not valid YAML (${error.message}): check the indentation, colons, quotes and brackets`);
}
