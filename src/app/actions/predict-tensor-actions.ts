import type { HostTensor } from '../../core/schema/host-tensor';
import { randomInput } from '../../core/model/starting-values';
import { isRandomFill, randomFill } from '../../core/schema/random-fill';
import type { AppStore } from '../store/app-store';
import type { ReadyModel } from '../store/models-slice';
import type { PredictState, TensorDraft } from '../store/predict-slice';
import type { TensorReading } from '../../core/tensors/read-tensor-files';
import type { PredictRuntime } from './predict-actions';

/** Filling inputs as tensors: sizes, JSON, tensors read from files, random values, pictures and drawings. */
export interface TensorActions {
  setDim(id: string, name: string, value: number): void;
  setTensorText(id: string, input: string, text: string): void;
  randomizeTensor(id: string, input: string): void;
  setImage(id: string, input: string, rgba: Uint8ClampedArray, width: number, height: number, source: string): void;
  /** Tensors read from files (checked against the model): each becomes its input's values, and the data's sizes its symbolic dimensions. */
  takeTensorReading(id: string, reading: TensorReading): void;
}

interface Context {
  readonly store: AppStore;
  readonly runtime: () => Promise<PredictRuntime>;
  /** The runtime once loaded (the Predict tab loads it before showing these controls). */
  readonly loaded: () => PredictRuntime | null;
  readonly modelOf: (id: string) => ReadyModel | undefined;
  readonly stateOf: (id: string) => PredictState | undefined;
  readonly expectedDims: (model: ReadyModel, shape: readonly (number | string)[] | null) => number[];
  readonly draftOf: (tensor: HostTensor, source: string, extra?: Partial<TensorDraft>) => TensorDraft;
  readonly recheck: (id: string) => void;
}

export function createTensorActions({ store, loaded, modelOf, stateOf, expectedDims, draftOf, recheck }: Context): TensorActions {
  const { getState } = store;
  /** Random values for an input at its current size: image pixels over their scale; other inputs what random means for their role (a mask stays ones, token ids within the vocabulary). */
  const randomDraft = (model: ReadyModel, spec: ReadyModel['facts']['signature']['inputs'][number], scale: PredictState['pixelScales'][string] | undefined, rt: PredictRuntime | null): TensorDraft => {
    const dims = expectedDims(model, spec.shape);
    const { tensor, source } = scale ? randomFill(spec.dtype, dims, scale, Math.random) : randomInput(spec, dims, model.facts.tokenIds, Math.random);
    return draftOf(tensor, source, { preview: spec.image && scale && rt ? rt.tensorPreview(tensor, spec.image, scale) : null });
  };
  return {
    setDim(id, name, value) {
      getState().setDim(id, name, value);
      const s = stateOf(id);
      const model = modelOf(id);
      if (!s || !model) return;
      // Random inputs are redrawn at the new size (image pixels over their scale); the others are checked against it.
      const rt = loaded();
      const tensors = { ...s.tensors };
      for (const input of model.facts.signature.inputs) {
        const current = tensors[input.name];
        if (current && isRandomFill(current.source) && input.shape?.includes(name)) {
          tensors[input.name] = randomDraft(model, input, s.pixelScales[input.name], rt);
        }
      }
      getState().updatePredict(id, { tensors });
      recheck(id);
    },
    setTensorText(id, input, text) {
      const rt = loaded();
      const s = stateOf(id);
      const model = modelOf(id);
      const spec = model?.facts.signature.inputs.find((i) => i.name === input);
      if (!s || !model || !spec || !rt) return;
      const made = rt.tensorFromJsonText(text, spec, expectedDims(model, spec.shape));
      const scale = s.pixelScales[input];
      const draft: TensorDraft = made.ok
        ? { tensor: made.value, source: 'typed JSON', text, error: null, imageNote: null, preview: spec.image && scale ? rt.tensorPreview(made.value, spec.image, scale) : null }
        : { tensor: null, source: 'typed JSON', text, error: made.error.message, imageNote: null, preview: null };
      getState().updatePredict(id, { tensors: { ...s.tensors, [input]: draft }, fillNote: null });
      recheck(id);
    },
    randomizeTensor(id, input) {
      const rt = loaded();
      const s = stateOf(id);
      const model = modelOf(id);
      const spec = model?.facts.signature.inputs.find((i) => i.name === input);
      if (!s || !model || !spec || !rt) return;
      getState().updatePredict(id, { tensors: { ...s.tensors, [input]: randomDraft(model, spec, s.pixelScales[input], rt) }, fillNote: null });
      recheck(id);
    },
    takeTensorReading(id, reading) {
      const rt = loaded();
      const s = stateOf(id);
      const model = modelOf(id);
      if (!s || !model) return;
      for (const [name, size] of Object.entries(reading.dims)) getState().setDim(id, name, size);
      const tensors = { ...s.tensors };
      for (const read of reading.summary) {
        const tensor = reading.tensors[read.name]!;
        const spec = model.facts.signature.inputs.find((i) => i.name === read.name);
        const scale = s.pixelScales[read.name];
        tensors[read.name] = draftOf(tensor, read.source, { preview: spec?.image && scale && rt ? rt.tensorPreview(tensor, spec.image, scale) : null });
      }
      getState().updatePredict(id, { tensors, fillNote: null });
      recheck(id);
    },
    setImage(id, input, rgba, width, height, source) {
      const rt = loaded();
      const s = stateOf(id);
      const spec = modelOf(id)?.facts.signature.inputs.find((i) => i.name === input);
      const scale = s?.pixelScales[input];
      if (!s || !spec?.image || !scale || !rt) return;
      const { tensor, preview } = rt.imageToTensor(rgba, width, height, spec.image, spec.dtype === 'unknown' ? 'float32' : spec.dtype, scale);
      getState().updatePredict(id, {
        tensors: { ...s.tensors, [input]: draftOf(tensor, source, { preview, imageNote: rt.describeImageMapping(spec.image, width, height, scale, tensor.dtype) }) },
        fillNote: null,
      });
      recheck(id);
    },
  };
}
