import type { OpenModel } from '../../store/models-slice';
import { EnvironmentSection } from './EnvironmentSection';
import { FilesSection } from './FilesSection';
import { FindingsSection } from './FindingsSection';
import { MetadataSection } from './MetadataSection';
import { MlModelSection } from './MlModelSection';
import { GraphSection } from './GraphSection';
import { TestSetsSection } from '../check/TestSetsSection';

/** Everything the package says, and whether it agrees with the model. Package text is only ever rendered as text. */
export function InspectView({ model }: { model: OpenModel }) {
  const inspection = model.inspection;
  return (
    <div className="inspect">
      {inspection && <FindingsSection findings={inspection.findings} />}
      <GraphSection model={model} />
      {model.pkg.metadata && <MetadataSection metadata={model.pkg.metadata} />}
      {model.pkg.mlmodel && <MlModelSection mlmodel={model.pkg.mlmodel} signature={inspection?.signature ?? null} />}
      {inspection && inspection.dependencies.length > 0 && <EnvironmentSection inspection={inspection} />}
      <TestSetsSection model={model} />
      <FilesSection model={model} />
      {inspection?.readme && (
        <section className="panel" aria-labelledby="readme-title">
          <h3 id="readme-title">{inspection.readme.path}</h3>
          <pre className="readme">{inspection.readme.text}</pre>
        </section>
      )}
    </div>
  );
}
