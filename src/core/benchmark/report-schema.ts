/**
 * JSON Schema (draft-07) of the benchmark file written by "Download JSON" and
 * by `onnx-playground bench --json`. Objects are closed, so that a field
 * added to the report without being added here fails the tests.
 */
import { SPEED_RESULT_DEPENDENCIES, SPEED_RESULT_PROPERTIES } from '../profile/speed-schema';

const nonNegative = { type: 'number', minimum: 0 } as const;
const count = { type: 'integer', minimum: 1 } as const;
const backend = { enum: ['wasm', 'webgpu', 'webnn'] } as const;

const point = {
  type: 'object',
  additionalProperties: false,
  required: ['batchSize', 'runs', 'p50Ms', 'p95Ms', 'p99Ms', 'meanMs', 'stdMs', 'minMs', 'maxMs', 'throughputPerSec', 'perSampleMs'],
  properties: {
    batchSize: count,
    runs: count,
    p50Ms: nonNegative,
    p95Ms: nonNegative,
    p99Ms: nonNegative,
    meanMs: nonNegative,
    stdMs: nonNegative,
    minMs: nonNegative,
    maxMs: nonNegative,
    throughputPerSec: nonNegative,
    perSampleMs: nonNegative,
    withoutReadBackP50Ms: nonNegative,
  },
} as const;

/** The session options a result ran with (core/protocol/session-options `SessionConfigRecord`). */
export const SESSION_CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['graphOptimizationLevel', 'freeDimensionOverrides', 'preferredLayout', 'enableGraphCapture', 'preferredOutputLocation', 'webnnDeviceType', 'webnnPowerPreference'],
  properties: {
    graphOptimizationLevel: { enum: ['disabled', 'basic', 'extended', 'all'] },
    freeDimensionOverrides: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }] },
    preferredLayout: { enum: [null, 'NCHW', 'NHWC'] },
    enableGraphCapture: { type: ['boolean', 'null'] },
    preferredOutputLocation: { enum: [null, 'cpu', 'gpu-buffer'] },
    webnnDeviceType: { enum: [null, 'cpu', 'gpu', 'npu'] },
    webnnPowerPreference: { enum: [null, 'default', 'low-power', 'high-performance'] },
  },
} as const;

const outputAgreement = {
  type: 'object',
  additionalProperties: false,
  required: ['comparedWith', 'maxAbsDiff'],
  properties: { comparedWith: { type: 'string' }, maxAbsDiff: { type: ['number', 'null'], minimum: 0 } },
} as const;

/** Who wrote a report: every file the app or the CLI writes starts with it. */
export const TOOL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'version'],
  properties: { name: { const: 'onnx-playground' }, version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' } },
} as const;

export const CREATED_AT_SCHEMA = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' } as const;

export const BENCHMARK_REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'ONNX Playground benchmark',
  type: 'object',
  additionalProperties: false,
  required: ['tool', 'status', 'createdAt', 'environment', 'model', 'settings', 'results', 'failures'],
  properties: {
    tool: TOOL_SCHEMA,
    status: { enum: ['complete', 'cancelled'] },
    createdAt: CREATED_AT_SCHEMA,
    environment: {
      type: 'object',
      additionalProperties: false,
      required: ['userAgent', 'browser', 'hardwareConcurrency', 'crossOriginIsolated', 'ortVersion', 'builds', 'wasmSimd', 'wasmThreads', 'timerResolutionMs', 'webgpuAdapter'],
      properties: {
        userAgent: { type: 'string' },
        browser: { type: 'object', additionalProperties: false, required: ['name', 'version'], properties: { name: { type: 'string' }, version: { type: 'string' } } },
        builds: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(['wasm', 'webgpu', 'webnn'].map((b) => [b, { type: 'object', additionalProperties: false, required: ['wasm', 'executionProvider'], properties: { wasm: { type: 'string' }, executionProvider: { type: 'string' } } }])),
        },
        hardwareConcurrency: count,
        crossOriginIsolated: { type: 'boolean' },
        ortVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+' },
        wasmSimd: { type: 'boolean' },
        wasmThreads: { type: 'boolean' },
        timerResolutionMs: nonNegative,
        webgpuAdapter: {
          oneOf: [
            { type: 'null' },
            {
              type: 'object',
              additionalProperties: false,
              required: ['vendor', 'architecture', 'software', 'description', 'fallback', 'features', 'limits'],
              properties: {
                vendor: { type: 'string' },
                architecture: { type: 'string' },
                software: { type: 'boolean' },
                description: { type: ['string', 'null'] },
                fallback: { type: ['boolean', 'null'] },
                features: { oneOf: [{ type: 'null' }, { type: 'array', items: { type: 'string' } }] },
                limits: { oneOf: [{ type: 'null' }, { type: 'object', additionalProperties: { type: 'number', minimum: 0 } }] },
              },
            },
          ],
        },
      },
    },
    model: {
      type: 'object',
      additionalProperties: false,
      required: ['file', 'bytes', 'sha256'],
      properties: { file: { type: 'string', minLength: 1 }, bytes: count, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
    },
    settings: {
      type: 'object',
      additionalProperties: false,
      required: ['batchSizes', 'warmupRuns', 'stop', 'inputs'],
      properties: {
        batchSizes: { type: 'array', minItems: 1, items: count },
        warmupRuns: { type: 'integer', minimum: 0 },
        stop: {
          oneOf: [
            { type: 'object', additionalProperties: false, required: ['kind', 'runs'], properties: { kind: { const: 'runs' }, runs: count } },
            { type: 'object', additionalProperties: false, required: ['kind', 'ms'], properties: { kind: { const: 'time' }, ms: { type: 'number', exclusiveMinimum: 0 } } },
          ],
        },
        inputs: { enum: ['random', 'example'] },
      },
    },
    results: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['backend', 'threads', 'sessionCreateMs', 'firstRunMs', 'points', 'config'],
        properties: {
          backend,
          threads: count,
          sessionCreateMs: nonNegative,
          firstRunMs: nonNegative,
          points: { type: 'array', items: point },
          config: SESSION_CONFIG_SCHEMA,
          outputs: outputAgreement,
          ...SPEED_RESULT_PROPERTIES,
        },
        // With "Profile each configuration" (CLI --profile): issue #7's fields, together.
        dependencies: SPEED_RESULT_DEPENDENCIES,
      },
    },
    failures: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['backend', 'threads', 'code', 'message'],
        properties: { backend, threads: count, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;
