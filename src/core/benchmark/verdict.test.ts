import { describe, expect, it } from 'vitest';
import { around, runWithSamples } from './sample-run.fixture';
import { formatRatio, formatRatioRange } from '../stats/uncertain-figure';
import { benchmarkVerdict, cautionsOf, p50Uncertainty, pointEstimates } from './verdict';
import { adapterKind, describeAdapter, verdictLabel } from './adapter-kind';

const runOf = runWithSamples;

describe('the benchmark verdict', () => {
  it('names a clear winner at batch 1 with its uncertainty, and how much slower the others are', () => {
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: around(1.6, 0.05), 32: around(40, 1) } },
      { backend: 'wasm', threads: 2, points: { 1: around(1.15, 0.05), 32: around(25, 1) } },
      { backend: 'webgpu', threads: 1, points: { 1: around(31, 1), 32: around(5750, 50) } },
    ]);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('winner');
    expect(v.sentences[0]).toBe('Fastest at batch 1 and at every batch size measured: WASM, 2 threads (p50 1.150 ms, ±0.019); WASM, 1 thread is 1.4–1.6× slower, WebGPU (software emulation here) 27–230× slower.');
    expect(v.sentences[1]).toMatch(/^Most samples per second: WASM, 2 threads at batch 32 \(about 1,280 per second, 1\.5× its rate at batch 1\) — the largest batch measured/);
    expect(v.cautions).toEqual([]);
  });

  it('calls setups within noise a tie, and derives the runs that would settle it', () => {
    const same = around(2, 0.2, 20);
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: same } },
      { backend: 'wasm', threads: 2, points: { 1: [...same] } },
    ]);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('tie');
    expect(v.sentences[0]).toBe(
      'At batch 1, WASM, 1 thread (p50 2.000 ms, ±0.095) and WASM, 2 threads (p50 2.000 ms, ±0.095) are within noise of each other: no winner. Their p50s differ by nothing; telling them apart would take more than 100,000 runs per point: treat them as equally fast here.',
    );
    // The best throughput is shared too when the setups are within noise there.
    const both = runOf([
      { backend: 'wasm', threads: 1, points: { 1: same, 8: around(9, 1, 20) } },
      { backend: 'wasm', threads: 2, points: { 1: [...same], 8: around(9.1, 1, 20) } },
    ]);
    expect(benchmarkVerdict(both).sentences[1]).toBe('Most samples per second: WASM, 1 thread and WASM, 2 threads alike at batch 8 (about 889 per second, 1.8× the rate at batch 1) — the largest batch measured, so a larger one may do better still.');
    const closer = runOf([
      { backend: 'wasm', threads: 1, points: { 1: around(2, 0.2, 20) } },
      { backend: 'wasm', threads: 2, points: { 1: around(2.1, 0.2, 20) } },
    ]);
    const [a, b] = pointEstimates(closer);
    const widths = a!.interval.median - a!.interval.low + (b!.interval.high - b!.interval.median);
    // The intervals are compared widened by the recorded 5 µs tick each way: the gap left is 0.1 − 0.01.
    expect(a!.clockMs).toBe(0.005);
    expect(benchmarkVerdict(closer).sentences[0]).toContain(`If the 0.1 ms gap between WASM, 1 thread and WASM, 2 threads is real, about ${Math.ceil(20 * (widths / 0.09) ** 2).toLocaleString('en-US')} runs per point would show it.`);
  });

  it('calls p50s a tick of the clock apart a tie, and says more runs would not separate them', () => {
    // A model of 15–20 µs timed by a clock ticking every 5 µs: most runs of one read 3 ticks, most of the other 4.
    const ticks = (n: number, m: number) => [...new Array<number>(n).fill(0.015), ...new Array<number>(m).fill(0.02)];
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: ticks(27, 3) } },
      { backend: 'wasm', threads: 2, points: { 1: ticks(3, 27) } },
    ]);
    const [a, b] = pointEstimates(run);
    // Their intervals alone do not meet: without the tick, one would be "1.3× slower".
    expect(a!.interval.high).toBeLessThan(b!.interval.low);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('tie');
    expect(v.sentences[0]).toMatch(/Their p50s differ by 0\.005 ms, within the clock's ticks \(0\.005 ms\): more runs would not tell them apart; treat them as equally fast here, or time a larger batch\.$/);
  });

  it('counts the clock’s tick in the runs that would separate a tie (20 runs on a 0.1 ms clock, 0.3 ms apart: 80, not 9)', () => {
    const a = [0.8, ...new Array<number>(5).fill(0.9), ...new Array<number>(8).fill(1.0), ...new Array<number>(5).fill(1.1), 1.2];
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: a } },
      { backend: 'wasm', threads: 2, points: { 1: a.map((x) => x + 0.3) } },
    ]);
    const coarse = { ...run, environment: { ...run.environment, timerResolutionMs: 0.1 } };
    const v = benchmarkVerdict(coarse);
    expect(v.lead).toBe('tie');
    expect(v.sentences[0]).toContain('If the 0.3 ms gap between WASM, 1 thread and WASM, 2 threads is real, about 80 runs per point would show it.');
  });

  it('reads the tick from the recorded timer resolution, not from the smallest gap between samples', () => {
    const a = [2.0, 2.03, 2.07, 2.1, 2.14, 2.17, 2.21, 2.24, 2.28, 2.32];
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: a } },
      { backend: 'wasm', threads: 2, points: { 1: a.map((x) => x + 0.04) } },
    ]);
    expect(pointEstimates(run).map((e) => e.clockMs)).toEqual([0.005, 0.005]);
    const v = benchmarkVerdict(run);
    expect(v.sentences[0]).not.toContain('within the clock');
    expect(v.sentences[0]).toMatch(/If the 0\.04 ms gap between WASM, 1 thread and WASM, 2 threads is real, about [\d,]+ runs per point would show it\.$/);
  });

  it('names no winner from one run per point, and says how many runs are needed', () => {
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: [2.0] } },
      { backend: 'wasm', threads: 2, points: { 1: [2.5] } },
    ]);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('too-few');
    expect(v.sentences[0]).toBe(
      'At batch 1, WASM, 1 thread (p50 2 ms from 1 run, no spread known) and WASM, 2 threads (p50 2.5 ms from 1 run, no spread known): 1 run per point shows no spread, too few to tell which is faster — run at least 6 per point (the fewest whose fastest and slowest bracket a p50 95 % of the time).',
    );
    expect(v.sentences.join(' ')).not.toMatch(/Fastest|±0/);
    expect(v.cautions[0]).toBe('WASM, 1 thread at batch 1: 1 run shows no spread, so its p50 (2 ms) could be off by any amount; run at least 6 per point to bound it at 95 %.');
    expect(p50Uncertainty(pointEstimates(run)[0]!.interval)).toBe('no spread from 1 run (needs 6)');
  });

  it('ranks no setups on 2–5 runs, and states what their [min, max] really covers', () => {
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: [2.0, 2.1, 2.2] } },
      { backend: 'wasm', threads: 2, points: { 1: [3.0, 3.1, 3.2] } },
    ]);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('too-few');
    expect(v.sentences[0]).toContain('WASM, 1 thread (p50 2.1 ms, 3 runs between 2 and 2.2 ms, a range that covers the p50 only 75 % of the time)');
    expect(v.sentences[0]).toContain('3 runs per point are too few to tell which is faster — run at least 6 per point');
    expect(p50Uncertainty(pointEstimates(run)[0]!.interval)).toBe('2–2.2 (covers 75 %, 3 runs)');
  });

  it('never says “1.00× slower”', () => {
    expect(formatRatio(1.004)).toBe('1.004×');
    expect(formatRatio(0.9987)).toBe('0.999×');
    expect(formatRatio(1.04)).toBe('1.04×');
    expect(formatRatio(1)).toBe('1.00×');
    expect(formatRatioRange(1.004, 1.3)).toBe('1.004–1.3×');
  });

  it('describes later batch sizes where the winner changes, in ranges', () => {
    const run = runOf([
      { backend: 'wasm', threads: 1, points: { 1: around(1, 0.02), 8: around(4, 0.1), 32: around(16, 0.2), 128: around(64, 1) } },
      { backend: 'wasm', threads: 2, points: { 1: around(1.5, 0.02), 8: around(3, 0.1), 32: around(9, 0.2), 128: around(35, 1) } },
    ]);
    const v = benchmarkVerdict(run);
    expect(v.sentences[0]).toBe('Fastest at batch 1: WASM, 1 thread (p50 1.0000 ms, ±0.0076); WASM, 2 threads is 1.5× slower.');
    expect(v.sentences[1]).toBe('From batch 8 on: WASM, 2 threads; WASM, 1 thread is 1.3–1.8× slower.');
    expect(v.outcomes.map((o) => o.kind)).toEqual(['winner', 'winner', 'winner', 'winner']);
  });

  it('warns about a point on too few runs or a wide spread, with the runs that would settle it', () => {
    const run = runOf([{ backend: 'wasm', threads: 1, points: { 1: [1.15, 4.98, 2.08, 1.2, 1.3], 8: around(10, 4, 40) } }]);
    const v = benchmarkVerdict(run);
    expect(v.lead).toBe('single');
    // Five runs: [min, max] is stated with what it really covers, not as a 95 % interval.
    expect(v.sentences[0]).toBe('Only WASM, 1 thread was measured: at batch 1 its p50 1.3 ms, 5 runs between 1.15 and 4.98 ms, a range that covers the p50 only 93.8 % of the time.');
    expect(v.cautions).toHaveLength(2);
    expect(v.cautions[0]).toMatch(/^WASM, 1 thread at batch 1: 5 runs are too few to bound its p50 at 95 % \(the fastest and slowest, 1\.15–4\.98 ms, bracket it only 93\.8 % of the time\); about [\d,]+ runs would pin it to ±5 %\.$/);
    expect(v.cautions[1]).toMatch(/^WASM, 1 thread at batch 8: its p50 \(10\.0 ms\) is only known to ±1\.3 ms \(±13 %\) from 40 runs; about [\d,]+ runs would pin it to ±5 %\.$/);
    // The figure is derived: n′ = n·(w/w′)².
    const wide = pointEstimates(run)[1]!.interval;
    const w = Math.max(wide.median - wide.low, wide.high - wide.median);
    expect(cautionsOf(pointEstimates(run))[1]).toContain(`about ${Math.ceil(40 * (w / 0.5) ** 2).toLocaleString('en-US')} runs`);
  });

  it('lists the least certain points first, and counts the rest', () => {
    const points = Object.fromEntries([1, 2, 4, 8, 16].map((b, k) => [b, around(10, 3 + k, 30)]));
    const cautions = cautionsOf(pointEstimates(runOf([{ backend: 'wasm', threads: 1, points }])));
    expect(cautions).toHaveLength(4);
    expect(cautions[0]).toMatch(/^WASM, 1 thread at batch 16:/);
    expect(cautions[3]).toBe('…and 2 more points whose p50 is known only to more than ±10 % (the table’s ± column shows each).');
  });

  it('says when the figures are partial', () => {
    const run = runOf([{ backend: 'wasm', threads: 1, points: { 1: around(1, 0.01) } }], { status: 'cancelled' });
    expect(benchmarkVerdict(run).sentences[0]).toBe('From the points measured before Cancel:');
    expect(benchmarkVerdict(runOf([])).lead).toBe('empty');
  });
});

describe('the WebGPU adapter, in words', () => {
  it('never passes software for a GPU, and says “usually” where the vendor is all it knows', () => {
    expect(adapterKind({ vendor: 'google', architecture: 'swiftshader', software: true })).toBe('software');
    expect(adapterKind({ vendor: 'intel', architecture: 'gen-12lp', software: false })).toBe('integrated');
    expect(adapterKind({ vendor: 'intel', architecture: 'xe-hpg', software: false })).toBe('discrete');
    expect(adapterKind({ vendor: 'nvidia', architecture: 'ampere', software: false })).toBe('discrete');
    expect(adapterKind({ vendor: 'apple', architecture: 'metal-3', software: false })).toBe('integrated');
    expect(adapterKind({ vendor: 'amd', architecture: 'rdna-3', software: false })).toBe('unknown');
    expect(describeAdapter({ vendor: 'google', architecture: 'swiftshader', software: true })).toMatch(/software emulation: the “GPU” is this computer’s CPU cores/);
    expect(describeAdapter({ vendor: 'amd', architecture: 'rdna-3', software: false })).toMatch(/does not say whether it is an integrated or a discrete GPU/);
    expect(verdictLabel({ backend: 'webgpu', threads: 1 }, { vendor: 'nvidia', architecture: 'ampere', software: false })).toBe('WebGPU (nvidia ampere, discrete)');
    expect(verdictLabel({ backend: 'wasm', threads: 1 })).toBe('WASM, 1 thread');
  });
});
