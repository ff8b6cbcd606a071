/**
 * The model node names a profiled (optimised-graph) node name may stand for, most likely first:
 * the name itself; without the "fused " prefix onnxruntime gives Conv/Gemm + activation fusions;
 * without the "_token_N" suffix it adds when it rewrites a node (WebGPU's NHWC layout transform).
 */
export function modelNameCandidates(profiledName: string): string[] {
  const names = [profiledName];
  const unfused = profiledName.startsWith('fused ') ? profiledName.slice('fused '.length) : profiledName;
  if (unfused !== profiledName) names.push(unfused);
  const untokened = unfused.replace(/_token_\d+$/, '');
  if (untokened !== unfused) names.push(untokened);
  return names;
}
