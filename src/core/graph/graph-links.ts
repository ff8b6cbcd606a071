import type { GraphModel } from './graph-model';

/** The key of a tensor as seen from a scope: the same name in two subgraphs is two tensors. */
export const scopedTensor = (group: string | null, tensor: string): string => `${group ?? ''}|${tensor}`;

/** The groups a node sits in, innermost last: opening them all shows it. */
export function groupsOf(model: GraphModel, group: string | null): string[] {
  const chain: string[] = [];
  for (let g = group; g !== null; g = model.groups.find((x) => x.id === g)?.parent ?? null) chain.unshift(g);
  return chain;
}

/** Who writes each scoped tensor, and who reads it (each reader once, in edge order). */
export function tensorLinks(model: GraphModel): { producers: Map<string, string>; consumers: Map<string, string[]> } {
  const producers = new Map<string, string>();
  const consumers = new Map<string, string[]>();
  for (const e of model.edges) {
    const key = scopedTensor(e.group, e.tensor);
    producers.set(key, e.source);
    consumers.set(key, [...(consumers.get(key) ?? []).filter((c) => c !== e.target), e.target]);
  }
  return { producers, consumers };
}

/** The name people know a node or graph input/output by; its id when it is neither. */
export function nameOfId(model: GraphModel, id: string): string {
  return model.nodes.find((n) => n.id === id)?.name ?? model.io.find((io) => io.id === id)?.name ?? id;
}

/** The group of a node or graph input/output; null in the main graph or when the id is unknown. */
export function groupOfId(model: GraphModel, id: string): string | null {
  return model.nodes.find((n) => n.id === id)?.group ?? model.io.find((io) => io.id === id)?.group ?? null;
}
