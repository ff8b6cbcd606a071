import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictState } from '../../store/predict-slice';
import { FeatureField } from './FeatureField';

/** One field per feature, in the package's order. */
export function TabularForm({ model, state }: { model: ReadyModel; state: PredictState }) {
  const actions = usePredictActions();
  const issues = state.check?.issues ?? [];
  const { features } = model.facts.signature;
  return (
    <div className={features.length > 16 ? 'feature-form many' : 'feature-form'} data-testid="feature-form">
      {features.map((feature) => (
        <FeatureField
          key={feature.name}
          id={`${model.id}-${feature.name}`}
          feature={feature}
          value={state.values[feature.name] ?? ''}
          issues={issues.filter((i) => i.field === feature.name)}
          onChange={(value) => actions.setValue(model.id, feature.name, value)}
        />
      ))}
    </div>
  );
}
