import { describe, expect, it } from 'vitest';
import { generatedLayout, modelInputs } from '../../core/model/model-inputs';
import { openExample, rig } from './actions.fixture';
import { makeFeeds } from './run-inputs';

const modelOf = (r: ReturnType<typeof rig>, id: string) => r.store.getState().models.find((m) => m.id === id)!;

/** The large MLP open in a fresh rig, its Run set to `source` inputs (at `batch` rows when given). */
async function openMlpLarge(source: 'random' | 'zeros', batch?: number) {
  const r = rig();
  const model = await openExample(r, 'mlp-large');
  r.inputFiles.setRunSource(model.id, source);
  if (batch !== undefined) r.store.getState().setDim(model.id, 'batch', batch);
  return { r, model };
}

describe('a Run that cannot fit in memory', () => {
  it('is refused before anything is made or sent, with the figures beside the Run button; a batch that fits then runs', async () => {
    const { r, model } = await openMlpLarge('random', 300_000);
    const runs = r.engine.runs;
    const notices = r.store.getState().notices.length;
    await r.actions.runModel(model.id);
    const refused = modelOf(r, model.id);
    expect(refused.runRefusal?.code).toBe('too-large-for-memory');
    expect(refused.runRefusal?.message).toMatch(/^Batch 300,000 needs at least 4\.6 GB of memory \(inputs 73\.2 MB, and 4\.6 GB that its largest step must hold at once with the outputs made by then\); .* the largest batch that might fit is about 240,000\.$/);
    expect(refused.run.status).toBe('idle');
    expect(r.engine.runs).toBe(runs);
    // Shown beside the button only, not as a second alert.
    expect(r.store.getState().notices.length).toBe(notices);

    r.store.getState().setDim(model.id, 'batch', 1000);
    expect(modelOf(r, model.id).runRefusal).toBeNull();
    await r.actions.runModel(model.id);
    const run = modelOf(r, model.id).run;
    expect(run.status).toBe('done');
    if (run.status === 'done') expect(run.outputs.logits!.dims).toEqual([1000, 10]);
  });

  it('holds back a batch whose floor fits but whose estimate does not, with the range, until the user runs it anyway', async () => {
    // Floor 239,999 × 16,640 B fits the 3.7 GB left; the estimate (16,680 B a row) does not.
    const { r, model } = await openMlpLarge('zeros', 239_999);
    const runs = r.engine.runs;
    await r.actions.runModel(model.id);
    const held = modelOf(r, model.id);
    expect(held.runRefusal?.code).toBe('may-not-fit-memory');
    expect(held.runRefusal?.message).toMatch(/^Batch 239,999 may not fit in memory: about 3\.7 GB\. At least 3\.7 GB/);
    expect(held.runRefusal?.hint).toMatch(/^Nothing was sent to the engine yet\. Run anyway/);
    expect(r.engine.runs).toBe(runs);
    expect(held.run.status).toBe('idle');
    r.engine.beforeRun = () => {
      throw new RangeError('stopped here: the run was attempted');
    };
    await r.actions.runModel(model.id, { anyway: true });
    expect(r.store.getState().notices.at(-1)?.message).toMatch(/stopped here: the run was attempted/);
    expect(modelOf(r, model.id).runRefusal).toBeNull();
  });

  it('reports an allocation failure that still happens, and leaves the Run button ready', async () => {
    const { r, model } = await openMlpLarge('zeros');
    r.engine.beforeRun = () => {
      throw new RangeError('Invalid array length');
    };
    await r.actions.runModel(model.id);
    expect(modelOf(r, model.id).run.status).toBe('idle');
    const notice = r.store.getState().notices.at(-1)!;
    expect(notice.message).toBe('The run stopped before the model ran: Invalid array length.');
    expect(notice.hint).toMatch(/more memory than this tab can give/);
  });
});

describe('makeFeeds', () => {
  it('makes generated inputs in slices, letting the page in between, with the values modelInputs gives', async () => {
    const model = { facts: { inputs: [{ name: 'x', dtype: 'float32' as const, shape: ['N', 64] }], batch: { kind: 'symbolic' as const, name: 'N' }, example: null }, dims: { N: 20_000 } };
    let finished = false;
    let pageGotATurn = false;
    setTimeout(() => (pageGotATurn = !finished), 0);
    const feeds = await makeFeeds({ kind: 'generated', source: 'random', layout: generatedLayout(model, 'random', null) }, 0).finally(() => (finished = true));
    expect(pageGotATurn).toBe(true);
    const made = modelInputs(model, 'random', [null]);
    if (!made.ok) throw new Error(made.error.message);
    expect(feeds.x!.data).toEqual(made.value[0]!.feeds.x!.data);
  });
});
