import type { AttentionChain } from './attention-chains';
import { formatCount } from './units';
import type { WorkEstimate } from './work-estimate';

/** A node's estimated work as the side panel states it, with the formula it rests on. */
export function workText(w: WorkEstimate | undefined): string {
  if (!w) return 'unknown';
  if (w.kind === 'macs') return `${formatCount(w.macs!, 'MAC')} (${formatCount(w.flops!, 'FLOP')}): ${w.formula}`;
  if (w.kind === 'elements') return `${formatCount(w.elements!)} elements (${formatCount(w.flops!, 'FLOP')}): ${w.formula}`;
  if (w.kind === 'movement') return `no arithmetic: ${w.formula}`;
  if (w.kind === 'none') return `none: ${w.formula}`;
  return `unknown: ${w.formula}`;
}

/** The attention block a node belongs to, and the multiply-adds of its two MatMuls (null when either is unknown). */
export function attentionOf(
  chains: readonly AttentionChain[],
  work: Readonly<Record<string, WorkEstimate>>,
  nodeId: string,
): { readonly chain: AttentionChain; readonly macs: number | null } | null {
  const chain = chains.find((c) => c.scores === nodeId || c.values === nodeId || c.between.includes(nodeId));
  if (!chain) return null;
  const scores = work[chain.scores]?.macs ?? null;
  const values = work[chain.values]?.macs ?? null;
  return { chain, macs: scores !== null && values !== null ? scores + values : null };
}
