/** (1234567, 'MAC') → "1.23 MMAC"; counts of multiply-adds, elements and FLOPs. */
export function formatCount(value: number, unit = ''): string {
  const abs = Math.abs(value);
  const scaled = (v: number, prefix: string): string => `${Number(v.toPrecision(3))} ${prefix}${unit}`.trimEnd();
  if (abs >= 1e12) return scaled(value / 1e12, 'T');
  if (abs >= 1e9) return scaled(value / 1e9, 'G');
  if (abs >= 1e6) return scaled(value / 1e6, 'M');
  if (abs >= 1e3) return scaled(value / 1e3, 'k');
  return scaled(value, '');
}

/** Milliseconds with three significant figures: 0.0123, 1.23, 123. */
export function formatMsShort(ms: number): string {
  if (ms === 0) return '0';
  return ms >= 100 ? ms.toFixed(0) : String(Number(ms.toPrecision(3)));
}

/** FLOPs done in `ms` milliseconds, in GFLOP/s. */
export function gflopsPerSecond(flops: number, ms: number): number | null {
  return ms > 0 ? flops / (ms * 1e6) : null;
}
