import { describe, expect, it } from 'vitest';
import { defaultDraft, MAX_BATCH_SIZE, MAX_RUNS, MAX_WARMUP_RUNS, type BenchmarkDraft } from '../benchmark/plan';
import { DEFAULT_SESSION_DRAFT } from '../benchmark/session-draft';
import { dimsFromUrl, draftFromUrl, MAX_LISTED, readBatchSizes, readBenchmarkUrl, readConfigs, writeBenchmarkUrl } from './benchmark-url';

const base: BenchmarkDraft = defaultDraft({ kind: 'symbolic', name: 'N' }, true, 2);
const limits = { threadChoices: [1, 2], hasExample: true, symbolicBatch: true };
const q = (search: string): URLSearchParams => new URLSearchParams(search);

describe('the Benchmark form in the address', () => {
  it('reads nothing when the address names no benchmark field', () => {
    expect(readBenchmarkUrl(q('?example=iris-pipeline&tab=benchmark&backend=wasm'))).toBeNull();
  });

  it('round-trips every field of the form, the session options and the dimensions', () => {
    const draft: BenchmarkDraft = {
      wasmThreads: [2, 1],
      webgpu: true,
      webnn: true,
      batchSizes: '32, 1, 8',
      warmupRuns: 3,
      stopKind: 'time',
      runs: 100,
      seconds: 0.5,
      inputs: 'random',
      profile: true,
      session: { graphOptimizationLevel: 'basic', fixDimensions: true, preferredLayout: 'NHWC', graphCapture: true, outputsOnGpu: true, webnnDeviceType: 'gpu', webnnPowerPreference: 'low-power' },
    };
    const entries = writeBenchmarkUrl(draft, { sequence: 64 }, true);
    expect(new URLSearchParams(entries).toString()).toBe(
      'configs=wasm-1%2Cwasm-2%2Cwebgpu%2Cwebnn&batch=1%2C8%2C32&warmup=3&seconds=0.5&inputs=random&profile=1&opt=basic&layout=NHWC&fix-dims=1&graph-capture=1&gpu-outputs=1&webnn-device=gpu&webnn-power=low-power&dim.sequence=64',
    );
    const read = readBenchmarkUrl(new URLSearchParams(entries))!;
    expect(read.dims).toEqual({ sequence: 64 });
    // The run count was not on screen (a time budget was): it keeps the model's default.
    expect(draftFromUrl(read.draft, base, limits)).toEqual({ ...draft, wasmThreads: [1, 2], batchSizes: '1, 8, 32', runs: base.runs });
  });

  it('writes the defaults of the session options as nothing, and a field being typed not at all', () => {
    const entries = writeBenchmarkUrl({ ...base, warmupRuns: Number.NaN, runs: 2.5, batchSizes: 'x' }, {}, true);
    expect(entries).toEqual([
      ['configs', 'wasm-1,wasm-2'],
      ['inputs', 'example'],
    ]);
    expect(draftFromUrl(readBenchmarkUrl(new URLSearchParams(entries))!.draft, base, limits)).toEqual({ ...base, webnn: false });
    // A model whose batch is fixed shows no batch sizes: none in the address.
    expect(writeBenchmarkUrl(base, {}, false).map(([k]) => k)).not.toContain('batch');
  });

  it('clamps numbers out of range and drops what it does not understand, never throwing', () => {
    const read = readBenchmarkUrl(q('?configs=wasm-999,cuda,wasm-x,webgpu&batch=0,abc,8,1e9,8&warmup=-4&runs=1e12&inputs=file&profile=maybe&opt=turbo&layout=NCWH&webnn-power=max&dim.=3&dim.seq=0'))!;
    expect(read.draft).toEqual({ wasmThreads: [64], webgpu: true, webnn: false, batchSizes: `1, 8, ${MAX_BATCH_SIZE}`, warmupRuns: 0, runs: MAX_RUNS, stopKind: 'runs' });
    expect(read.dims).toEqual({ seq: 1 });
    expect(readBenchmarkUrl(q('?warmup=99999999&seconds=-1'))!.draft).toEqual({ warmupRuns: MAX_WARMUP_RUNS, seconds: 0.1, stopKind: 'time' });
    expect(readBenchmarkUrl(q('?warmup=&runs=NaN&seconds=Infinity'))!.draft).toEqual({});
    // Whatever is in it, reading a hand-edited address gives a form, never an exception.
    for (const junk of ['%', 'configs=%E0%A4%A', '&&&=&', 'batch=' + ','.repeat(10_000), 'dim.__proto__=3', 'configs=' + 'wasm-1,'.repeat(5000)]) {
      expect(() => draftFromUrl(readBenchmarkUrl(q(junk))?.draft ?? {}, base, limits)).not.toThrow();
    }
  });

  it('bounds the lists a link may carry', () => {
    expect(readBatchSizes(Array.from({ length: 100 }, (_, i) => i + 1).join(','))).toHaveLength(MAX_LISTED);
    expect(readConfigs(Array.from({ length: 100 }, (_, i) => `wasm-${i + 1}`).join(',')).wasmThreads).toHaveLength(MAX_LISTED);
    const dims = Array.from({ length: 40 }, (_, i) => `dim.d${i}=2`).join('&');
    expect(Object.keys(readBenchmarkUrl(q(dims))!.dims)).toHaveLength(MAX_LISTED);
    expect(Object.keys(readBenchmarkUrl(q(`dim.${'n'.repeat(65)}=2`))!.dims)).toHaveLength(0);
  });

  it('fits a link made on another machine to this browser and this model', () => {
    const read = readBenchmarkUrl(q('?configs=wasm-1,wasm-8,wasm-16&inputs=example&batch=4&fix-dims=1'))!;
    // Only 1 and 2 threads here: 8 and 16 become 2.
    expect(draftFromUrl(read.draft, base, limits).wasmThreads).toEqual([1, 2]);
    // No input example in this package, and a fixed batch: both keep the defaults.
    const other = draftFromUrl(read.draft, { ...base, inputs: 'random', batchSizes: '1' }, { ...limits, hasExample: false, symbolicBatch: false });
    expect(other.inputs).toBe('random');
    expect(other.batchSizes).toBe('1');
    expect(other.session).toEqual({ ...DEFAULT_SESSION_DRAFT, fixDimensions: true });
    // Dimensions the model does not have are not its own: dropped.
    expect(dimsFromUrl({ sequence: 64, height: 7 }, ['sequence', 'N'])).toEqual([['sequence', 64]]);
  });

  it('never writes anything but numbers and fixed words for the form', () => {
    const hostile = { ...base, batchSizes: 'file:///etc/passwd, 4', inputs: 'example' as const, session: { ...DEFAULT_SESSION_DRAFT, preferredLayout: '<script>' as never, graphOptimizationLevel: 'x' as never } };
    const text = new URLSearchParams(writeBenchmarkUrl(hostile, { 'a&b': 3, ['x'.repeat(100)]: 2 }, true)).toString();
    expect(text).toBe('configs=wasm-1%2Cwasm-2&batch=4&warmup=10&runs=100&inputs=example&dim.a%26b=3');
  });
});
