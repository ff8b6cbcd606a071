import { describe, expect, it } from 'vitest';
import { exampleFeeds, randomFeeds, repeatToBatch } from './feeds';

describe('benchmark inputs', () => {
  it('repeats rows in turn to the batch size', () => {
    const t = repeatToBatch({ dtype: 'float32', dims: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) }, 5);
    expect(t.dims).toEqual([5, 3]);
    expect([...(t.data as Float32Array)]).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3]);
  });

  it('repeats int64 and string tensors too, and shrinks to fewer rows', () => {
    const ints = repeatToBatch({ dtype: 'int64', dims: [1, 2], data: BigInt64Array.from([7n, 9n]) }, 3);
    expect([...(ints.data as BigInt64Array)]).toEqual([7n, 9n, 7n, 9n, 7n, 9n]);
    const strings = repeatToBatch({ dtype: 'string', dims: [2, 1], data: ['a', 'b'] }, 3);
    expect(strings).toEqual({ dtype: 'string', dims: [3, 1], data: ['a', 'b', 'a'] });
    expect(repeatToBatch({ dtype: 'float32', dims: [3], data: Float32Array.from([1, 2, 3]) }, 1).data).toEqual(Float32Array.from([1]));
  });

  it('draws random inputs at the batch size, other symbolic dimensions as chosen', () => {
    const feeds = randomFeeds([{ name: 'x', dtype: 'float32', shape: ['N', 'T', 4] }, { name: 'k', dtype: 'int64', shape: ['N'] }], { kind: 'symbolic', name: 'N' }, 8, { T: 3 });
    expect(feeds.x!.dims).toEqual([8, 3, 4]);
    expect(feeds.k!.dims).toEqual([8]);
    expect(feeds.k!.data).toBeInstanceOf(BigInt64Array);
    // Seeded: the same numbers every time.
    expect(randomFeeds([{ name: 'x', dtype: 'float32', shape: ['N', 4] }], { kind: 'symbolic', name: 'N' }, 2, {}).x!.data).toEqual(
      randomFeeds([{ name: 'x', dtype: 'float32', shape: ['N', 4] }], { kind: 'symbolic', name: 'N' }, 2, {}).x!.data,
    );
  });

  it('leaves the example alone when the batch is fixed', () => {
    const example = { x: { dtype: 'float32' as const, dims: [1, 4], data: Float32Array.from([1, 2, 3, 4]) } };
    expect(exampleFeeds(example, { kind: 'fixed', size: 1 }, 8).x!.dims).toEqual([1, 4]);
    expect(exampleFeeds(example, { kind: 'symbolic', name: 'N' }, 8).x!.dims).toEqual([8, 4]);
  });
});
