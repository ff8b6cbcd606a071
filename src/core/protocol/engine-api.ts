import type { EngineError, Result } from './engine-error';
import type { BenchmarkMeasurement, BenchmarkProgress, BenchmarkRequest } from './benchmark';
import type { ProfileMeasurement, ProfileProgress, ProfileRequest } from './profile';
import type { OnnxSummary, ZipMapOutput } from './model-description';
import type { TensorPayload, TensorSpec } from './tensor';
import type { WorkingSets } from './working-sets';

/** WebNN only where the browser exposes `navigator.ml` (capabilities.webnn). */
export type BackendId = 'wasm' | 'webgpu' | 'webnn';

/**
 * One engine worker per configuration: `ort.env.wasm.numThreads` is read once
 * per onnxruntime instance, so a thread count cannot change inside a worker.
 */
export interface BackendConfig {
  readonly backend: BackendId;
  /** WASM threads; WebGPU workers use 1 thread for the CPU fallback. */
  readonly threads: number;
}

/** What the user reads for a configuration: "WASM, 2 threads", "WebGPU", "WebNN". */
export function configLabel(config: BackendConfig): string {
  if (config.backend === 'webgpu') return 'WebGPU';
  if (config.backend === 'webnn') return 'WebNN';
  return `WASM, ${config.threads} thread${config.threads === 1 ? '' : 's'}`;
}

export function backendKey(config: BackendConfig): string {
  return config.backend === 'wasm' ? `wasm-${config.threads}` : config.backend;
}

export interface EngineInit {
  readonly threads: number;
  /** Absolute URL prefix where ORT's `.wasm` and `.mjs` files are served. */
  readonly wasmPaths: string;
}

export interface LoadRequest {
  readonly sessionId: string;
  readonly fileName: string;
  /** Transferred to the worker. */
  readonly modelBytes: ArrayBuffer;
  /** ONNX external-data files by the path the model names them with. */
  readonly externalData?: readonly { readonly path: string; readonly data: ArrayBuffer }[];
  readonly backend: BackendId;
  readonly format: 'onnx' | 'ort';
  /** onnxruntime session options worth tuning (the speed tuner varies them); absent = onnxruntime's defaults. */
  readonly tuning?: SessionTuning;
}

export type GraphOptimizationLevel = 'disabled' | 'basic' | 'extended' | 'all';
export const GRAPH_OPTIMIZATION_LEVELS: readonly GraphOptimizationLevel[] = ['disabled', 'basic', 'extended', 'all'];
export type WebGpuLayout = 'NCHW' | 'NHWC';

/**
 * Every onnxruntime session option that changes the speed (the Benchmark form, the Speed tab
 * and the tuner set them; `core/protocol/session-options.ts` turns them into onnxruntime's
 * options). Absent = onnxruntime's default. The WebGPU-only ones are dropped for other backends.
 */
export interface SessionTuning {
  readonly graphOptimizationLevel?: GraphOptimizationLevel;
  /** Fixed sizes for symbolic dimensions, e.g. `{ N: 8 }`: onnxruntime then optimises for that shape. */
  readonly freeDimensionOverrides?: Readonly<Record<string, number>>;
  /** WebGPU: the layout convolutions run in (`executionProviders: [{ name: 'webgpu', preferredLayout }]`). */
  readonly preferredLayout?: WebGpuLayout;
  /** WebGPU: replay the recorded GPU commands on every run (`enableGraphCapture`); needs inputs and outputs on the GPU. */
  readonly enableGraphCapture?: boolean;
  /** WebGPU: outputs stay on the GPU (`preferredOutputLocation: 'gpu-buffer'`); the read-back is then timed apart. */
  readonly outputsOnGpu?: boolean;
  /** WebNN: which device the browser's ML context uses (`executionProviders: [{ name: 'webnn', deviceType, powerPreference }]`). */
  readonly webnnDeviceType?: WebNnDeviceType;
  readonly webnnPowerPreference?: WebNnPowerPreference;
}

export type WebNnDeviceType = 'cpu' | 'gpu' | 'npu';
export type WebNnPowerPreference = 'default' | 'low-power' | 'high-performance';

export interface LoadResult {
  readonly sessionId: string;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  /** Absent for `.ort` files, whose structure is not an ONNX protobuf. */
  readonly summary: OnnxSummary | null;
  readonly sessionCreateMs: number;
  /** sklearn-onnx ZipMap outputs (sequences of maps) and the probability tensors exposed in their place. */
  readonly zipMaps?: readonly ZipMapOutput[];
  /** What each step holds at once, from the graph's shapes (absent for `.ort` files and graphs too large to read). */
  readonly workingSets?: WorkingSets;
}

export interface RunResult {
  readonly outputs: Readonly<Record<string, TensorPayload>>;
  readonly runMs: number;
}

export interface EngineEnvironment {
  readonly ortVersion: string;
  readonly threads: number;
  readonly crossOriginIsolated: boolean;
  /** Which onnxruntime build this worker runs (absent from engines that do not say, e.g. test fakes). */
  readonly build?: EngineBuild;
}

/** An onnxruntime build: its WASM binary (flavour) and the execution provider behind the backend. */
export interface EngineBuild {
  /** e.g. "ort-wasm-simd-threaded.wasm (SIMD, threads)". */
  readonly wasm: string;
  /** e.g. "WASM CPU kernels", "native WebGPU EP (not JSEP)". */
  readonly executionProvider: string;
}

/** What the page may ask of an engine worker. Every method resolves; failures are values. */
export interface EngineApi {
  init(init: EngineInit): Promise<Result<EngineEnvironment>>;
  load(request: LoadRequest): Promise<Result<LoadResult>>;
  run(sessionId: string, feeds: Readonly<Record<string, TensorPayload>>): Promise<Result<RunResult>>;
  release(sessionId: string): Promise<void>;
  /** Times one configuration inside the worker (see engine/benchmark.ts); progress through a throttled callback. */
  benchmark(request: BenchmarkRequest, onProgress: (progress: BenchmarkProgress) => void): Promise<Result<BenchmarkMeasurement>>;
  /** Asks a running benchmark to stop after its current `session.run`. */
  cancelBenchmark(runId: string): Promise<void>;
  /** Takes one configuration apart: cold start, onnxruntime's profile of warm runs, node placement (see engine/profile.ts). */
  profile(request: ProfileRequest, onProgress: (progress: ProfileProgress) => void): Promise<Result<ProfileMeasurement>>;
}

export type { EngineError };
