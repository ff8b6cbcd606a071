import { afterEach, describe, expect, it, vi } from 'vitest';
import { bigIrisCsv, openExample, rig, type Rig } from './actions.fixture';

// The page's "save as": recorded here instead of clicking a link.
const saved = vi.hoisted(() => [] as { name: string; blob: Blob }[]);
vi.mock('../ui/save-file', () => ({ saveBlob: (name: string, blob: Blob) => saved.push({ name, blob }) }));

afterEach(() => {
  saved.length = 0;
});

async function scoredIris(rows: number): Promise<{ r: Rig; id: string }> {
  const r = rig();
  const model = await openExample(r, 'iris-pipeline');
  await r.predict.openPredict(model.id);
  await r.predict.chooseBatchFile(model.id, bigIrisCsv(rows));
  expect(r.store.getState().predict[model.id]!.batch.status).toBe('done');
  return { r, id: model.id };
}

describe('downloading scored rows (Predict)', () => {
  it('builds the CSV and JSON a slice at a time, showing progress, then saves them', async () => {
    const { r, id } = await scoredIris(3_000);
    const shown: (number | null)[] = [];
    r.store.subscribe((s) => {
      const d = s.predict[id]?.batch.download;
      if (shown.at(-1) !== (d?.fraction ?? null)) shown.push(d?.fraction ?? null);
    });
    await r.predict.downloadBatch(id, 'csv');
    await r.predict.downloadBatch(id, 'json');
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([
      ['iris-pipeline-predictions.csv', 'text/csv'],
      ['iris-pipeline-predictions.json', 'application/json'],
    ]);
    const lines = (await saved[0]!.blob.text()).trim().split('\n');
    expect(lines).toHaveLength(3_001);
    expect(lines[0]).toBe('sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),target,prediction,confidence,probability_setosa,probability_versicolor,probability_virginica,status,note');
    const records = JSON.parse(await saved[1]!.blob.text()) as { row: number; status: string }[];
    expect(records.map((x) => x.row)).toEqual(Array.from({ length: 3_000 }, (_, i) => i + 1));
    // Each download started at 0 and ended with no download in progress.
    expect(shown.filter((f) => f === 0)).toHaveLength(2);
    expect(shown.at(-1)).toBeNull();
  });

  it('stops when cancelled: nothing is saved, and the next download works', async () => {
    const { r, id } = await scoredIris(20_000);
    const off = r.store.subscribe((s) => {
      if (s.predict[id]?.batch.download) r.predict.cancelDownload(id);
    });
    await r.predict.downloadBatch(id, 'json');
    off();
    expect(saved).toEqual([]);
    expect(r.store.getState().predict[id]!.batch.download).toBeNull();
    await r.predict.downloadBatch(id, 'csv');
    expect(saved).toHaveLength(1);
  });

  it('stops when the model is closed mid-download', async () => {
    const { r, id } = await scoredIris(20_000);
    let closing: Promise<void> | null = null;
    const off = r.store.subscribe((s) => {
      if (s.predict[id]?.batch.download && !closing) closing = r.actions.closeModel(id);
    });
    await r.predict.downloadBatch(id, 'json');
    off();
    await closing;
    expect(saved).toEqual([]);
    expect(r.store.getState().predict[id]).toBeUndefined();
  });
});
