import { describeThrown } from '../protocol/engine-error';

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * JSON.parse, with a failure described by line and column whatever the engine's own
 * message says (V8 reports "position N", sometimes with a line, Firefox "line L column C").
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
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
