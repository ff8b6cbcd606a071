import { useId } from 'react';
import type { SearchHit } from '../../../core/graph/graph-search';

/** Search by node name, tensor name or operator type; each hit selects its node. */
export function GraphSearch({ query, hits, total, onQuery, onPick }: { query: string; hits: readonly SearchHit[]; total: number; onQuery(q: string): void; onPick(hit: SearchHit): void }) {
  const id = useId();
  return (
    <div className="graph-search">
      <label htmlFor={`${id}-q`}>Search the graph</label>
      <input id={`${id}-q`} type="search" value={query} placeholder="node, tensor or operator type" onChange={(e) => onQuery(e.target.value)} aria-describedby={`${id}-count`} />
      <p id={`${id}-count`} className="muted" role="status">
        {query.trim() ? (total === 0 ? 'Nothing matches.' : `${total} match${total === 1 ? '' : 'es'}${total > hits.length ? `, the first ${hits.length} listed` : ''}.`) : ''}
      </p>
      {hits.length > 0 && (
        <ul className="graph-hits" aria-label="Search results" data-testid="graph-hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link-button" onClick={() => onPick(hit)}>
                {hit.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
