/** Marker shapes and dash patterns, one per series, so that overlapping lines stay apart; colours from the theme (styles.css). */
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'] as const;
const DASHES = [undefined, '6 3', '2 3', '10 3 2 3', '4 4', '1 2'] as const;

export type MarkerShape = (typeof MARKERS)[number];

export function seriesStyle(index: number): { readonly marker: MarkerShape; readonly dash: string | undefined; readonly colour: string } {
  return { marker: MARKERS[index % MARKERS.length]!, dash: DASHES[index % DASHES.length], colour: `var(--chart-${(index % 6) + 1})` };
}

export const axisStyle = { stroke: 'var(--muted)', tick: { fill: 'var(--fg)', fontSize: 12 } } as const;
export const tooltipStyle = { contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' } } as const;
export const rate = (n: number): string => Math.round(n).toLocaleString('en-US');
