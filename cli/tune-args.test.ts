import { describe, expect, it } from 'vitest';
import { sessionConfigRecord } from '../src/core/protocol/session-options';
import { parseCommandLine, UsageError } from './args.mjs';
import { USAGE } from './usage.mjs';
import { defaultTuneFile } from './tune.mjs';
import { formatTune } from './tune-table.mjs';
import { profileLines } from './table.mjs';
import type { TuneReportPoint } from '../src/core/profile/tune-report';

describe('onnx-playground tune and bench --profile', () => {
  it('reads every tune option, with defaults', () => {
    expect(parseCommandLine(['tune', 'pkg/', '--budget-p99', '12.5', '--min-batch', '8', '--cap', '5', '--backend', 'wasm,webgpu', '--json', 'out.json', '--dist', 'd', '--timeout', '60', '--quiet'])).toEqual({
      command: 'tune',
      model: 'pkg/',
      budgetP99Ms: 12.5,
      minBatch: 8,
      capSeconds: 5,
      webgpu: true,
      json: 'out.json',
      dist: 'd',
      timeoutMs: 60_000,
      quiet: true,
    });
    expect(parseCommandLine(['tune', 'm.onnx', '--budget-p99', '20'])).toMatchObject({ minBatch: 1, capSeconds: 30, webgpu: false, json: null });
    expect(parseCommandLine(['bench', 'm.onnx', '--profile'])).toMatchObject({ command: 'bench', profile: true });
    for (const flag of ['--profile', '--budget-p99', '--min-batch', '--cap']) expect(USAGE).toContain(flag);
  });

  it.each([
    [['tune'], /tune needs a model/],
    [['tune', 'm.onnx'], /tune needs --budget-p99/],
    [['tune', 'm.onnx', '--budget-p99', 'fast'], /--budget-p99 must be a positive number/],
    [['tune', 'm.onnx', '--budget-p99=-1'], /--budget-p99 must be a positive number/],
    [['tune', 'm.onnx', '--budget-p99', '5', '--cap', '0'], /--cap must be between 1 and 600/],
    [['tune', 'm.onnx', '--budget-p99', '5', '--min-batch', '0'], /--min-batch must be a whole number ≥ 1/],
    [['tune', 'm.onnx', '--budget-p99', '5', '--backend', 'webgpu'], /tune always searches WASM/],
    [['tune', 'm.onnx', '--budget-p99', '5', '--threads', '2'], /--threads does not apply to tune/],
    [['tune', 'm.onnx', '--budget-p99', '5', '--profile'], /--profile does not apply to tune/],
    [['bench', 'm.onnx', '--budget-p99', '5'], /--budget-p99 belongs to tune, not bench/],
    [['bench', 'm.onnx', '--cap', '5'], /--cap belongs to tune/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it('names the default file after the model', () => {
    expect(defaultTuneFile('public/examples/iris-pipeline/')).toBe('iris-pipeline-fastest-setup.json');
    expect(defaultTuneFile('models/net.onnx')).toBe('net-fastest-setup.json');
    expect(defaultTuneFile('pkg.zip')).toBe('pkg-fastest-setup.json');
  });

  const pick: TuneReportPoint = { backend: 'wasm', threads: 2, batchSize: 1, graphOptimizationLevel: 'all', freeDimensionOverrides: null, config: sessionConfigRecord('wasm'), runs: 900, p50Ms: 0.05, p99Ms: 0.2, throughputPerSec: 20000, perSampleMs: 0.05, sessionCreateMs: 3, firstRunMs: 1, withinBudget: true };

  it('prints the recommendation, its costs and the evidence', () => {
    const text = formatTune({
      tool: { name: 'onnx-playground', version: '0.1.0' },
      status: 'capped',
      createdAt: '2026-01-01T00:00:00Z',
      environment: null,
      model: { file: 'model.onnx', bytes: 1077, sha256: 'a'.repeat(64) },
      settings: { budgetP99Ms: 20, minBatch: 1, capSeconds: 5, webgpu: false },
      elapsedMs: 5012,
      skipped: 2,
      recommendation: { summary: 'Use WASM · 2 threads, batch 1: …', fastest: { ...pick, costs: ['2 CPU threads while it runs'] }, throughputOptimal: { ...pick, costs: ['2 CPU threads while it runs'] }, closest: null },
      tried: [pick, { ...pick, batchSize: 8, graphOptimizationLevel: 'basic', freeDimensionOverrides: { N: 8 }, p99Ms: 30, withinBudget: false } satisfies TuneReportPoint],
      failures: [{ backend: 'webgpu', threads: 1, code: 'session-failed', message: 'no adapter' }],
    });
    expect(text).toContain('Budget: p99 ≤ 20 ms per request, batch ≥ 1 · searched 5.0 s of a 5 s cap (time cap reached, 2 configurations not measured)');
    expect(text).toContain('Fastest within the budget: WASM 2 threads, batch 1\n  - 2 CPU threads while it runs');
    // The same point is not repeated as the throughput-optimal one.
    expect(text).not.toContain('Most samples per second');
    expect(text).toMatch(/^WASM 2 threads\s+graph optimisation basic, dimension “N” fixed at 8\s+8\s+900\s+0\.05\s+30\s+20,000\s+3\s+no$/m);
    expect(text).toContain('WebGPU failed: no adapter');
  });

  it('prints what --profile adds to a bench result', () => {
    const lines = profileLines(
      [
        { backend: 'wasm', threads: 1, sessionCreateMs: 1, firstRunMs: 1, points: [], config: sessionConfigRecord('wasm') },
        {
          backend: 'webgpu',
          threads: 1,
          config: sessionConfigRecord('webgpu'),
          sessionCreateMs: 60,
          firstRunMs: 3900,
          points: [],
          coldStart: { readMs: 5, runtimeMs: null, sessionCreateMs: 60, firstRunMs: 3900, warmRunMs: 14.5 },
          profile: [{ opType: 'Conv', totalMs: 2.4, count: 2 }],
          slowestNodes: [{ name: 'conv2', opType: 'Conv', ms: 1.7 }],
          placement: { cpuNodes: 1, nodes: [{ name: 'odd_one', opType: 'Hardmax' }] },
        },
      ],
      { vendor: 'google', architecture: 'swiftshader', software: true },
    );
    expect(lines).toEqual([
      '',
      'WebGPU (software), taken apart:',
      '  cold start ms: read 5 · runtime — · session 60 · first run 3900 · warm run 14.5',
      '  median warm run, by operator: Conv 2.4 ms (2)',
      '  slowest node: conv2 (Conv) 1.7 ms',
      '  placement: 1 node on the CPU: odd_one (Hardmax)',
    ]);
  });
});
