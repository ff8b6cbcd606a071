import { BENCHMARK_REPORT_SCHEMA, SESSION_CONFIG_SCHEMA } from '../benchmark/report-schema';

/** JSON Schema (draft-07) of the tuner's file (tune-report.ts): `onnx-playground tune` and "Download recommendation (JSON)". */
const nonNegative = { type: 'number', minimum: 0 } as const;
const count = { type: 'integer', minimum: 1 } as const;
const benchmark = BENCHMARK_REPORT_SCHEMA.properties;

const pointProperties = {
  backend: { enum: ['wasm', 'webgpu', 'webnn'] },
  threads: count,
  batchSize: count,
  graphOptimizationLevel: { enum: ['disabled', 'basic', 'extended', 'all'] },
  freeDimensionOverrides: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } }] },
  config: SESSION_CONFIG_SCHEMA,
  runs: count,
  p50Ms: nonNegative,
  p99Ms: nonNegative,
  throughputPerSec: nonNegative,
  perSampleMs: nonNegative,
  sessionCreateMs: nonNegative,
  firstRunMs: nonNegative,
  withinBudget: { type: 'boolean' },
} as const;
const pointRequired = Object.keys(pointProperties);

const point = { type: 'object', additionalProperties: false, required: pointRequired, properties: pointProperties } as const;
const pick = {
  oneOf: [
    { type: 'null' },
    { type: 'object', additionalProperties: false, required: [...pointRequired, 'costs'], properties: { ...pointProperties, costs: { type: 'array', items: { type: 'string' } } } },
  ],
} as const;

export const TUNE_REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ONNX Playground: the fastest setup',
  type: 'object',
  additionalProperties: false,
  required: ['tool', 'status', 'createdAt', 'environment', 'model', 'settings', 'elapsedMs', 'skipped', 'recommendation', 'tried', 'failures'],
  properties: {
    tool: benchmark.tool,
    status: { enum: ['complete', 'capped', 'cancelled'] },
    createdAt: benchmark.createdAt,
    environment: { oneOf: [{ type: 'null' }, benchmark.environment] },
    model: benchmark.model,
    settings: {
      type: 'object',
      additionalProperties: false,
      required: ['budgetP99Ms', 'minBatch', 'capSeconds', 'webgpu'],
      properties: { budgetP99Ms: { type: 'number', exclusiveMinimum: 0 }, minBatch: count, capSeconds: { type: 'number', minimum: 1 }, webgpu: { type: 'boolean' } },
    },
    elapsedMs: nonNegative,
    skipped: { type: 'integer', minimum: 0 },
    recommendation: {
      type: 'object',
      additionalProperties: false,
      required: ['summary', 'fastest', 'throughputOptimal', 'closest'],
      properties: { summary: { type: 'string', minLength: 1 }, fastest: pick, throughputOptimal: pick, closest: pick },
    },
    tried: { type: 'array', items: point },
    failures: benchmark.failures,
  },
} as const;
