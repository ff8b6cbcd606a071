import { useCallback, useMemo } from 'react';
import { findAttentionChains, type AttentionChain } from '../../../core/graph/attention-chains';
import { edgeLabel } from '../../../core/graph/edge-label';
import { tensorLinks } from '../../../core/graph/graph-links';
import type { GraphModel } from '../../../core/graph/graph-model';
import { searchGraph, type SearchHit } from '../../../core/graph/graph-search';
import type { LabelledProfile } from './use-graph-overlays';

export interface GraphIndex {
  readonly chains: readonly AttentionChain[];
  readonly producers: ReadonlyMap<string, string>;
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  readonly search: { readonly hits: readonly SearchHit[]; readonly total: number };
  readonly hitIds: ReadonlySet<string>;
  readonly edgeLabel: (tensor: string, group: string | null) => string;
}

/** What the Graph tab looks up on the read graph, each computed once per graph (and per query, per chosen profile). */
export function useGraphIndex(model: GraphModel | null, query: string, chosen: LabelledProfile | null): GraphIndex {
  const chains = useMemo(() => (model ? findAttentionChains(model) : []), [model]);
  const { producers, consumers } = useMemo(() => (model ? tensorLinks(model) : { producers: new Map<string, string>(), consumers: new Map<string, string[]>() }), [model]);
  const search = useMemo(() => (model ? searchGraph(model, query) : { hits: [], total: 0 }), [model, query]);
  const hitIds = useMemo(() => new Set(search.hits.map((h) => h.id)), [search]);
  const label = useCallback((tensor: string, group: string | null): string => edgeLabel(model, chosen?.profile.shapes, tensor, group), [model, chosen]);
  return { chains, producers, consumers, search, hitIds, edgeLabel: label };
}
