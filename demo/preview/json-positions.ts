/**
 * Where each value of the editor's JSON text sits, from `jsonc-parser`'s
 * syntax tree, found by a problem's key path (`Problem.keys`), and where the
 * text stops being JSON, in words an editor reads once.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { PathKey } from '../../src/content/schema.js';

/** Where a problem is in the text. */
export interface Location {
  start: number;
  end: number;
  /** False when the path itself is not in the text (a missing field): the span is its parent's opening. */
  exact: boolean;
}

/** A place in the text that is not JSON. */
export interface SyntaxProblem {
  offset: number;
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

const PLAIN: Record<string, string> = {
  InvalidSymbol: 'this character cannot start a value (text needs double quotes)',
  InvalidNumberFormat: 'this number is not written as JSON writes numbers',
  PropertyNameExpected: 'a field name in double quotes is expected here',
  ValueExpected: 'a value is expected here',
  ColonExpected: 'a colon (:) is expected after the field name',
  CommaExpected: 'a comma is expected before this',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is more text after the end of the bundle',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'this text is not closed by a double quote',
  UnexpectedEndOfNumber: 'this number is cut off',
  InvalidUnicode: 'this \\u escape is not four hexadecimal digits',
  InvalidEscapeCharacter: 'this backslash escape is not one JSON knows',
  InvalidCharacter: 'a line break or control character inside text must be escaped',
};

/** 0-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length - 1;
}

function syntaxProblem(text: string, error: ParseError): SyntaxProblem {
  const line = lineOf(text, error.offset);
  const column = error.offset - (text.lastIndexOf('\n', error.offset - 1) + 1);
  const what = PLAIN[printParseErrorCode(error.error)] ?? 'the text is not JSON here';
  return { offset: error.offset, line: line + 1, column: column + 1, message: `Not valid JSON at line ${line + 1}, column ${column + 1}: ${what}.` };
}

/** The syntax tree of `text` and its first syntax error, as strict as JSON.parse (no comments, no trailing commas). */
export function parseJson(text: string): { tree?: Node; syntax?: SyntaxProblem } {
  const errors: ParseError[] = [];
  try {
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    return { ...(tree ? { tree } : {}), ...(errors[0] ? { syntax: syntaxProblem(text, errors[0]) } : {}) };
  } catch {
    // Nesting deeper than the parser's call stack: no bundle is shaped like that.
    return { syntax: { offset: 0, line: 1, column: 1, message: 'Not valid as a bundle: the JSON is nested too deeply to read.' } };
  }
}

/** The value at one key below `node`: the last of duplicate keys, as JSON.parse keeps it. */
function child(node: Node, key: PathKey): Node | undefined {
  if (node.type === 'array' && typeof key === 'number') return node.children?.[key];
  if (node.type !== 'object') return undefined;
  const property = [...(node.children ?? [])].reverse().find((p) => p.children?.[0]?.value === String(key));
  return property?.children?.[1];
}

/** Where a problem's keys are: the property (key included) or value, else the opening of the closest ancestor that exists. */
export function locate(tree: Node | undefined, keys: readonly PathKey[]): Location | undefined {
  if (!tree) return undefined;
  let node: Node = tree;
  for (const key of keys) {
    const next = child(node, key);
    if (!next) return { start: node.offset, end: node.offset + 1, exact: false };
    node = next;
  }
  const span = node.parent?.type === 'property' ? node.parent : node;
  return { start: span.offset, end: span.offset + span.length, exact: true };
}
