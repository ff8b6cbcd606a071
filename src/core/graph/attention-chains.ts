import type { GraphModel, GraphNode } from './graph-model';

/** Scores → Softmax → weighted values, as exporters write scaled dot-product attention without a fused operator. */
export interface AttentionChain {
  /** The MatMul of queries and keys (QKᵀ). */
  readonly scores: string;
  /** Scale, mask and softmax between the two MatMuls. */
  readonly between: readonly string[];
  /** The MatMul of the attention weights and the values. */
  readonly values: string;
}

/** Operators exporters put between QKᵀ and the softmax, or between the softmax and ·V. */
const PASS_THROUGH = new Set(['Add', 'Mul', 'Div', 'Where', 'Cast', 'Dropout', 'Sub', 'Identity']);
const MAX_HOPS = 4;

/**
 * Finds MatMul → (scale, mask)* → Softmax → (cast, dropout)* → MatMul chains in which neither MatMul
 * multiplies by a weight (both operands are activations): the attention of a transformer layer.
 */
export function findAttentionChains(model: GraphModel): AttentionChain[] {
  const producer = new Map<string, GraphNode>();
  const consumers = new Map<string, GraphNode[]>();
  for (const node of model.nodes) {
    for (const out of node.outputs) if (out) producer.set(`${node.group ?? ''}|${out}`, node);
    for (const input of node.inputs) {
      if (!input) continue;
      const key = `${node.group ?? ''}|${input}`;
      consumers.set(key, [...(consumers.get(key) ?? []), node]);
    }
  }
  const key = (node: GraphNode, tensor: string): string => `${node.group ?? ''}|${tensor}`;
  const activations = (node: GraphNode): boolean => node.opType === 'MatMul' && node.initializers.length === 0 && node.inputs.filter(Boolean).length === 2;
  const chains: AttentionChain[] = [];
  for (const softmax of model.nodes.filter((n) => n.opType === 'Softmax')) {
    const before: string[] = [];
    let current: GraphNode | undefined = producer.get(key(softmax, softmax.inputs[0] ?? ''));
    for (let hop = 0; current && PASS_THROUGH.has(current.opType) && hop < MAX_HOPS; hop++) {
      before.unshift(current.id);
      current = producer.get(key(current, current.inputs[0] ?? ''));
    }
    if (!current || !activations(current)) continue;
    const scores = current;
    const after: string[] = [];
    let next = consumers.get(key(softmax, softmax.outputs[0] ?? ''))?.[0];
    for (let hop = 0; next && PASS_THROUGH.has(next.opType) && hop < MAX_HOPS; hop++) {
      after.push(next.id);
      next = consumers.get(key(next, next.outputs[0] ?? ''))?.[0];
    }
    if (!next || !activations(next)) continue;
    chains.push({ scores: scores.id, between: [...before, softmax.id, ...after], values: next.id });
  }
  return chains;
}
