import type { BatchDimension, InputSource } from '../benchmark/plan';
import { MAX_BATCH_SIZE } from '../benchmark/plan';
import { maxThreads, type Capabilities } from '../protocol/capabilities';
import type { BackendConfig, SessionTuning } from '../protocol/engine-api';
import { DEFAULT_SESSION_DRAFT, tuningOfDraft, type FormDimension, type SessionDraft } from '../benchmark/session-draft';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';

/** The Speed tab's profile form. */
export interface SpeedDraft {
  readonly wasm: boolean;
  readonly threads: number;
  readonly webgpu: boolean;
  /** Used when the batch dimension is free; a fixed one wins. */
  readonly batchSize: number;
  readonly inputs: InputSource;
  /** Session options (absent: onnxruntime's defaults). */
  readonly session?: SessionDraft;
}

export interface ProfilePlan {
  /** WASM first, then WebGPU: the order of the side-by-side columns. */
  readonly configs: readonly BackendConfig[];
  readonly batchSize: number;
  readonly inputs: InputSource;
  readonly tuning: SessionTuning;
}

function refuse(message: string, hint: string): Result<never> {
  return fail(engineError('bad-input', message, hint));
}

/** Checks the form against the model and the browser. */
export function planProfile(draft: SpeedDraft, batch: BatchDimension, caps: Capabilities, hasExample: boolean, dimensions: readonly FormDimension[] = []): Result<ProfilePlan> {
  if (!draft.wasm && !draft.webgpu) return refuse('No backend chosen.', 'Tick WASM, WebGPU or both.');
  const limit = maxThreads(caps);
  if (draft.wasm && (!Number.isInteger(draft.threads) || draft.threads < 1 || draft.threads > limit)) {
    return refuse(`WASM with ${draft.threads} threads is not possible here: at most ${limit}.`, caps.crossOriginIsolated ? 'Choose fewer threads.' : 'The page is not cross-origin isolated, so WASM runs on one thread only.');
  }
  if (draft.webgpu && !caps.webgpu.available) return refuse(`WebGPU is not available: ${caps.webgpu.reason}.`, 'Profile WASM only.');
  if (draft.inputs === 'example' && !hasExample) return refuse('This package has no input example.', 'Use random inputs.');
  let batchSize = 1;
  if (batch.kind === 'fixed') batchSize = batch.size;
  else if (batch.kind === 'symbolic') {
    if (!Number.isInteger(draft.batchSize) || draft.batchSize < 1 || draft.batchSize > MAX_BATCH_SIZE) {
      return refuse(`The batch size must be a whole number from 1 to ${MAX_BATCH_SIZE.toLocaleString('en-US')}.`, 'Batch 1 shows single-request latency.');
    }
    batchSize = draft.batchSize;
  }
  const configs: BackendConfig[] = [...(draft.wasm ? [{ backend: 'wasm' as const, threads: draft.threads }] : []), ...(draft.webgpu ? [{ backend: 'webgpu' as const, threads: 1 }] : [])];
  const tuning = tuningOfDraft(draft.session ?? DEFAULT_SESSION_DRAFT, dimensions, batch, [batchSize]);
  if (!tuning.ok) return tuning;
  return ok({ configs, batchSize, inputs: draft.inputs, tuning: tuning.value });
}
