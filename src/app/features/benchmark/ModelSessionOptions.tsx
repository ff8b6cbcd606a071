import { DEFAULT_SESSION_DRAFT, type SessionDraft } from '../../../core/benchmark/session-draft';
import { webnnOf, type Capabilities } from '../../../core/protocol/capabilities';
import { useAppState } from '../../app-context';
import { modelBatchDimension, modelFormDimensions } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';
import { SessionOptionsFields } from './SessionOptionsFields';

/** The session options of one model's form, its symbolic dimensions set on the open model (shared by the Benchmark and Speed forms). */
export function ModelSessionOptions({ model, caps, session, onChange }: { model: OpenModel; caps: Capabilities; session: SessionDraft | undefined; onChange(session: SessionDraft): void }) {
  const setDim = useAppState((s) => s.setDim);
  const batch = modelBatchDimension(model);
  const gpu = caps.webgpu;
  return (
    <SessionOptionsFields
      draft={session ?? DEFAULT_SESSION_DRAFT}
      onChange={(patch) => onChange({ ...(session ?? DEFAULT_SESSION_DRAFT), ...patch })}
      dimensions={modelFormDimensions(model)}
      batchName={batch.kind === 'symbolic' ? batch.name : null}
      onDimension={(name, value) => setDim(model.id, name, value)}
      gpuUnavailable={gpu.available ? null : gpu.reason}
      webnn={webnnOf(caps)}
    />
  );
}
