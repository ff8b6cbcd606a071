import { describe, expect, it } from 'vitest';
import type { HostTensor } from '../schema/host-tensor';
import { encodeHalf } from '../tensors/float16';
import { buildCheckReport } from './check-report';
import { createCheckReportValidator } from './check-report-validator';
import { checkOutputs, compareBackends } from './check-outputs';
import { compareTensors, multiIndex } from './compare-tensors';
import { DEFAULT_TOLERANCE, parseTolerance, toleranceRule } from './tolerance';

const f32 = (values: number[], dims = [values.length]): HostTensor => ({ dtype: 'float32', dims, data: Float32Array.from(values) });
const tol = DEFAULT_TOLERANCE;

describe('compareTensors', () => {
  it('applies |a − e| ≤ atol + rtol·|e| with ONNX\'s defaults, and counts what falls outside', () => {
    expect(tol).toEqual({ rtol: 1e-3, atol: 1e-7 });
    const expected = f32([1, 100, 0, -2, 5], [5]);
    const got = f32([1.0009, 100.2, 1e-8, -2.01, 5], [5]);
    const c = compareTensors(expected, got, tol);
    expect(c).toMatchObject({ count: 5, mismatched: 2, pass: false, problem: null, exact: false });
    expect(c.maxAbs).toBeCloseTo(0.2, 4);
    expect(c.maxRel).toBeCloseTo(0.005, 5);
    expect(c.failures.map((f) => [f.index, f.expected, f.got])).toEqual([
      [[1], '100', '100.2'],
      [[3], '-2', '-2.01'],
    ]);
    expect(c.worst?.index).toEqual([1]);
    expect(compareTensors(expected, got, { rtol: 0.01, atol: 1e-7 }).pass).toBe(true);
    expect(compareTensors(expected, got, { rtol: 0.01, atol: 0 }).mismatched).toBe(1); // 1e-8 where 0 is expected: only atol covers it
  });

  it('NaN equals NaN; an infinity equals only itself; -0 equals 0', () => {
    const c = compareTensors(f32([NaN, Infinity, -Infinity, 0, 1]), f32([NaN, Infinity, Infinity, -0, NaN]), tol);
    expect(c.mismatched).toBe(2);
    expect(c.maxAbs).toBe(Infinity);
    expect(c.failures.map((f) => [f.index[0], f.expected, f.got])).toEqual([
      [2, '-Infinity', 'Infinity'],
      [4, '1', 'NaN'],
    ]);
  });

  it('compares integers exactly, int64 beyond 2^53 included, and strings and bools exactly', () => {
    const i64 = (v: bigint[]): HostTensor => ({ dtype: 'int64', dims: [v.length], data: BigInt64Array.from(v) });
    const c = compareTensors(i64([2n ** 60n + 1n, 5n]), i64([2n ** 60n, 5n]), { rtol: 1, atol: 1e9 });
    expect(c).toMatchObject({ exact: true, mismatched: 1, maxAbs: 1, pass: false });
    expect(c.failures[0]).toMatchObject({ expected: '1152921504606846977', got: '1152921504606846976' });
    const s = compareTensors({ dtype: 'string', dims: [2], data: ['a', 'b'] }, { dtype: 'string', dims: [2], data: ['a', 'c'] }, tol);
    expect(s).toMatchObject({ mismatched: 1, maxAbs: null, maxRel: null });
    const b = compareTensors({ dtype: 'bool', dims: [2], data: Uint8Array.from([1, 0]) }, { dtype: 'bool', dims: [2], data: Uint8Array.from([1, 1]) }, tol);
    expect(b.failures[0]).toMatchObject({ index: [1], expected: 'false', got: 'true' });
  });

  it('compares float16 as the numbers its bits stand for', () => {
    const h = (v: number[]): HostTensor => ({ dtype: 'float16', dims: [v.length], data: encodeHalf(v) });
    const c = compareTensors(h([5.1, 1]), h([5.1, 1.002]), tol);
    expect(c.mismatched).toBe(1);
    expect(c.failures[0]).toMatchObject({ expected: '1', got: '1.002' });
  });

  it('fails on a dtype or shape mismatch without comparing elements; rank 0 and zero-size work', () => {
    expect(compareTensors(f32([1, 2], [2]), f32([1, 2], [1, 2]), tol)).toMatchObject({ pass: false, problem: 'expected shape [2], got shape [1, 2]', mismatched: 2 });
    expect(compareTensors(f32([1]), { dtype: 'float64', dims: [1], data: Float64Array.from([1]) }, tol)).toMatchObject({ pass: false, problem: 'expected float32, got float64' });
    expect(compareTensors(f32([3], []), f32([3], []), tol)).toMatchObject({ pass: true, count: 1 });
    expect(compareTensors(f32([], [0, 3]), f32([], [0, 3]), tol)).toMatchObject({ pass: true, count: 0, maxAbs: 0 });
    expect(multiIndex(23, [2, 3, 4])).toEqual([1, 2, 3]);
  });

  it('lists at most the asked number of failures', () => {
    const c = compareTensors(f32(new Array(50).fill(0)), f32(new Array(50).fill(1)), tol, 5);
    expect(c.mismatched).toBe(50);
    expect(c.failures).toHaveLength(5);
  });
});

describe('checkOutputs and compareBackends', () => {
  it('fails an output the run did not give', () => {
    const r = checkOutputs({ y: f32([1]), z: f32([2]) }, { y: f32([1]) }, tol);
    expect(r.pass).toBe(false);
    expect(r.missing).toEqual(['z']);
    expect(r.outputs.z).toMatchObject({ pass: false, problem: 'the run gave no output named “z”' });
    expect(r.outputs.y!.pass).toBe(true);
  });

  it('puts backends side by side against the first', () => {
    const a = compareBackends(
      [
        { backend: 'wasm', outputs: { hn: f32([1, 2]) } },
        { backend: 'webgpu', outputs: { hn: f32([1.003, 2]) } },
      ],
      tol,
    );
    expect(a.baseline).toBe('wasm');
    expect(a.agree).toBe(false);
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]).toMatchObject({ output: 'hn', backend: 'webgpu', comparison: { mismatched: 1 } });
    expect(a.rows[0]!.comparison.maxAbs).toBeCloseTo(0.003, 6);
  });
});

describe('check report', () => {
  const validate = createCheckReportValidator();
  const report = buildCheckReport({
    version: '0.1.0',
    createdAt: new Date('2026-12-01T10:00:00Z'),
    environment: { userAgent: 'node', ortVersion: '1.30.0' },
    model: { name: 'token-gru.tar.gz', bytes: 4096 },
    tolerance: tol,
    cases: [
      { name: 'test_data_set_0', backend: 'wasm', outputs: checkOutputs({ y: f32([1, NaN]) }, { y: f32([1, NaN]) }, tol).outputs },
      { name: 'test_data_set_1', backend: 'wasm', outputs: checkOutputs({ y: f32([1, 2]) }, { y: f32([1, Infinity]) }, tol).outputs },
      { name: 'test_data_set_0', backend: 'webgpu', outputs: {}, error: { code: 'session-failed', message: 'no GRU', hint: '' } },
    ],
  });

  it('builds the fixed schema, with Infinity spelled out, and passes only when everything passes', () => {
    expect(validate(report)).toEqual([]);
    expect(report.tolerance).toEqual({ rtol: 1e-3, atol: 1e-7 });
    expect(report.cases.map((c) => c.pass)).toEqual([true, false, false]);
    expect(report.cases[1]!.outputs.y).toEqual({ dtype: 'float32', dims: [2], count: 2, maxAbs: 'Infinity', maxRel: 'Infinity', mismatched: 1, pass: false, problem: null, failures: [{ index: [1], expected: '2', got: 'Infinity' }] });
    expect(report.cases[2]!.error).toEqual({ code: 'session-failed', message: 'no GRU' });
    expect(report.pass).toBe(false);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('refuses reports that stray from the schema', () => {
    expect(validate({ ...report, extra: 1 })).toEqual(['/ must NOT have additional properties']);
    const broken = structuredClone(report) as unknown as { cases: { outputs: { y: { maxAbs: unknown } } }[] };
    broken.cases[0]!.outputs.y.maxAbs = -1;
    expect(validate(broken).length).toBeGreaterThan(0);
  });

  it('states the tolerance rule and reads a typed tolerance', () => {
    expect(toleranceRule()).toContain('rtol 0.001, atol 1e-7');
    expect(parseTolerance('1e-2', '0')).toEqual({ ok: true, value: { rtol: 0.01, atol: 0 } });
    expect(parseTolerance('-1', '0').ok).toBe(false);
    expect(parseTolerance('', '0').ok).toBe(false);
  });
});
