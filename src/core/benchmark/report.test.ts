import Ajv from 'ajv';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_REPORT_SCHEMA } from './report-schema';
import { benchmarkMarkdown, benchmarkReport, formatMsPlain } from './report';
import { benchmarkCsv } from './csv';
import { bestPoint, benchmarkPoint } from './run';
import { sampleRun } from './sample-run.fixture';

const TOOL = { name: 'onnx-playground', version: '0.1.0' };

describe('benchmark point', () => {
  it('summarises raw samples and derives throughput and per-sample latency', () => {
    const p = benchmarkPoint(8, 0, [4, 4, 4, 4]);
    expect(p).toMatchObject({ runs: 4, p50Ms: 4, meanMs: 4, stdMs: 0, throughputPerSec: 2000, perSampleMs: 0.5 });
    const run = sampleRun();
    expect(bestPoint(run.results[0]!)!.batchSize).toBe(8); // 1000 samples/s at batch 8 vs 400 at batch 1
  });
});

describe('benchmark report', () => {
  const report = benchmarkReport(sampleRun(), TOOL);

  it('has the documented shape, rounded to 0.1 µs', () => {
    expect(report.tool).toEqual(TOOL);
    expect(report.model).toEqual({ file: 'model.onnx', bytes: 1077, sha256: 'a'.repeat(64) });
    expect(report.results[0]).toEqual({
      backend: 'wasm',
      threads: 1,
      sessionCreateMs: 12.3457,
      firstRunMs: 1.5,
      points: [
        { batchSize: 1, runs: 4, p50Ms: 2.5, p95Ms: 3.85, p99Ms: 3.97, meanMs: 2.5, stdMs: 1.291, minMs: 1, maxMs: 4, throughputPerSec: 400, perSampleMs: 2.5 },
        { batchSize: 8, runs: 4, p50Ms: 8, p95Ms: 8, p99Ms: 8, meanMs: 8, stdMs: 0, minMs: 8, maxMs: 8, throughputPerSec: 1000, perSampleMs: 1 },
      ],
      config: { graphOptimizationLevel: 'all', freeDimensionOverrides: null, preferredLayout: null, enableGraphCapture: null, preferredOutputLocation: null, webnnDeviceType: null, webnnPowerPreference: null },
    });
    expect(report.failures).toEqual([{ backend: 'webgpu', threads: 1, code: 'session-failed', message: 'no | adapter' }]);
    expect(JSON.stringify(report)).not.toContain('samplesMs');
  });

  it('validates against the JSON schema, which rejects what it does not know', () => {
    const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, extra: 1 })).toBe(false);
    expect(validate({ ...report, model: { ...report.model, sha256: 'xyz' } })).toBe(false);
    expect(validate({ ...report, results: [{ ...report.results[0], points: [{ batchSize: 1 }] }] })).toBe(false);
    expect(validate({ ...report, environment: { ...report.environment, webgpuAdapter: null } })).toBe(true);
    expect(validate({ ...report, settings: { ...report.settings, stop: { kind: 'time', ms: 2000 } } })).toBe(true);
  });

  it('writes one CSV row per point', () => {
    const parsed = Papa.parse<Record<string, string>>(benchmarkCsv(report), { header: true });
    expect(parsed.data).toHaveLength(2);
    expect(parsed.meta.fields).toEqual(['model', 'sha256', 'backend', 'threads', 'sessionCreateMs', 'firstRunMs', 'batchSize', 'runs', 'p50Ms', 'p95Ms', 'p99Ms', 'meanMs', 'stdMs', 'minMs', 'maxMs', 'throughputPerSec', 'perSampleMs']);
    expect(parsed.data[1]).toMatchObject({ backend: 'wasm', threads: '1', batchSize: '8', p50Ms: '8', throughputPerSec: '1000' });
  });

  it('writes a Markdown table, escaping pipes in names and messages', () => {
    const md = benchmarkMarkdown(report, 'iris | pipeline');
    expect(md).toContain('### Benchmark: iris \\| pipeline');
    expect(md).toContain('| WASM · 1 thread | 12.35 | 1.5 | 1 | 4 | 2.5 | 3.85 | 3.97 | 2.5 | 1.291 | 1 | 4 | 400 | 2.5 |');
    expect(md).toContain('WebGPU failed: no \\| adapter');
    expect(md).toContain('google / swiftshader (software, not a GPU)');
    expect(md.split('\n').filter((l) => l.startsWith('| WASM'))).toHaveLength(2);
  });

  it('formats milliseconds to four significant digits', () => {
    expect(formatMsPlain(0.0712345)).toBe('0.07123');
    expect(formatMsPlain(27.71)).toBe('27.71');
    expect(formatMsPlain(1234.5)).toBe('1235');
  });
});
