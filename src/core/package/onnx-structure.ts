import { modelStructureType } from './onnx-schema';

/**
 * A model's structure as `modelStructureType` decodes it (tensor payloads skipped),
 * typed for the fields the readers use. Decode once per model and hand the result
 * to every reader (the summary, the ZipMap finder).
 */

/** protobufjs yields int64 as a Long object (the `long` package is installed). */
export type Int64 = number | { toNumber(): number; toString(): string };

export interface DecodedEntry {
  readonly key?: string;
  readonly value?: string;
}
export interface DecodedDimension {
  readonly dimValue?: Int64;
  readonly dimParam?: string;
}
export interface DecodedType {
  readonly tensorType?: { readonly elemType?: number; readonly shape?: { readonly dim?: readonly DecodedDimension[] } };
  readonly sequenceType?: unknown;
  readonly mapType?: unknown;
}
export interface DecodedValueInfo {
  readonly name?: string;
  readonly type?: DecodedType;
}
export interface DecodedTensor {
  readonly dims?: readonly Int64[];
  readonly dataType?: number;
  readonly name?: string;
  readonly dataLocation?: number;
  readonly externalData?: readonly DecodedEntry[];
}
export interface DecodedAttribute {
  readonly name?: string;
  readonly ints?: readonly Int64[];
  readonly strings?: readonly Uint8Array[];
}
export interface DecodedNode {
  readonly input?: readonly string[];
  readonly output?: readonly string[];
  readonly name?: string;
  readonly opType?: string;
  readonly domain?: string;
  readonly attribute?: readonly DecodedAttribute[];
}
export interface DecodedGraph {
  readonly name?: string;
  readonly node?: readonly DecodedNode[];
  readonly initializer?: readonly DecodedTensor[];
  readonly input?: readonly DecodedValueInfo[];
  readonly output?: readonly DecodedValueInfo[];
}
export interface DecodedModel {
  readonly irVersion?: Int64;
  readonly opsetImport?: readonly { readonly domain?: string; readonly version?: Int64 }[];
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly domain?: string;
  readonly modelVersion?: Int64;
  readonly docString?: string;
  readonly metadataProps?: readonly DecodedEntry[];
  readonly graph?: DecodedGraph;
}

/** Decodes a model's structure without copying its weights. Throws on bytes that are not a protobuf message. */
export function decodeModelStructure(bytes: Uint8Array): DecodedModel {
  return modelStructureType.decode(bytes) as unknown as DecodedModel;
}

export function int64ToNumber(value: Int64 | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}
