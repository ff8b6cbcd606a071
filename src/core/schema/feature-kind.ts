import type { FeatureKind } from './signature';

/** A JSON Schema property's kind: an `enum` is a category, else its (non-null) `type`. */
export function kindOfSchemaType(prop: Record<string, unknown>): FeatureKind | null {
  if (Array.isArray(prop.enum)) return 'category';
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
  switch (type) {
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return null;
  }
}

/** feature_types values (pandas/numpy dtypes), MLflow column types and ONNX element types. */
export function kindOfTypeName(type: string): FeatureKind | null {
  const t = type.toLowerCase();
  if (/^(category|categorical|enum)$/.test(t)) return 'category';
  if (/^(bool|boolean)$/.test(t)) return 'boolean';
  if (/^(str|string|object|binary)$/.test(t)) return 'string';
  if (/^u?int(8|16|32|64)?$|^long$|^integer$/.test(t)) return 'integer';
  if (/^(float|double|number|float(16|32|64)|real|decimal)$/.test(t)) return 'number';
  return null;
}
