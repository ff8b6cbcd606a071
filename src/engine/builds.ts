import type { EngineBuild } from '../core/protocol/engine-api';

/**
 * The onnxruntime-web builds the workers import (1.30): `onnxruntime-web/wasm` loads the plain
 * SIMD + threads binary with its CPU kernels; `onnxruntime-web/webgpu` loads the Asyncify binary
 * that contains the native (C++) WebGPU execution provider, not the older JSEP one (which lives
 * in `ort-wasm-simd-threaded.jsep.wasm`, imported by no worker here).
 */
export const WASM_BUILD: EngineBuild = Object.freeze({ wasm: 'ort-wasm-simd-threaded.wasm (SIMD, threads)', executionProvider: 'WASM CPU kernels' });
export const WEBGPU_BUILD: EngineBuild = Object.freeze({ wasm: 'ort-wasm-simd-threaded.asyncify.wasm (SIMD, threads, Asyncify)', executionProvider: 'native WebGPU EP (not JSEP)' });
