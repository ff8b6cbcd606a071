import { engineError, type EngineError } from '../../core/protocol/engine-error';
import { trainingHistograms } from '../../core/stats/drift-reference';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { IDLE_DRIFT } from '../store/drift-slice';
import { isReady, type ReadyModel } from '../store/models-slice';
import { roleOf } from '../../core/package/model-package';
import { check, type DriftRuntime, type Reference } from './drift-check';
import type { ModelLifecycle } from './model-lifecycle';

export interface DriftActions {
  /** Settles what the production file will be compared with (the package's evaluation CSV, if any). */
  openDrift(id: string): Promise<void>;
  /** A CSV to compare with when the package has no evaluation set (or to use instead of it). */
  chooseReference(id: string, file: File): Promise<void>;
  /** Reads the production CSV, matches its columns, scores both sets and builds the report. */
  chooseProduction(id: string, file: File): Promise<void>;
  /** Checks the production sample the package ships (shifted on purpose), if it has one and a reference: the drift check in one click. */
  checkProductionSample(id: string): Promise<void>;
  cancelDrift(id: string): void;
}

export interface DriftDeps {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly lifecycle: ModelLifecycle;
}

const NO_REFERENCE = engineError('bad-input', 'There is no reference to compare the production file with: the package has no evaluation CSV and none was picked.', 'Pick a reference CSV (for example the data the model was trained or validated on), then the production CSV again.');

export function createDriftActions({ store, client, lifecycle }: DriftDeps): DriftActions {
  const { getState } = store;
  let runtimePromise: Promise<DriftRuntime> | null = null;
  const runtime = (): Promise<DriftRuntime> => (runtimePromise ??= import('./drift-runtime'));
  const picked = new Map<string, File>();
  const controls = new Map<string, { cancelled: boolean }>();
  lifecycle.onClose((id) => picked.delete(id));
  const modelOf = (id: string): ReadyModel | undefined => {
    const model = getState().models.find((m) => m.id === id);
    return isReady(model) ? model : undefined;
  };

  function referenceOf(model: ReadyModel): Reference | null {
    const own = picked.get(model.id);
    if (own) return { reference: { kind: 'picked', name: own.name }, file: own };
    const evaluation = model.facts.evaluation;
    if (evaluation) return { reference: { kind: 'evaluation', name: evaluation.path }, file: new Blob([evaluation.bytes.slice()], { type: 'text/csv' }) };
    const features = model.facts.signature.features.map((f) => f.name);
    const bins = trainingHistograms(model.pkg.metadata?.raw ?? null, features);
    if (!bins) return null;
    return { reference: { kind: 'training-statistics', name: 'metadata.json', features: features.filter((f) => f in bins) }, bins };
  }

  /** Reads the production CSV, matches its columns, scores both sets and builds the report. */
  async function chooseProduction(id: string, file: File): Promise<void> {
    const model = modelOf(id);
    if (!model || controls.has(id)) return;
    const ref = referenceOf(model);
    const failWith = (error: EngineError): void => {
      getState().notify(error);
      getState().updateDrift(id, { status: 'failed', error: error.message });
    };
    if (!ref) {
      getState().updateDrift(id, { productionName: file.name });
      return failWith(NO_REFERENCE);
    }
    const control = { cancelled: false };
    controls.set(id, control);
    const untrack = lifecycle.track(id, () => (control.cancelled = true));
    getState().updateDrift(id, { ...IDLE_DRIFT, status: 'reading', reference: ref.reference, productionName: file.name });
    try {
      const failed = await check({ id, model, rt: await runtime(), control, store, client }, ref, file);
      // After a cancel (or the model closing), an engine call cut short is not news.
      if (failed && !control.cancelled) failWith(failed);
      else if (failed) getState().updateDrift(id, { status: 'cancelled' });
    } finally {
      controls.delete(id);
      untrack();
    }
  }

  return {
    async openDrift(id) {
      const model = modelOf(id);
      if (model && !getState().drift[id]) getState().updateDrift(id, { ...IDLE_DRIFT, reference: referenceOf(model)?.reference ?? null });
    },
    async chooseReference(id, file) {
      if (!modelOf(id) || controls.has(id)) return;
      picked.set(id, file);
      getState().updateDrift(id, { ...IDLE_DRIFT, reference: { kind: 'picked', name: file.name } });
    },
    chooseProduction,
    async checkProductionSample(id) {
      const model = modelOf(id);
      const sample = model?.pkg.files.find((f) => roleOf(f.path) === 'production-sample');
      if (!model || !sample || !referenceOf(model)) return;
      await chooseProduction(id, new File([sample.bytes.slice()], sample.path.split('/').pop() ?? sample.path, { type: 'text/csv' }));
    },
    cancelDrift(id) {
      const control = controls.get(id);
      if (control) control.cancelled = true;
    },
  };
}
