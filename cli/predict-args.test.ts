import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './args.mjs';
import { USAGE } from './usage.mjs';

describe('onnx-playground predict command line', () => {
  it('reads every predict option', () => {
    expect(parseCommandLine(['predict', 'pkg/', '--input', 'rows.csv', '--out', 'o.json', '--backend', 'wasm', '--threads', '2', '--dist', 'd', '--timeout', '60', '--quiet'])).toEqual({
      command: 'predict',
      model: 'pkg/',
      input: [{ name: null, path: 'rows.csv' }],
      backend: 'wasm',
      threads: 2,
      out: 'o.json',
      dist: 'd',
      timeoutMs: 60_000,
      quiet: true,
    });
    expect(parseCommandLine(['predict', 'm.onnx', '--input', 'x.npy', '--backend', 'webgpu'])).toMatchObject({ backend: 'webgpu', threads: 1, out: null, dist: null, timeoutMs: 1_800_000, quiet: false });
  });

  it('reads repeated --input: files and folders for the whole set, NAME=FILE for one input', () => {
    const command = parseCommandLine(['predict', 'm.onnx', '--input', 'set.npz', '--input', 'state=s.npy', '--input', 'data/test_data_set_0', '--input', './a=b.npy', '--input', 'x=dir/y=z.pb']);
    expect(command).toMatchObject({
      input: [
        { name: null, path: 'set.npz' },
        { name: 'state', path: 's.npy' },
        { name: null, path: 'data/test_data_set_0' },
        { name: null, path: './a=b.npy' },
        { name: 'x', path: 'dir/y=z.pb' },
      ],
    });
  });

  it('refuses what predict cannot do, as a usage error', () => {
    const refused = (argv: string[]): string => {
      try {
        parseCommandLine(argv);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${argv.join(' ')}`);
    };
    expect(refused(['predict', 'm.onnx'])).toBe('predict needs --input FILE (.csv, .json, .npy, .npz, .pb or a folder), or --input NAME=FILE per input.');
    expect(refused(['predict', 'm.onnx', '--input', 'state='])).toBe('--input state= names the input “state” but no file.');
    expect(refused(['predict', '--input', 'x.csv'])).toMatch(/^predict needs a model/);
    expect(refused(['predict', 'm.onnx', '--input', 'x.csv', '--backend', 'wasm,webgpu'])).toBe('predict runs on one backend, wasm or webgpu, not “wasm,webgpu”.');
    expect(refused(['predict', 'm.onnx', '--input', 'x.csv', '--backend', 'webgpu', '--threads', '2'])).toBe('--threads applies to WASM: leave out --backend webgpu.');
    expect(refused(['predict', 'm.onnx', '--input', 'x.csv', '--json', 'o.json'])).toBe('--json belongs to bench, not predict (predict writes with --out).');
    expect(refused(['predict', 'm.onnx', '--input', 'x.csv', 'extra'])).toBe('Unexpected argument “extra”.');
    expect(refused(['bench', 'm.onnx', '--input', 'x.csv'])).toBe('--input belongs to predict, not bench.');
    expect(refused(['predict', 'm.onnx', '--input', 'x.csv', '--colour'])).toMatch(/Unknown option '--colour'/);
  });

  it('documents every predict flag', () => {
    for (const flag of ['--input FILE', '--input DIR', '--input NAME=FILE', '--out FILE', '--backend NAME', '--threads N', '--dist DIR', '--timeout S', '--quiet']) expect(USAGE).toContain(flag);
  });
});
