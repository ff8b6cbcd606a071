import { describe, expect, it } from 'vitest';
import type { BenchmarkReport } from '../src/core/benchmark/report';
import { formatReport } from './table.mjs';

const DEFAULT_CONFIG = { graphOptimizationLevel: 'all', freeDimensionOverrides: null, preferredLayout: null, enableGraphCapture: null, preferredOutputLocation: null, webnnDeviceType: null, webnnPowerPreference: null } as const;

const report: BenchmarkReport = {
  tool: { name: 'onnx-playground', version: '0.1.0' },
  status: 'complete',
  createdAt: '2026-02-03T04:05:06.000Z',
  environment: { userAgent: 'x', hardwareConcurrency: 2, crossOriginIsolated: true, ortVersion: '1.30.0', wasmSimd: true, wasmThreads: true, timerResolutionMs: 0.005, webgpuAdapter: { vendor: 'google', architecture: 'swiftshader', software: true, description: null, fallback: null, features: null, limits: null }, browser: { name: 'Chrome', version: '140' }, builds: {} },
  model: { file: 'model.onnx', bytes: 1077, sha256: 'ab'.repeat(32) },
  settings: { batchSizes: [1, 8], warmupRuns: 2, stop: { kind: 'runs', runs: 4 }, inputs: 'example' },
  results: [
    {
      backend: 'wasm',
      threads: 2,
      sessionCreateMs: 12.34567,
      firstRunMs: 1.5,
      config: DEFAULT_CONFIG,
      points: [
        { batchSize: 1, runs: 4, p50Ms: 2.5, p95Ms: 3.85, p99Ms: 3.97, meanMs: 2.5, stdMs: 1.291, minMs: 1, maxMs: 4, throughputPerSec: 400, perSampleMs: 2.5 },
        { batchSize: 8, runs: 4, p50Ms: 8, p95Ms: 8, p99Ms: 8, meanMs: 8, stdMs: 0, minMs: 8, maxMs: 8, throughputPerSec: 1000, perSampleMs: 1 },
      ],
    },
  ],
  failures: [{ backend: 'webgpu', threads: 1, code: 'session-failed', message: 'no adapter' }],
};

describe('terminal table', () => {
  it('prints the context, one aligned row per point, and the failures', () => {
    const lines = formatReport(report).split('\n');
    expect(lines[0]).toBe(`model.onnx · 1,077 bytes · sha256 ${'ab'.repeat(8)}…`);
    expect(lines[2]).toBe('WebGPU adapter: google / swiftshader (software emulation, not a GPU)');
    const header = lines.findIndex((l) => l.startsWith('backend'));
    expect(lines[header + 1]).toMatch(/^WASM 2 threads\s+12\.35\s+1\.5\s+1\s+4\s+2\.5\s+3\.85\s+3\.97\s+2\.5\s+1\.291\s+1\s+4\s+400\s+2\.5$/);
    expect(lines[header + 2]).toMatch(/^\s+8\s+4\s+8\s+8\s+8\s+8\s+0\s+8\s+8\s+1,000\s+1$/);
    expect(lines[header + 1]!.indexOf('12.35') + '12.35'.length).toBe(lines[header]!.indexOf('session ms') + 'session ms'.length);
    expect(lines).toContain('WebGPU (software) failed: no adapter');
  });
});
