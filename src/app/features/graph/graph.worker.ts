import { expose } from 'comlink';
import ELK from 'elkjs/lib/elk.bundled.js';
import { buildGraph } from '../../../core/graph/build-graph';
import { graphError, type GraphResult } from '../../../core/graph/graph-error';
import type { GraphModel } from '../../../core/graph/graph-model';
import { fromElkGraph, type ElkNodeJson, type GraphLayout } from '../../../core/graph/layout';

// In a worker, elk.bundled.js also answers ELK's own worker protocol on self.onmessage; this worker speaks comlink only.
self.onmessage = null;
const elk = new ELK();

/** The graph view's worker: reads the model's structure and lays the graph out, off the page's thread. */
export const graphWorkerApi = {
  build(bytes: Uint8Array): GraphResult<GraphModel> {
    return buildGraph(bytes);
  },
  async layout(graph: ElkNodeJson): Promise<GraphResult<{ layout: GraphLayout; ms: number }>> {
    const started = performance.now();
    try {
      const laid = (await elk.layout(graph as never)) as unknown as ElkNodeJson;
      return { ok: true, value: { layout: fromElkGraph(laid), ms: performance.now() - started } };
    } catch (thrown) {
      return { ok: false, error: graphError('layout-failed', `The layout failed: ${thrown instanceof Error ? thrown.message : String(thrown)}.`, 'Close the open subgraphs and try again.') };
    }
  },
};

export type GraphWorkerApi = typeof graphWorkerApi;

expose(graphWorkerApi);
