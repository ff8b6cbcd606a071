import { describe, expect, it } from 'vitest';
import { UsageError } from './args.mjs';
import { parseCheckCommand } from './check-args.mjs';
import { formatCheck } from './check-table.mjs';
import type { CheckReport } from '../src/core/check/check-report';

describe('onnx-playground check: command line', () => {
  it('reads every option, WASM first whatever the order', () => {
    expect(parseCheckCommand(['pkg.tar.gz', '--backend', 'webgpu,wasm', '--rtol', '1e-2', '--atol', '0', '--json', 'r.json', '--dist', 'd', '--timeout', '60', '--quiet'])).toEqual({
      command: 'check',
      model: 'pkg.tar.gz',
      backends: ['wasm', 'webgpu'],
      rtol: '1e-2',
      atol: '0',
      json: 'r.json',
      data: [],
      expect: [],
      dist: 'd',
      timeoutMs: 60_000,
      quiet: true,
    });
    expect(parseCheckCommand(['dir/'])).toMatchObject({ backends: ['wasm'], rtol: '0.001', atol: '1e-7', json: null });
    expect(parseCheckCommand(['--help'])).toEqual({ command: 'help' });
    expect(parseCheckCommand(['m.onnx', '--data', 'a.npy', '--data', 'b.npy', '--expect', 'y.npy'])).toMatchObject({ data: ['a.npy', 'b.npy'], expect: ['y.npy'] });
  });

  it.each([
    [[], 'check needs a package'],
    [['a', 'b'], 'Unexpected argument “b”.'],
    [['a', '--backend', 'cuda'], 'Unknown backend “cuda”'],
    [['a', '--rtol=-1'], '--rtol must be a number ≥ 0, not “-1”.'],
    [['a', '--atol', 'tiny'], '--atol must be a number ≥ 0, not “tiny”.'],
    [['a', '--runs', '5'], "Unknown option '--runs'"],
    [['a', '--data', 'x.npy'], '--data needs --expect'],
    [['a', '--expect', 'y.npy'], '--expect needs --data'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCheckCommand(argv)).toThrow(UsageError);
    expect(() => parseCheckCommand(argv)).toThrow(message);
  });
});

describe('onnx-playground check: the table', () => {
  it('prints every output with its figures, the failing elements and the app’s verdict', () => {
    const report: CheckReport = {
      tool: { name: 'onnx-playground', version: '0.1.0' },
      createdAt: '2026-01-01T00:00:00.000Z',
      environment: { userAgent: 'x', ortVersion: '1.30.0' },
      model: { name: 'gemm', bytes: 1234 },
      tolerance: { rtol: 0.001, atol: 1e-7 },
      cases: [
        {
          name: 'test_data_set_0',
          backend: 'wasm',
          error: null,
          pass: false,
          outputs: { y: { dtype: 'float32', dims: [3, 4], count: 12, maxAbs: 0.5, maxRel: 0.185, mismatched: 1, pass: false, problem: null, failures: [{ index: [1, 2], expected: '2.7016792', got: '2.2016792' }] } },
        },
        { name: 'test_data_set_0', backend: 'webgpu', error: { code: 'session-failed', message: 'no kernel\nmore' }, pass: false, outputs: {} },
      ],
      pass: false,
    };
    const text = formatCheck(report, ['Fail: 2 of 2 cases fail or could not run.']);
    expect(text).toContain('gemm · 1,234 bytes · onnxruntime-web 1.30.0');
    expect(text).toMatch(/test_data_set_0 +wasm +y +float32 \[3, 4\] +12 +0\.5 +0\.18 +1 +FAIL/);
    expect(text).toMatch(/test_data_set_0 +webgpu( +—){6} +FAIL\n/);
    expect(text).toContain('test_data_set_0 on webgpu did not run: no kernel\n');
    expect(text).toContain('  [1, 2]  expected 2.7016792  got 2.2016792');
    expect(text.trim().split('\n').at(-1)).toBe('Fail: 2 of 2 cases fail or could not run.');
  });
});
