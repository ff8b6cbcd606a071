import type { TensorSpec } from '../protocol/tensor';
import { exampleFeatureOrder, exampleToTensors } from '../schema/input-example';
import { buildSignature } from '../schema/signature';
import { orderConflict, orderConflictText, orderedFeatureLists } from '../schema/signature-order';
import { parseMlflowSignature, signatureDtypeToOnnx, type MlflowSignature } from './mlflow-signature';
import type { ModelPackage } from './model-package';

export type FindingSeverity = 'error' | 'warning' | 'ok';

/** One fact about the package's consistency, with the numbers in it. */
export interface Finding {
  readonly severity: FindingSeverity;
  readonly code: string;
  readonly message: string;
  /** The model input or output the finding is about, when it is about one (for a link to it in the graph). */
  readonly subject?: string;
}

export interface ModelInterface {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
}

const shapeText = (spec: TensorSpec): string => (spec.shape ? `[${spec.shape.join(', ')}]` : 'unknown shape');

/** Values per row the model takes: one 2-D input's fixed width, or one input per column. */
function modelWidth(io: ModelInterface): { width: number; described: string } | null {
  if (io.inputs.length === 1) {
    const spec = io.inputs[0]!;
    const last = spec.shape?.at(-1);
    if (spec.shape?.length === 2 && typeof last === 'number' && last > 0) {
      return { width: last, described: `the model's input “${spec.name}” takes ${last} values per row (shape ${shapeText(spec)})` };
    }
    return null;
  }
  if (io.inputs.length > 1 && io.inputs.every((i) => i.shape?.length === 2 && (i.shape[1] === 1 || typeof i.shape[1] === 'string'))) {
    return { width: io.inputs.length, described: `the model has ${io.inputs.length} inputs, one per column` };
  }
  return null;
}

function countCheck(code: string, what: string, count: number, io: ModelInterface): Finding | null {
  const model = modelWidth(io);
  if (!model) return null;
  const subject = io.inputs.length === 1 ? { subject: io.inputs[0]!.name } : {};
  return count === model.width
    ? { severity: 'ok', code, message: `${what}: ${count}, and ${model.described}.`, ...subject }
    : { severity: 'error', code, message: `${what}: ${count}, but ${model.described}. Rows built from this description will not fit the model.`, ...subject };
}

function classCheck(classes: readonly string[], io: ModelInterface): Finding | null {
  const scored = io.outputs.filter((o) => o.shape?.length === 2 && typeof o.shape[1] === 'number');
  if (scored.length === 0) return null;
  const match = scored.find((o) => o.shape![1] === classes.length);
  if (match) return { severity: 'ok', code: 'class-count', message: `metadata.json names ${classes.length} classes, and output “${match.name}” has ${classes.length} columns ${shapeText(match)}.`, subject: match.name };
  const first = scored[0]!;
  return {
    severity: 'error',
    code: 'class-count',
    message: `metadata.json names ${classes.length} classes (target_classes), but output “${first.name}” has ${String(first.shape![1])} columns ${shapeText(first)}: predicted class names would be wrong.`,
    subject: first.name,
  };
}

function signatureChecks(pkg: ModelPackage, io: ModelInterface, signature: MlflowSignature): Finding[] {
  if (!pkg.mlmodel) return [];
  const out: Finding[] = signature.problems.map((p) => ({ severity: 'error', code: 'signature-unreadable', message: `MLmodel: ${p}.` }));
  if (signature.kind === 'none') {
    out.push({ severity: 'warning', code: 'signature-missing', message: 'MLmodel has no input signature: MLflow cannot check requests before they reach the model.' });
    return out;
  }
  if (signature.kind === 'columns') {
    const check = countCheck('signature-columns', 'MLflow signature columns', signature.inputs.length, io);
    if (check) out.push(check);
    if (io.inputs.length === 1) {
      const input = io.inputs[0]!;
      const mismatched = signature.inputs.filter((c) => signatureDtypeToOnnx(c.dtype) !== input.dtype);
      if (mismatched.length > 0) {
        const types = [...new Set(mismatched.map((c) => c.dtype))].join(', ');
        out.push({ severity: 'warning', code: 'signature-dtype', message: `MLflow signature declares ${mismatched.length} of ${signature.inputs.length} columns as ${types}, but the model input “${input.name}” is ${input.dtype}: values are cast on the way in.` });
      } else {
        out.push({ severity: 'ok', code: 'signature-dtype', message: `All ${signature.inputs.length} signature columns are ${input.dtype}, as the model input “${input.name}” is.` });
      }
    }
  } else {
    for (const entry of signature.inputs) {
      const input = entry.name ? io.inputs.find((i) => i.name === entry.name) : io.inputs.length === 1 ? io.inputs[0] : undefined;
      if (!input) {
        out.push({ severity: 'error', code: 'signature-input', message: `MLflow signature names a tensor input “${entry.name ?? '(unnamed)'}” that the model does not have (it has ${io.inputs.map((i) => i.name).join(', ')}).` });
        continue;
      }
      const dtype = signatureDtypeToOnnx(entry.dtype);
      out.push(
        dtype === input.dtype
          ? { severity: 'ok', code: 'signature-dtype', message: `Signature tensor “${input.name}” is ${entry.dtype}, as in the model.`, subject: input.name }
          : { severity: 'error', code: 'signature-dtype', message: `MLflow signature says tensor “${input.name}” is ${entry.dtype}, but the model input is ${input.dtype}.`, subject: input.name },
      );
    }
  }
  return out;
}

/** Cross-checks everything the package says about the model against the model itself. */
export function checkPackage(pkg: ModelPackage, io: ModelInterface): Finding[] {
  const findings: Finding[] = [...pkg.findings];
  const meta = pkg.metadata;
  if (meta) {
    const schemaProps = meta.raw.input_schema && typeof meta.raw.input_schema === 'object' ? (meta.raw.input_schema as { properties?: unknown }).properties : undefined;
    const schemaNames = schemaProps && typeof schemaProps === 'object' ? Object.keys(schemaProps) : null;
    if (meta.featureNames) {
      const check = countCheck('feature-count', 'metadata.json features (feature_names)', meta.featureNames.length, io);
      if (check) findings.push(check);
    } else if (schemaNames) {
      const check = countCheck('feature-count', 'metadata.json features (input_schema)', schemaNames.length, io);
      if (check) findings.push(check);
    }
    if (meta.featureNames && schemaNames) {
      const missing = meta.featureNames.filter((f) => !schemaNames.includes(f));
      if (missing.length > 0) findings.push({ severity: 'warning', code: 'schema-features', message: `input_schema describes ${schemaNames.length} features but lacks ${missing.length} of feature_names: ${missing.join(', ')}.` });
    }
    if (meta.targetClasses) {
      const check = classCheck(meta.targetClasses, io);
      if (check) findings.push(check);
    }
    const metrics = Object.entries(meta.performanceMetrics ?? {});
    const hasEvaluation = pkg.entries.some((e) => e.role === 'evaluation-csv');
    if (metrics.length > 0 && !hasEvaluation) {
      findings.push({ severity: 'warning', code: 'metrics-unverifiable', message: `metadata.json records ${metrics.map(([k, v]) => `${k} ${v}`).join(', ')}, but the package has no evaluation CSV to check ${metrics.length === 1 ? 'it' : 'them'} against.` });
    }
  }
  const mlflow = parseMlflowSignature(pkg.mlmodel?.raw.signature ?? null);
  findings.push(...signatureChecks(pkg, io, mlflow));
  const conflict = orderConflict(orderedFeatureLists(meta?.raw ?? null, mlflow));
  if (conflict) findings.push({ severity: 'error', code: 'feature-order', message: orderConflictText(conflict) });
  if (pkg.inputExample !== null && pkg.inputExample !== undefined) {
    const signature = buildSignature({ metadata: meta?.raw ?? null, mlmodel: pkg.mlmodel?.raw ?? null, inputs: io.inputs });
    const example = exampleToTensors(pkg.inputExample, io.inputs, exampleFeatureOrder(signature));
    findings.push(
      example.ok
        ? { severity: 'ok', code: 'input-example', message: `The input example fits the model: ${Object.entries(example.value).map(([n, t]) => `${n} [${t.dims.join(', ')}]`).join(', ')}.` }
        : { severity: 'error', code: 'input-example', message: example.error.message },
    );
  }
  return findings;
}
