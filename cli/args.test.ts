import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './args.mjs';
import { USAGE } from './usage.mjs';

describe('onnx-playground command line', () => {
  it('reads every bench option', () => {
    expect(parseCommandLine(['bench', 'm.onnx', '--backend', 'webgpu,wasm', '--threads', '2,1,2', '--batch', '64,1,8', '--warmup', '0', '--runs', '50', '--json', 'out.json', '--dist', 'd', '--inputs', 'random', '--timeout', '60', '--quiet'])).toEqual({
      command: 'bench',
      model: 'm.onnx',
      backends: ['webgpu', 'wasm'],
      threads: [1, 2],
      batch: [1, 8, 64],
      warmup: 0,
      runs: 50,
      seconds: null,
      inputs: 'random',
      json: 'out.json',
      dist: 'd',
      timeoutMs: 60_000,
      quiet: true,
      profile: false,
      session: { graphOptimizationLevel: null, dims: {}, fixDims: false, layout: null, graphCapture: false, gpuOutputs: false },
    });
  });

  it('reads the session options of bench, and refuses them where they do not apply', () => {
    const args = ['bench', 'm.onnx', '--backend', 'wasm,webgpu', '--graph-opt', 'basic', '--dims', 'seq=32, height=96', '--fix-dims', '--layout', 'NHWC', '--graph-capture', '--gpu-outputs'];
    expect(parseCommandLine(args)).toMatchObject({ session: { graphOptimizationLevel: 'basic', dims: { seq: 32, height: 96 }, fixDims: true, layout: 'NHWC', graphCapture: true, gpuOutputs: true } });
    expect(() => parseCommandLine(['bench', 'm.onnx', '--graph-opt', 'max'])).toThrow('--graph-opt is one of disabled, basic, extended, all, not “max”.');
    expect(() => parseCommandLine(['bench', 'm.onnx', '--layout', 'NHWC'])).toThrow('--layout applies to WebGPU: add --backend webgpu.');
    expect(() => parseCommandLine(['bench', 'm.onnx', '--dims', 'seq=0'])).toThrow('--dims takes NAME=SIZE pairs with sizes ≥ 1, not “seq=0”.');
    expect(() => parseCommandLine(['tune', 'm.onnx', '--budget-p99', '5', '--fix-dims'])).toThrow('--fix-dims belongs to bench, not tune.');
    expect(USAGE).toContain('--graph-capture');
  });

  it('leaves the app its defaults when options are absent', () => {
    expect(parseCommandLine(['bench', 'pkg/', '--seconds', '1.5'])).toMatchObject({ backends: ['wasm'], threads: [1], batch: null, warmup: null, runs: null, seconds: 1.5, inputs: null, json: null, timeoutMs: 1_800_000, quiet: false });
  });

  it('answers --help and --version', () => {
    expect(parseCommandLine(['--help'])).toEqual({ command: 'help' });
    expect(parseCommandLine(['bench', '-h'])).toEqual({ command: 'help' });
    expect(parseCommandLine(['-v'])).toEqual({ command: 'version' });
    for (const flag of ['--backend', '--threads', '--batch', '--warmup', '--runs', '--seconds', '--inputs', '--json', '--dist', '--timeout', '--quiet']) expect(USAGE).toContain(flag);
  });

  it.each([
    [[], /No command/],
    [['serve', 'm.onnx'], /Unknown command “serve”/],
    [['bench'], /needs a model/],
    [['bench', 'a.onnx', 'b.onnx'], /Unexpected argument “b.onnx”/],
    [['bench', 'm.onnx', '--backend', 'cuda'], /Unknown backend “cuda”/],
    [['bench', 'm.onnx', '--threads', '0'], /--threads must be a whole number ≥ 1/],
    [['bench', 'm.onnx', '--batch', '1,x'], /--batch must be a whole number/],
    [['bench', 'm.onnx', '--batch', ','], /--batch needs at least one value/],
    [['bench', 'm.onnx', '--runs', '5', '--seconds', '2'], /not both/],
    [['bench', 'm.onnx', '--seconds', '0'], /--seconds must be between/],
    [['bench', 'm.onnx', '--inputs', 'zeros'], /example or random/],
    [['bench', 'm.onnx', '--backend', 'webgpu', '--threads', '2'], /applies to WASM/],
    [['bench', 'm.onnx', '--frobnicate'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
