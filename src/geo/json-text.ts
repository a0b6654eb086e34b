/**
 * GeoJSON text read as JSON: the size and depth limits checked before parsing, parse errors in
 * plain words, the line and column of every node, and the JSON-level rules on member names.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Issue } from '../story/types';
import { utf8Length } from '../story/utf8-length';

/** A JSON path: member names and array indexes from the root (jsonc-parser's `JSONPath`). */
export type Path = (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats a path as `features[3].geometry.coordinates[0][2]`. */
function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Maps character offsets to 1-based line and column. */
export class LineIndex {
  private readonly starts: number[] = [0];

  // Lines end the way editors end them: LF, CR LF, or a lone CR.
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) this.starts.push(i + 1);
    }
  }

  /** The line and column of a character offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Collects the issues of one file, each at the line and column of a node of its tree. */
export class JsonIssues {
  readonly issues: Issue[] = [];

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
  ) {}

  /** Records an issue at `node`, or at the start of the file when there is none. */
  report(node: Node | undefined, path: Path, message: string, severity: Issue['severity'] = 'error'): void {
    const { line, column } = this.lines.at(node?.offset ?? 0);
    this.issues.push({ file: this.file, line, column, field: formatPath(path), message, severity });
  }
}

/**
 * Offset of the first bracket nested deeper than `max`, or -1. jsonc-parser parses recursively,
 * so a file of a million `[` would overflow the stack before any check could run: scan first.
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** Friendly text for jsonc-parser's error codes. */
function parseErrorMessage(error: ParseError, text: string): string {
  const code = printParseErrorCode(error.error);
  if (code === 'InvalidCommentToken' || code === 'UnexpectedEndOfComment') return 'comments are not allowed in JSON';
  if (code === 'PropertyNameExpected' || code === 'ValueExpected') {
    const before = text.slice(0, error.offset).trimEnd();
    const here = text[error.offset];
    if (before.endsWith(',') && (here === '}' || here === ']')) return 'trailing commas are not allowed in JSON';
  }
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character (JSON has no NaN, Infinity or unquoted words)',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a member name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: 'expected ":"',
    CommaExpected: 'expected ","',
    CloseBraceExpected: 'expected "}"',
    CloseBracketExpected: 'expected "]"',
    EndOfFileExpected: 'unexpected text after the end of the JSON value',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  };
  return `invalid JSON: ${Object.hasOwn(words, code) ? words[code] : code}`;
}

/** Parse errors reported at most, since later ones are often echoes of the first. */
const MAX_PARSE_ERRORS = 20;

/**
 * The text without its byte order mark: RFC 8259 §8.1 lets parsers ignore one, and dropping it
 * keeps the columns of line 1 right.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** True when `text` takes at most `maxBytes` bytes in UTF-8. */
export function withinBytes(text: string, maxBytes: number): boolean {
  // Cheap bounds first: the UTF-16 length is at most the UTF-8 length, at least a third of it.
  // And a text all ASCII, as most large GeoJSON is, is as many bytes as characters: one search.
  if (text.length > maxBytes) return false;
  return text.length * 3 <= maxBytes || !/[^\0-\x7f]/.test(text) || utf8Length(text) <= maxBytes;
}

/** JSON text parsed into a tree that keeps the offset of every node. */
export interface JsonText {
  /** The text parsed: without its byte order mark. */
  text: string;
  /** The root node of the tree. */
  root: Node;
  /** Lines and columns of the text's offsets. */
  lines: LineIndex;
}

/** Limits checked before the text is parsed. */
export interface TextLimits {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes: number;
  /** Deepest accepted nesting of arrays and objects. */
  maxDepth: number;
}

/**
 * Parses plain JSON into a tree with positions, or gives why it cannot be read: too large,
 * nested too deep, or not JSON (each parse error at its line and column).
 *
 * @example
 * const parsed = parseJsonText(text, 'geo/corridor.geojson', { maxBytes: 1024 * 1024, maxDepth: 64 });
 * if ('issues' in parsed) for (const issue of parsed.issues) console.log(formatIssue(issue));
 */
export function parseJsonText(text: string, file: string, limits: TextLimits): JsonText | { issues: Issue[] } {
  const issues: Issue[] = [];
  const fileIssue = (message: string, line = 1, column?: number) => {
    issues.push({ file, line, column, field: '', message, severity: 'error' });
    return { issues };
  };

  if (!withinBytes(text, limits.maxBytes)) {
    return fileIssue(`file is larger than ${limits.maxBytes} bytes (limits.layerBytes); split or simplify it`);
  }
  text = withoutBom(text);
  const lines = new LineIndex(text);

  const deep = tooDeepAt(text, limits.maxDepth);
  if (deep !== -1) {
    const { line, column } = lines.at(deep);
    return fileIssue(`nested more than ${limits.maxDepth} levels deep (limits.depth)`, line, column);
  }

  // jsonc-parser rather than JSON.parse: it keeps the offset of every node, so each issue can
  // name its line and column. Its JSONC extensions are switched off: a layer must be plain JSON.
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !root) {
    let lastOffset = -1;
    for (const error of errors.slice(0, MAX_PARSE_ERRORS)) {
      if (error.offset === lastOffset) continue; // one token, one message
      lastOffset = error.offset;
      const { line, column } = lines.at(error.offset);
      issues.push({ file, line, column, field: '', message: parseErrorMessage(error, text), severity: 'error' });
    }
    return issues.length ? { issues } : fileIssue('invalid JSON: empty file');
  }
  return { text, root, lines };
}

/** Names a JSON node's type for messages. */
export function kindOf(node: Node): string {
  return node.type === 'number' && !Number.isFinite(node.value) ? 'a number out of range' : node.type;
}

/** Object members by name; a Map, never a plain object, since names come from the input. */
export function membersOf(node: Node): Map<string, Node> {
  const members = new Map<string, Node>();
  for (const prop of node.children ?? []) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && !members.has(key.value)) members.set(key.value, prop);
  }
  return members;
}

/** Value node of a property node. */
export function valueOf(prop: Node | undefined): Node | undefined {
  return prop?.children?.[1];
}

/** Member names that are unsafe or ambiguous anywhere in the file, properties included. */
export function checkMemberNames(root: Node, out: JsonIssues): void {
  const stack: { node: Node; path: Path }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node.type === 'array') {
      node.children?.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
      continue;
    }
    if (node.type !== 'object') continue;
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      const name = key?.value as string;
      if (name === '__proto__') {
        // Harmless to JSON.parse, but code that copies with Object.assign or `obj[k] = v`
        // would replace the prototype of the copy: refuse it outright.
        out.report(prop, [...path, name], 'the member name "__proto__" is not allowed');
      } else if (seen.has(name)) {
        // RFC 8259 §4: names SHOULD be unique; parsers disagree about which duplicate wins.
        out.report(prop, [...path, name], `duplicate member "${name}"; JSON readers disagree on which one wins`);
      }
      seen.add(name);
      const value = prop.children?.[1];
      if (value) stack.push({ node: value, path: [...path, name] });
    }
  }
}
