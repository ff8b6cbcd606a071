import { exampleFeeds, randomFeeds } from '../../core/benchmark/feeds';
import type { InputSource } from '../../core/benchmark/plan';
import type { BenchmarkPointRequest } from '../../core/protocol/benchmark';
import { ok, type Result } from '../../core/protocol/engine-error';
import { toPayload, type HostTensor } from '../../core/schema/host-tensor';
import { exampleToTensors } from '../../core/schema/input-example';
import { modelBatchDimension } from '../store/benchmark-selectors';
import type { OpenModel } from '../store/models-slice';

/**
 * The inputs of a model at each batch size, as payloads ready to transfer to a worker
 * (made afresh for every call: their buffers leave the page). `example` repeats the
 * package's example rows to the batch size, `random` draws seeded values.
 */
export function modelFeeds(model: OpenModel, source: InputSource, batchSizes: readonly number[]): Result<BenchmarkPointRequest[]> {
  const inputs = model.description?.inputs ?? [];
  const batch = modelBatchDimension(model);
  let example: Record<string, HostTensor> | null = null;
  if (source === 'example') {
    const made = exampleToTensors(model.pkg.inputExample, inputs, model.pkg.metadata?.featureNames);
    if (!made.ok) return made;
    example = made.value;
  }
  return ok(
    batchSizes.map((batchSize) => {
      const feeds = example ? exampleFeeds(example, batch, batchSize) : randomFeeds(inputs, batch, batchSize, model.dims);
      return { batchSize, feeds: Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toPayload({ ...t, data: t.data.slice() })])) };
    }),
  );
}
