import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tensorProtoType, ONNX_DATA_TYPE } from '../package/onnx-schema';
import { decodeTensorProto, encodeTensorProto } from './tensor-proto';
import { halfBitsOf, numberOfHalfBits } from './float16';
import { manifestValues, type ManifestTensor } from './fixtures/manifest';

const DIR = 'src/core/tensors/fixtures/pb';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Record<string, ManifestTensor>;
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`${DIR}/${name}.pb`));
const rounded = (entry: ManifestTensor): ManifestTensor['data'] => {
  const round = entry.dtype === 'float32' ? Math.fround : entry.dtype === 'float16' ? (v: number) => numberOfHalfBits(halfBitsOf(v)) : (v: number) => v;
  return entry.data.map((v) => (typeof v === 'number' ? round(v) : v));
};
const failure = (bytes: Uint8Array): string => {
  const r = decodeTensorProto(bytes, 'bad.pb');
  if (r.ok) throw new Error('read a malformed file');
  return r.error.message;
};

describe('TensorProto reader', () => {
  it('covers raw_data for every dtype and every typed field', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.pb'));
    expect(files.length).toBe(Object.keys(manifest).length);
    const fields = Object.keys(manifest).filter((k) => k.startsWith('typed-')).map((k) => k.split('-')[1]);
    expect(new Set(fields)).toEqual(new Set(['float_data', 'double_data', 'int32_data', 'int64_data', 'uint64_data']));
  });

  it.each(Object.keys(manifest))('reads %s as onnx wrote it', (key) => {
    const entry = manifest[key]!;
    const r = decodeTensorProto(read(key), `${key}.pb`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.name).toBe(entry.name || null);
    expect(r.value.tensor.dtype).toBe(entry.dtype);
    expect(r.value.tensor.dims).toEqual(entry.dims);
    expect(manifestValues(r.value.tensor)).toEqual(rounded(entry));
  });

  it('reads int64 and uint64 beyond 2^53 exactly, from raw_data and from the typed fields', () => {
    const values = (key: string): bigint[] => {
      const r = decodeTensorProto(read(key), key);
      return r.ok ? Array.from(r.value.tensor.data as BigInt64Array) : [];
    };
    expect(values('raw-int64')).toEqual([2n ** 62n + 1n, -(2n ** 63n), 2n ** 53n + 1n]);
    expect(values('typed-int64_data')).toEqual([2n ** 62n + 1n, -(2n ** 63n), -1n]);
    expect(values('typed-uint64_data-uint64')).toEqual([2n ** 64n - 1n, 2n ** 53n + 1n]);
  });

  it('writes what it reads, for every dtype', () => {
    for (const key of Object.keys(manifest).filter((k) => k.startsWith('raw-') || k === 'string')) {
      const first = decodeTensorProto(read(key), key);
      if (!first.ok) throw new Error(first.error.message);
      const again = decodeTensorProto(encodeTensorProto(first.value.name ?? '', first.value.tensor), key);
      expect(again.ok && again.value).toEqual(first.value);
    }
  });

  it('says what is wrong with a bad file', () => {
    expect(failure(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]))).toMatch(/is not an ONNX TensorProto/);
    expect(failure(new TextEncoder().encode('{"inputs": [1, 2]}'))).toMatch(/is not an ONNX TensorProto/);
    const bytes = read('raw-float32');
    expect(failure(bytes.subarray(0, bytes.length - 3))).toMatch(/^“bad\.pb” (is not an ONNX TensorProto|holds \d+ bytes of float32 data, but its shape \[1, 3\] needs 12)/);
    const encode = (o: Record<string, unknown>): Uint8Array => tensorProtoType.encode(tensorProtoType.fromObject(o)).finish();
    expect(failure(encode({ dims: [2], dataType: ONNX_DATA_TYPE.BFLOAT16, rawData: new Uint8Array(4) }))).toBe('“bad.pb” holds BFLOAT16 values, which onnxruntime-web cannot take from JavaScript.');
    expect(failure(encode({ dims: [3], dataType: ONNX_DATA_TYPE.FLOAT, floatData: [1, 2] }))).toBe('“bad.pb” holds 2 float32 values in float_data, but its shape [3] needs 3.');
    expect(failure(encode({ dims: [2], dataType: ONNX_DATA_TYPE.FLOAT, dataLocation: 1 }))).toMatch(/keeps its values in an external file/);
  });
});
