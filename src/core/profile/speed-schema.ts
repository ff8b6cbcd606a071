/**
 * JSON Schema (draft-07) pieces for the `--profile` fields of a benchmark result
 * (see config-profile.ts `reportSpeedFields`), and for the tuner's file.
 */
const nonNegative = { type: 'number', minimum: 0 } as const;
const nullableMs = { oneOf: [{ type: 'null' }, nonNegative] } as const;
const text = { type: 'string' } as const;

const namedNode = { type: 'object', additionalProperties: false, required: ['name', 'opType'], properties: { name: text, opType: text } } as const;

/** Optional properties of a benchmark result; `profile`, `slowestNodes` and `coldStart` come together. */
export const SPEED_RESULT_PROPERTIES = {
  profile: {
    type: 'array',
    items: { type: 'object', additionalProperties: false, required: ['opType', 'totalMs', 'count'], properties: { opType: text, totalMs: nonNegative, count: { type: 'integer', minimum: 1 } } },
  },
  slowestNodes: {
    type: 'array',
    items: { type: 'object', additionalProperties: false, required: ['name', 'opType', 'ms'], properties: { name: text, opType: text, ms: nonNegative } },
  },
  placement: {
    type: 'object',
    additionalProperties: false,
    required: ['cpuNodes', 'nodes'],
    properties: { cpuNodes: { type: 'integer', minimum: 0 }, nodes: { type: 'array', items: namedNode } },
  },
  coldStart: {
    type: 'object',
    additionalProperties: false,
    required: ['readMs', 'runtimeMs', 'sessionCreateMs', 'firstRunMs', 'warmRunMs'],
    properties: { readMs: nullableMs, runtimeMs: nullableMs, sessionCreateMs: nonNegative, firstRunMs: nonNegative, warmRunMs: nonNegative },
  },
} as const;

export const SPEED_RESULT_DEPENDENCIES = {
  profile: ['slowestNodes', 'coldStart'],
  slowestNodes: ['profile'],
  coldStart: ['profile'],
  placement: ['profile'],
} as const;
