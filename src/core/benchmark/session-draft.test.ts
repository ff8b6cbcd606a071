import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_DRAFT, formDimensions, tuningOfDraft } from './session-draft';

// What core/model/dimension-defaults gives for input_ids [batch, sequence_length] with metadata.json max_sequence_length 64
// (its own tests check that; imported here it would make a folder cycle).
const STARTING = [
  { name: 'batch', value: 1, detail: 'default for a batch' },
  { name: 'sequence_length', value: 64, detail: 'metadata.json max_sequence_length' },
];
const batch = { kind: 'symbolic', name: 'batch' } as const;

describe('session draft', () => {
  it('shows each symbolic dimension with its starting size and where it came from, or the user’s size', () => {
    const defaults = STARTING;
    expect(formDimensions(defaults, {})).toEqual([
      { name: 'batch', value: 1, detail: 'default for a batch', chosen: false },
      { name: 'sequence_length', value: 64, detail: 'metadata.json max_sequence_length', chosen: false },
    ]);
    expect(formDimensions(defaults, { sequence_length: 20 })[1]).toEqual({ name: 'sequence_length', value: 20, detail: 'set by you', chosen: true });
  });

  it('fixes every dimension but the batch one, and asks onnxruntime for nothing by default', () => {
    const dims = formDimensions(STARTING, {});
    expect(tuningOfDraft(DEFAULT_SESSION_DRAFT, dims, batch, [1, 8])).toEqual({ ok: true, value: {} });
    const all = { graphOptimizationLevel: 'extended', fixDimensions: true, preferredLayout: 'NCHW', graphCapture: true, outputsOnGpu: false } as const;
    expect(tuningOfDraft(all, dims, batch, [4])).toEqual({
      ok: true,
      value: { graphOptimizationLevel: 'extended', freeDimensionOverrides: { sequence_length: 64 }, preferredLayout: 'NCHW', enableGraphCapture: true },
    });
  });

  it('refuses graph capture over several batch sizes, saying why', () => {
    const refused = tuningOfDraft({ ...DEFAULT_SESSION_DRAFT, graphCapture: true }, [], batch, [1, 8]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Graph capture records the GPU work for one input shape, and 2 batch sizes were asked for.');
  });
});
