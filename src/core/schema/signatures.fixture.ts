// Signatures for core's tests: the bundled examples' metadata, and small signatures that each
// exercise one layout or rule (read by several tests, so that each states only what it checks).
import { readFileSync } from 'node:fs';
import { buildSignature, type Signature } from './signature';

/** An example package's metadata.json (public/examples/<id>), parsed. */
export const exampleMetadata = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../public/examples/${id}/metadata.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

export const TEST_SIGNATURES = {
  iris: (): Signature => buildSignature({ metadata: exampleMetadata('iris-pipeline'), mlmodel: null, inputs: [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }] }),
  wine: (): Signature => buildSignature({ metadata: exampleMetadata('wine-mlflow'), mlmodel: null, inputs: [{ name: 'input', dtype: 'float32', shape: ['batch', 13] }] }),
  /** A float and an int64 feature, packed into one float32 input. */
  floatAndInteger: (): Signature => buildSignature({ metadata: { feature_names: ['x', 'n'], feature_types: { x: 'float64', n: 'int64' } }, mlmodel: null, inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 2] }] }),
  /** An input_schema with an exclusive bound, an integer maximum and an enum. */
  schemaRules: (): Signature =>
    buildSignature({
      metadata: { feature_names: ['a', 'b', 'c'], input_schema: { type: 'object', properties: { a: { type: 'number', exclusiveMinimum: 0 }, b: { type: 'integer', maximum: 5 }, c: { enum: [1, 2, 3.5] } }, required: ['a', 'b'] } },
      mlmodel: null,
      inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 3] }],
    }),
  /** One input per feature: the feeds are built row by row, not packed. */
  inputPerFeature: (): Signature => buildSignature({ metadata: { feature_names: ['p', 'q'] }, mlmodel: null, inputs: [{ name: 'p', dtype: 'float32', shape: ['N', 1] }, { name: 'q', dtype: 'int64', shape: ['N', 1] }] }),
  /** No metadata at all: three unnamed features of one input. */
  unnamed: (): Signature => buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 3] }] }),
};
