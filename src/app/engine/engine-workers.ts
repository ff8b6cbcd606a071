import type { BackendConfig } from '../../core/protocol/engine-api';

/** Starts a worker for `config`, named `name` (the name of the Web Lock it holds for life). */
export type WorkerFactory = (config: BackendConfig, name: string) => Worker;

/** The real workers. The `new URL(…, import.meta.url)` literals let Vite bundle each worker. */
export const browserWorkers: WorkerFactory = (config, name) =>
  // WebNN runs in the WebGPU build, which also registers onnxruntime's WebNN backend.
  config.backend !== 'wasm'
    ? new Worker(new URL('../../engine/webgpu.worker.ts', import.meta.url), { type: 'module', name })
    : new Worker(new URL('../../engine/wasm.worker.ts', import.meta.url), { type: 'module', name });
