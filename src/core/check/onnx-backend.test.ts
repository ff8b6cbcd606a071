import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createNodeRunner } from './node-runner.fixture.mjs';
import type { PackageFile } from '../package/model-package';
import type { TensorSet } from '../tensors/tensor-summary';
import { runModelTests, type ModelRuntime, type TestOutcome } from './model-tests';
import { DEFAULT_TOLERANCE } from './tolerance';

/**
 * A curated subset of ONNX's backend node tests (Debian's libonnx-testdata; the whole suite is
 * `npm run check:onnx-backend`): every element type, rank 0, zero-size, int64/uint64, bool,
 * strings, float16, recurrent models, and one of each non-passing outcome.
 */
const DATA = '/usr/share/libonnx-testdata/data/node';

const EXPECTED: Readonly<Record<string, TestOutcome>> = {
  test_abs: 'passed',
  test_add_uint8: 'passed',
  test_argmax_default_axis_example: 'passed',
  test_bitshift_right_uint64: 'passed',
  test_cast_FLOAT16_to_FLOAT: 'passed',
  test_cast_FLOAT_to_FLOAT16: 'passed',
  test_constantofshape_int_zeros: 'passed',
  test_cumsum_1d: 'passed',
  test_equal_bcast: 'passed',
  test_gru_defaults: 'passed',
  test_gru_seq_length: 'passed',
  test_isinf: 'passed',
  test_isnan: 'passed',
  test_mod_int64_fmod: 'passed',
  test_mod_uint64: 'passed',
  test_nonzero_example: 'passed',
  test_reduce_sum_empty_axes_input_noop_example: 'passed',
  test_reshape_zero_dim: 'passed',
  test_scan9_sum: 'passed',
  test_size: 'passed',
  test_strnormalizer_nostopwords_nochangecase: 'passed',
  test_unique_not_sorted_without_axis: 'passed',
  test_where_example: 'passed',
  // A sequence input: out of a tensor reader's scope, said so.
  test_identity_sequence: 'not-a-tensor',
  // Random outputs: they cannot match a recorded draw.
  test_bernoulli: 'mismatch',
  // A training operator onnxruntime does not have.
  test_adam: 'runtime-load',
};

const runtime: ModelRuntime = {
  async load(bytes) {
    try {
      const runner = (await createNodeRunner(ort, bytes, { logSeverityLevel: 4 })) as { run(f: TensorSet): Promise<TensorSet>; release(): Promise<void> };
      return { ok: true, value: { run: async (feeds) => ({ ok: true, value: await runner.run(feeds) }), release: () => runner.release() } };
    } catch (thrown) {
      return { ok: false, error: { code: 'session-failed', message: String(thrown), hint: '' } };
    }
  },
};

function filesOf(dir: string, rel = ''): PackageFile[] {
  return readdirSync(`${dir}/${rel}`).flatMap((name) => {
    const p = rel ? `${rel}/${name}` : name;
    return statSync(`${dir}/${p}`).isDirectory() ? filesOf(dir, p) : [{ path: p, bytes: new Uint8Array(readFileSync(`${dir}/${p}`)) }];
  });
}

describe.skipIf(!existsSync(DATA))('ONNX backend node tests (curated) through the readers and checker on onnxruntime-node', () => {
  it.each(Object.entries(EXPECTED))('%s: %s', async (name, outcome) => {
    const result = await runModelTests(filesOf(`${DATA}/${name}`), runtime, DEFAULT_TOLERANCE);
    expect({ outcome: result.outcome, reason: result.reason }).toMatchObject({ outcome });
    if (outcome === 'passed') expect(result.sets.every((s) => s.check && Object.keys(s.check.outputs).length > 0)).toBe(true);
  });
});
