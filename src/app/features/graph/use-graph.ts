import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphError } from '../../../core/graph/graph-error';
import type { GraphModel } from '../../../core/graph/graph-model';
import { graphView, type GraphView, type ViewOptions } from '../../../core/graph/graph-view';
import { MAX_LAYOUT_BOXES, type GraphLayout } from '../../../core/graph/layout';
import { GraphWorkerClient } from './graph-worker-client';

export type GraphState =
  | { readonly status: 'reading' }
  | { readonly status: 'failed'; readonly error: GraphError; readonly model: GraphModel | null }
  | { readonly status: 'laying-out'; readonly model: GraphModel; readonly view: GraphView; readonly boxes: number }
  | { readonly status: 'cancelled'; readonly model: GraphModel; readonly view: GraphView }
  | { readonly status: 'ready'; readonly model: GraphModel; readonly view: GraphView; readonly layout: GraphLayout; readonly ms: number };

/**
 * Reads the model's graph and lays out what the options show, both in the graph worker.
 * A new layout replaces one in flight; `cancel` ends the worker (a fresh one starts on the next request).
 */
export function useGraph(bytes: Uint8Array, options: ViewOptions): { state: GraphState; cancel: () => void; retry: () => void } {
  const client = useMemo(() => new GraphWorkerClient(), []);
  const [model, setModel] = useState<GraphModel | null>(null);
  const [state, setState] = useState<GraphState>({ status: 'reading' });
  const [attempt, setAttempt] = useState(0);
  const request = useRef(0);
  useEffect(() => () => client.stop(), [client]);

  useEffect(() => {
    let live = true;
    void client.build(bytes).then((result) => {
      if (!live) return;
      if (result.ok) setModel(result.value);
      else setState({ status: 'failed', error: result.error, model: null });
    });
    return () => {
      live = false;
    };
  }, [client, bytes]);

  const expandedKey = options.expanded.join('\n');
  useEffect(() => {
    if (!model) return;
    const view = graphView(model, { expanded: expandedKey ? expandedKey.split('\n') : [], showWeights: options.showWeights });
    if (view.nodes.length > MAX_LAYOUT_BOXES) {
      setState({
        status: 'failed',
        model,
        error: { code: 'graph-too-large', message: `This view has ${view.nodes.length.toLocaleString('en-US')} boxes; the graph view lays out at most ${MAX_LAYOUT_BOXES.toLocaleString('en-US')}.`, hint: 'Close open subgraphs. Search and the node panel still work.' },
      });
      return;
    }
    const mine = ++request.current;
    setState({ status: 'laying-out', model, view, boxes: view.nodes.length });
    void client.layout(view).then((result) => {
      if (mine !== request.current) return;
      setState(result.ok ? { status: 'ready', model, view, layout: result.value.layout, ms: result.value.ms } : { status: 'failed', error: result.error, model });
    });
  }, [client, model, expandedKey, options.showWeights, attempt]);

  const cancel = (): void => {
    request.current += 1;
    client.stop();
    if (state.status === 'laying-out') setState({ status: 'cancelled', model: state.model, view: state.view });
  };
  return { state, cancel, retry: () => setAttempt((a) => a + 1) };
}
