import type { GraphModel } from './graph-model';
import type { GraphProfile } from './profile-overlay';
import type { WorkEstimate } from './work-estimate';
import { gflopsPerSecond } from './units';

/**
 * Netron's attachment file (Netron ≥ 8: open the model, then drop this .json onto it):
 * `{ "signature": "netron:attachment", "metadata": [...], "metrics": [...] }`, each item
 * `{ kind: "model" | "graph" | "node" | "value" | "tensor", target: name, name, value }`,
 * as Netron's own reader (source/metadata.js, metadata.Attachment) takes it. Netron matches
 * `target` against the node's name, so unnamed nodes cannot be targeted; model-level items
 * need `target: ""`. Names stay on one line and are unique per target (Netron keeps the last).
 */
export interface NetronItem {
  readonly kind: 'model' | 'node';
  readonly target: string;
  readonly name: string;
  readonly value: number | string;
}

export interface NetronAttachment {
  readonly signature: 'netron:attachment';
  readonly metadata: readonly NetronItem[];
  readonly metrics: readonly NetronItem[];
}

export interface ProfiledConfig {
  readonly label: string;
  readonly profile: GraphProfile;
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ');
const round = (v: number): number => Number(v.toPrecision(6));

/** Per-node time on each profiled backend, placement, estimated work and GFLOP/s, as a Netron attachment. */
export function netronAttachment(model: GraphModel, configs: readonly ProfiledConfig[], work: Readonly<Record<string, WorkEstimate>>, source: string): { attachment: NetronAttachment; skippedUnnamed: number } {
  const metadata: NetronItem[] = [{ kind: 'model', target: '', name: 'onnx-playground', value: oneLine(source) }];
  const metrics: NetronItem[] = [];
  let skippedUnnamed = 0;
  for (const c of configs) metadata.push({ kind: 'model', target: '', name: `profile ${oneLine(c.label)}`, value: `median warm run at batch ${c.profile.batchSize}, onnxruntime's profiler` });
  const seen = new Set<string>();
  for (const node of model.nodes) {
    if (!node.named || seen.has(node.name)) {
      if (!node.named) skippedUnnamed += 1;
      continue;
    }
    seen.add(node.name);
    const target = oneLine(node.name);
    const w = work[node.id];
    if (w?.macs !== null && w?.macs !== undefined) metrics.push({ kind: 'node', target, name: 'MACs', value: w.macs });
    if (w?.elements !== null && w?.elements !== undefined) metrics.push({ kind: 'node', target, name: w.kind === 'movement' ? 'elements moved' : 'elements', value: w.elements });
    if (w?.flops !== null && w?.flops !== undefined) metrics.push({ kind: 'node', target, name: 'FLOPs (estimated)', value: w.flops });
    for (const c of configs) {
      const m = c.profile.byNode[node.id];
      const label = oneLine(c.label);
      if (m) {
        metrics.push({ kind: 'node', target, name: `time ms, ${label}`, value: round(m.ms) });
        const rate = w?.flops ? gflopsPerSecond(w.flops, m.ms) : null;
        if (rate !== null) metrics.push({ kind: 'node', target, name: `GFLOP/s, ${label}`, value: round(rate) });
        if (m.executedAs !== node.opType) metadata.push({ kind: 'node', target, name: `ran as, ${label}`, value: m.executedAs });
      }
      const placed = c.profile.placement[node.id];
      if (placed) metadata.push({ kind: 'node', target, name: `runs on, ${label}`, value: placed === 'cpu' ? 'CPU (fallback)' : 'GPU' });
      const fused = c.profile.fusedInto[node.id];
      if (fused) metadata.push({ kind: 'node', target, name: `fused, ${label}`, value: `into ${model.nodes.find((n) => n.id === fused)?.name ?? fused}` });
    }
  }
  return { attachment: { signature: 'netron:attachment', metadata, metrics }, skippedUnnamed };
}
