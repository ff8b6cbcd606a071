import { ONNX_ATTRIBUTE_TYPE } from '../package/onnx-schema';
import type { GraphAttribute, ShapeDim } from './graph-model';

/** protobufjs yields int64 as a Long object (the `long` package is present), or a number. */
export type Int64 = number | { toNumber(): number; toString(): string };

export function int64(value: Int64 | undefined | null): number {
  if (value === undefined || value === null) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

/** Exact text of an int64 (INT64_MAX stays 9223372036854775807, not 9223372036854776000). */
export function int64Text(value: Int64 | undefined | null): string {
  if (value === undefined || value === null) return '0';
  return typeof value === 'number' ? String(value) : value.toString();
}

/** ONNX TensorProto.DataType → onnxruntime's element type names. */
const ELEMENT_TYPES: Readonly<Record<number, string>> = {
  1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16',
  11: 'float64', 12: 'uint32', 13: 'uint64', 14: 'complex64', 15: 'complex128', 16: 'bfloat16', 17: 'float8e4m3fn', 18: 'float8e4m3fnuz',
  19: 'float8e5m2', 20: 'float8e5m2fnuz', 21: 'uint4', 22: 'int4', 23: 'float4e2m1',
};

export function dtypeName(code: number | undefined): string {
  return ELEMENT_TYPES[code ?? 0] ?? 'unknown';
}

export interface RawDimension { dimValue?: Int64; dimParam?: string }
export interface RawType {
  tensorType?: { elemType?: number; shape?: { dim?: RawDimension[] } };
  sparseTensorType?: { elemType?: number; shape?: { dim?: RawDimension[] } };
  sequenceType?: { elemType?: RawType };
  mapType?: { keyType?: number; valueType?: RawType };
  optionalType?: { elemType?: RawType };
}
export interface RawTensor { name?: string; dims?: Int64[]; dataType?: number }

/** A value_info's element type and shape, as far as it says. */
export function typeOf(type: RawType | undefined): { dtype: string; shape: ShapeDim[] | null } {
  const tensor = type?.tensorType ?? type?.sparseTensorType;
  if (tensor) {
    const dims = tensor.shape?.dim;
    // protobufjs keeps field defaults on the prototype: only an own dimValue was in the file.
    const shape = tensor.shape ? (dims ?? []).map((d): ShapeDim => (d.dimParam ? d.dimParam : Object.hasOwn(d, 'dimValue') ? int64(d.dimValue) : null)) : null;
    return { dtype: dtypeName(tensor.elemType), shape };
  }
  if (type?.sequenceType) return { dtype: `sequence<${typeOf(type.sequenceType.elemType).dtype}>`, shape: null };
  if (type?.mapType) return { dtype: `map<${dtypeName(type.mapType.keyType)}, ${typeOf(type.mapType.valueType).dtype}>`, shape: null };
  if (type?.optionalType) return { dtype: `optional<${typeOf(type.optionalType.elemType).dtype}>`, shape: null };
  return { dtype: 'unknown', shape: null };
}

export interface RawAttribute {
  name?: string;
  type?: number;
  f?: number;
  i?: Int64;
  s?: Uint8Array;
  t?: RawTensor;
  g?: { name?: string; node?: unknown[] };
  floats?: number[];
  ints?: Int64[];
  strings?: Uint8Array[];
  tensors?: RawTensor[];
  graphs?: { name?: string; node?: unknown[] }[];
  refAttrName?: string;
}

const TYPE_NAMES = Object.fromEntries(Object.entries(ONNX_ATTRIBUTE_TYPE).map(([k, v]) => [v, k])) as Record<number, string>;
const MAX_LIST = 16;
const MAX_TEXT = 200;

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array | undefined): string => (bytes ? decoder.decode(bytes) : '');
const clip = (s: string): string => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);
const list = (items: readonly string[]): string => `[${items.slice(0, MAX_LIST).join(', ')}${items.length > MAX_LIST ? `, … (${items.length} values)` : ''}]`;
const tensorText = (t: RawTensor | undefined): string => `tensor ${dtypeName(t?.dataType)}[${(t?.dims ?? []).map(int64Text).join(', ')}]`;

/** Which field a pre-IR-2 attribute (no `type`) uses. */
function inferredType(a: RawAttribute): number {
  const has = (key: keyof RawAttribute): boolean => Object.hasOwn(a, key);
  if (has('floats') && (a.floats?.length ?? 0) > 0) return ONNX_ATTRIBUTE_TYPE.FLOATS;
  if (has('ints') && (a.ints?.length ?? 0) > 0) return ONNX_ATTRIBUTE_TYPE.INTS;
  if (has('strings') && (a.strings?.length ?? 0) > 0) return ONNX_ATTRIBUTE_TYPE.STRINGS;
  if (has('g')) return ONNX_ATTRIBUTE_TYPE.GRAPH;
  if (has('t')) return ONNX_ATTRIBUTE_TYPE.TENSOR;
  if (has('s')) return ONNX_ATTRIBUTE_TYPE.STRING;
  if (has('i')) return ONNX_ATTRIBUTE_TYPE.INT;
  if (has('f')) return ONNX_ATTRIBUTE_TYPE.FLOAT;
  return ONNX_ATTRIBUTE_TYPE.UNDEFINED;
}

/** An attribute as people read it: numbers, text, lists, and a tensor's or subgraph's outline. */
export function decodeAttribute(a: RawAttribute): GraphAttribute {
  const name = a.name ?? '';
  const code = a.type || inferredType(a);
  const type = TYPE_NAMES[code] ?? 'UNDEFINED';
  if (a.refAttrName) return { name, type, value: null, text: `refers to the function attribute “${a.refAttrName}”` };
  switch (code) {
    case ONNX_ATTRIBUTE_TYPE.FLOAT:
      return { name, type, value: a.f ?? 0, text: String(Number((a.f ?? 0).toPrecision(7))) };
    case ONNX_ATTRIBUTE_TYPE.INT:
      return { name, type, value: int64(a.i), text: int64Text(a.i) };
    case ONNX_ATTRIBUTE_TYPE.STRING: {
      const s = text(a.s);
      return { name, type, value: s, text: clip(s) };
    }
    case ONNX_ATTRIBUTE_TYPE.FLOATS: {
      const values = a.floats ?? [];
      return { name, type, value: values, text: list(values.map((v) => String(Number(v.toPrecision(7))))) };
    }
    case ONNX_ATTRIBUTE_TYPE.INTS: {
      const values = a.ints ?? [];
      return { name, type, value: values.map(int64), text: list(values.map(int64Text)) };
    }
    case ONNX_ATTRIBUTE_TYPE.STRINGS: {
      const values = (a.strings ?? []).map(text);
      return { name, type, value: values, text: clip(list(values.map((v) => JSON.stringify(v)))) };
    }
    case ONNX_ATTRIBUTE_TYPE.TENSOR:
      return { name, type, value: null, text: tensorText(a.t), tensor: { dtype: dtypeName(a.t?.dataType), dims: (a.t?.dims ?? []).map(int64) } };
    case ONNX_ATTRIBUTE_TYPE.TENSORS:
      return { name, type, value: null, text: list((a.tensors ?? []).map(tensorText)) };
    case ONNX_ATTRIBUTE_TYPE.GRAPH:
      return { name, type, value: null, text: `subgraph${a.g?.name ? ` “${a.g.name}”` : ''} (${a.g?.node?.length ?? 0} nodes)` };
    case ONNX_ATTRIBUTE_TYPE.GRAPHS:
      return { name, type, value: null, text: `${a.graphs?.length ?? 0} subgraphs` };
    default:
      return { name, type, value: null, text: `(${type.toLowerCase()} attribute, not shown)` };
  }
}

export function intsAttribute(attributes: readonly GraphAttribute[], name: string): number[] | null {
  const a = attributes.find((x) => x.name === name);
  return a && Array.isArray(a.value) && a.value.every((v) => typeof v === 'number') ? (a.value as number[]) : null;
}

export function intAttribute(attributes: readonly GraphAttribute[], name: string): number | null {
  const a = attributes.find((x) => x.name === name);
  return a && typeof a.value === 'number' ? a.value : null;
}

export function stringAttribute(attributes: readonly GraphAttribute[], name: string): string | null {
  const a = attributes.find((x) => x.name === name);
  return a && typeof a.value === 'string' ? a.value : null;
}
