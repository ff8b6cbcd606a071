import { FileDropZone } from '../../ui/FileDropZone';
import { FilePickButton } from '../../ui/FilePickButton';
import { focusWhenShown } from '../../ui/focus-and-announce';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';

/** Where a batch comes from: the package's evaluation set (the claimed-metrics check), or a file the user drops or picks. */
export function BatchFileChooser({ model, running }: { model: ReadyModel; running: boolean }) {
  const actions = usePredictActions();
  const { signature, evaluation } = model.facts;
  const recorded = model.pkg.metadata?.performanceMetrics;
  return (
    <>
      {evaluation && (
        <div className="metrics-check-intro">
          <p>
            Check the claimed metrics: score the package’s evaluation set <code>{evaluation.path}</code>
            {recorded && Object.keys(recorded).length > 0 ? ` and compare with what metadata.json records (${Object.entries(recorded).map(([k, v]) => `${k} ${v}`).join(', ')}).` : '.'}
            {' '}The same figures, up to rounding, show that the package is complete.
          </p>
          <button type="button" className="button primary" disabled={running} onClick={() => void actions.checkClaimedMetrics(model.id).then(() => focusWhenShown('metrics-title', 'Metrics checked.'))}>
            Check the claimed metrics
          </button>
        </div>
      )}
      <FileDropZone disabled={running} onFile={(file) => void actions.chooseBatchFile(model.id, file)}>
        <p>
          Drop a CSV (a header row naming the {signature.features.length} features, any order; a <code>{model.pkg.metadata?.targetColumn ?? 'target'}</code> column adds metrics) or an MLflow JSON body
          (<code>dataframe_split</code>, <code>dataframe_records</code>, <code>instances</code>, <code>inputs</code>).
        </p>
        <FilePickButton label="Choose a CSV or JSON file…" accept=".csv,.json,text/csv,application/json" testId="batch-file-input" disabled={running} onFile={(file) => void actions.chooseBatchFile(model.id, file)} />
      </FileDropZone>
    </>
  );
}
