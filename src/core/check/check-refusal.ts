import type { WebGpuCapability } from '../protocol/capabilities';
import type { BackendId } from '../protocol/engine-api';
import { engineError, type EngineError, type Result } from '../protocol/engine-error';
import type { Tolerance } from './tolerance';

/** What a check is asked to run, counted: enough to say why it cannot start. */
export interface CheckAsked {
  /** The backends ticked. */
  readonly backends: readonly BackendId[];
  /** This browser's WebGPU; undefined before it is probed (taken as unavailable). */
  readonly webgpu: WebGpuCapability | undefined;
  /** The data sets to run: the package's test_data_set_N folders, or 1 for the user's own files. */
  readonly dataSets: number;
  /** The user's own files, counted; null when the package's data sets are used. */
  readonly files: { readonly inputs: number; readonly expected: number } | null;
}

/** The ticked backends this browser can run. */
export function usableBackends(backends: readonly BackendId[], webgpu: WebGpuCapability | undefined): BackendId[] {
  return backends.filter((b) => b === 'wasm' || webgpu?.available);
}

/** Why a check cannot start (what is wrong, what to do), the tolerance first; null when it can. */
export function checkRefusal(tolerance: Result<Tolerance>, { backends, webgpu, dataSets, files }: CheckAsked): EngineError | null {
  if (!tolerance.ok) return tolerance.error;
  if (usableBackends(backends, webgpu).length === 0) {
    return backends.length === 0
      ? engineError('bad-input', 'No backend is chosen.', 'Tick WASM, WebGPU or both.')
      : engineError('backend-unavailable', `WebGPU is not available in this browser${webgpu && !webgpu.available ? ` (${webgpu.reason})` : ''}.`, 'Check on WASM instead.');
  }
  if (dataSets === 0) {
    return engineError('bad-input', 'This package has no test data sets (test_data_set_N folders beside model.onnx).', 'Open a folder, .zip or .tar.gz holding model.onnx and test_data_set_0/input_0.pb, output_0.pb, or give your own inputs and expected outputs.');
  }
  if (files && (files.inputs === 0 || files.expected === 0)) {
    return engineError('bad-input', `Give ${files.inputs === 0 ? 'the inputs' : 'the expected outputs'} too: a check needs both.`, 'Inputs: .json, .npy, .npz or input_K.pb files; expected outputs: the same forms, named after the outputs or in their order.');
  }
  return null;
}
