import { describe, expect, it } from 'vitest';
import { ONNX_DATA_TYPE, tensorProtoType } from '../package/onnx-schema';
import type { TensorSpec } from '../protocol/tensor';
import { tensorValues, type HostTensor } from '../schema/host-tensor';
import { decodeHalf } from './float16';
import { isWholeDecimal } from './json-number';
import { encodeNpy } from './npy';
import { readTensorFiles, type TensorFile, type TensorReading } from './read-tensor-files';
import type { TensorError } from './tensor-error';

const spec = (dtype: TensorSpec['dtype'], shape: TensorSpec['shape'] = null): TensorSpec[] => [{ name: 'x', dtype, shape }];
const npy = (path: string, tensor: HostTensor): TensorFile => ({ path, bytes: encodeNpy(tensor) });
const json = (path: string, text: string): TensorFile => ({ path, bytes: new TextEncoder().encode(text) });

async function read(files: TensorFile[], inputs: TensorSpec[]): Promise<TensorReading> {
  const r = await readTensorFiles(files, inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function failure(files: TensorFile[], inputs: TensorSpec[]): Promise<TensorError> {
  const r = await readTensorFiles(files, inputs);
  if (r.ok) throw new Error(`expected a failure, read ${JSON.stringify(tensorValues(r.value.tensors.x!).map(String))}`);
  return r.error as TensorError;
}

describe('a finite value too large for a narrower float is refused, never fed as ±Infinity', () => {
  it('float64 .npy [[1e39, 1e39], [3, 1]] into a float32 input: names the input, the element and the limit', async () => {
    const e = await failure([npy('x_over.npy', { dtype: 'float64', dims: [2, 2], data: Float64Array.of(1e39, 1e39, 3, 1) })], spec('float32', [2, 2]));
    expect(e.code).toBe('input-mismatch');
    expect(e.input).toBe('x');
    expect(e.message).toBe('“x” is float32, but element 0 in x_over.npy is 1e+39, beyond float32’s largest finite value ±3.4028234663852886e+38: it would become Infinity.');
    expect(e.hint).toMatch(/^Give values within ±3\.4028234663852886e\+38/);
    expect(e.found).toBe('1e+39 at element 0');
  });

  it('float32 70000 into float16, negative values too; values that round to within range are taken', async () => {
    const over = await failure([npy('x.npy', { dtype: 'float32', dims: [2], data: Float32Array.of(1, -70000) })], spec('float16'));
    expect(over.message).toBe('“x” is float16, but element 1 in x.npy is -70000, beyond float16’s largest finite value ±65504: it would become −Infinity.');
    // 65519 rounds to 65504 (65520 would round to Infinity); 3.4028235e38 as a double rounds to float32's largest.
    const half = await read([npy('x.npy', { dtype: 'float32', dims: [2], data: Float32Array.of(65519, -65504) })], spec('float16'));
    expect(Array.from(decodeHalf(half.tensors.x!.data as Uint16Array))).toEqual([65504, -65504]);
    expect((await failure([npy('x.npy', { dtype: 'float32', dims: [1], data: Float32Array.of(65520) })], spec('float16'))).message).toMatch(/element 0 .* is 65520, beyond float16’s/);
    const wide = await read([npy('x.npy', { dtype: 'float64', dims: [1], data: Float64Array.of(3.4028235e38) })], spec('float32'));
    expect(tensorValues(wide.tensors.x!)).toEqual([3.4028234663852886e38]);
  });

  it('NaN and infinities a float file holds are values, and pass as they are', async () => {
    const r = await read([npy('x.npy', { dtype: 'float64', dims: [3], data: Float64Array.of(NaN, Infinity, -Infinity) })], spec('float32'));
    expect(tensorValues(r.tensors.x!)).toEqual([NaN, Infinity, -Infinity]);
    const h = await read([npy('x.npy', { dtype: 'float32', dims: [2], data: Float32Array.of(-Infinity, NaN) })], spec('float16'));
    expect(Array.from(decodeHalf(h.tensors.x!.data as Uint16Array))).toEqual([-Infinity, NaN]);
    const text = await read([json('x.json', '["Infinity", "-inf", "NaN"]')], spec('float32'));
    expect(tensorValues(text.tensors.x!)).toEqual([Infinity, -Infinity, NaN]);
  });

  it('JSON numbers and decimal strings: 1e39 into float32, 1e400 into any float', async () => {
    expect((await failure([json('x.json', '[1e39]')], spec('float32'))).message).toBe('“x” is float32, but element 0 in x.json is 1e+39, beyond float32’s largest finite value ±3.4028234663852886e+38: it would become Infinity.');
    expect((await failure([json('x.json', '[2, "1e39"]')], spec('float32'))).message).toMatch(/^“x” is float32, but element 1 in x\.json is "1e39", beyond float32’s largest finite value/);
    expect((await failure([json('x.json', '[1, -1e400]')], spec('float64'))).message).toBe('“x” is float64, but element 1 in x.json is -1e400, beyond float64’s largest finite value ±1.7976931348623157e+308: it would become −Infinity.');
    expect((await failure([json('x.json', '["1e400"]')], spec('float64'))).message).toMatch(/element 0 in x\.json is "1e400", beyond float64’s/);
    // An integer literal of 400 digits is a bigint, and too large for a double as well.
    expect((await failure([json('x.json', `[${'9'.repeat(400)}]`)], spec('float64'))).message).toMatch(/beyond float64’s largest finite value/);
    // The app's own documents (typed by their dtype) and inputs of unknown type (read as float32) alike.
    expect((await failure([json('x.json', '{"inputs": {"x": {"dims": [1], "dtype": "float32", "data": [1e39]}}}')], spec('float32'))).message).toMatch(/element 0 in x\.json:x is 1e\+39, beyond float32’s/);
    expect((await failure([json('x.json', '[1e39]')], spec('unknown'))).message).toMatch(/beyond float32’s/);
    const ok = await read([json('x.json', '[1e308, 1e-400]')], spec('float64'));
    expect(tensorValues(ok.tensors.x!)).toEqual([1e308, 0]);
  });

  it('a TensorProto of doubles (double_data) into float32', async () => {
    const bytes = tensorProtoType.encode(tensorProtoType.fromObject({ name: '', dims: [2], dataType: ONNX_DATA_TYPE.DOUBLE, doubleData: [1, 1e39] })).finish();
    const e = await failure([{ path: 'test_data_set_0/input_0.pb', bytes }], spec('float32'));
    expect(e.message).toBe('“x” is float32, but element 1 in test_data_set_0/input_0.pb is 1e+39, beyond float32’s largest finite value ±3.4028234663852886e+38: it would become Infinity.');
  });
});

describe('a JSON fraction a double rounds to a whole number is refused for integer and bool inputs', () => {
  it('4503599627370496.5, 0.99999999999999999, 2.0000000000000001 and 1e-400 are not whole', async () => {
    expect((await failure([json('x.json', '[4503599627370496.5]')], spec('int64'))).message).toBe('“x” is int64, but element 0 in x.json is 4503599627370496.5, not a whole number.');
    expect((await failure([json('x.json', '[1, 0.99999999999999999]')], spec('int64'))).message).toBe('“x” is int64, but element 1 in x.json is 0.99999999999999999, not a whole number.');
    expect((await failure([json('x.json', '[2.0000000000000001]')], spec('int32'))).message).toBe('“x” is int32, but element 0 in x.json is 2.0000000000000001, not a whole number.');
    expect((await failure([json('x.json', '[1e-400]')], spec('uint8'))).message).toMatch(/is 1e-400, not a whole number/);
    expect((await failure([json('x.json', '[0.99999999999999999]')], spec('bool'))).message).toBe('“x” is bool, but element 0 in x.json is 0.99999999999999999.');
    expect((await failure([json('x.json', '[0.99999999999999999]')], spec('string'))).message).toBe('“x” is string, but element 0 in x.json is 0.99999999999999999 (a number).');
    expect((await failure([json('x.json', '{"inputs": {"x": {"dims": [1], "dtype": "int64", "data": [2.0000000000000001]}}}')], spec('int64'))).message).toMatch(/is 2\.0000000000000001, not a whole number/);
  });

  it('whole numbers written with a fraction or an exponent are still taken; floats take the fractions', async () => {
    const r = await read([json('x.json', '[2.0, 3e2, 1.5e1, -0.0, 120e-1]')], spec('int32'));
    expect(tensorValues(r.tensors.x!)).toEqual([2, 300, 15, 0, 12]);
    const f = await read([json('x.json', '[0.99999999999999999, 4503599627370496.5]')], spec('float64'));
    expect(tensorValues(f.tensors.x!)).toEqual([1, 4503599627370496]);
    // Past 2^53 a whole literal with a decimal point may already be another integer: refused as before.
    expect((await failure([json('x.json', '[9007199254740993.0]')], spec('int64'))).message).toMatch(/beyond 2\^53 where a JSON number may already have been rounded/);
    // dims are sizes: a fraction rounded to a whole number is none.
    expect((await failure([json('x.json', '{"x": {"dims": [1.0000000000000001], "data": [1]}}')], spec('float32'))).message).toMatch(/has dims \["1\.0000000000000001"\], which are not sizes/);
  });

  it('isWholeDecimal reads the digits, not the double', () => {
    for (const whole of ['0', '-0.0', '3.000', '1e3', '1.5e1', '120e-1', '0.0e-400', '100e-2']) expect(isWholeDecimal(whole), whole).toBe(true);
    for (const fraction of ['0.5', '4503599627370496.5', '0.99999999999999999', '2.0000000000000001', '1e-400', '15e-1', '1.25e1']) expect(isWholeDecimal(fraction), fraction).toBe(false);
  });
});
