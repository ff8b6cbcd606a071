import { useMemo, useState } from 'react';
import { useAppState, useCheckActions } from '../../app-context';
import { DEFAULT_TOLERANCE, parseTolerance, toleranceRule } from '../../../core/check/tolerance';
import type { BackendId } from '../../../core/protocol/engine-api';
import { findTestDataSets } from '../../../core/tensors/test-data-layout';
import type { OpenModel } from '../../store/models-slice';
import { IDLE_CHECK } from '../../store/check-slice';
import { CheckOutcome } from './CheckOutcome';
import { OwnDataPicker } from './OwnDataPicker';

/** What the package brings to check against, or what it would need. */
function DataSetsIntro({ names }: { names: readonly string[] }) {
  return names.length > 0 ? (
    <p data-testid="check-sets">
      This package holds {names.length} test data set{names.length === 1 ? '' : 's'} ({names.join(', ')}): inputs, and the outputs the model should give for them. Each is run here and every output compared with its expected value.
    </p>
  ) : (
    <p className="muted" data-testid="check-no-data">
      This package has no test data of its own. A model with its own tests is a folder, <code>.zip</code> or <code>.tar.gz</code> (the ONNX Model Zoo’s format) holding <code>model.onnx</code> beside <code>test_data_set_0/</code>, <code>test_data_set_1/</code>…, each with <code>input_K.pb</code> and the expected{' '}
      <code>output_K.pb</code> (K = the position of the model’s input or output), as ONNX’s own backend tests are laid out. Or give your own inputs and expected outputs below.
    </p>
  );
}

/** Run the package's own test data sets and see whether the outputs are what they should be, on each backend. */
export function CheckTab({ model }: { model: OpenModel }) {
  const actions = useCheckActions();
  const state = useAppState((s) => s.checks[model.id]) ?? IDLE_CHECK;
  const gpu = useAppState((s) => s.capabilities?.webgpu) ?? null;
  const found = useMemo(() => findTestDataSets(model.pkg.files), [model.pkg.files]);
  const [backends, setBackends] = useState<readonly BackendId[]>(['wasm']);
  const [rtol, setRtol] = useState(String(DEFAULT_TOLERANCE.rtol));
  const [atol, setAtol] = useState(String(DEFAULT_TOLERANCE.atol));
  const tolerance = parseTolerance(rtol, atol);
  const running = state.status === 'running';
  // WASM first: the agreement's baseline.
  const toggle = (backend: BackendId, on: boolean): void => setBackends((b) => (['wasm', 'webgpu'] as const).filter((x) => (x === backend ? on : b.includes(x))));

  const sets = found?.sets ?? [];
  return (
    <section className="panel" aria-labelledby="check-title">
      <h3 id="check-title">Check outputs</h3>
      <DataSetsIntro names={sets.map((x) => x.name)} />
      <form
        className="check-form"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.startCheck(model.id, { backends, rtol, atol });
        }}
      >
        <fieldset disabled={running}>
          <legend>Backends</legend>
          <div className="choice-row">
            <label className="field-inline">
              <input type="checkbox" checked={backends.includes('wasm')} onChange={(e) => toggle('wasm', e.target.checked)} /> WASM
            </label>
            <label className="field-inline">
              <input type="checkbox" checked={backends.includes('webgpu') && (gpu?.available ?? false)} disabled={!gpu?.available} onChange={(e) => toggle('webgpu', e.target.checked)} /> WebGPU
            </label>
          </div>
          <p className="muted">
            {gpu?.available ? `WebGPU adapter: ${gpu.vendor} ${gpu.architecture}${gpu.software ? ' (a software emulation, not a GPU)' : ''}.` : `WebGPU is not available here${gpu ? `: ${gpu.reason}` : ''}.`} With both ticked, their outputs are also compared with each other.
          </p>
        </fieldset>
        <fieldset disabled={running}>
          <legend>Tolerance (floats)</legend>
          <div className="form-grid">
            <label>
              rtol (relative)
              <input type="text" inputMode="decimal" value={rtol} onChange={(e) => setRtol(e.target.value)} />
            </label>
            <label>
              atol (absolute)
              <input type="text" inputMode="decimal" value={atol} onChange={(e) => setAtol(e.target.value)} />
            </label>
          </div>
          <p className="muted" data-testid="tolerance-rule">
            {tolerance.ok ? `Rule: ${toleranceRule(tolerance.value)}.` : tolerance.error.message} The defaults are ONNX’s own backend-test tolerance.
          </p>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={running || backends.length === 0 || !tolerance.ok || sets.length === 0}>
            Check outputs
          </button>
          {state.status === 'done' && (
            <button type="button" className="button" onClick={() => actions.downloadReport(model.id)}>
              Download report (JSON)
            </button>
          )}
        </div>
        <OwnDataPicker disabled={running || backends.length === 0 || !tolerance.ok} onCheck={(files) => void actions.startCheck(model.id, { backends, rtol, atol, files })} />
      </form>
      <CheckOutcome modelId={model.id} state={state} />
    </section>
  );
}
