import type { ReactNode } from 'react';
import { useAppState } from '../../app-context';

/**
 * A node's name (or an operator type, as a search) in a table, as a link to it in the Graph tab:
 * switches the open model to its Graph tab and selects it there. Light on purpose: the graph
 * view itself loads only when its tab opens.
 */
export function JumpToNode({ name, search = false, children }: { name: string; search?: boolean; children: ReactNode }) {
  const modelId = useAppState((s) => s.activeModelId);
  const focusGraph = useAppState((s) => s.focusGraph);
  if (!modelId) return <>{children}</>;
  const label = search ? `Show the ${name} nodes in the graph` : `Show ${name} in the graph`;
  return (
    <button type="button" className="jump-link" aria-label={label} title={label} onClick={() => focusGraph(modelId, search ? { kind: 'search', query: name } : { kind: 'node', name })}>
      {children}
    </button>
  );
}
