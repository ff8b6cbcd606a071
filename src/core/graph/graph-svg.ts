import { BOX, type GraphView, type ViewNode } from './graph-view';
import type { GraphLayout, Point } from './layout';
import type { Overlay } from './overlays';

/** Colours for the export, read from the page's theme so that the file looks like the screen. */
export interface SvgPalette {
  readonly background: string;
  readonly text: string;
  readonly muted: string;
  readonly border: string;
  readonly edge: string;
  readonly node: string;
  readonly io: string;
  readonly copy: string;
  /** Fill and text colour per overlay tone (heat-0…heat-4, gpu, cpu, muted). */
  readonly tones: Readonly<Record<string, { readonly fill: string; readonly text: string }>>;
}

const MARGIN = 24;
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** Text for XML: model-supplied names never become markup. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function clipText(text: string, width: number): string {
  const max = Math.max(4, Math.floor((width - 2 * BOX.padding) / BOX.charWidth));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function box(node: ViewNode, at: { x: number; y: number; width: number; height: number }, overlay: Overlay | null, p: SvgPalette): string {
  if (node.kind === 'group') {
    return `<g><rect x="${at.x}" y="${at.y}" width="${at.width}" height="${at.height}" rx="8" fill="none" stroke="${p.border}" stroke-dasharray="6 4"/><text x="${at.x + 12}" y="${at.y + 22}" fill="${p.muted}" font-size="12">${escapeXml(clipText(node.text.title, at.width))}</text></g>`;
  }
  const tone = node.kind === 'op' && overlay ? overlay.nodes[node.id] : undefined;
  const colours = tone ? p.tones[tone.tone] : undefined;
  const fill = colours?.fill ?? (node.kind === 'op' ? p.node : p.io);
  const ink = colours?.text ?? p.text;
  const lines: string[] = [];
  let y = at.y + BOX.padding + 12;
  lines.push(`<text x="${at.x + BOX.padding}" y="${y}" fill="${ink}" font-size="13" font-weight="600">${escapeXml(clipText(node.text.title, at.width))}</text>`);
  y += BOX.titleHeight - 2;
  for (const line of [node.text.subtitle, ...node.text.lines]) {
    if (line === null) continue;
    lines.push(`<text x="${at.x + BOX.padding}" y="${y}" fill="${ink}" font-size="11">${escapeXml(clipText(line, at.width))}</text>`);
    y += BOX.lineHeight;
  }
  if (tone) lines.push(`<text x="${at.x + BOX.padding}" y="${y}" fill="${ink}" font-size="11" font-style="italic">${escapeXml(clipText(tone.badge, at.width))}</text>`);
  const radius = node.kind === 'op' ? 6 : 16;
  return `<g><rect x="${at.x}" y="${at.y}" width="${at.width}" height="${at.height}" rx="${radius}" fill="${fill}" stroke="${p.border}"/>${lines.join('')}</g>`;
}

const path = (points: readonly Point[]): string => points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${pt.x.toFixed(1)},${pt.y.toFixed(1)}`).join(' ');

/** The laid-out graph as a standalone SVG document, with the overlay's colours and legend. */
export function graphSvg(view: GraphView, layout: GraphLayout, overlay: Overlay | null, palette: SvgPalette, title: string): string {
  const legendLines = overlay ? 1 + overlay.legend.items.length + overlay.legend.notes.length : 0;
  const legendHeight = legendLines * 18 + (overlay ? 16 : 0);
  const width = Math.ceil(layout.width + 2 * MARGIN);
  const height = Math.ceil(layout.height + 2 * MARGIN + legendHeight);
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${FONT}'>`);
  parts.push(`<title>${escapeXml(title)}</title>`);
  parts.push(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${palette.edge}"/></marker></defs>`);
  parts.push(`<rect width="100%" height="100%" fill="${palette.background}"/>`);
  parts.push(`<g transform="translate(${MARGIN},${MARGIN})">`);
  const ordered = [...view.nodes].sort((a, b) => (a.kind === 'group' ? 0 : 1) - (b.kind === 'group' ? 0 : 1));
  for (const node of ordered.filter((n) => n.kind === 'group')) {
    const at = layout.boxes[node.id];
    if (at) parts.push(box(node, at, overlay, palette));
  }
  for (const edge of view.edges) {
    const route = layout.routes[edge.id];
    if (!route || route.length < 2) continue;
    const copy = overlay?.edges[edge.id];
    const stroke = copy ? palette.copy : palette.edge;
    parts.push(`<path d="${path(route)}" fill="none" stroke="${stroke}" stroke-width="${copy ? 3 : 1.2}"${edge.tensor === null ? ' stroke-dasharray="4 4"' : ''} marker-end="url(#arrow)"/>`);
    if (copy) {
      const mid = route[Math.floor(route.length / 2)]!;
      parts.push(`<text x="${mid.x + 6}" y="${mid.y}" fill="${palette.copy}" font-size="11" font-weight="600">${escapeXml(copy)}</text>`);
    }
  }
  for (const node of ordered.filter((n) => n.kind !== 'group')) {
    const at = layout.boxes[node.id];
    if (at) parts.push(box(node, at, overlay, palette));
  }
  parts.push('</g>');
  if (overlay) {
    let y = layout.height + 2 * MARGIN + 16;
    parts.push(`<text x="${MARGIN}" y="${y}" fill="${palette.text}" font-size="13" font-weight="600">${escapeXml(overlay.legend.title)}</text>`);
    for (const item of overlay.legend.items) {
      y += 18;
      const swatch = item.tone === 'copy' ? palette.copy : (palette.tones[item.tone]?.fill ?? palette.node);
      parts.push(`<rect x="${MARGIN}" y="${y - 11}" width="14" height="14" fill="${swatch}" stroke="${palette.border}"/><text x="${MARGIN + 22}" y="${y}" fill="${palette.text}" font-size="12">${escapeXml(item.label)}</text>`);
    }
    for (const note of overlay.legend.notes) {
      y += 18;
      parts.push(`<text x="${MARGIN}" y="${y}" fill="${palette.muted}" font-size="12">${escapeXml(note)}</text>`);
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}
