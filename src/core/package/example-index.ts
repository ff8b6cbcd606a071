/** public/examples/index.json: the bundled example packages shown in the gallery. */
export interface ExampleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly task: string;
  readonly bytes: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseExampleIndex(value: unknown): ExampleInfo[] {
  const list = isRecord(value) && Array.isArray(value.examples) ? value.examples : [];
  return list.filter(isRecord).flatMap((e) =>
    typeof e.id === 'string' && /^[\w-]+$/.test(e.id)
      ? [{ id: e.id, title: String(e.title ?? e.id), description: String(e.description ?? ''), task: String(e.task ?? ''), bytes: Number(e.bytes ?? 0) }]
      : [],
  );
}
