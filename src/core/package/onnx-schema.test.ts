import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Root } from 'protobufjs/light.js';
import { describe, expect, it } from 'vitest';
import { modelProtoType, modelStructureType, ONNX_DATA_TYPE, tensorProtoType } from './onnx-schema';
import { onnxSchemaJson } from './onnx-messages';

interface Decoded {
  graph?: { node?: { opType?: string; attribute?: { name?: string }[] }[]; initializer?: { rawData?: Uint8Array; floatData?: number[]; name?: string }[] };
}

describe('onnx schema', () => {
  const tensor = tensorProtoType.encode(
    tensorProtoType.fromObject({ dims: [2], dataType: ONNX_DATA_TYPE.FLOAT, name: 'w', floatData: [1.5, -2] }),
  ).finish();
  const model = modelProtoType
    .encode(
      modelProtoType.fromObject({
        irVersion: 8,
        graph: {
          name: 'g',
          node: [{ opType: 'Add', input: ['x', 'w'], output: ['y'], attribute: [{ name: 'alpha', type: 1, f: 0.5 }] }],
          initializer: [tensorProtoType.decode(tensor)],
        },
      }),
    )
    .finish();

  it('round-trips a tensor with its values', () => {
    const back = tensorProtoType.decode(tensor) as unknown as { floatData: number[]; name: string };
    expect(back.name).toBe('w');
    expect(back.floatData).toEqual([1.5, -2]);
  });

  it('reads a model structure without its weights', () => {
    const structure = modelStructureType.decode(model) as unknown as Decoded;
    expect(structure.graph?.node?.[0]?.opType).toBe('Add');
    expect(structure.graph?.node?.[0]?.attribute?.[0]?.name).toBe('alpha');
    expect(structure.graph?.initializer?.[0]?.name).toBe('w');
    expect(structure.graph?.initializer?.[0]?.floatData).toBeUndefined();
    const full = modelProtoType.decode(model) as unknown as Decoded;
    expect(full.graph?.initializer?.[0]?.floatData).toEqual([1.5, -2]);
  });

  it('reads a bundled example model', () => {
    const bytes = readFileSync('public/examples/digits-cnn/model.onnx');
    const structure = modelStructureType.decode(bytes) as unknown as Decoded;
    expect(structure.graph?.node?.some((n) => n.opType === 'Conv')).toBe(true);
  });
});

describe('the generated codec', () => {
  it('was generated from the schema as it is now (else run npm run generate:onnx-codec)', () => {
    const digest = createHash('sha256').update(JSON.stringify(onnxSchemaJson())).digest('hex');
    const header = readFileSync('src/core/package/onnx-codec.generated.js', 'utf8').split('\n', 1)[0];
    expect(header).toContain(`onnx-schema sha256 ${digest}`);
  });

  it('decodes a real model exactly as protobufjs reflection over the same schema does', () => {
    const reflected = Root.fromJSON(onnxSchemaJson());
    for (const example of ['digits-cnn', 'iris-trees', 'iris-pipeline']) {
      const bytes = readFileSync(`public/examples/${example}/model.onnx`);
      for (const [pkg, codec] of [['onnx', modelProtoType], ['onnxstructure', modelStructureType]] as const) {
        const type = reflected.lookupType(`${pkg}.ModelProto`);
        const options = { longs: String, bytes: String, defaults: false };
        expect(type.toObject(codec.decode(bytes) as never, options)).toEqual(type.toObject(type.decode(bytes), options));
      }
    }
  });
});
