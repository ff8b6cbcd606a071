import type { RefObject } from 'react';
import { netronAttachment } from '../../../core/graph/netron-attachment';
import type { GraphViewState } from '../../store/graph-slice';
import { saveJson } from '../../ui/save-file';
import { downloadPng, downloadSvg, paletteOf } from './graph-download';
import type { GraphState } from './use-graph';
import type { GraphOverlays } from './use-graph-overlays';

export type GraphExportKind = 'svg' | 'png' | 'netron';

/** Saves the laid-out graph as SVG or PNG (in the page's colours), or the measurements as a Netron attachment; says what it saved in the view's note. */
export function useGraphExport(
  packageName: string,
  state: GraphState,
  overlays: GraphOverlays,
  container: RefObject<HTMLDivElement | null>,
  setView: (change: Partial<GraphViewState>) => void,
): (kind: GraphExportKind) => Promise<void> {
  return async (kind) => {
    if (state.status !== 'ready') return;
    const base = packageName.replace(/[^\w.-]+/g, '_');
    if (kind === 'netron') {
      const { attachment, skippedUnnamed } = netronAttachment(state.model, overlays.profiles, overlays.work, `${packageName}, measured by ONNX Playground`);
      saveJson(`${base}.attachment.json`, attachment);
      setView({ note: `Saved ${base}.attachment.json: open the model in Netron, then drop this file onto it.${skippedUnnamed > 0 ? ` ${skippedUnnamed} unnamed nodes are left out (Netron finds nodes by name).` : ''}` });
      return;
    }
    const palette = paletteOf(container.current ?? document.documentElement);
    const title = `${packageName}${overlays.overlay ? ` — ${overlays.overlay.legend.title}` : ''}`;
    if (kind === 'svg') downloadSvg(`${base}.svg`, state.view, state.layout, overlays.overlay, palette, title);
    else setView({ note: await downloadPng(`${base}.png`, state.view, state.layout, overlays.overlay, palette, title) });
  };
}
