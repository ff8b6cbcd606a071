import { expose } from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import { createEngine } from './create-engine';

expose(createEngine(ort, { now: () => performance.now(), crossOriginIsolated: self.crossOriginIsolated }));
