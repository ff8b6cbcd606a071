/** Why the graph view cannot show a graph: what is wrong, and what to do. */
export interface GraphError {
  readonly code: 'ort-format' | 'not-onnx' | 'graph-too-large' | 'layout-failed';
  readonly message: string;
  readonly hint: string;
}

export type GraphResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GraphError };

export function graphError(code: GraphError['code'], message: string, hint: string): GraphError {
  return { code, message, hint };
}
