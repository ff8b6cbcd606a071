import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { feedToRows, rowsToFeeds } from './row-feeds';

describe('rowsToFeeds', () => {
  it('packs rows into one [N, …rowShape] tensor of the input’s dtype', () => {
    const s = buildSignature({ metadata: { feature_names: ['a', 'b', 'c', 'd'] }, mlmodel: null, inputs: [{ name: 'img', dtype: 'float32', shape: ['N', 1, 2, 2] }] });
    const feeds = rowsToFeeds(s, [[1, 2, 3, 4], [5, 6, 7, true]]);
    expect(feeds.img!.dims).toEqual([2, 1, 2, 2]);
    expect(feeds.img!.data).toEqual(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 1));
    expect(feedToRows(s, feeds)).toEqual([[1, 2, 3, 4], [5, 6, 7, 1]]);
  });

  it('feeds each column to its own input with its dtype (int64, string, bool)', () => {
    const s = buildSignature({
      metadata: null,
      mlmodel: { signature: { inputs: '[{"name": "age", "type": "long"}, {"name": "city", "type": "string"}, {"name": "member", "type": "boolean"}]' } },
      inputs: [
        { name: 'age', dtype: 'int64', shape: ['N', 1] },
        { name: 'city', dtype: 'string', shape: ['N', 1] },
        { name: 'member', dtype: 'bool', shape: ['N'] },
      ],
    });
    const feeds = rowsToFeeds(s, [[31, 'Paris', true], [45, 'Lyon', false]]);
    expect(feeds.age).toEqual({ dtype: 'int64', dims: [2, 1], data: BigInt64Array.of(31n, 45n) });
    expect(feeds.city).toEqual({ dtype: 'string', dims: [2, 1], data: ['Paris', 'Lyon'] });
    expect(feeds.member).toEqual({ dtype: 'bool', dims: [2], data: Uint8Array.of(1, 0) });
    expect(feedToRows(s, feeds)).toEqual([[31, 'Paris', true], [45, 'Lyon', false]]);
  });

  it('encodes float16 rows as half-float bits (5.1 is 0x451a, not 5) and reads them back as numbers', () => {
    const s = buildSignature({ metadata: { feature_names: ['a', 'b', 'c', 'd'] }, mlmodel: null, inputs: [{ name: 'x', dtype: 'float16', shape: ['N', 4] }] });
    const feeds = rowsToFeeds(s, [[5.1, 3.5, 1.4, 0.2]]);
    expect(feeds.x!.dtype).toBe('float16');
    expect(Array.from(feeds.x!.data as Uint16Array, (b) => b.toString(16))).toEqual(['451a', '4300', '3d9a', '3266']);
    expect(feedToRows(s, feeds)).toEqual([[5.1015625, 3.5, 1.400390625, 0.199951171875]]);
  });
});
