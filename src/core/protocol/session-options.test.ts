import { describe, expect, it } from 'vitest';
import { sessionConfigLabel, sessionConfigRecord, sessionOptionsFor, tuningFor, tuningRefusal } from './session-options';

const ALL = { graphOptimizationLevel: 'basic', freeDimensionOverrides: { seq: 16 }, preferredLayout: 'NHWC', enableGraphCapture: true } as const;

describe('session options', () => {
  it('gives WASM only the options it can take, and onnxruntime’s defaults when nothing is set', () => {
    expect(sessionOptionsFor('wasm')).toEqual({ executionProviders: ['wasm'] });
    expect(sessionOptionsFor('wasm', ALL)).toEqual({ graphOptimizationLevel: 'basic', freeDimensionOverrides: { seq: 16 }, executionProviders: ['wasm'] });
    expect(tuningFor('wasm', { outputsOnGpu: true, freeDimensionOverrides: {} })).toEqual({});
  });

  it('passes WebGPU’s layout as an execution-provider option, and graph capture with outputs on the GPU', () => {
    expect(sessionOptionsFor('webgpu')).toEqual({ executionProviders: [{ name: 'webgpu' }] });
    expect(sessionOptionsFor('webgpu', ALL)).toEqual({
      graphOptimizationLevel: 'basic',
      freeDimensionOverrides: { seq: 16 },
      enableGraphCapture: true,
      preferredOutputLocation: 'gpu-buffer',
      executionProviders: [{ name: 'webgpu', preferredLayout: 'NHWC' }],
    });
    expect(sessionOptionsFor('webgpu', { outputsOnGpu: true })).toEqual({ preferredOutputLocation: 'gpu-buffer', executionProviders: [{ name: 'webgpu' }] });
  });

  it('builds WebNN’s execution-provider options (device type, power preference) against the standard API, and only for WebNN', () => {
    const webnn = { webnnDeviceType: 'npu', webnnPowerPreference: 'low-power', preferredLayout: 'NHWC', graphOptimizationLevel: 'extended' } as const;
    expect(sessionOptionsFor('webnn')).toEqual({ executionProviders: [{ name: 'webnn' }] });
    expect(sessionOptionsFor('webnn', webnn)).toEqual({ graphOptimizationLevel: 'extended', executionProviders: [{ name: 'webnn', deviceType: 'npu', powerPreference: 'low-power' }] });
    expect(sessionOptionsFor('webgpu', webnn).executionProviders).toEqual([{ name: 'webgpu', preferredLayout: 'NHWC' }]);
    expect(sessionOptionsFor('wasm', webnn).executionProviders).toEqual(['wasm']);
    expect(sessionConfigRecord('webnn', webnn)).toMatchObject({ webnnDeviceType: 'npu', webnnPowerPreference: 'low-power', preferredLayout: null, enableGraphCapture: null });
    expect(sessionConfigLabel(sessionConfigRecord('webnn', webnn))).toBe('graph optimisation extended · WebNN npu · power low-power');
  });

  it('records every key for every backend, null where it does not apply', () => {
    expect(sessionConfigRecord('wasm', ALL)).toEqual({ graphOptimizationLevel: 'basic', freeDimensionOverrides: { seq: 16 }, preferredLayout: null, enableGraphCapture: null, preferredOutputLocation: null, webnnDeviceType: null, webnnPowerPreference: null });
    expect(sessionConfigRecord('webgpu')).toEqual({ graphOptimizationLevel: 'all', freeDimensionOverrides: null, preferredLayout: null, enableGraphCapture: false, preferredOutputLocation: 'cpu', webnnDeviceType: null, webnnPowerPreference: null });
    expect(sessionConfigRecord('webgpu', ALL)).toMatchObject({ preferredLayout: 'NHWC', enableGraphCapture: true, preferredOutputLocation: 'gpu-buffer', webnnDeviceType: null, webnnPowerPreference: null });
    expect(sessionConfigLabel(sessionConfigRecord('webgpu', ALL))).toBe('graph optimisation basic · seq fixed at 16 · layout NHWC · graph capture · outputs on the GPU');
    expect(sessionConfigLabel(sessionConfigRecord('wasm'))).toBe('onnxruntime’s defaults');
  });

  it('turns onnxruntime’s refusal of graph capture into a sentence, and leaves other failures alone', () => {
    const capture = { enableGraphCapture: true };
    const partitioned = 'This session cannot use the graph capture feature as requested by the user as all compute graph nodes have not been partitioned to the WebGpuExecutionProvider';
    expect(tuningRefusal(capture, partitioned)?.message).toBe(
      'WebGPU graph capture is not possible for this model: some of its nodes run on the CPU rather than on WebGPU (see “Where the nodes run” on the Speed tab), and a recorded graph must run entirely on the GPU.',
    );
    expect(tuningRefusal(capture, 'cannot use the graph capture feature as the model has control flow nodes')?.message).toContain('control-flow nodes (If, Loop, Scan)');
    expect(tuningRefusal(capture, 'graph capture: something new')?.message).toContain('onnxruntime refused it (graph capture: something new)');
    expect(tuningRefusal({}, partitioned)).toBeNull();
    expect(tuningRefusal(capture, 'Invalid rank for input: x')).toBeNull();
  });
});
