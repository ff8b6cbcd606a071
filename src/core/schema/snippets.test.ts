import { describe, expect, it } from 'vitest';
import { javascriptSnippet, mlflowBody, pythonSnippet } from './snippets';

const iris = {
  modelFile: 'model.onnx',
  feeds: { float_input: { dtype: 'float32' as const, dims: [1, 4], data: Float32Array.of(7.5, 2.5, 6.5, 2) } },
  outputNames: ['label', 'probabilities'],
  table: { columns: ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'], rows: [[7.5, 2.5, 6.5, 2]] },
};

describe('snippets', () => {
  it('writes onnxruntime-web code with the input’s name, dtype, values and shape', () => {
    const js = javascriptSnippet(iris);
    expect(js).toContain(`const session = await ort.InferenceSession.create("model.onnx");`);
    expect(js).toContain(`"float_input": new ort.Tensor('float32', Float32Array.from([7.5, 2.5, 6.5, 2]), [1, 4]),`);
    expect(js).toContain('console.log("probabilities", results["probabilities"].dims, results["probabilities"].data);');
    const ints = javascriptSnippet({ ...iris, feeds: { ids: { dtype: 'int64', dims: [2], data: BigInt64Array.of(3n, 4n) } } });
    expect(ints).toContain(`new ort.Tensor('int64', BigInt64Array.from([3n, 4n]), [2])`);
  });

  it('writes onnxruntime Python with numpy arrays of the right dtype and shape', () => {
    const py = pythonSnippet(iris);
    expect(py).toContain('session = ort.InferenceSession("model.onnx", providers=["CPUExecutionProvider"])');
    expect(py).toContain('"float_input": np.array([[7.5, 2.5, 6.5, 2]], dtype=np.float32),');
    const bools = pythonSnippet({ ...iris, feeds: { m: { dtype: 'bool', dims: [2], data: Uint8Array.of(1, 0) } } });
    expect(bools).toContain('"m": np.array([True, False], dtype=np.bool_),');
  });

  it('writes the MLflow request body: dataframe_split for tables, inputs for tensors', () => {
    expect(JSON.parse(mlflowBody(iris))).toEqual({ dataframe_split: { columns: iris.table.columns, data: [[7.5, 2.5, 6.5, 2]] } });
    const tensor = { ...iris, table: null, feeds: { pixels: { dtype: 'float32' as const, dims: [1, 1, 2, 2], data: Float32Array.of(0, 16, 8, 0) } } };
    expect(JSON.parse(mlflowBody(tensor))).toEqual({ inputs: { pixels: [[[[0, 16], [8, 0]]]] } });
  });

  it('spells float16 inputs as their bits for onnxruntime-web and as numbers for numpy, and int64 exactly', () => {
    const half = { ...iris, table: null, feeds: { x: { dtype: 'float16' as const, dims: [1, 2], data: Uint16Array.of(0x451a, 0x3266) } } };
    expect(javascriptSnippet(half)).toContain(`new ort.Tensor('float16', Uint16Array.from([0x451a, 0x3266] /* float16 bits of 5.1, 0.2 */), [1, 2])`);
    expect(pythonSnippet(half)).toContain('"x": np.array([[5.1, 0.2]], dtype=np.float16),');
    expect(JSON.parse(mlflowBody(half))).toEqual({ inputs: { x: [[5.1, 0.2]] } });
    const big = { ...iris, table: null, feeds: { ids: { dtype: 'int64' as const, dims: [2], data: BigInt64Array.of(2n ** 62n + 1n, -5n) } } };
    expect(javascriptSnippet(big)).toContain('BigInt64Array.from([4611686018427387905n, -5n])');
    expect(pythonSnippet(big)).toContain('np.array([4611686018427387905, -5], dtype=np.int64)');
    expect(mlflowBody(big)).toContain('"ids": [4611686018427387905, -5]');
  });

  it('does not spell out large inputs', () => {
    const big = { ...iris, feeds: { image: { dtype: 'float32' as const, dims: [1, 3, 224, 224], data: new Float32Array(3 * 224 * 224) } } };
    expect(javascriptSnippet(big)).toContain('new Float32Array(150528) /* 150,528 values: fill with yours */');
    expect(pythonSnippet(big)).toContain('np.zeros((1, 3, 224, 224), dtype=np.float32)  # 150,528 values: load yours here');
  });
});

describe('float32Text', () => {
  it('writes the shortest decimal that is the same float32', async () => {
    const { float32Text } = await import('./float-text');
    expect([Math.fround(0.2), Math.fround(3.4), 5, Math.fround(1 / 3), NaN].map(float32Text)).toEqual(['0.2', '3.4', '5', '0.33333334', 'NaN']);
    const js = javascriptSnippet({ ...iris, feeds: { x: { dtype: 'float32', dims: [2], data: Float32Array.of(0.2, 7.3) } } });
    expect(js).toContain('Float32Array.from([0.2, 7.3])');
  });
});
