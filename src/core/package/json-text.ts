import { describeThrown } from '../protocol/engine-error';

/**
 * Deepest nesting any JSON a user gives us may have. Real files stay far below it (an image
 * batch `{"inputs": {"x": [[[[…]]]]}}` is 6 deep); past it, every recursive walk after the
 * parse (flattening, cloning to a worker, stringifying) would overflow the stack.
 */
export const MAX_JSON_DEPTH = 100;

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;

/** Where nesting first goes deeper than `limit` (outside strings), or -1. One linear pass, no recursion. */
export function depthExceededAt(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string, escapes included.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return -1;
}

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; reason: string; tooDeep?: boolean };

/**
 * JSON.parse, with a failure described by line and column whatever the engine's own
 * message says (V8 reports "position N", sometimes with a line, Firefox "line L column C").
 * Nesting deeper than `maxDepth` is refused before parsing, with where it happens.
 */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): JsonTextResult {
  const deep = depthExceededAt(text, maxDepth);
  if (deep >= 0) {
    const where = lineColumn(text, deep);
    return { ok: false, tooDeep: true, reason: `line ${where.line}, column ${where.column}: nested more than ${maxDepth} levels deep, which no real file needs` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (thrown) {
    const detail = describeThrown(thrown);
    const position = /position (\d+)/.exec(detail);
    const lineCol = /line (\d+) column (\d+)/.exec(detail);
    const where = lineCol
      ? { line: Number(lineCol[1]), column: Number(lineCol[2]) }
      : position
        ? lineColumn(text, Number(position[1]))
        : lineColumn(text, text.length);
    const cause = detail.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+.*$/, '');
    return { ok: false, reason: `line ${where.line}, column ${where.column}: ${cause}` };
  }
}
