import { expose, transfer } from 'comlink';
import * as ort from 'onnxruntime-web/webgpu';
import { createEngine } from './create-engine';
import { holdLifeLock } from './life-lock';
import { installRuntimeTap } from './runtime-tap';
import { WEBGPU_BUILD } from './builds';

holdLifeLock(self);
expose(createEngine(ort, { now: () => performance.now(), crossOriginIsolated: self.crossOriginIsolated, tap: installRuntimeTap(self), build: WEBGPU_BUILD, handOver: transfer }));
