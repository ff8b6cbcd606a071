/** The page's memory as `performance.measureUserAgentSpecificMemory()` reports it (cross-origin isolated pages only). */
export interface UserAgentMemory {
  readonly bytes: number;
  readonly breakdown: readonly {
    readonly bytes: number;
    readonly types: readonly string[];
    readonly attribution: readonly { readonly url?: string; readonly scope?: string }[];
  }[];
}

export interface MemoryShare {
  readonly label: string;
  readonly bytes: number;
}

export type PageMemory =
  | { readonly status: 'idle' }
  | { readonly status: 'measuring' }
  | { readonly status: 'done'; readonly bytes: number; readonly byType: readonly MemoryShare[]; readonly byScope: readonly MemoryShare[] }
  | { readonly status: 'unavailable'; readonly reason: string };

function sumBy(memory: UserAgentMemory, key: (entry: UserAgentMemory['breakdown'][number]) => string): MemoryShare[] {
  const totals = new Map<string, number>();
  for (const entry of memory.breakdown) {
    if (entry.bytes <= 0) continue;
    const label = key(entry);
    totals.set(label, (totals.get(label) ?? 0) + entry.bytes);
  }
  return [...totals.entries()].map(([label, bytes]) => ({ label, bytes })).sort((a, b) => b.bytes - a.bytes || a.label.localeCompare(b.label));
}

/** The page's memory by kind (JavaScript, DOM, WebAssembly…) and by where it lives (the page, each worker). */
export function pageMemoryOf(memory: UserAgentMemory): PageMemory {
  return {
    status: 'done',
    bytes: memory.bytes,
    byType: sumBy(memory, (e) => (e.types.length > 0 ? [...e.types].sort().join(' + ') : 'not attributed')),
    byScope: sumBy(memory, (e) => {
      const scopes = [...new Set(e.attribution.map((a) => a.scope).filter((s): s is string => typeof s === 'string'))];
      return scopes.length > 0 ? scopes.sort().join(' + ') : 'shared or not attributed';
    }),
  };
}
