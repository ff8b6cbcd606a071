import { useAppState } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { GpuFloorPanel } from './GpuFloorPanel';
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
  // The message of the last action shows beside its button, not at the top of the tab; both live regions stay mounted so either is announced.
  const lastKind = useAppState((s) => s.speedLastKind) ?? 'profile';
  const status = (kind: 'profile' | 'tune') => (
    <p role="status" className="muted" data-testid={lastKind === kind ? 'speed-status' : undefined}>
      {lastKind === kind ? message : null}
    </p>
  );
  const gpu = useAppState((s) => s.capabilities?.webgpu);
  const adapter = gpu?.available ? { vendor: gpu.vendor, architecture: gpu.architecture, software: gpu.software } : null;
  return (
    <div className="benchmark speed">
      <ProfileForm model={model} />
      <SpeedProgress modelId={model.id} kind="profile" />
      {status('profile')}
      {profiles && profiles.length > 0 && <ProfileResults profiles={profiles} adapter={adapter} />}
      <GpuFloorPanel model={model} />
      <MemoryPanel modelBytes={model.pkg.model.bytes.length} profiles={profiles ?? []} adapter={adapter} />
      <TunerForm model={model} />
      <SpeedProgress modelId={model.id} kind="tune" />
      {status('tune')}
      {tune && <TunerResult run={tune} />}
    </div>
  );
}
