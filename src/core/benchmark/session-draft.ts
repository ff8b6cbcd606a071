import type { GraphOptimizationLevel, SessionTuning, WebGpuLayout, WebNnDeviceType, WebNnPowerPreference } from '../protocol/engine-api';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { BatchDimension } from './plan';

/** The session options as the Benchmark form and the Speed tab hold them. */
export interface SessionDraft {
  readonly graphOptimizationLevel: GraphOptimizationLevel;
  /** Fix every symbolic dimension but the batch one at the sizes shown (freeDimensionOverrides). */
  readonly fixDimensions: boolean;
  readonly preferredLayout: WebGpuLayout | 'default';
  readonly graphCapture: boolean;
  readonly outputsOnGpu: boolean;
  /** WebNN's device and power preference ('default': the browser's choice). */
  readonly webnnDeviceType?: WebNnDeviceType | 'default';
  readonly webnnPowerPreference?: WebNnPowerPreference;
}

export const DEFAULT_SESSION_DRAFT: SessionDraft = Object.freeze({ graphOptimizationLevel: 'all', fixDimensions: false, preferredLayout: 'default', graphCapture: false, outputsOnGpu: false });

/** A symbolic dimension the form shows: its size now and where the starting size came from. */
export interface FormDimension {
  readonly name: string;
  readonly value: number;
  /** "metadata.json max_sequence_length", "default for a sequence"…: from dimension-defaults. */
  readonly detail: string;
  /** True when the user changed it from the starting size. */
  readonly chosen: boolean;
}

/** A starting size as core/model/dimension-defaults gives it (only what the form needs: no import, so no folder cycle). */
interface StartingSize {
  readonly name: string;
  readonly value: number;
  readonly detail: string;
}

/** The model's symbolic dimensions with the sizes the inputs will have: the user's (`dims`), else the starting size. */
export function formDimensions(defaults: readonly StartingSize[], dims: Readonly<Record<string, number>>): FormDimension[] {
  return defaults.map((d) => {
    const chosen = dims[d.name] !== undefined && dims[d.name] !== d.value;
    return { name: d.name, value: dims[d.name] ?? d.value, detail: chosen ? 'set by you' : d.detail, chosen };
  });
}

/**
 * The tuning the draft asks for. The batch dimension is never fixed (each batch size needs its
 * own), and graph capture records one shape, so it takes one batch size only.
 */
export function tuningOfDraft(draft: SessionDraft, dimensions: readonly FormDimension[], batch: BatchDimension, batchSizes: readonly number[]): Result<SessionTuning> {
  if (draft.graphCapture && batchSizes.length > 1) {
    return fail(engineError('bad-input', `Graph capture records the GPU work for one input shape, and ${batchSizes.length} batch sizes were asked for.`, 'Measure one batch size with graph capture, or untick it.'));
  }
  const fixed = draft.fixDimensions ? dimensions.filter((d) => !(batch.kind === 'symbolic' && d.name === batch.name)) : [];
  return ok({
    ...(draft.graphOptimizationLevel !== 'all' ? { graphOptimizationLevel: draft.graphOptimizationLevel } : {}),
    ...(fixed.length > 0 ? { freeDimensionOverrides: Object.fromEntries(fixed.map((d) => [d.name, d.value])) } : {}),
    ...(draft.preferredLayout !== 'default' ? { preferredLayout: draft.preferredLayout } : {}),
    ...(draft.graphCapture ? { enableGraphCapture: true } : {}),
    ...(draft.outputsOnGpu ? { outputsOnGpu: true } : {}),
    ...(draft.webnnDeviceType && draft.webnnDeviceType !== 'default' ? { webnnDeviceType: draft.webnnDeviceType } : {}),
    ...(draft.webnnPowerPreference && draft.webnnPowerPreference !== 'default' ? { webnnPowerPreference: draft.webnnPowerPreference } : {}),
  });
}
