import { describe, expect, it } from 'vitest';
import { folderInputs } from './folder-inputs';

describe('folderInputs', () => {
  it('reads the first test_data_set of a model folder, inputs only', () => {
    const read = folderInputs(['model.onnx', 'test_data_set_1/input_0.pb', 'test_data_set_0/input_0.pb', 'test_data_set_0/input_1.pb', 'test_data_set_0/output_0.pb', 'test_data_set_0/.DS_Store']);
    expect(read.paths).toEqual(['test_data_set_0/input_0.pb', 'test_data_set_0/input_1.pb']);
    expect(read.note).toBe('The folder holds 2 data sets; the inputs of test_data_set_0 were read.');
  });

  it('takes every tensor file of a plain folder, and nothing else', () => {
    expect(folderInputs(['input_ids.npy', 'mask.json', 'README.md', 'set.npz', 'notes.txt'])).toEqual({ paths: ['input_ids.npy', 'mask.json', 'set.npz'], note: null });
    expect(folderInputs(['test_data_set_3/input_0.pb'])).toEqual({ paths: ['test_data_set_3/input_0.pb'], note: null });
  });
});
