import { engineError, type EngineError } from '../protocol/engine-error';
import type { Signature } from './signature';

/** Label column names tried when metadata.json names none (common practice). */
export const LABEL_COLUMNS = ['target', 'label', 'y'] as const;

export interface Misnamed {
  readonly feature: string;
  readonly column: string;
}

export interface ColumnMatch {
  /** Per feature (signature order): the column index that feeds it, or -1. */
  readonly indices: readonly number[];
  readonly labelIndex: number | null;
  readonly labelColumn: string | null;
  readonly missing: readonly string[];
  /** Columns that are probably a feature under another spelling. */
  readonly misnamed: readonly Misnamed[];
  /** Columns that feed nothing (the label excluded). */
  readonly extra: readonly string[];
  /** The model names no features: columns were taken in order. */
  readonly byPosition: boolean;
  /** Nothing missing or misnamed: scoring can start. */
  readonly runnable: boolean;
  /** What to tell the user when not runnable (names the columns, says the fix). */
  readonly problem: EngineError | null;
}

export function findLabelColumn(header: readonly string[], targetColumn?: string | null): number | null {
  const candidates = targetColumn ? [targetColumn, ...LABEL_COLUMNS] : [...LABEL_COLUMNS];
  for (const name of candidates) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  for (const name of candidates) {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (i >= 0) return i;
  }
  return null;
}

const normal = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

const quote = (names: readonly string[]): string => names.map((n) => `“${n}”`).join(', ');

/**
 * Matches a file's header to the model's features by name (order does not matter).
 * `renames` maps a column to the feature it should feed (the user accepted a suggestion).
 */
export function matchColumns(
  header: readonly string[],
  signature: Signature,
  options: { readonly targetColumn?: string | null; readonly renames?: Readonly<Record<string, string>> } = {},
): ColumnMatch {
  const features = signature.features.map((f) => f.name);
  const labelIndex = findLabelColumn(header, options.targetColumn);
  const renames = options.renames ?? {};
  const used = new Set<number>(labelIndex === null ? [] : [labelIndex]);
  const indices = features.map((name) => {
    let i = header.indexOf(name);
    if (i < 0) i = header.findIndex((h, k) => renames[h] === name && !used.has(k));
    if (i < 0) i = header.findIndex((h, k) => h.trim() === name && !used.has(k));
    if (i >= 0) used.add(i);
    return i;
  });
  const free = (): number[] => header.map((_, k) => k).filter((k) => !used.has(k));
  let byPosition = false;
  if (!signature.namedFeatures && indices.every((i) => i < 0) && free().length === features.length) {
    // The model names no features, and the file has exactly as many columns: take them in order.
    byPosition = true;
    free().forEach((k, f) => {
      indices[f] = k;
      used.add(k);
    });
  }
  const misnamed: Misnamed[] = [];
  const missing: string[] = [];
  features.forEach((name, f) => {
    if (indices[f]! >= 0) return;
    const target = normal(name);
    let best: { k: number; d: number } | null = null;
    for (const k of free()) {
      const candidate = normal(header[k]!);
      const d = candidate === target ? 0 : editDistance(candidate, target);
      const limit = Math.max(1, Math.floor(target.length / 4));
      if (d <= limit && (!best || d < best.d)) best = { k, d };
    }
    if (best) {
      used.add(best.k);
      misnamed.push({ feature: name, column: header[best.k]! });
    } else missing.push(name);
  });
  const extra = free().map((k) => header[k]!);
  const runnable = missing.length === 0 && misnamed.length === 0;
  let problem: EngineError | null = null;
  if (!runnable) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing ${missing.length === 1 ? 'column' : 'columns'} ${quote(missing)}`);
    for (const m of misnamed) parts.push(`column “${m.column}” looks like feature “${m.feature}”`);
    if (extra.length > 0) parts.push(`${extra.length === 1 ? 'column' : 'columns'} ${quote(extra)} ${extra.length === 1 ? 'matches' : 'match'} no feature`);
    problem = engineError(
      'bad-input',
      `The file’s columns do not match the model’s features: ${parts.join('; ')}. Nothing was scored.`,
      misnamed.length > 0 && missing.length === 0
        ? `Rename ${misnamed.length === 1 ? 'that column' : 'those columns'} in the file to the feature names (${quote(misnamed.map((m) => m.feature))}), or accept the suggested matches.`
        : `The file needs one column per feature, named exactly as the model names them: ${quote(features.slice(0, 12))}${features.length > 12 ? ` and ${features.length - 12} more` : ''} (order does not matter).`,
    );
  }
  return { indices, labelIndex, labelColumn: labelIndex === null ? null : header[labelIndex]!, missing, misnamed, extra, byPosition, runnable, problem };
}
