/**
 * Where each value of a JSON text sits, by the validator's JSON paths
 * (`therapies[1].sources[0].url`), so a problem can be shown in the editor.
 * A small hand-written parser: it accepts exactly what JSON.parse accepts and
 * records offsets; on a syntax error it reports the offset it stopped at.
 */
import { formatPath } from '../../src/content/schema.js';

/** A value's place in the text: from its key (for properties) to its end. */
export interface Span {
  start: number;
  end: number;
  /** Where the value itself starts (after `"key":`). */
  valueStart: number;
}

export interface JsonMap {
  spans: Map<string, Span>;
  /** Offset of the first syntax error, when the text is not JSON. */
  errorAt?: number;
}

/** Where a problem's path is: its span, or the opening of the closest ancestor that exists. */
export interface Location {
  start: number;
  end: number;
  /** False when the path itself is not in the text (a missing field): the span is its parent's. */
  exact: boolean;
}

class SyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const LITERALS = ['true', 'false', 'null'];

/** Maps every value of `text` to its span. Never throws. */
export function mapJson(text: string): JsonMap {
  const spans = new Map<string, Span>();
  let i = 0;

  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    for (;;) {
      const ch = text.charCodeAt(i);
      if (Number.isNaN(ch) || ch < 0x20) throw new SyntaxAt(i);
      if (ch === 0x22) break;
      if (ch === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new SyntaxAt(i);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else throw new SyntaxAt(i);
      } else i++;
    }
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (keys: (string | number)[], keyStart?: number): void => {
    skip();
    const start = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      skip();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          skip();
          if (text[i] !== '"') throw new SyntaxAt(i);
          const propertyStart = i;
          const key = string();
          skip();
          if (text[i] !== ':') throw new SyntaxAt(i);
          i++;
          value([...keys, key], propertyStart);
          skip();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else throw new SyntaxAt(i);
        }
      }
    } else if (ch === '[') {
      i++;
      skip();
      if (text[i] === ']') i++;
      else {
        for (let index = 0; ; index++) {
          value([...keys, index]);
          skip();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else throw new SyntaxAt(i);
        }
      }
    } else if (ch === '"') string();
    else {
      NUMBER.lastIndex = i;
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (literal) i += literal.length;
      else if (NUMBER.exec(text)) i = NUMBER.lastIndex;
      else throw new SyntaxAt(i);
    }
    spans.set(formatPath(keys), { start: keyStart ?? start, end: i, valueStart: start });
  };

  try {
    value([]);
    skip();
    if (i < text.length) throw new SyntaxAt(i);
    return { spans };
  } catch (error) {
    // A syntax error, or nesting deeper than the call stack allows.
    return { spans, errorAt: error instanceof SyntaxAt ? error.offset : i };
  }
}

/** `therapies[1].url` → `therapies[1]` → `therapies` → `(root)`. */
function parentPath(path: string): string {
  const parent = path.replace(/(?:\.[^.[\]]*|\[\d+\])$/, '');
  return parent && parent !== path ? parent : '(root)';
}

/** Finds a problem's path in the mapped text. */
export function locate(map: JsonMap, path: string): Location | undefined {
  const exact = map.spans.get(path);
  if (exact) return { start: exact.start, end: exact.end, exact: true };
  let current = path;
  while (current !== '(root)') {
    current = parentPath(current);
    const span = map.spans.get(current);
    // A missing field: point at the opening of the object that lacks it.
    if (span) return { start: span.start, end: span.valueStart + 1, exact: false };
  }
  return undefined;
}

/** 0-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
