/** public/examples/index.json: the bundled example packages shown in the gallery. */
export interface ExampleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly task: string;
  readonly bytes: number;
  /** Examples of one family share their evaluation data (and can be compared). */
  readonly family: string | null;
  /** The example this one is a reduced-precision variant of. */
  readonly variantOf: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseExampleIndex(value: unknown): ExampleInfo[] {
  const list = isRecord(value) && Array.isArray(value.examples) ? value.examples : [];
  return list.filter(isRecord).flatMap((e) =>
    typeof e.id === 'string' && /^[\w-]+$/.test(e.id)
      ? [{ id: e.id, title: String(e.title ?? e.id), description: String(e.description ?? ''), task: String(e.task ?? ''), bytes: Number(e.bytes ?? 0), family: typeof e.family === 'string' ? e.family : null, variantOf: typeof e.variantOf === 'string' ? e.variantOf : null }]
      : [],
  );
}
