import { isUnnamedDim, type TensorSpec } from '../protocol/tensor';

/**
 * Sizes for a model's symbolic dimensions before the user chooses any, each with where it came
 * from, so that every form (Run, Predict, Benchmark, Speed, the tuner) opens on sizes that fit
 * the model rather than 1 everywhere. In order of trust:
 *
 * 1. `data`: the shape of tensors the package ships (a test data set, then the input example);
 * 2. `metadata`: the package says so — `metadata.json` `dimensions`/`free_dimensions`
 *    ({name: size}), a key named like the dimension (`sequence_length: 32` for a dimension
 *    `sequence_length`), or, for a sequence-like dimension, `max_sequence_length`/`max_seq_len`/
 *    `max_length`/`sequence_length`/`seq_len`/`max_position_embeddings`/`n_positions`/
 *    `context_length`/`block_size`, and for an image side `image_size`/`img_size`/`input_size`
 *    (metadata.json first, then the ONNX model's metadata_props);
 * 3. `default`, documented here: 1 for a batch dimension (the first axis) and anything unknown;
 *    16 for a sequence-like dimension (a short sentence or a second of frames, cheap to run);
 *    224 for an image side (the common ImageNet size).
 *
 * A sequence-like dimension is one named like `seq`, `sequence`, `len`, `length`, `time`,
 * `frames`, `steps`, `tokens`, `T` or `L`, or the second axis of a rank-2/3 integer (token) input.
 */
export type DimensionSource = 'data' | 'metadata' | 'default';

export interface DimensionDefault {
  /** The dimension's name (`unnamedDim` form, `input[1]`, when the model gives none). */
  readonly name: string;
  readonly value: number;
  readonly source: DimensionSource;
  /** In words, for the form: "from test_data_set_0", "metadata.json max_sequence_length", "default for a batch". */
  readonly detail: string;
  /** Inputs and axes where it appears. */
  readonly uses: readonly { readonly input: string; readonly axis: number }[];
}

/** Shapes of tensors the package ships, by input name. */
export interface ShippedShapes {
  readonly label: string;
  readonly shapes: Readonly<Record<string, readonly number[]>>;
}

export interface DimensionEvidence {
  readonly inputs: readonly TensorSpec[];
  /** metadata.json as parsed (unknown fields kept); null when absent. */
  readonly metadata: Readonly<Record<string, unknown>> | null;
  /** The ONNX model's metadata_props. */
  readonly metadataProps?: Readonly<Record<string, string>>;
  /** Most trusted first: e.g. the first test data set, then the input example. */
  readonly shipped?: readonly ShippedShapes[];
}

export const DIMENSION_DEFAULTS = Object.freeze({ batch: 1, sequence: 16, imageSide: 224, other: 1 });

const SEQUENCE_NAME = /(^|_|\b)(seq|sequence|len|length|time|frames?|steps?|tokens?|t|l)(_|\b|$)|seq|length/i;
const IMAGE_NAME = /(^|_)(h|w|height|width|size|img|image)(_|$)/i;
const SEQUENCE_KEYS = ['max_sequence_length', 'max_seq_len', 'max_seq_length', 'max_length', 'sequence_length', 'seq_len', 'max_position_embeddings', 'n_positions', 'context_length', 'block_size'];
const IMAGE_KEYS = ['image_size', 'img_size', 'input_size'];
const EXPLICIT_KEYS = ['dimensions', 'free_dimensions', 'free_dimension_overrides'];

type Kind = 'batch' | 'sequence' | 'image' | 'other';

function positiveInt(value: unknown): number | null {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 1 << 24 ? n : null;
}

/** An image side from `224`, `[224, 224]` or `"224"`. */
function side(value: unknown): number | null {
  return Array.isArray(value) ? positiveInt(value[0]) : positiveInt(value);
}

function kindOf(name: string, uses: readonly { input: TensorSpec; axis: number }[]): Kind {
  const bare = isUnnamedDim(name) ? '' : name;
  if (uses.every((u) => u.axis === 0) && !SEQUENCE_NAME.test(bare)) return 'batch';
  if (bare && SEQUENCE_NAME.test(bare)) return 'sequence';
  if (bare && IMAGE_NAME.test(bare)) return 'image';
  const integer = (t: TensorSpec): boolean => /int/.test(t.dtype);
  if (uses.some((u) => u.axis === 1 && u.input.shape !== null && u.input.shape.length <= 3 && integer(u.input))) return 'sequence';
  if (uses.some((u) => u.input.shape?.length === 4 && u.axis >= 2)) return 'image';
  return 'other';
}

function fromMetadata(name: string, kind: Kind, sources: readonly { label: string; fields: Readonly<Record<string, unknown>> }[]): { value: number; detail: string } | null {
  for (const { label, fields } of sources) {
    for (const key of EXPLICIT_KEYS) {
      const table = fields[key];
      if (table && typeof table === 'object' && !Array.isArray(table)) {
        const v = positiveInt((table as Record<string, unknown>)[name]);
        if (v !== null) return { value: v, detail: `${label} ${key}.${name}` };
      }
    }
    const own = positiveInt(fields[name]);
    if (own !== null && !isUnnamedDim(name)) return { value: own, detail: `${label} ${name}` };
    const keys = kind === 'sequence' ? SEQUENCE_KEYS : kind === 'image' ? IMAGE_KEYS : [];
    for (const key of keys) {
      const v = kind === 'image' ? side(fields[key]) : positiveInt(fields[key]);
      if (v !== null) return { value: v, detail: `${label} ${key}` };
    }
  }
  return null;
}

function fromShipped(uses: readonly { input: TensorSpec; axis: number }[], shipped: readonly ShippedShapes[]): { value: number; detail: string } | null {
  for (const { label, shapes } of shipped) {
    for (const { input, axis } of uses) {
      const v = shapes[input.name]?.[axis];
      if (v !== undefined && Number.isInteger(v) && v >= 0) return { value: v, detail: label };
    }
  }
  return null;
}

const DEFAULT_DETAIL: Readonly<Record<Kind, string>> = {
  batch: 'default for a batch: one example',
  sequence: `default for a sequence: ${DIMENSION_DEFAULTS.sequence} steps`,
  image: `default for an image side: ${DIMENSION_DEFAULTS.imageSide} pixels`,
  other: 'default: 1',
};
const DEFAULT_VALUE: Readonly<Record<Kind, number>> = {
  batch: DIMENSION_DEFAULTS.batch,
  sequence: DIMENSION_DEFAULTS.sequence,
  image: DIMENSION_DEFAULTS.imageSide,
  other: DIMENSION_DEFAULTS.other,
};

/** Every symbolic dimension of the inputs, in order of first appearance, with its starting size. */
export function dimensionDefaults(evidence: DimensionEvidence): DimensionDefault[] {
  const uses = new Map<string, { input: TensorSpec; axis: number }[]>();
  for (const input of evidence.inputs) {
    input.shape?.forEach((d, axis) => {
      if (typeof d !== 'string') return;
      const list = uses.get(d) ?? [];
      list.push({ input, axis });
      uses.set(d, list);
    });
  }
  const metadataSources = [
    ...(evidence.metadata ? [{ label: 'metadata.json', fields: evidence.metadata }] : []),
    ...(evidence.metadataProps ? [{ label: 'the model’s metadata', fields: evidence.metadataProps as Readonly<Record<string, unknown>> }] : []),
  ];
  return [...uses].map(([name, at]) => {
    const kind = kindOf(name, at);
    const shipped = fromShipped(at, evidence.shipped ?? []);
    const meta = shipped ? null : fromMetadata(name, kind, metadataSources);
    const chosen = shipped ? { ...shipped, source: 'data' as const } : meta ? { ...meta, source: 'metadata' as const } : { value: DEFAULT_VALUE[kind], detail: DEFAULT_DETAIL[kind], source: 'default' as const };
    return { name, value: chosen.value, source: chosen.source, detail: chosen.detail, uses: at.map((u) => ({ input: u.input.name, axis: u.axis })) };
  });
}

/** The sizes alone, as the forms keep them (`OpenModel.dims`). */
export function defaultDims(defaults: readonly DimensionDefault[]): Record<string, number> {
  return Object.fromEntries(defaults.map((d) => [d.name, d.value]));
}

/**
 * The value range for random integer inputs the metadata implies: token ids below
 * `vocab_size` (metadata.json, then the model's metadata_props). null when nothing says.
 */
export function tokenIdRange(evidence: Pick<DimensionEvidence, 'metadata' | 'metadataProps'>): { readonly min: number; readonly max: number; readonly detail: string } | null {
  for (const [label, fields] of [['metadata.json', evidence.metadata], ['the model’s metadata', evidence.metadataProps]] as const) {
    const vocab = positiveInt(fields?.['vocab_size']);
    if (vocab !== null) return { min: 0, max: vocab - 1, detail: `${label} vocab_size ${vocab}` };
  }
  return null;
}
