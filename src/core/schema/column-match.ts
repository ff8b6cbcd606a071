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

/**
 * The label column: metadata's target_column when it declares one (and only it), else target / label / y.
 * Columns in `feeding` already feed a feature and are never the label.
 */
export function findLabelColumn(header: readonly string[], targetColumn?: string | null, feeding: ReadonlySet<number> = new Set()): number | null {
  const candidates = targetColumn ? [targetColumn] : [...LABEL_COLUMNS];
  for (const name of candidates) {
    const i = header.findIndex((h, k) => h === name && !feeding.has(k));
    if (i >= 0) return i;
  }
  for (const name of candidates) {
    const i = header.findIndex((h, k) => h.trim().toLowerCase() === name.toLowerCase() && !feeding.has(k));
    if (i >= 0) return i;
  }
  return null;
}

/**
 * The column feeding each named feature (-1 when none): the exact name, else a column the user
 * renamed to it, else the name with surrounding spaces trimmed. The one rule for files and examples.
 */
export function columnsByName(header: readonly string[], names: readonly string[], renames: Readonly<Record<string, string>> = {}): number[] {
  const used = new Set<number>();
  const exact = names.map((name) => {
    const i = header.indexOf(name);
    if (i >= 0) used.add(i);
    return i;
  });
  return exact.map((found, f) => {
    if (found >= 0) return found;
    const name = names[f]!;
    let i = header.findIndex((h, k) => renames[h] === name && !used.has(k));
    if (i < 0) i = header.findIndex((h, k) => h.trim() === name && !used.has(k));
    if (i >= 0) used.add(i);
    return i;
  });
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
 * Suggestions for the features no column is named after: a column whose normalised name is exactly
 * a feature's goes to that feature first; then near misses, closest pair first across all features.
 * A tie (one feature as near to two columns, or one column to two features) gets no suggestion.
 */
function suggestColumns(header: readonly string[], features: readonly string[], unmatched: readonly number[], free: readonly number[]): { f: number; k: number }[] {
  const taken = new Set<number>();
  const settled = new Set<number>();
  const pairs: { f: number; k: number; d: number }[] = [];
  for (const f of unmatched) {
    const target = normal(features[f]!);
    const limit = Math.max(1, Math.floor(target.length / 4));
    for (const k of free) {
      const candidate = normal(header[k]!);
      const d = candidate === target ? 0 : editDistance(candidate, target);
      if (d <= limit) pairs.push({ f, k, d });
    }
  }
  // A column that exactly (normalised) names some feature is never suggested for another one.
  for (const p of pairs) if (p.d === 0) taken.add(p.k);
  const suggested: { f: number; k: number }[] = [];
  const distances = [...new Set(pairs.map((p) => p.d))].sort((a, b) => a - b);
  for (const d of distances) {
    const open = pairs.filter((p) => p.d === d && !settled.has(p.f) && (d === 0 || !taken.has(p.k)));
    for (const p of open) {
      const rivals = open.filter((q) => q !== p && (q.f === p.f || q.k === p.k));
      if (rivals.length === 0) suggested.push(p);
      // Tied: neither the feature nor the column is guessed at.
      settled.add(p.f);
      taken.add(p.k);
    }
  }
  return suggested.sort((a, b) => a.f - b.f);
}

/** Names that appear more than once among the columns a feature or the label would be read from. */
function ambiguousColumns(header: readonly string[], wanted: ReadonlySet<string>): { name: string; positions: number[] }[] {
  const positions = new Map<string, number[]>();
  header.forEach((h, k) => {
    const name = h.trim();
    if (!wanted.has(name)) return;
    positions.set(name, [...(positions.get(name) ?? []), k + 1]);
  });
  return [...positions].filter(([, at]) => at.length > 1).map(([name, at]) => ({ name, positions: at }));
}

const listed = (n: readonly number[]): string => (n.length === 2 ? `${n[0]} and ${n[1]}` : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`);

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
  const renames = options.renames ?? {};
  const indices = columnsByName(header, features, renames);
  const used = new Set<number>(indices.filter((i) => i >= 0));
  // After the features: a column feeding a feature is never also the label.
  const labelIndex = findLabelColumn(header, options.targetColumn, used);
  if (labelIndex !== null) used.add(labelIndex);
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
  const unmatched = features.map((_, f) => f).filter((f) => indices[f]! < 0);
  const suggested = suggestColumns(header, features, unmatched, free());
  for (const { k } of suggested) used.add(k);
  const misnamed: Misnamed[] = suggested.map(({ f, k }) => ({ feature: features[f]!, column: header[k]! }));
  const missing = unmatched.map((f) => features[f]!).filter((name) => !misnamed.some((m) => m.feature === name));
  const labelName = labelIndex === null ? null : header[labelIndex]!.trim();
  const ambiguous = ambiguousColumns(header, new Set([...features, ...Object.keys(renames), ...(labelName === null ? [] : [labelName])]));
  const duplicated = new Set(ambiguous.map((a) => a.name));
  const extra = free()
    .map((k) => header[k]!)
    .filter((h) => !duplicated.has(h.trim()));
  const runnable = missing.length === 0 && misnamed.length === 0 && ambiguous.length === 0;
  let problem: EngineError | null = null;
  if (ambiguous.length > 0) {
    const which = ambiguous.map((a) => `“${a.name}” appears ${a.positions.length} times (columns ${listed(a.positions)})`).join('; ');
    problem = engineError(
      'bad-input',
      `The file’s columns are ambiguous: ${which}, so it cannot tell which one to use. Nothing was scored.`,
      `Keep one column of each name (rename or delete the others), then open the file again.`,
    );
  } else if (!runnable) {
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
