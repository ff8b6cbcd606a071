/**
 * JSON Schema (draft-07) of the check report (`CheckReport`): `onnx-playground check --json`
 * and the Check outputs view's download. Objects are closed, so that a field added to the
 * report without being added here fails the tests.
 */
import { TENSOR_DTYPES } from '../protocol/tensor';
import { CREATED_AT_SCHEMA, TOOL_SCHEMA } from '../benchmark/report-schema';

const figure = { oneOf: [{ type: 'number', minimum: 0 }, { const: 'Infinity' }, { type: 'null' }] } as const;
const count = { type: 'integer', minimum: 0 } as const;

const output = {
  type: 'object',
  additionalProperties: false,
  required: ['dtype', 'dims', 'count', 'maxAbs', 'maxRel', 'mismatched', 'pass', 'problem', 'failures'],
  properties: {
    dtype: { enum: [...TENSOR_DTYPES] },
    dims: { type: 'array', items: count },
    count,
    maxAbs: figure,
    maxRel: figure,
    mismatched: count,
    pass: { type: 'boolean' },
    problem: { type: ['string', 'null'] },
    failures: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['index', 'expected', 'got'],
        properties: { index: { type: 'array', items: count }, expected: { type: 'string' }, got: { type: 'string' } },
      },
    },
  },
} as const;

export const CHECK_REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ONNX Playground output check',
  type: 'object',
  additionalProperties: false,
  required: ['tool', 'createdAt', 'environment', 'model', 'tolerance', 'cases', 'pass'],
  properties: {
    tool: TOOL_SCHEMA,
    createdAt: CREATED_AT_SCHEMA,
    environment: {
      type: 'object',
      additionalProperties: false,
      required: ['userAgent', 'ortVersion'],
      properties: { userAgent: { type: 'string' }, ortVersion: { type: 'string' } },
    },
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'bytes'],
      properties: { name: { type: 'string' }, bytes: count },
    },
    tolerance: {
      type: 'object',
      additionalProperties: false,
      required: ['rtol', 'atol'],
      properties: { rtol: { type: 'number', minimum: 0 }, atol: { type: 'number', minimum: 0 } },
    },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'backend', 'outputs', 'error', 'pass'],
        properties: {
          name: { type: 'string' },
          backend: { type: 'string' },
          outputs: { type: 'object', additionalProperties: output },
          error: {
            oneOf: [
              { type: 'null' },
              { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
            ],
          },
          pass: { type: 'boolean' },
        },
      },
    },
    pass: { type: 'boolean' },
  },
} as const;
