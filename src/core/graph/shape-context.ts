import type { GraphAttribute, ShapeDim, TensorInfo } from './graph-model';

/** What a rule sees: the node's inputs as known so far, its attributes and the model's opset. */
export interface RuleContext {
  readonly opType: string;
  readonly inputs: readonly (TensorInfo | null)[];
  /** The inputs' names, '' for an optional input left out: an input may be given yet have no known type or shape. */
  readonly inputNames?: readonly string[];
  readonly attributes: readonly GraphAttribute[];
  readonly outputCount: number;
  readonly opset: number;
}

/** An output's type and shape as far as the rule can tell; null when it cannot. */
export type Guess = { readonly dtype: string; readonly shape: readonly ShapeDim[] | null } | null;

/** An operator's rule: each output's type and shape from what is known of its inputs. */
export type Rule = (c: RuleContext) => Guess[];

export const input = (c: RuleContext, i: number): TensorInfo | null => c.inputs[i] ?? null;
export const dtypeOf = (c: RuleContext, i: number): string => input(c, i)?.dtype ?? 'unknown';
export const shapeOf = (c: RuleContext, i: number): readonly ShapeDim[] | null => input(c, i)?.shape ?? null;
export const normAxis = (axis: number, rank: number): number => (axis < 0 ? axis + rank : axis);
/** Whether optional input i is given (known or not): a name, or else a known tensor. */
export const given = (c: RuleContext, i: number): boolean => (c.inputNames ? Boolean(c.inputNames[i]) : input(c, i) !== null);

