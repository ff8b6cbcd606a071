import { defaultThreads, type Capabilities } from '../../core/protocol/capabilities';
import type { SpeedDraft } from '../../core/profile/profile-plan';
import { defaultTunerDraft, type TunerDraft } from '../../core/profile/tuner';
import type { AppState } from './app-store';
import { hasInputExample, modelBatchDimension } from './benchmark-selectors';
import type { OpenModel } from './models-slice';

/** WASM at onnxruntime's default thread count and WebGPU when there is an adapter, at batch 1. */
export function defaultSpeedDraft(model: OpenModel, caps: Capabilities): SpeedDraft {
  const batch = modelBatchDimension(model);
  return { wasm: true, threads: defaultThreads(caps), webgpu: caps.webgpu.available, batchSize: batch.kind === 'fixed' ? batch.size : 1, inputs: hasInputExample(model) ? 'example' : 'random' };
}

/** The form as the user left it, or the defaults (a new object: not for `useAppState`). */
export function speedDraftOf(s: AppState, model: OpenModel, caps: Capabilities): SpeedDraft {
  return s.speedDrafts[model.id] ?? defaultSpeedDraft(model, caps);
}

export function tunerDraftOf(s: AppState, model: OpenModel, caps: Capabilities): TunerDraft {
  return s.tunerDrafts[model.id] ?? defaultTunerDraft(caps);
}
