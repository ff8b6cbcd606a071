import { useMemo } from 'react';
import { configKey, configLabel, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import type { GraphModel } from '../../../core/graph/graph-model';
import { bindingsFromProfile, workByNode } from '../../../core/graph/node-work';
import { placementOverlay, timeOverlay, workOverlay, type Overlay, type OverlayKind } from '../../../core/graph/overlays';
import { graphProfileOf, type GraphProfile } from '../../../core/graph/profile-overlay';
import type { WorkEstimate } from '../../../core/graph/work-estimate';
import type { ConfigProfile } from '../../../core/profile/config-profile';

export interface LabelledProfile {
  readonly key: string;
  readonly label: string;
  readonly profile: GraphProfile;
}

export interface GraphOverlays {
  readonly profiles: readonly LabelledProfile[];
  /** The configuration the time and work overlays use. */
  readonly chosen: LabelledProfile | null;
  /** The WebGPU profile, for the placement overlay. */
  readonly webgpu: LabelledProfile | null;
  /** Symbolic dims as the work estimates bind them. */
  readonly bindings: Readonly<Record<string, number>>;
  readonly work: Readonly<Record<string, WorkEstimate>>;
  readonly overlay: Overlay | null;
  /** Why the overlay asked for cannot be shown, when it cannot. */
  readonly unavailable: string | null;
}

/** Every symbolic dim of the graph's inputs, bound to the Run tab's choice or 1. */
function runTabBindings(model: GraphModel, dims: Readonly<Record<string, number>>): Record<string, number> {
  const bindings: Record<string, number> = {};
  for (const t of Object.values(model.tensors)) for (const d of t.shape ?? []) if (typeof d === 'string') bindings[d] = dims[d] ?? 1;
  return bindings;
}

/** The Speed tab's last profile laid onto the graph, the work estimates, and the overlay asked for. */
export function useGraphOverlays(model: GraphModel | null, profiles: readonly ConfigProfile[] | undefined, adapter: WebGpuAdapterInfo | null, dims: Readonly<Record<string, number>>, kind: OverlayKind, profileKey: string | null): GraphOverlays {
  const laid = useMemo(() => (model ? (profiles ?? []).map((p) => ({ key: configKey(p), label: configLabel(p, adapter), profile: graphProfileOf(model, p) })) : []), [model, profiles, adapter]);
  const chosen = laid.find((p) => p.key === profileKey) ?? laid[0] ?? null;
  const webgpu = laid.find((p) => p.profile.backend === 'webgpu') ?? null;
  const bindings = useMemo(() => (model ? (chosen ? bindingsFromProfile(model, chosen.profile.shapes, runTabBindings(model, dims)) : runTabBindings(model, dims)) : {}), [model, chosen, dims]);
  const work = useMemo(() => (model ? workByNode(model, bindings, chosen?.profile.shapes) : {}), [model, bindings, chosen]);
  const result = useMemo((): { overlay: Overlay | null; unavailable: string | null } => {
    if (!model || kind === 'none') return { overlay: null, unavailable: null };
    if (kind === 'work') return { overlay: workOverlay(model, work, chosen?.profile ?? null, chosen?.label ?? null), unavailable: null };
    if (kind === 'time') return chosen ? { overlay: timeOverlay(model, chosen.profile, chosen.label), unavailable: null } : { overlay: null, unavailable: 'No profile yet: press Profile in the Speed tab, then come back.' };
    return webgpu ? { overlay: placementOverlay(model, webgpu.profile), unavailable: null } : { overlay: null, unavailable: 'No WebGPU profile yet: profile on WebGPU in the Speed tab to see where each node runs.' };
  }, [model, kind, work, chosen, webgpu]);
  return { profiles: laid, chosen, webgpu, bindings, work, ...result };
}
