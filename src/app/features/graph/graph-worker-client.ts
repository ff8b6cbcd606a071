import { transfer, wrap, type Remote } from 'comlink';
import type { GraphResult } from '../../../core/graph/graph-error';
import type { GraphModel } from '../../../core/graph/graph-model';
import type { GraphView } from '../../../core/graph/graph-view';
import { toElkGraph, type GraphLayout } from '../../../core/graph/layout';
import type { GraphWorkerApi } from './graph.worker';

export interface LaidOut {
  readonly layout: GraphLayout;
  /** Time spent laying out, inside the worker. */
  readonly ms: number;
}

/** One graph worker for one Graph tab: started on demand, ended when the tab closes or a layout is cancelled. */
export class GraphWorkerClient {
  private worker: Worker | null = null;
  private api: Remote<GraphWorkerApi> | null = null;

  private start(): Remote<GraphWorkerApi> {
    if (!this.api) {
      this.worker = new Worker(new URL('./graph.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' });
      this.api = wrap<GraphWorkerApi>(this.worker);
    }
    return this.api;
  }

  /** Reads the graph from a copy of the model's bytes (the copy is transferred, the page keeps its own). */
  build(bytes: Uint8Array): Promise<GraphResult<GraphModel>> {
    const copy = bytes.slice();
    return this.start().build(transfer(copy, [copy.buffer]));
  }

  layout(view: GraphView): Promise<GraphResult<LaidOut>> {
    return this.start().layout(toElkGraph(view));
  }

  /** Ends the worker at once (a long layout stops with it); the next call starts a fresh one. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.api = null;
  }
}
