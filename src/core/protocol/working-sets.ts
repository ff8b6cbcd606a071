/**
 * What a model's steps hold in memory at once, as far as its declared and inferred shapes tell.
 * Made in the engine when a model loads (`core/memory/working-sets.ts`, from the structure it
 * decodes anyway) and read on the page by the run-memory estimate before a Run starts.
 */

/** One tensor's bytes as a product: `bytes` (element size × its fixed dims) × the sizes of its named dims. */
export interface SizeTerm {
  readonly bytes: number;
  /** Symbolic dimension names, one per axis that has no fixed size (a name may repeat). */
  readonly dims: readonly string[];
}

/**
 * The values one node reads and writes that are neither weights nor graph inputs/outputs: all of
 * them are in memory while it runs, so the largest set is a lower bound on a run's peak.
 */
export interface WorkingSets {
  /** Distinct working sets (identical ones merged), each the sum of its terms. */
  readonly sets: readonly (readonly SizeTerm[])[];
  /**
   * Per node of the main graph, values that must be in memory at the same moment, each buffer once:
   * the graph outputs made by then, and either what the node reads and writes (operators that never
   * write into an input: MatMul, Gemm, Conv…) or what it reads, or what it writes (any other, since it
   * may write in place or alias its input). Weights, values computed from weights alone and graph
   * inputs are left out. The largest, plus the inputs, is a floor on a run's peak; a term whose size
   * is unknown is left out of its set, which keeps it a floor.
   */
  readonly floors: readonly (readonly SizeTerm[])[];
  /** Nodes of the model, subgraphs' included. */
  readonly nodes: number;
  /** Nodes with a value whose type or shape nothing declares or infers (and nodes inside subgraphs): not bounded. */
  readonly unknownNodes: number;
  /** One such node's operator and name, to say which. */
  readonly unknownExample?: string;
}
