import type { ProfiledShape } from '../protocol/profile';
import { tensorIn, type GraphModel } from './graph-model';
import { shapeText } from './graph-view';

/** An edge's label: the tensor's name with the shape a profiled run saw, else the declared or inferred one, else the name alone. */
export function edgeLabel(model: GraphModel | null, profiled: Readonly<Record<string, ProfiledShape>> | undefined, tensor: string, group: string | null): string {
  const seen = profiled?.[tensor];
  if (seen) return `${tensor} · ${seen.dtype}[${seen.dims.join(', ')}]`;
  const t = model ? tensorIn(model, group, tensor) : null;
  return t ? `${tensor} · ${t.dtype}${shapeText(t.shape)}` : tensor;
}
