import type { Signature, SignatureSource } from '../../../core/schema/signature';

const SOURCE_NAMES: Record<SignatureSource, string> = {
  input_schema: 'metadata.json input_schema',
  feature_names: 'metadata.json feature_names',
  feature_types: 'metadata.json feature_types',
  mlflow: 'the MLflow signature',
  onnx: 'the ONNX graph',
};

/** Where the form comes from, and what the sources disagree on. */
export function SignatureSummary({ signature }: { signature: Signature }) {
  const { layout, features } = signature;
  const shape =
    layout.kind === 'one-input'
      ? `${features.length} feature${features.length === 1 ? '' : 's'} into input “${layout.input}” (${layout.dtype}, [N, ${layout.rowShape.join(', ')}])`
      : layout.kind === 'input-per-feature'
        ? `${features.length} features, one input each`
        : `${signature.inputs.length} tensor input${signature.inputs.length === 1 ? '' : 's'}`;
  return (
    <div className="signature-summary">
      <p className="muted">
        Signature: {shape}, from {signature.sources.map((s) => SOURCE_NAMES[s]).join(', ')}.
        {!signature.namedFeatures && layout.kind === 'one-input' && ' The package names no features, so they are numbered.'}
      </p>
      {signature.notes.length > 0 && (
        <details>
          <summary>The sources disagree ({signature.notes.length})</summary>
          <ul>
            {signature.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
