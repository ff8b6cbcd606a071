import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { BenchError } from './bench.mjs';
import { planInputs } from './predict-inputs.mjs';

const MODELS = 'src/core/tensors/fixtures/models';
const full = (p: string): string => resolve(MODELS, p);

function refused(inputs: { name: string | null; path: string }[]): string {
  try {
    planInputs(inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('predict --input plan', () => {
  it('sends a lone CSV to "Score a file", a lone JSON to the page to decide, and tensor files to the drops', () => {
    expect(planInputs([{ name: null, path: 'public/examples/iris-pipeline/test.csv' }])).toEqual({ kind: 'table', path: resolve('public/examples/iris-pipeline/test.csv') });
    expect(planInputs([{ name: null, path: `${MODELS}/token-gru-request.json` }])).toEqual({ kind: 'json', path: full('token-gru-request.json') });
    expect(planInputs([{ name: null, path: `${MODELS}/token-gru-inputs.npz` }, { name: 'state', path: `${MODELS}/token-gru-state.npy` }])).toEqual({
      kind: 'tensors',
      set: { files: [full('token-gru-inputs.npz')] },
      named: [{ name: 'state', path: full('token-gru-state.npy') }],
    });
    expect(planInputs([{ name: null, path: `${MODELS}/vad-like/test_data_set_0` }])).toEqual({ kind: 'tensors', set: { folder: full('vad-like/test_data_set_0') }, named: [] });
  });

  it('refuses what cannot be meant, naming the argument', () => {
    expect(refused([{ name: null, path: 'no/such.npy' }])).toBe('No such input file or folder: no/such.npy (--input no/such.npy).');
    expect(refused([{ name: null, path: 'README.md' }])).toBe('README.md is not a .csv, .json, .npy, .npz or .pb file.');
    expect(refused([{ name: 'state', path: `${MODELS}/vad-like/test_data_set_0` }])).toMatch(/^--input state=.*test_data_set_0 gives a folder for one input\.$/);
    expect(refused([{ name: null, path: 'public/examples/iris-pipeline/test.csv' }, { name: null, path: `${MODELS}/token-gru-state.npy` }])).toBe('A CSV is scored on its own: it cannot be combined with other --input files.');
    expect(refused([{ name: null, path: `${MODELS}/vad-like/test_data_set_0` }, { name: null, path: `${MODELS}/token-gru-state.npy` }])).toMatch(/holds the whole set: give it alone/);
    expect(refused([{ name: 'state', path: `${MODELS}/token-gru-state.npy` }, { name: 'state', path: `${MODELS}/token-gru-state.npy` }])).toBe('--input state=… is given twice.');
  });
});
