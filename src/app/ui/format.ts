export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatShape(shape: readonly (number | string)[] | null): string {
  return shape === null ? 'unknown' : `[${shape.join(', ')}]`;
}

export function formatValue(value: number | string): string {
  return typeof value === 'number' && !Number.isInteger(value) ? value.toPrecision(5) : String(value);
}
