import { usePredictActions } from '../../app-context';
import type { BatchState } from '../../store/predict-slice';

const FORMAT_NAMES = { csv: 'CSV', json: 'JSON', outputs: 'outputs (JSON)' } as const;

/** The scored rows' downloads; each file is built a slice at a time, with progress and Cancel. */
export function BatchDownloads({ modelId, batch }: { modelId: string; batch: BatchState }) {
  const actions = usePredictActions();
  const building = batch.download ?? null;
  return (
    <>
      <div className="button-row">
        <button type="button" className="button" disabled={building !== null} onClick={() => void actions.downloadBatch(modelId, 'csv')}>
          Download predictions (CSV)
        </button>
        <button type="button" className="button" disabled={building !== null} onClick={() => void actions.downloadBatch(modelId, 'json')}>
          Download predictions (JSON)
        </button>
        <button type="button" className="button" disabled={building !== null} onClick={() => void actions.downloadBatch(modelId, 'outputs')}>
          Download outputs (JSON)
        </button>
      </div>
      {building && (
        <div className="batch-progress" data-testid="download-progress">
          <label>
            Writing the {FORMAT_NAMES[building.format]} file: {Math.floor(building.fraction * 100)} % of {batch.rowsDone.toLocaleString('en-US')} rows
            <progress max={1} value={building.fraction} aria-label="Download progress" />
          </label>
          <button type="button" className="button" onClick={() => actions.cancelDownload(modelId)}>
            Cancel download
          </button>
        </div>
      )}
    </>
  );
}
