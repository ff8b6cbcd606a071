import { describe, expect, it } from 'vitest';
import { exampleFacts } from '../model/examples.fixture';
import { ok } from '../protocol/engine-error';
import type { ScoredChunk } from '../schema/batch-chunk';
import type { HostTensor } from '../schema/host-tensor';
import { createRowValidator } from '../schema/validate-row';
import { fromWire, toWire } from './chunk-wire';
import { scoreTable } from './score-table';
import { arrayRows } from './table-rows';

const facts = exampleFacts('iris-pipeline');

async function scoredChunks(): Promise<ScoredChunk[]> {
  const chunks: ScoredChunk[] = [];
  const rows = Array.from({ length: 3000 }, (_, i) => (i % 50 === 7 ? ['x', '3', '4', '1', 'virginica'] : [String(5 + (i % 3)), '3', '4.5', '1.5', ['0', '1', '2', 'setosa'][i % 4]!]));
  const run = async (feeds: Record<string, HostTensor>) => {
    const n = feeds.float_input!.dims[0]!;
    return ok({ outputs: { label: { dtype: 'int64' as const, dims: [n], data: new BigInt64Array(n).map((_, i) => BigInt(i % 3)) }, probabilities: { dtype: 'float32' as const, dims: [n, 3], data: new Float32Array(n * 3).fill(1 / 3) } }, runMs: 1 });
  };
  await scoreTable({ rows: arrayRows(rows), signature: facts.signature, plan: facts.plan, validator: createRowValidator(facts.signature), match: { indices: [0, 1, 2, 3], labelIndex: 4 }, run, isCancelled: () => false, onChunk: (c) => chunks.push(c) });
  return chunks;
}

describe('chunks on the wire', () => {
  it('arrive as they left, their arrays moved rather than copied', async () => {
    const chunks = await scoredChunks();
    const expected = structuredClone(chunks);
    const wire = toWire(chunks);
    const arrived = fromWire(structuredClone(wire.chunks, { transfer: wire.transfer }));
    expect(arrived).toEqual(expected);
    // Moved: the sender's arrays are empty now.
    expect(chunks[0]!.status.length).toBe(0);
    // Text columns travel as a few words and a code per row.
    expect(wire.chunks[0]!.predictions.className.words.length).toBeLessThanOrEqual(4);
    expect(wire.chunks[0]!.truth!.words.length).toBeLessThanOrEqual(5);
  });
});
