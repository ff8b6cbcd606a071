import { expose } from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import { createEngine } from './create-engine';
import { installRuntimeTap } from './runtime-tap';
import { WASM_BUILD } from './builds';

expose(createEngine(ort, { now: () => performance.now(), crossOriginIsolated: self.crossOriginIsolated, tap: installRuntimeTap(self), build: WASM_BUILD }));
