import { symbolicDims } from '../../../core/schema/host-tensor';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictState } from '../../store/predict-slice';
import { formatShape } from '../../ui/format';
import { InputFilesPanel } from '../tensor-files/InputFilesPanel';
import { DimensionOrigin } from './DimensionOrigin';
import { DrawPad } from './DrawPad';
import { PixelPreview } from './PixelPreview';

/** Files for every input or for one (read with the core readers), then per input: symbolic sizes, JSON, random values, or (for images) a picture or a drawing. */
export function TensorInputs({ model, state }: { model: ReadyModel; state: PredictState }) {
  const actions = usePredictActions();
  const { inputs } = model.facts.signature;
  const dims = symbolicDims(inputs);
  return (
    <div className="tensor-inputs">
      <details className="input-files-details" open>
        <summary>From files</summary>
        <InputFilesPanel model={model} place="predict" />
      </details>
      {dims.length > 0 && (
        <fieldset className="dims">
          <legend>Sizes of the symbolic dimensions</legend>
          {dims.map((name) => (
            <label key={name} className="field-inline">
              <code>{name}</code>
              <input
                type="number"
                min={1}
                max={4096}
                value={model.dims[name] ?? 1}
                onChange={(e) => actions.setDim(model.id, name, Math.max(1, Math.floor(Number(e.target.value)) || 1))}
              />
              <DimensionOrigin model={model} name={name} />
            </label>
          ))}
        </fieldset>
      )}
      {inputs.map((input) => {
        const draft = state.tensors[input.name];
        const scale = state.pixelScales[input.name];
        return (
          <fieldset key={input.name} className="tensor-input">
            <legend>
              <code>{input.name}</code> {input.dtype} {formatShape(input.shape)}
            </legend>
            <p className="muted">
              {draft?.tensor ? `Now: ${draft.source}, shape [${draft.tensor.dims.join(', ')}].` : 'No values yet.'}
            </p>
            {input.image && scale && (
              <div className="image-input">
                <DrawPad
                  label={`Drawing area for ${input.name}: draw with the mouse, a finger or a pen`}
                  onDrawn={(rgba, w, h) => actions.setImage(model.id, input.name, rgba, w, h, 'your drawing')}
                  onImage={(rgba, w, h, name) => actions.setImage(model.id, input.name, rgba, w, h, name)}
                />
                {draft?.preview && <PixelPreview preview={draft.preview} width={input.image.width} height={input.image.height} label={`What the model sees for ${input.name}`} />}
              </div>
            )}
            {input.image && scale && (
              <p className="muted" data-testid="image-mapping">
                {draft?.imageNote ??
                  `A picture or drawing is resized to ${input.image.width}×${input.image.height} by averaging, ${input.image.channels === 1 ? 'converted to grey' : 'kept in colour'}, and scaled so that ${scale.ink ? `dark ink = ${scale.max}, blank = ${scale.min}` : `white = ${scale.max}, black = ${scale.min}`} (${scale.source}).`}
              </p>
            )}
            <div className="button-row">
              <button type="button" className="button" onClick={() => actions.randomizeTensor(model.id, input.name)}>
                Random {input.dtype} values
              </button>
            </div>
            {draft && draft.text !== '' ? (
              <label className="tensor-json">
                Values of {input.name} as JSON (nested arrays)
                <textarea spellCheck={false} rows={Math.min(12, draft.text.split('\n').length + 1)} value={draft.text} onChange={(e) => actions.setTensorText(model.id, input.name, e.target.value)} />
              </label>
            ) : (
              draft?.tensor && <p className="muted">Too many values to edit as text ({draft.tensor.data.length.toLocaleString('en-US')}): give a file above or use random values.</p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
