import { graphSvg, type SvgPalette } from '../../../core/graph/graph-svg';
import type { GraphView } from '../../../core/graph/graph-view';
import type { GraphLayout } from '../../../core/graph/layout';
import type { Overlay } from '../../../core/graph/overlays';
import { saveBlob } from '../../ui/save-file';

const TONES = ['heat-0', 'heat-1', 'heat-2', 'heat-3', 'heat-4', 'gpu', 'cpu', 'muted'] as const;
/** Browsers refuse canvases much larger than this on a side. */
const MAX_CANVAS_SIDE = 16_384;

/** The page's current theme colours (CSS custom properties on the graph's container). */
export function paletteOf(element: Element): SvgPalette {
  const style = getComputedStyle(element);
  const v = (name: string): string => style.getPropertyValue(name).trim() || '#888888';
  return {
    background: v('--bg'),
    text: v('--fg'),
    muted: v('--muted'),
    border: v('--border'),
    edge: v('--graph-edge'),
    node: v('--graph-node'),
    io: v('--graph-io'),
    copy: v('--graph-copy'),
    tones: Object.fromEntries(TONES.map((t) => [t, { fill: v(`--tone-${t}`), text: v(`--tone-${t}-text`) }])),
  };
}

export function downloadSvg(fileName: string, view: GraphView, layout: GraphLayout, overlay: Overlay | null, palette: SvgPalette, title: string): void {
  saveBlob(fileName, new Blob([graphSvg(view, layout, overlay, palette, title)], { type: 'image/svg+xml' }));
}

/** Draws the SVG on a canvas (scaled down to fit the browser's canvas limit) and offers it as a PNG. */
export async function downloadPng(fileName: string, view: GraphView, layout: GraphLayout, overlay: Overlay | null, palette: SvgPalette, title: string): Promise<string | null> {
  const svg = graphSvg(view, layout, overlay, palette, title);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 1);
  const height = Number(size?.[2] ?? 1);
  const scale = Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) return 'This browser gave no 2D canvas to draw the PNG on.';
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return 'The graph is too large for a PNG here: download the SVG instead.';
    saveBlob(fileName, blob);
    return scale < 1 ? `The PNG is scaled to ${Math.round(scale * 100)} % to fit the browser’s canvas limit; the SVG keeps full size.` : null;
  } catch (thrown) {
    return `The PNG could not be made (${thrown instanceof Error ? thrown.message : String(thrown)}): download the SVG instead.`;
  } finally {
    URL.revokeObjectURL(url);
  }
}
