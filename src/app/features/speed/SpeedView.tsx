import { useAppState } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { MemoryPanel } from './MemoryPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileResults } from './ProfileResults';
import { SpeedProgress } from './SpeedProgress';
import { TunerForm } from './TunerForm';
import { TunerResult } from './TunerResult';

/** The Speed tab: why this model is as fast as it is here, and which setup is fastest. */
export function SpeedView({ model }: { model: OpenModel }) {
  const profiles = useAppState((s) => s.speedProfiles[model.id]);
  const tune = useAppState((s) => s.tuneRuns[model.id]);
  const message = useAppState((s) => s.speedMessage);
  const gpu = useAppState((s) => s.capabilities?.webgpu);
  const adapter = gpu?.available ? { vendor: gpu.vendor, architecture: gpu.architecture, software: gpu.software } : null;
  return (
    <div className="benchmark speed">
      <ProfileForm model={model} />
      <SpeedProgress modelId={model.id} />
      <p role="status" className="muted" data-testid="speed-status">
        {message}
      </p>
      {profiles && profiles.length > 0 && <ProfileResults profiles={profiles} adapter={adapter} />}
      <MemoryPanel modelBytes={model.pkg.model.bytes.length} profiles={profiles ?? []} adapter={adapter} />
      <TunerForm model={model} />
      {tune && <TunerResult run={tune} />}
    </div>
  );
}
