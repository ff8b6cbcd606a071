import { readFileSync } from 'node:fs';
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { searchGraph } from './graph-search';
import { escapeXml, graphSvg, type SvgPalette } from './graph-svg';
import type { GraphModel } from './graph-model';
import { graphView } from './graph-view';
import { fromElkGraph, toElkGraph, type ElkNodeJson } from './layout';
import { netronAttachment } from './netron-attachment';
import { workByNode } from './node-work';
import type { GraphProfile } from './profile-overlay';
import { encodeModel, graphFrom, tensorType } from './test-models.fixture';

const digits = (): GraphModel => graphFrom(readFileSync('public/examples/digits-cnn/model.onnx'));

async function layout(model: GraphModel, expanded: string[] = []) {
  const view = graphView(model, { expanded, showWeights: true });
  const laid = (await new ELK().layout(toElkGraph(view) as never)) as unknown as ElkNodeJson;
  return { view, layout: fromElkGraph(laid) };
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('graph layout through ELK', () => {
  it('places every box without overlap and routes every edge from source to target', async () => {
    const model = digits();
    const { view, layout: laid } = await layout(model);
    const boxes = view.nodes.map((n) => laid.boxes[n.id]!);
    expect(boxes.every(Boolean)).toBe(true);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${view.nodes[i]!.id} / ${view.nodes[j]!.id}`).toBe(false);
    for (const edge of view.edges) {
      const route = laid.routes[edge.id]!;
      const from = laid.boxes[edge.source]!;
      const to = laid.boxes[edge.target]!;
      // Top to bottom: the line leaves the source's bottom edge and enters the target's top edge.
      expect(route[0]!.y).toBeCloseTo(from.y + from.height, 0);
      expect(route.at(-1)!.y).toBeCloseTo(to.y, 0);
    }
  });

  it('draws an open subgraph as a box around its own nodes', async () => {
    const body = { name: 'b', node: [{ opType: 'Relu', name: 'inner', input: ['x'], output: ['o'] }], output: [{ name: 'o', type: tensorType([2]) }] };
    const model = graphFrom(
      encodeModel({
        node: [
          { opType: 'Greater', name: 'cmp', input: ['x', 'x'], output: ['c'] },
          { opType: 'If', name: 'branch', input: ['c'], output: ['y'], attribute: [{ name: 'then_branch', type: 5, g: body }, { name: 'else_branch', type: 5, g: { ...body, node: [{ ...body.node[0], name: 'inner2' }] } }] },
        ],
        input: [{ name: 'x', type: tensorType([2]) }],
        output: [{ name: 'y', type: tensorType([2]) }],
      }),
    );
    const closed = await layout(model);
    expect(closed.view.nodes.some((n) => n.id === 'n1/then_branch/n0')).toBe(false);
    const open = await layout(model, ['n1/then_branch']);
    const group = open.layout.boxes['n1/then_branch']!;
    const inner = open.layout.boxes['n1/then_branch/n0']!;
    expect(inner.x).toBeGreaterThanOrEqual(group.x);
    expect(inner.y + inner.height).toBeLessThanOrEqual(group.y + group.height);
    expect(open.view.edges.some((e) => e.source === 'n1' && e.target === 'n1/then_branch')).toBe(true);
  });
});

describe('search', () => {
  it('finds nodes by operator type, name and tensor name', () => {
    const model = digits();
    // Both Conv nodes by type first, then the Relus that read a tensor named …/Conv_output_0.
    expect(searchGraph(model, 'conv').hits.map((h) => h.why)).toEqual(['op type', 'op type', 'tensor', 'tensor']);
    expect(searchGraph(model, 'features.4').hits[0]).toMatchObject({ why: 'name', label: 'MaxPool “/features/features.4/MaxPool”' });
    const byTensor = searchGraph(model, 'pixels').hits;
    expect(byTensor.map((h) => h.id)).toContain('in:pixels');
    expect(searchGraph(model, '   ').total).toBe(0);
  });
});

describe('exports', () => {
  it('writes Netron’s attachment: signature, model items with an empty target, node metrics by node name', () => {
    const model = digits();
    const conv = model.nodes.find((n) => n.opType === 'Conv')!;
    const profile: GraphProfile = { key: 'wasm-1', backend: 'wasm', batchSize: 1, byNode: { [conv.id]: { ms: 0.5, clock: 'cpu', provider: 'CPUExecutionProvider', executedAs: 'FusedConv', profiledName: conv.name } }, fusedInto: {}, unmatched: [], slowest: null, shapes: {}, placement: {}, copies: [] };
    const work = workByNode(model, { batch: 1 });
    const { attachment } = netronAttachment(model, [{ label: 'WASM · 1 thread', profile }], work, 'digits-cnn');
    expect(attachment.signature).toBe('netron:attachment');
    expect(attachment.metadata.filter((m) => m.kind === 'model').every((m) => m.target === '')).toBe(true);
    const mine = attachment.metrics.filter((m) => m.target === conv.name);
    // 8 output channels × 8×8 outputs × 1 input channel × 3×3 kernel = 4,608 MACs at batch 1.
    expect(mine.map((m) => [m.name, m.value])).toEqual([
      ['MACs', 4608],
      ['FLOPs (estimated)', 9216],
      ['time ms, WASM · 1 thread', 0.5],
      ['GFLOP/s, WASM · 1 thread', 0.018432],
    ]);
    expect(attachment.metadata).toContainEqual({ kind: 'node', target: conv.name, name: 'ran as, WASM · 1 thread', value: 'FusedConv' });
    // Every target is a node name Netron can match, on one line.
    const names = new Set(model.nodes.map((n) => n.name));
    expect(attachment.metrics.every((m) => names.has(m.target) && !m.name.includes('\n'))).toBe(true);
  });

  it('draws an SVG from the layout positions, escaping model text', async () => {
    const model = digits();
    const { view, layout: laid } = await layout(model);
    const tones = Object.fromEntries(['heat-0', 'heat-1', 'heat-2', 'heat-3', 'heat-4', 'gpu', 'cpu', 'muted'].map((t) => [t, { fill: '#eee', text: '#000' }]));
    const palette: SvgPalette = { background: '#fff', text: '#000', muted: '#555', border: '#999', edge: '#666', node: '#fafafa', io: '#eef', copy: '#c00', tones };
    const svg = graphSvg(view, laid, null, palette, 'digits <cnn>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>digits &lt;cnn&gt;</title>');
    expect((svg.match(/marker-end=/g) ?? []).length).toBe(view.edges.length);
    expect(svg).toContain('/features/features.0/Conv');
    expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });
});
