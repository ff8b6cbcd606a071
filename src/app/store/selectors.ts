import { backendKey, configLabel, type BackendConfig } from '../../core/protocol/engine-api';
import { defaultThreads, maxThreads } from '../../core/protocol/capabilities';
import type { AppState } from './app-store';
import type { OpenModel } from './models-slice';

export const selectActiveModel = (s: AppState): OpenModel | null => s.models.find((m) => m.id === s.activeModelId) ?? null;

/** The configuration the next action uses; falls back to WASM when WebGPU is unavailable. */
export const selectBackendConfig = (s: AppState): BackendConfig => {
  const caps = s.capabilities;
  if (s.backend === 'webgpu' && caps?.webgpu.available) return { backend: 'webgpu', threads: 1 };
  if (s.backend === 'webnn' && caps?.webnn?.available) return { backend: 'webnn', threads: 1 };
  const limit = caps ? maxThreads(caps) : 1;
  const threads = Math.min(limit, s.threads ?? (caps ? defaultThreads(caps) : 1));
  return { backend: 'wasm', threads: Math.max(1, threads) };
};

export const selectBackendLabel = (s: AppState): string => configLabel(selectBackendConfig(s));

export { backendKey };
