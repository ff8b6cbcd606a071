import type { GraphState } from './use-graph';

/** Where the graph stands: reading, laying out (cancellable), cancelled (retry), ready, or why it failed. */
export function GraphStatusLine({ state, onCancel, onRetry }: { state: GraphState; onCancel(): void; onRetry(): void }) {
  if (state.status === 'failed') {
    return (
      <p role="alert" className="finding finding-error">
        {state.error.message} {state.error.hint}
      </p>
    );
  }
  return (
    <p role="status" className="muted" data-testid="graph-status">
      {state.status === 'reading' && 'Reading the model’s graph…'}
      {state.status === 'laying-out' && (
        <>
          Laying out {state.boxes.toLocaleString('en-US')} boxes (in a worker: the page stays usable)…{' '}
          <button type="button" onClick={onCancel}>
            Cancel layout
          </button>
        </>
      )}
      {state.status === 'cancelled' && (
        <>
          Layout cancelled.{' '}
          <button type="button" onClick={onRetry}>
            Lay out again
          </button>
        </>
      )}
      {state.status === 'ready' && `${state.model.nodes.length.toLocaleString('en-US')} nodes; ${state.view.nodes.length.toLocaleString('en-US')} boxes laid out in ${(state.ms / 1000).toFixed(2)} s.`}
    </p>
  );
}
