import type { InferenceSession, Tensor, Env } from 'onnxruntime-common';
import type { RuntimeTap } from './runtime-tap';
import type { EngineBuild } from '../core/protocol/engine-api';

/**
 * What the engine needs from an onnxruntime package. onnxruntime-web (in the
 * worker) and onnxruntime-node (in vitest) both satisfy it, so the engine is
 * tested without a browser.
 */
export interface OrtRuntime {
  readonly InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  readonly Tensor: (new (type: Tensor.Type, data: Tensor.DataType, dims?: readonly number[]) => Tensor) & {
    /** onnxruntime-web only: a tensor over a GPU buffer (graph capture's inputs). */
    fromGpuBuffer?(buffer: unknown, options: { dataType: Tensor.GpuBufferDataTypes; dims: readonly number[]; dispose?: () => void }): Tensor;
  };
  readonly env: Env;
}

export interface EnginePlatform {
  now(): number;
  readonly crossOriginIsolated: boolean;
  /** The worker's console and memory tap (engine/runtime-tap.ts), installed before onnxruntime starts; absent in tests. */
  readonly tap?: RuntimeTap;
  /** Session options this platform always sets, e.g. onnxruntime-node's intra-op thread count (the CLI's native baseline). */
  readonly sessionOptions?: InferenceSession.SessionOptions;
  /** Which build the worker imported (said by the worker file, which alone knows); absent: onnxruntime-node. */
  readonly build?: EngineBuild;
  /** Marks buffers of a value sent to the page to be transferred, not copied (comlink's `transfer`); absent: copied. */
  readonly handOver?: <T>(value: T, transfer: ArrayBuffer[]) => T;
}
