import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../protocol/capabilities';
import { benchmarkBackendNotes, fixedBatchText, webgpuNote, webnnNote } from './backend-notes';
import { DEFAULT_SESSION_DRAFT } from './session-draft';

const software: Capabilities = { crossOriginIsolated: true, hardwareConcurrency: 8, webgpu: { available: true, vendor: 'google', architecture: 'swiftshader', software: true } };
const plain: Capabilities = { crossOriginIsolated: false, hardwareConcurrency: 2, webgpu: { available: false, reason: 'no adapter' } };

describe('backend notes', () => {
  it('names the WebGPU adapter, flags software, or says why there is none', () => {
    expect(webgpuNote(software.webgpu)).toBe('WebGPU adapter: google / swiftshader — software emulation, not a GPU.');
    expect(webgpuNote({ available: true, vendor: 'nvidia', architecture: 'ampere', software: false })).toBe('WebGPU adapter: nvidia / ampere.');
    expect(webgpuNote(plain.webgpu)).toBe('WebGPU unavailable: no adapter.');
    expect(webnnNote({ available: true, deviceTypes: ['cpu', 'gpu'] })).toBe('WebNN devices: cpu, gpu.');
  });

  it('states threads, what WebGPU times include, and WebNN in one line', () => {
    expect(benchmarkBackendNotes(software, { available: false, reason: 'absent' }, undefined)).toBe(
      'Up to 8 WASM threads (this device’s logical cores). WebGPU adapter: google / swiftshader — software emulation, not a GPU. WebGPU times include copying the outputs back to the CPU. WebNN unavailable: absent.',
    );
    expect(benchmarkBackendNotes(software, { available: false, reason: 'absent' }, { ...DEFAULT_SESSION_DRAFT, outputsOnGpu: true })).toContain(
      'back to the CPU (with outputs kept on the GPU, the run without that copy is shown too).',
    );
    expect(benchmarkBackendNotes(plain, { available: false, reason: 'absent' }, undefined)).toBe('WASM runs on 1 thread: the page is not cross-origin isolated. WebGPU unavailable: no adapter. WebNN unavailable: absent.');
  });

  it('explains a fixed or missing batch dimension', () => {
    expect(fixedBatchText({ kind: 'fixed', size: 1 })).toBe('The model fixes the batch size at 1.');
    expect(fixedBatchText({ kind: 'none' })).toBe('The model declares no batch dimension: its inputs run as they are.');
  });
});
