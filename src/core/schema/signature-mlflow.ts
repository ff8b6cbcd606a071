import type { MlflowSignature } from '../package/mlflow-signature';
import { kindOfTypeName } from './feature-kind';
import type { SignatureDraft } from './signature-draft';

/**
 * An MLflow column signature into the draft: names (when metadata.json has none), types and
 * required flags; columns metadata.json does not describe, and features the columns lack, are noted.
 */
export function mergeMlflowColumns(draft: SignatureDraft, mlflow: MlflowSignature): void {
  draft.notes.push(...mlflow.problems.map((p) => `MLmodel: ${p}.`));
  if (mlflow.kind !== 'columns') return;
  draft.sources.push('mlflow');
  const fromMetadata = draft.features.size > 0;
  for (const entry of mlflow.inputs) {
    if (!entry.name) continue;
    if (fromMetadata && !draft.features.has(entry.name)) {
      draft.notes.push(`The MLflow signature has a column “${entry.name}” that metadata.json does not describe.`);
      continue;
    }
    const d = draft.take(entry.name, 'mlflow');
    const kind = kindOfTypeName(entry.type);
    if (d.kind === null) d.kind = kind;
    if (d.required === null) d.required = entry.required;
  }
  if (fromMetadata) {
    const columns = new Set(mlflow.inputs.map((e) => e.name));
    const absent = [...draft.features.keys()].filter((n) => !columns.has(n));
    if (absent.length > 0) draft.notes.push(`The MLflow signature lacks ${absent.map((n) => `“${n}”`).join(', ')}.`);
  }
}
