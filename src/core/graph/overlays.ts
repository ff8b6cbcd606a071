import type { GraphModel } from './graph-model';
import { copyEdges, type GraphProfile } from './profile-overlay';
import { formatCount, formatMsShort, gflopsPerSecond } from './units';
import type { WorkEstimate } from './work-estimate';

export type OverlayKind = 'none' | 'time' | 'placement' | 'work';

/** A node's look under an overlay: a tone (a CSS class: heat-0…heat-4, gpu, cpu, muted) and a short badge. */
export interface NodeOverlay {
  readonly tone: string;
  readonly badge: string;
}

export interface OverlayLegend {
  readonly title: string;
  readonly items: readonly { readonly tone: string; readonly label: string }[];
  readonly notes: readonly string[];
}

export interface Overlay {
  readonly nodes: Readonly<Record<string, NodeOverlay>>;
  /** Edge id → its label under this overlay (the copies on the placement overlay). */
  readonly edges: Readonly<Record<string, string>>;
  readonly legend: OverlayLegend;
}

/** Five bins on a log₂ scale of the largest value: ≥ ½, ≥ ¼, ≥ ⅛, ≥ 1/32, below. Heat 4 is the hottest. */
const BOUNDS = [1 / 2, 1 / 4, 1 / 8, 1 / 32] as const;

export function heatBin(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  const share = value / max;
  const at = BOUNDS.findIndex((b) => share >= b);
  return at < 0 ? 0 : 4 - at;
}

function heatLegend(max: number, unit: (v: number) => string): { tone: string; label: string }[] {
  const edges = [max, ...BOUNDS.map((b) => b * max), 0];
  return [4, 3, 2, 1, 0].map((bin, i) => ({ tone: `heat-${bin}`, label: i === 0 ? `≥ ${unit(edges[1]!)}` : i === 4 ? `< ${unit(edges[4]!)}` : `${unit(edges[i + 1]!)} – ${unit(edges[i]!)}` }));
}

/** Time per node on one profiled configuration, hottest in the darkest tone. */
export function timeOverlay(model: GraphModel, profile: GraphProfile, label: string): Overlay {
  const max = Math.max(0, ...Object.values(profile.byNode).map((m) => m.ms));
  const nodes: Record<string, NodeOverlay> = {};
  const names = new Map(model.nodes.map((n) => [n.id, n.name]));
  for (const node of model.nodes) {
    const m = profile.byNode[node.id];
    const fused = profile.fusedInto[node.id];
    nodes[node.id] = m
      ? { tone: `heat-${heatBin(m.ms, max)}`, badge: `${formatMsShort(m.ms)} ms${m.executedAs !== node.opType ? ` · ran as ${m.executedAs}` : ''}` }
      : fused
        ? { tone: 'muted', badge: `fused into ${names.get(fused) ?? fused}` }
        : { tone: 'muted', badge: 'not timed' };
  }
  const slowest = profile.slowest;
  const notes = [
    `The median warm run on ${label} at batch ${profile.batchSize}, from onnxruntime’s profiler (the Speed tab’s last profile).`,
    slowest
      ? slowest.nodeId
        ? `Hottest: ${names.get(slowest.nodeId)} (${slowest.opType}), ${formatMsShort(slowest.ms)} ms.`
        : `The slowest profiled node, ${slowest.name} (${slowest.opType}, ${formatMsShort(slowest.ms)} ms), is not on the model’s graph: onnxruntime made it when it optimised the graph.`
      : 'The profile timed no nodes.',
  ];
  if (profile.unmatched.length > 0) {
    const total = profile.unmatched.reduce((s, n) => s + n.ms, 0);
    notes.push(`${profile.unmatched.length} profiled node${profile.unmatched.length === 1 ? '' : 's'} (${formatMsShort(total)} ms) are not on this graph: ${profile.unmatched.slice(0, 4).map((n) => `${n.name} (${n.opType})`).join(', ')}${profile.unmatched.length > 4 ? ', …' : ''}.`);
  }
  return { nodes, edges: {}, legend: { title: `Time per node, ${label}`, items: [...heatLegend(max, (v) => `${formatMsShort(v)} ms`), { tone: 'muted', label: 'not timed, or fused into a neighbour' }], notes } };
}

/** Where each node ran on WebGPU, with the copies onnxruntime puts between GPU and CPU nodes. */
export function placementOverlay(model: GraphModel, profile: GraphProfile): Overlay {
  const nodes: Record<string, NodeOverlay> = {};
  for (const node of model.nodes) {
    const at = profile.placement[node.id];
    nodes[node.id] = at === 'cpu' ? { tone: 'cpu', badge: 'CPU fallback' } : at === 'gpu' ? { tone: 'gpu', badge: 'GPU' } : { tone: 'muted', badge: profile.fusedInto[node.id] ? 'fused' : 'not placed' };
  }
  const copies = profile.copies.length > 0 ? copyEdges(model, profile.placement) : {};
  const copyMs = profile.copies.reduce((s, c) => s + (c.ms ?? 0), 0);
  const cpu = Object.values(profile.placement).filter((p) => p === 'cpu').length;
  const notes = [
    cpu === 0 ? 'Every node onnxruntime placed runs on the GPU.' : `${cpu} node${cpu === 1 ? '' : 's'} fell back to the CPU: WebGPU has no kernel for ${cpu === 1 ? 'it' : 'them'} here.`,
    profile.copies.length > 0
      ? `onnxruntime inserted ${profile.copies.length} cop${profile.copies.length === 1 ? 'y' : 'ies'} (${profile.copies.map((c) => c.opType).join(', ')}), ${formatMsShort(copyMs)} ms per run in the profile; the marked edges are where they sit.`
      : 'No copies between GPU and CPU memory inside the graph.',
  ];
  return {
    nodes,
    edges: Object.fromEntries(Object.entries(copies).map(([id, op]) => [id, op])),
    legend: { title: 'Where each node runs (WebGPU)', items: [{ tone: 'gpu', label: 'GPU' }, { tone: 'cpu', label: 'CPU fallback' }, { tone: 'muted', label: 'not placed (fused or removed)' }, { tone: 'copy', label: 'copy between GPU and CPU memory' }], notes },
  };
}

/** Estimated work per node, with GFLOP/s where the profile timed it. */
export function workOverlay(model: GraphModel, work: Readonly<Record<string, WorkEstimate>>, profile: GraphProfile | null, label: string | null): Overlay {
  const flops = (w: WorkEstimate | undefined): number => w?.flops ?? 0;
  const max = Math.max(0, ...Object.values(work).map(flops));
  const nodes: Record<string, NodeOverlay> = {};
  let unknown = 0;
  for (const node of model.nodes) {
    const w = work[node.id];
    if (!w || w.kind === 'unknown') {
      unknown += 1;
      nodes[node.id] = { tone: 'muted', badge: 'work unknown' };
      continue;
    }
    const amount = w.kind === 'macs' ? formatCount(w.macs!, 'MAC') : w.kind === 'elements' ? `${formatCount(w.elements!)} elements` : w.kind === 'movement' ? `moves ${formatCount(w.elements!)}` : 'no compute';
    const m = profile?.byNode[node.id];
    const rate = m && w.flops ? gflopsPerSecond(w.flops, m.ms) : null;
    nodes[node.id] = { tone: w.flops ? `heat-${heatBin(w.flops, max)}` : 'muted', badge: rate !== null ? `${amount} · ${Number(rate.toPrecision(3))} GFLOP/s` : amount };
  }
  const notes = [
    'FLOPs: 2 per multiply-add (MatMul, Gemm, Conv, ConvTranspose, attention), 1 per element for element-wise ops, reductions and normalisations; data movement counts none.',
    profile && label ? `GFLOP/s from the time on ${label} at batch ${profile.batchSize}, with the shapes that run had.` : 'Profile the model in the Speed tab to see GFLOP/s.',
  ];
  if (unknown > 0) notes.push(`${unknown} node${unknown === 1 ? '' : 's'}: work unknown (a shape it needs is unknown, or no rule counts the operator).`);
  return { nodes, edges: {}, legend: { title: 'Estimated work per node (FLOPs)', items: [...heatLegend(max, (v) => formatCount(v, 'FLOP')), { tone: 'muted', label: 'unknown, or no compute' }], notes } };
}
