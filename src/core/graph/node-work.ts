import type { ProfiledShape } from '../protocol/profile';
import type { GraphModel } from './graph-model';
import { tensorIn } from './graph-model';
import { bindShape, estimateWork, type WorkEstimate } from './work-estimate';

/**
 * Symbolic dims as a profiled run fixed them: each declared tensor shape (graph inputs first)
 * set against the dims the profiler recorded for the same tensor. `base` fills the rest.
 */
export function bindingsFromProfile(model: GraphModel, shapes: Readonly<Record<string, ProfiledShape>>, base: Readonly<Record<string, number>> = {}): Record<string, number> {
  const bindings: Record<string, number> = { ...base };
  const found = new Set<string>();
  for (const tensor of Object.values(model.tensors)) {
    const profiled = shapes[tensor.name];
    if (!profiled || !tensor.shape || tensor.shape.length !== profiled.dims.length) continue;
    tensor.shape.forEach((d, i) => {
      if (typeof d === 'string' && !found.has(d)) {
        bindings[d] = profiled.dims[i]!;
        found.add(d);
      }
    });
  }
  return bindings;
}

/**
 * The work of every node. Shapes the profiler recorded in a run come first (they are what ran);
 * declared and inferred shapes fill the rest, with symbolic dims from `bindings`.
 */
export function workByNode(model: GraphModel, bindings: Readonly<Record<string, number>>, profiled: Readonly<Record<string, ProfiledShape>> = {}): Record<string, WorkEstimate> {
  const work: Record<string, WorkEstimate> = {};
  for (const node of model.nodes) {
    work[node.id] = estimateWork(node, (name) => profiled[name]?.dims ?? bindShape(tensorIn(model, node.group, name)?.shape ?? null, bindings));
  }
  return work;
}
