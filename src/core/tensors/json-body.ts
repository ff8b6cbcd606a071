import { parse } from 'lossless-json';
import { describeThrown, ok, type Result } from '../protocol/engine-error';
import { lineColumn } from '../package/json-text';
import { decimalNumber, type InexactNumber } from './json-number';
import { TENSOR_LIMITS } from './limits';
import { badFile, fileText } from './tensor-error';

/**
 * JSON for tensors, read with bounds and without losing integers: the nesting depth is
 * measured (iteratively) before parsing, so a 100,000-level body is an error, not a stack
 * overflow; integer literals beyond 2^53 become bigints from their digits, never doubles; a
 * literal a double misstates (1e400, 0.99999999999999999) keeps its text (`InexactNumber`).
 */

/** Whether arrays/objects nest deeper than `limit` (strings skipped); linear, no recursion. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const INTEGER = /^-?\d+$/;

/** Numbers as JS numbers, except integer literals that a double cannot hold exactly (bigints) and literals it misstates. */
function parseNumber(text: string): number | bigint | InexactNumber {
  if (INTEGER.test(text)) {
    // Up to 15 digits every integer is safe; only longer literals need the check.
    if (text.length <= 15) return Number(text);
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BigInt(text);
  }
  return decimalNumber(text);
}

/** Parses a JSON tensor body within `TENSOR_LIMITS`. */
export function parseJsonBody(text: string, file: string): Result<unknown> {
  const hint = 'Write JSON such as {"inputs": {"x": [[1, 2, 3]]}} (numbers, nested arrays; NaN as the string "NaN").';
  if (text.length > TENSOR_LIMITS.maxJsonChars) {
    return badFile(file, `${fileText(file)} is ${(text.length / 1024 ** 2).toFixed(0)} MB of JSON, more than the ${TENSOR_LIMITS.maxJsonChars / 1024 ** 2} MB this reader takes.`, 'Give large tensors as .npy or .npz files: smaller, exact and faster to read.');
  }
  if (nestsDeeperThan(text, TENSOR_LIMITS.maxJsonDepth)) {
    return badFile(file, `${fileText(file)} nests arrays or objects more than ${TENSOR_LIMITS.maxJsonDepth} levels deep; no tensor needs that many.`, hint);
  }
  try {
    return ok(parse(text, null, parseNumber));
  } catch (thrown) {
    const detail = describeThrown(thrown);
    const position = /at position (\d+)/.exec(detail);
    const where = lineColumn(text, position ? Number(position[1]) : text.length);
    const cause = detail.replace(/ at position \d+$/, '').replace(/ encountered$/, '');
    return badFile(file, `${fileText(file)} is not valid JSON (line ${where.line}, column ${where.column}: ${cause}).`, hint);
  }
}
