import { describe, expect, it } from 'vitest';
import { exampleToTensors, flattenNested } from './input-example';
import type { HostTensor } from './host-tensor';
import type { EngineError, Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';

const IRIS: TensorSpec[] = [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }];
const FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

function feeds(result: Result<Record<string, HostTensor>>): Record<string, { dtype: string; dims: number[]; data: unknown[] }> {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.message}`);
  return Object.fromEntries(Object.entries(result.value).map(([name, t]) => [name, { dtype: t.dtype, dims: [...t.dims], data: [...t.data] }]));
}

function failure(result: Result<unknown>): EngineError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('exampleToTensors: tables', () => {
  it('reorders MLflow split columns to the training feature order', () => {
    const example = {
      columns: ['petal width (cm)', 'sepal length (cm)', 'petal length (cm)', 'sepal width (cm)'],
      data: [
        [1.8, 7.3, 6.3, 2.9],
        [0.2, 5.1, 1.4, 3.5],
      ],
    };
    const out = exampleToTensors(example, IRIS, FEATURES);
    expect(out.ok && out.value.float_input!.data).toBeInstanceOf(Float32Array);
    expect(feeds(out)).toEqual({ float_input: { dtype: 'float32', dims: [2, 4], data: [7.3, 2.9, 6.3, 1.8, 5.1, 3.5, 1.4, 0.2].map(Math.fround) } });
  });

  it('refuses, rather than feeding the example in its own order, when a feature has no column', () => {
    const example = { columns: ['b', 'a'], data: [[1, 2]] };
    const error = failure(exampleToTensors(example, [{ name: 'x', dtype: 'float32', shape: ['n', 2] }], ['a', 'c']));
    expect(error.code).toBe('bad-input-example');
    expect(error.message).toBe('The example’s columns do not match the model’s features: no column for “c” (it has “b”, “a”). It was not fed in its own column order, which need not be the model’s.');
  });

  it('matches columns by name as the Predict form does (surrounding spaces trimmed), in the features’ order', () => {
    const example = { columns: [' z ', 'a', 'label'], data: [[1, 2, 0]] };
    expect(feeds(exampleToTensors(example, [{ name: 'x', dtype: 'float32', shape: ['n', 2] }], ['a', 'z'])).x!.data).toEqual([2, 1]);
  });

  it('reads a serving example in dataframe_split form', () => {
    const example = { dataframe_split: { columns: FEATURES, data: [[7.3, 2.9, 6.3, 1.8]] } };
    expect(feeds(exampleToTensors(example, IRIS, FEATURES)).float_input).toEqual({ dtype: 'float32', dims: [1, 4], data: [7.3, 2.9, 6.3, 1.8].map(Math.fround) });
  });

  it('reads dataframe_records, taking the columns from the first record', () => {
    const example = { dataframe_records: [{ b: 2, a: 1 }, { a: 3, b: 4 }] };
    const out = feeds(exampleToTensors(example, [{ name: 'x', dtype: 'float64', shape: [-1, 2] }], ['a', 'b']));
    expect(out.x).toEqual({ dtype: 'float64', dims: [2, 2], data: [1, 2, 3, 4] });
  });

  it('feeds each column to its own input when the model has one input per column', () => {
    const inputs: TensorSpec[] = [
      { name: 'age', dtype: 'int64', shape: ['N', 1] },
      { name: 'city', dtype: 'string', shape: ['N', 1] },
      { name: 'member', dtype: 'bool', shape: ['N', 1] },
    ];
    const example = { columns: ['city', 'member', 'age', 'unused'], data: [['Paris', true, 31, 0], ['Lyon', false, 45, 0]] };
    const result = exampleToTensors(example, inputs);
    expect(result.ok && result.value.age!.data).toBeInstanceOf(BigInt64Array);
    expect(feeds(result)).toEqual({
      age: { dtype: 'int64', dims: [2, 1], data: [31n, 45n] },
      city: { dtype: 'string', dims: [2, 1], data: ['Paris', 'Lyon'] },
      member: { dtype: 'bool', dims: [2, 1], data: [1, 0] },
    });
  });

  it('refuses a table for several inputs not named after its columns', () => {
    const inputs: TensorSpec[] = [{ name: 'a', dtype: 'float32', shape: [1] }, { name: 'b', dtype: 'float32', shape: [1] }];
    expect(failure(exampleToTensors({ columns: ['a', 'c'], data: [[1, 2]] }, inputs)).message).toContain('2 inputs that are not named after its columns');
  });
});

describe('exampleToTensors: tensors', () => {
  it('reads {inputs: {name: nested}} with the shape of the nesting', () => {
    const image = [[[[0, 1], [2, 3]]]];
    const out = feeds(exampleToTensors({ inputs: { pixels: image } }, [{ name: 'pixels', dtype: 'float32', shape: ['batch', 1, 2, 2] }]));
    expect(out.pixels).toEqual({ dtype: 'float32', dims: [1, 1, 2, 2], data: [0, 1, 2, 3] });
  });

  it('reads {instances: …} and inputs named at the top level', () => {
    const spec: TensorSpec[] = [{ name: 'x', dtype: 'int32', shape: ['n', 2] }];
    expect(feeds(exampleToTensors({ instances: [[1, 2]] }, spec)).x!.data).toEqual([1, 2]);
    expect(feeds(exampleToTensors({ x: [[3, 4]] }, spec)).x!.data).toEqual([3, 4]);
  });

  it('gives a bare nested array to the only input', () => {
    expect(feeds(exampleToTensors([[7.3, 2.9, 6.3, 1.8]], IRIS)).float_input!.dims).toEqual([1, 4]);
  });

  it('adds the batch dimension to a single row given without it', () => {
    const out = feeds(exampleToTensors({ inputs: [5.1, 3.5, 1.4, 0.2] }, IRIS));
    expect(out.float_input).toEqual({ dtype: 'float32', dims: [1, 4], data: [5.1, 3.5, 1.4, 0.2].map(Math.fround) });
  });

  it('uses float32 for an input of unknown type and the nesting for an unknown shape', () => {
    expect(feeds(exampleToTensors([[1, 2, 3]], [{ name: 'x', dtype: 'unknown', shape: null }])).x).toEqual({ dtype: 'float32', dims: [1, 3], data: [1, 2, 3] });
  });

  it('refuses a value its input cannot hold, naming the element, as a file’s values are', () => {
    const cases: [TensorSpec, unknown, RegExp][] = [
      [{ name: 'x', dtype: 'uint8', shape: ['n', 3] }, [[300, 2, 1]], /“x” is uint8, but element 0 in input_example\.json is 300/],
      [{ name: 'x', dtype: 'uint8', shape: ['n', 3] }, [[3, 2.7, 1]], /element 1 in input_example\.json is 2\.7/],
      [{ name: 'b', dtype: 'bool', shape: ['n', 2] }, [[2, 0]], /“b” is bool, but element 0/],
      [{ name: 'b', dtype: 'bool', shape: ['n', 2] }, [[1, 0.5]], /element 1/],
      [{ name: 'f', dtype: 'float32', shape: ['n', 1] }, [[1e39]], /Infinity/],
      [{ name: 'i', dtype: 'int64', shape: ['n', 1] }, [[2 ** 53]], /2\^53/],
    ];
    for (const [spec, value, why] of cases) {
      const error = failure(exampleToTensors({ inputs: { [spec.name]: value } }, [spec]));
      expect(error.code).toBe('bad-input-example');
      expect(error.message).toMatch(why);
      expect(error.hint).toMatch(/Fix input_example\.json, or remove it/);
    }
    // What fits is stored exactly.
    expect(feeds(exampleToTensors({ inputs: { x: [[255, 0, 7]] } }, [{ name: 'x', dtype: 'uint8', shape: ['n', 3] }])).x!.data).toEqual([255, 0, 7]);
    expect(feeds(exampleToTensors({ inputs: { b: [[true, 0]] } }, [{ name: 'b', dtype: 'bool', shape: ['n', 2] }])).b!.data).toEqual([1, 0]);
  });

  it('refuses a bare array for a model with two inputs', () => {
    const inputs: TensorSpec[] = [{ name: 'a', dtype: 'float32', shape: [1] }, { name: 'b', dtype: 'float32', shape: [1] }];
    expect(failure(exampleToTensors([[1]], inputs)).message).toBe('The example is one array, but the model has 2 inputs; name each input.');
  });

  it('names the inputs the example lacks', () => {
    const e = failure(exampleToTensors({ inputs: { other: [1] } }, IRIS));
    expect(e.code).toBe('bad-input-example');
    expect(e.message).toBe('The example has no value for input “float_input” (it has other).');
  });
});

describe('exampleToTensors: bad examples', () => {
  it('rejects ragged arrays', () => {
    const e = failure(exampleToTensors([[1, 2, 3, 4], [1, 2, 3]], IRIS));
    expect(e.code).toBe('bad-input-example');
    expect(e.message).toBe('The example for input “float_input” is not a rectangular array.');
  });

  it('rejects a size that differs from a fixed dimension', () => {
    const e = failure(exampleToTensors({ columns: ['a', 'b', 'c'], data: [[1, 2, 3]] }, IRIS));
    expect(e.message).toBe('The example for input “float_input” has size 3 in dimension 1, but the model fixes it at 4.');
  });

  it('rejects the wrong number of dimensions', () => {
    const e = failure(exampleToTensors({ inputs: [[[1, 2, 3, 4]]] }, IRIS));
    expect(e.message).toBe('The example for input “float_input” has 3 dimensions [1, 1, 4], but the model expects 2 [batch, 4].');
  });

  it('rejects non-numeric values for a numeric input', () => {
    expect(failure(exampleToTensors([[5.1, 'wide', 1.4, 0.2]], IRIS)).message).toBe('The example for input “float_input” holds non-numeric values, but the input is float32.');
    expect(failure(exampleToTensors([[5.1, null, 1.4, 0.2]], IRIS)).code).toBe('bad-input-example');
  });
});

describe('flattenNested', () => {
  it('flattens rectangular arrays and returns null for ragged or mixed depth', () => {
    expect(flattenNested([[1, 2], [3, 4], [5, 6]])).toEqual({ dims: [3, 2], values: [1, 2, 3, 4, 5, 6] });
    expect(flattenNested(7)).toEqual({ dims: [], values: [7] });
    expect(flattenNested([])).toEqual({ dims: [0], values: [] });
    expect(flattenNested([[1, 2], 3])).toBeNull();
    expect(flattenNested([1, [2]])).toBeNull();
  });
});
