/**
 * Big values in package text (a 7-million-item array in metadata.json): kept only up to a
 * budget, so that the page never receives, stores or renders them whole, and shown cut, with
 * their size, so that nobody mistakes the start for the whole.
 */

/** What a value too big to keep was, and its first items. */
export interface TruncatedJson {
  readonly $truncated: 'array' | 'object' | 'string';
  /** Items, keys or characters the whole value had. */
  readonly size: number;
  readonly head: unknown;
}

export interface JsonBudget {
  /** Items of one array (or keys of one object) kept whole. */
  readonly items: number;
  /** Characters of one string kept whole. */
  readonly chars: number;
  /** Values kept in all; past it, every further array or object is cut to its head. */
  readonly values: number;
  /** How much of a cut value is kept to show. */
  readonly head: number;
}

export const KEEP_BUDGET: JsonBudget = { items: 100_000, chars: 1_000_000, values: 2_000_000, head: 100 };

export interface CutValue {
  /** Where, as a JSON path (`input_schema.properties`), '' for the whole value. */
  readonly path: string;
  readonly kind: TruncatedJson['$truncated'];
  readonly size: number;
}

export function isTruncated(value: unknown): value is TruncatedJson {
  return typeof value === 'object' && value !== null && '$truncated' in value && 'size' in value && 'head' in value;
}

const count = (n: number): string => n.toLocaleString('en-US');

export function describeCut(kind: TruncatedJson['$truncated'], size: number, shown: number): string {
  if (kind === 'string') return `text of ${count(size)} characters, first ${count(shown)} shown`;
  return kind === 'array' ? `array of ${count(size)} items, first ${count(shown)} shown` : `object of ${count(size)} fields, first ${count(shown)} shown`;
}

/** A copy of `value` within `budget`; every cut is listed. Depth is bounded by the parser (MAX_JSON_DEPTH). */
export function boundJson(value: unknown, budget: JsonBudget = KEEP_BUDGET): { value: unknown; cuts: CutValue[] } {
  const cuts: CutValue[] = [];
  let kept = 0;
  const walk = (v: unknown, path: string): unknown => {
    kept++;
    if (typeof v === 'string') {
      if (v.length <= budget.chars) return v;
      cuts.push({ path, kind: 'string', size: v.length });
      return { $truncated: 'string', size: v.length, head: v.slice(0, budget.head * 10) } satisfies TruncatedJson;
    }
    if (typeof v !== 'object' || v === null) return v;
    const over = kept > budget.values;
    if (Array.isArray(v)) {
      if (v.length <= budget.items && !over) return v.map((item, i) => walk(item, `${path}[${i}]`));
      cuts.push({ path, kind: 'array', size: v.length });
      return { $truncated: 'array', size: v.length, head: v.slice(0, budget.head).map((item, i) => walk(item, `${path}[${i}]`)) } satisfies TruncatedJson;
    }
    const keys = Object.keys(v);
    const join = (k: string): string => (path ? `${path}.${k}` : k);
    if (keys.length <= budget.items && !over) return Object.fromEntries(keys.map((k) => [k, walk((v as Record<string, unknown>)[k], join(k))]));
    cuts.push({ path, kind: 'object', size: keys.length });
    const head = Object.fromEntries(keys.slice(0, budget.head).map((k) => [k, walk((v as Record<string, unknown>)[k], join(k))]));
    return { $truncated: 'object', size: keys.length, head } satisfies TruncatedJson;
  };
  return { value: walk(value, ''), cuts };
}

/** Shown of a value at most: items per array or object, characters per string, and in all. */
export interface PreviewLimits {
  readonly items: number;
  readonly chars: number;
  readonly total: number;
}

export const PREVIEW_LIMITS: PreviewLimits = { items: 100, chars: 2_000, total: 20_000 };

/** Indented JSON text of a value, with big arrays, objects and strings cut and their size said. */
export function previewJson(value: unknown, limits: PreviewLimits = PREVIEW_LIMITS): string {
  const note = (kind: TruncatedJson['$truncated'], size: number, shown: number): string => `… ${describeCut(kind, size, shown)}`;
  const replacer = (_key: string, v: unknown): unknown => {
    if (isTruncated(v)) {
      const head = v.head;
      const shown = Array.isArray(head) ? head.length : typeof head === 'string' ? head.length : Object.keys(head as object).length;
      const cut = Math.min(shown, v.$truncated === 'string' ? limits.chars : limits.items);
      return v.$truncated === 'string' ? `${String(head).slice(0, cut)}${note('string', v.size, cut)}` : [note(v.$truncated, v.size, cut), cutHead(head, cut)];
    }
    if (typeof v === 'string' && v.length > limits.chars) return `${v.slice(0, limits.chars)}${note('string', v.length, limits.chars)}`;
    if (Array.isArray(v) && v.length > limits.items) return [...v.slice(0, limits.items), note('array', v.length, limits.items)];
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length > limits.items) return { ...Object.fromEntries(keys.slice(0, limits.items).map((k) => [k, (v as Record<string, unknown>)[k]])), '…': note('object', keys.length, limits.items) };
    }
    return v;
  };
  const text = typeof value === 'string' && value.length <= limits.chars ? value : JSON.stringify(value, replacer, 1) ?? String(value);
  return text.length <= limits.total ? text : `${text.slice(0, limits.total)}\n… ${count(text.length - limits.total)} more characters not shown`;
}

function cutHead(head: unknown, items: number): unknown {
  if (Array.isArray(head)) return head.slice(0, items);
  if (typeof head === 'object' && head !== null) return Object.fromEntries(Object.entries(head).slice(0, items));
  return head;
}
