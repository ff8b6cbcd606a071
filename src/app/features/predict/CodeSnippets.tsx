import { useState } from 'react';
import type { PredictionResult } from '../../store/predict-slice';

const TABS = [
  { id: 'javascript', label: 'JavaScript (onnxruntime-web)' },
  { id: 'python', label: 'Python (onnxruntime)' },
  { id: 'mlflow', label: 'MLflow /invocations body' },
] as const;

/** Code for this model and this exact input, with copy buttons. */
export function CodeSnippets({ snippets }: { snippets: PredictionResult['snippets'] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (id: string, text: string) => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(id),
      () => setCopied(null),
    );
  };
  return (
    <section className="panel" aria-labelledby="snippets-title">
      <h3 id="snippets-title">The same prediction in code</h3>
      {TABS.map(({ id, label }) => (
        <details key={id} open={id === 'javascript'}>
          <summary>{label}</summary>
          <div className="button-row">
            <button type="button" className="button" onClick={() => copy(id, snippets[id])}>
              Copy {label}
            </button>
            <span role="status" className="muted">
              {copied === id ? 'Copied.' : ''}
            </span>
          </div>
          <pre className="pre code-snippet" data-testid={`snippet-${id}`}>
            <code>{snippets[id]}</code>
          </pre>
        </details>
      ))}
    </section>
  );
}
