import type { BenchmarkRun } from '../../core/benchmark/run';
import type { ConfigProfile } from '../../core/profile/config-profile';
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

/**
 * WASM's best p50 at batch 1 for this model: from its latest benchmark run that measured
 * WASM at batch 1 (the fastest thread count), else from its latest profile's warm runs.
 */
export function wasmBatchOneP50(runs: readonly BenchmarkRun[], profiles: readonly ConfigProfile[] | undefined, sha256: string | null): { readonly p50Ms: number; readonly from: string } | null {
  for (const run of runs) {
    if (sha256 === null || run.model.sha256 !== sha256) continue;
    const points = run.results.filter((r) => r.backend === 'wasm').flatMap((r) => r.points.filter((p) => p.batchSize === 1).map((p) => ({ p, r })));
    const best = points.reduce<(typeof points)[number] | null>((a, b) => (a === null || b.p.p50Ms < a.p.p50Ms ? b : a), null);
    if (best) return { p50Ms: best.p.p50Ms, from: `benchmark of ${run.createdAt.slice(0, 16).replace('T', ' ')}, ${best.r.threads} thread${best.r.threads === 1 ? '' : 's'}` };
  }
  const profile = profiles?.find((p) => p.backend === 'wasm' && p.batchSize === 1);
  return profile ? { p50Ms: profile.coldStart.warmRunMs, from: `profile, ${profile.threads} thread${profile.threads === 1 ? '' : 's'}, median warm run` } : null;
}
