import { describe, expect, it } from 'vitest';
import { isPlacementLine, parsePlacementLog, placementConsequence, placementGroupsFromEvents, placementOf } from './placement';
import { parseProfilerLines } from './profiler-events';
import { WASM_PLACEMENT_LOG, WEBGPU_PLACEMENT_LOG, WEBGPU_PROFILE } from './ort-output.fixture';

describe('placement from onnxruntime’s verbose log', () => {
  it('reads the groups and the nodes it names, skipping other lines and colour codes', () => {
    expect(WEBGPU_PLACEMENT_LOG.filter(isPlacementLine)).toHaveLength(WEBGPU_PLACEMENT_LOG.length - 2);
    expect(parsePlacementLog(WEBGPU_PLACEMENT_LOG)).toEqual([
      { provider: 'CPUExecutionProvider', count: 1, nodes: [{ opType: 'Hardmax', name: 'odd_one' }] },
      {
        provider: 'WebGpuExecutionProvider',
        count: 4,
        nodes: [
          { opType: 'MatMul', name: 'project' },
          { opType: 'Relu', name: 'relu' },
          { opType: 'MemcpyFromHost', name: 'Memcpy' },
          { opType: 'MemcpyToHost', name: 'Memcpy_token_0' },
        ],
      },
    ]);
  });

  it('reads “All nodes placed on …”, and says null without a report', () => {
    expect(parsePlacementLog(WASM_PLACEMENT_LOG)).toEqual([{ provider: 'CPUExecutionProvider', count: 3, nodes: [] }]);
    expect(parsePlacementLog(['[I:onnxruntime:, inference_session.cc:3094 Initialize] Session successfully initialized.'])).toBeNull();
  });

  it('keeps names with spaces and brackets', () => {
    const line = (text: string) => `2026-01-01 [V:onnxruntime:, session_state.cc:1385 VerifyEachNodeIsAssignedToAnEp] ${text}`;
    expect(parsePlacementLog([line(' Node(s) placed on [CPUExecutionProvider]. Number of nodes: 1'), line('  Shape (fused (a) b/Shape)')])![0]!.nodes).toEqual([{ opType: 'Shape', name: 'fused (a) b/Shape' }]);
  });

  it('summarises CPU nodes and the copies onnxruntime inserted, and says what they cost', () => {
    const p = placementOf(parsePlacementLog(WEBGPU_PLACEMENT_LOG)!, 'verbose-log');
    expect(p).toMatchObject({ source: 'verbose-log', totalNodes: 5, cpuNodeCount: 1, cpuNodes: [{ name: 'odd_one', opType: 'Hardmax' }] });
    expect(p.copies.map((c) => c.opType)).toEqual(['MemcpyFromHost', 'MemcpyToHost']);
    const text = placementConsequence(p, 0.855);
    expect(text).toContain('1 of 3 nodes run on the CPU instead of the GPU');
    expect(text).toContain('inserted 2 copies (MemcpyFromHost, MemcpyToHost)');
    expect(text).toContain('0.855 ms per run');
  });

  it('names an unnamed group from the profiler, and falls back to it entirely', () => {
    const events = parseProfilerLines(WEBGPU_PROFILE);
    const groups = placementGroupsFromEvents(events)!;
    expect(groups.find((g) => g.provider === 'CPUExecutionProvider')).toEqual({ provider: 'CPUExecutionProvider', count: 1, nodes: [{ name: 'odd_one', opType: 'Hardmax' }] });
    const filled = placementOf([{ provider: 'CPUExecutionProvider', count: 1, nodes: [] }, { provider: 'WebGpuExecutionProvider', count: 4, nodes: [] }], 'verbose-log', events);
    expect(filled.cpuNodes).toEqual([{ name: 'odd_one', opType: 'Hardmax' }]);
    expect(filled.copies).toHaveLength(2);
    expect(placementGroupsFromEvents([])).toBeNull();
  });

  it('says when everything runs on the GPU, or nothing does', () => {
    expect(placementConsequence(placementOf([{ provider: 'WebGpuExecutionProvider', count: 10, nodes: [] }], 'verbose-log'))).toMatch(/^All 10 nodes run on the GPU/);
    expect(placementConsequence(placementOf([{ provider: 'CPUExecutionProvider', count: 3, nodes: [] }], 'verbose-log'))).toMatch(/^All 3 nodes run on the CPU/);
  });
});
